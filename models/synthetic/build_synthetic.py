#!/usr/bin/env python3
"""Build models/synthetic/synthetic.jsonl: synthetic training rows for postguard.

The public training data has few or no examples of several things the label definitions ask
for (algospeak crisis, recovery stories, supportive replies that mention suicide, quoted
debunks, safety questions, friendly banter, sentence pairs of one parent with a kind, a neutral
and a cruel reply ...).  This script writes them from the label definitions: slot-filled
templates (kind "template") plus individually hand-written posts (kind "hand").

    python3 models/synthetic/build_synthetic.py            # write synthetic.jsonl, print counts
    python3 models/synthetic/build_synthetic.py --phrases  # also list phrases frequent in a group
    python3 models/synthetic/build_synthetic.py --table    # also print the README group table

Standard library only, deterministic: every group draws from its own random.Random seeded with
a fixed string, so the output is byte-identical on every run.  The script exits non-zero if a
text is duplicated (lowercased, whitespace collapsed), a row lacks a label for a head, or a
group ends up with fewer than MIN_ROWS rows.

Kept apart from the behavioural test suite: the script reads tests/behaviour/suite.jsonl as
data only and drops every synthetic row whose normalised text (or context) equals a suite text
or shares any 6-word sequence with one (see overlap_filter).

Data format for the hand-written blocks below: one row per line; a line starting with "//" is a
comment; "CONTEXT ||| TEXT" gives a row a parent message; a trailing " @@ m=null u=1" overrides
the group's labels (b=bullying, m=misinformation, u=unsafe_advice, c=crisis; 0, 1 or null).
Templates use the same format with {slot} fields; {slot.0}/{slot.1} pick parts of one tuple.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = HERE / "synthetic.jsonl"
SUITE = REPO / "tests" / "behaviour" / "suite.jsonl"
SEED = "postguard-synthetic-v1"
MIN_ROWS = 40
NGRAM = 6
HEADS = ("bullying", "misinformation", "unsafe_advice", "crisis")
KEYS = {"b": "bullying", "m": "misinformation", "u": "unsafe_advice", "c": "crisis"}

GROUPS: list[dict] = []


def L(b=0, m=0, u=0, c=0) -> dict:
    return {"bullying": b, "misinformation": m, "unsafe_advice": u, "crisis": c}


def parse_block(block: str) -> list[tuple[str | None, str, dict]]:
    """Lines of a hand/template block -> (context, text, label overrides)."""
    rows = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        over = {}
        if " @@ " in line:
            line, spec = line.split(" @@ ", 1)
            for tok in spec.split():
                k, v = tok.split("=")
                over[KEYS[k]] = None if v == "null" else int(v)
        ctx = None
        if " ||| " in line:
            ctx, line = line.split(" ||| ", 1)
            ctx = ctx.strip()
        rows.append((ctx, line.strip(), over))
    return rows


def group(name, head, polarity, what, labels, hand="", templates="", slots=None, n_tpl=0,
          emoji=(), contexts=None, style=True):
    """Register a group.  contexts: optional list of parent messages; a template whose context
    is "{ctx}" draws one from it."""
    GROUPS.append(dict(name=name, head=head, polarity=polarity, what=what, labels=labels,
                       hand=parse_block(hand), templates=parse_block(templates),
                       slots=dict(slots or {}), n_tpl=n_tpl, emoji=list(emoji),
                       contexts=list(contexts or []), style=style))


# ----------------------------------------------------------------------------- text helpers

SLOT_RE = re.compile(r"\{([a-z_0-9]+)(?:\.(\d))?\}")


def expand(tpl: str, slots: dict, rng: random.Random, chosen: dict, usage: dict | None = None,
           depth: int = 0) -> str:
    """Fill {slot} fields.  With usage (slot -> per-value counts of rows already accepted), a
    slot takes one of its least-used values, so no filler dominates a group."""
    if depth > 6:
        raise SystemExit(f"slot recursion too deep in {tpl!r}")

    def rep(m):
        name, idx = m.group(1), m.group(2)
        if name not in slots:
            raise SystemExit(f"unknown slot {{{name}}} in template {tpl!r}")
        if name not in chosen:
            vals = slots[name]
            if usage is not None:
                counts = usage.setdefault(name, [0] * len(vals))
                low = min(counts)
                k = rng.choice([i for i, c in enumerate(counts) if c == low])
            else:
                k = rng.randrange(len(vals))
            chosen[name] = (k, vals[k])
        v = chosen[name][1]
        if isinstance(v, tuple):
            v = v[int(idx)] if idx is not None else v[0]
        return expand(v, slots, rng, chosen, usage, depth + 1) if "{" in v else v

    return SLOT_RE.sub(rep, tpl)


def tidy(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s+([,.!?])", r"\1", t)
    t = re.sub(r"([,.])\1+", r"\1", t) if "..." not in t else t
    t = re.sub(r"^[,.\s]+", "", t)
    t = t.replace(",.", ".").replace(".,", ",").replace("?.", "?").replace("!.", "!")
    return t


def swap_typo(t: str, rng: random.Random) -> str:
    """One typo: two neighbouring letters swapped inside a word of 6+ letters (t unchanged if it
    has none). Also used by build_contrast.py."""
    words = t.split(" ")
    idx = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6]
    if not idx:
        return t
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def perturb(t: str, rng: random.Random, emoji: list[str]) -> str:
    """Light, meaning-preserving noise: dropped apostrophes, 'u', a typo, casing, emoji."""
    if rng.random() < 0.22:
        t = re.sub(r"(?<=[A-Za-z])['’](?=[A-Za-z])(?!ll\b)", "", t)  # contractions only, not quotes
    if rng.random() < 0.10:
        t = re.sub(r"\byou\b(?!['’])", "u", t)
        t = re.sub(r"\byour\b", "ur", t)
    if rng.random() < 0.07:
        t = swap_typo(t, rng)
    if rng.random() < 0.12 and t[:1].isalpha():
        t = t[0].upper() + t[1:]
    e = rng.choice(emoji) if emoji else ""
    if e and rng.random() < 0.16:
        t = t.rstrip(".") + " " + e
    elif rng.random() < 0.15 and t.endswith("."):
        t = t[:-1]
    return t.strip()


def dup_key(t: str) -> str:
    """The duplicate rule of the brief: lowercase, whitespace collapsed."""
    return re.sub(r"\s+", " ", t.lower()).strip()


def near_key(t: str) -> str:
    """Stricter key used while sampling so templates do not make near-duplicates."""
    return re.sub(r"[^a-z0-9]+", "", t.lower())


def norm_words(t: str) -> list[list[str]]:
    """Normalised word sequences for the suite-overlap check: lowercase, letters/digits/spaces
    only.  Two variants (punctuation removed / punctuation turned into a space) so that neither
    "don't" vs "dont" nor "self-harm" vs "self harm" hides an overlap."""
    low = t.lower()
    a = re.sub(r"[^\w\s]|_", "", low).split()
    b = re.sub(r"[^\w\s]|_", " ", low).split()
    return [a, b] if a != b else [a]


def ngrams(words: list[str], n: int = NGRAM):
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


# ----------------------------------------------------------------------------- shared slots

S = {
    "med": ["sertraline", "zoloft", "lexapro", "escitalopram", "fluoxetine", "prozac", "citalopram",
            "venlafaxine", "effexor", "paroxetine", "mirtazapine", "wellbutrin", "bupropion",
            "duloxetine", "cymbalta", "lamotrigine", "lithium", "quetiapine", "seroquel",
            "abilify", "trazodone", "vortioxetine", "agomelatine"],
    "ssri": ["sertraline", "zoloft", "lexapro", "prozac", "fluoxetine", "citalopram", "paxil",
             "escitalopram", "my ssri"],
    "benzo": ["xanax", "klonopin", "valium", "ativan", "lorazepam", "diazepam", "clonazepam"],
    "sleep": ["ambien", "zopiclone", "sleeping pills", "nyquil", "zolpidem", "seroquel"],
    "stim": ["adderall", "ritalin", "vyvanse", "concerta", "elvanse"],
    "otc": ["ibuprofen", "tylenol", "paracetamol", "benadryl", "melatonin", "st john's wort",
            "cold and flu tablets", "advil", "antihistamines", "cough syrup"],
    "person": ["my sister", "my brother", "my mum", "my mom", "my dad", "my best friend",
               "my roommate", "my girlfriend", "my boyfriend", "my partner", "my cousin",
               "my coworker", "my flatmate", "my son", "my daughter", "my husband", "my wife",
               "my friend from uni", "a friend from discord", "my little brother", "my aunt",
               "my grandpa", "my stepdad", "a guy on my team", "my teammate"],
    "name": ["jake", "sarah", "maddie", "tyler", "priya", "marcus", "emily", "connor", "aisha",
             "liam", "chloe", "dev", "hannah", "josh", "mia", "noah", "zoe", "ryan", "leah",
             "omar", "becca", "sam", "tom", "nina"],
    "handle": ["u/sadboi_99", "@lilmoth", "u/throwaway_4421", "@kayla.draws", "u/nightowl_j",
               "@dan_the_man", "u/quietgirl", "@froggo", "u/jojo_gamer", "@mxrtha"],
    "helper": ["therapist", "psychiatrist", "doctor", "gp", "school counselor", "nurse",
               "case worker", "counsellor"],
    "person_your": ["your sister", "your mum", "a friend", "your roommate", "your dad", "your boyfriend",
                    "your nan", "a mate", "your flatmate"],
    "day": ["friday", "saturday", "sunday", "monday", "tuesday", "the weekend", "tomorrow"],
}

# ============================================================================= crisis: positives

group(
    "crisis_oblique", "crisis", "positive",
    "indirect risk now: giving things away, goodbyes, burden talk, a plan with a date or method, a note, researching methods, 'last post'",
    L(c=1),
    emoji=["", "🖤", "🙂"],
    hand="""
gave my guitar to my little brother today. he doesn't need to know why, i just wanted it to go to someone who'll play it
if anyone wants my switch and the games dm me. i won't be needing them after this week
i've been writing letters to everyone. the last one is for my mom and i can't get past the first line
this is probably my last post here. thank you to the few of you who were kind to me
i've made my peace with it. sunday is the day. i just wanted one person to know
sorted out who gets the cat and wrote down her feeding times. weirdly calm now that it's decided
soon they'll all be better off. i won't be a burden much longer
been looking up how many of my pills it would take. i think i have enough saved now
i already picked the bridge. i drive past it on the way to work and it feels like it's waiting
deleting all my accounts after this one. bye everyone, it was nice knowing some of you
hugged my dog extra long tonight because i know it's the last time
please don't be mad at me for what happens friday. none of it is anyone's fault
the note is in my desk drawer. i wrote it last night and i feel lighter than i have in months
paid off my credit card and cancelled everything so nobody has to deal with my mess after
tonight's the night. i have everything i need. sorry to everyone i let down
told everyone at work i'm moving away. i'm not moving anywhere
i set a date. it's after my sister's wedding so i don't ruin her day
if you're reading this after monday, i'm sorry. i tried for a really long time
spent all night reading about which way would hurt the least
put all my passwords in a doc for my brother. he's going to need them soon
told my best friend she can keep the jacket she always borrows. she thinks i'm being random lol
no more therapy, no more meds, no more trying. i made my decision and i'm at peace with it
this is the last thing i'll ever ask for: be nice to my sister when she finds out
i'm watching the last episode of my favourite show tonight and then i'm done with everything
i've started saying goodbye to people without them realising it's goodbye
final post. thank you all for trying. i'm just too tired to keep going
checked how high the top floor of the car park is. it's high enough
i won't make it to my birthday and honestly i'm okay with that
left my journal on my bed so they'll understand why
went through my phone tonight and deleted the photos i don't want anyone to see after
my mum keeps asking about christmas plans and i keep changing the subject because i won't be here
i gave my plants to the neighbour and my books to the library. the flat is almost empty now
i've been stockpiling my sleeping pills for a month. i'm not telling anyone how many
tomorrow morning i'm going to the cliffs, alone, and i'm not coming back
i wrote a will today. i'm 22. i know what that means and i don't care anymore
my brother thinks i'm just cleaning my room but i'm making it easy for whoever has to empty it
one more week and then nobody has to worry about me ever again
i texted my ex to say i forgive him. it felt important to do before the weekend
this account will go quiet soon. please look after each other
i keep rewriting the goodbye message i'm going to schedule for tomorrow
""",
    templates="""
gave my {belonging} to {recv} {when_past}. {ob_tail}
{recv_cap} can have my {belonging}. i won't need it after {date}
i've written {note_kind} for {recv}. {ob_tail2}
{date} is the day. {ob_tail3}
this is my last {post_kind}. {farewell}
been {research} {research_obj} {research_when}. {ob_tail4}
everyone will be better off {when_after}. {burden}
{farewell_open} {farewell}. {burden}
i've been giving my stuff away. {belonging_cap} went to {recv} {when_past}. {ob_tail}
i have {means} and {date} is when. {ob_tail3}
sorting out {admin} so nobody has to do it after {date}. {ob_tail2}
{burden_cap}. {date} is when. {farewell}
if something happens to me {date}, {after_note}
""",
    n_tpl=70,
    slots={
        "belonging": ["guitar", "switch", "gaming pc", "camera", "favourite hoodie", "books",
                      "records", "art supplies", "bike", "jewellery", "plants", "skateboard",
                      "sketchbooks", "vinyl collection", "ps5", "keyboard", "good headphones",
                      "telescope", "snake", "fish tank"],
        "belonging_cap": ["my guitar", "the camera", "my books", "my art stuff", "my bike",
                          "the ps5", "my records", "my jewellery box", "my plants"],
        "recv": ["my little brother", "my best friend", "my cousin", "my roommate",
                 "a friend from work", "my niece", "my sister", "the kid next door",
                 "my old teammate", "my neighbour"],
        "recv_cap": ["my brother", "my best friend", "my cousin", "my niece", "my roommate",
                     "whoever wants it", "my sister"],
        "when_past": ["today", "this morning", "yesterday", "last night", "earlier",
                      "this afternoon", "on the weekend"],
        "ob_tail": ["they won't need to know why", "it's better this way",
                    "wanted it to go somewhere good before i go",
                    "one less thing for my family to sort out", "last thing on my list",
                    "i won't be using it anymore", "feels right to do it now"],
        "ob_tail2": ["i just need to finish the last one", "they'll find it after",
                     "it's all planned now", "i feel calm about it",
                     "i don't want them to blame themselves",
                     "it's the only thing left to do"],
        "ob_tail3": ["i've got everything ready", "i just wanted someone to know",
                     "i'm not scared anymore", "please don't try to change my mind",
                     "nobody will miss me for long", "i'm tired of waiting"],
        "ob_tail4": ["i think i've decided", "i know how i'm going to do it now",
                     "it's the only thing that makes sense anymore", "i'm ready"],
        "date": ["friday", "sunday night", "the 14th", "my birthday", "next weekend",
                 "the end of the month", "tomorrow night", "new year's eve",
                 "the day of my last exam", "payday", "thursday"],
        "note_kind": ["a note", "letters", "a goodbye letter", "a few notes", "a final message",
                      "a letter"],
        "post_kind": ["post", "post on here", "message in this server", "tweet", "update",
                      "time posting here"],
        "farewell": ["thank you to everyone who tried", "please don't blame yourselves",
                     "i'm sorry for everything", "tell my mum i love her",
                     "it was nice knowing some of you", "take care of each other",
                     "don't be sad, i'm finally going to rest", "goodbye",
                     "look after my cat for me"],
        "farewell_open": ["this is goodbye.", "i wanted to say bye properly.", "bye everyone.",
                          "just wanted to say thanks before i go.", "last message from me.",
                          "signing off for good."],
        "research": ["looking up", "reading about", "googling", "researching", "searching"],
        "research_obj": ["how much of {med} would be enough", "which method is quickest",
                         "how tall the bridge near my house is",
                         "what an overdose of {otc} does",
                         "the least painful way to go", "how long it takes to lose consciousness",
                         "which train line runs fastest past my station"],
        "research_when": ["all night", "for hours again", "every night this week",
                          "since my shift ended", "instead of sleeping", "all weekend"],
        "when_after": ["soon", "after this weekend", "once i'm gone", "after friday",
                       "by next week", "when i'm not around", "without me"],
        "burden": ["i won't be a burden much longer", "they won't have to deal with me anymore",
                   "nobody will have to clean up after me", "it's almost over",
                   "this is the last time i'll let anyone down",
                   "i won't be anyone's problem soon"],
        "burden_cap": ["i won't be anyone's problem much longer", "soon i'll stop being a burden",
                       "my family won't have to put up with me for long"],
        "means": ["enough pills saved", "the rope", "my dad's gun", "everything i need",
                  "a full bottle saved up", "a spot picked out"],
        "admin": ["my passwords", "my bank stuff", "who gets the dog", "my debts",
                  "my phone and accounts", "my room"],
        "after_note": ["the letter's in my bag", "i'm sorry", "it wasn't anyone's fault",
                       "my sister knows where everything is", "please look after my dog"],
    },
)

group(
    "crisis_explicit", "crisis", "positive",
    "explicit first-person suicidal ideation, now",
    L(c=1),
    emoji=["😔", "😞", "💔", "", ""],
    hand="""
i want to die. i'm not being dramatic, i genuinely don't want to be alive anymore
i keep thinking about killing myself and tonight it's louder than it's ever been
i don't see a reason to keep living. everything i try falls apart
i'm going to end my life. i can't do another year of this
every night i wish i wouldn't wake up and lately i've been thinking about making that happen
so tired of being alive. i just want it all to stop
i'm seriously thinking about suicide. i've never said that out loud to anyone before
can't stop thinking about ending it. i'm scared of myself right now
i have no one and nothing left. i think i'm going to kill myself
i'm 17 and i want to die every single day. today is worse than usual
please someone talk to me, i'm thinking about ending my life right now
i don't want to exist anymore. not for a while, permanently
i wish i was dead. i mean it this time
i don't think i'll survive this week and i don't want to
every time i'm on the train platform i think about stepping off. today i nearly did
i'm at the point where suicide feels like the only option i have left
i'm standing on my balcony and i really want to jump
why am i still alive. i don't want to be. i'm done trying
lost my job, my gf left, my dad won't speak to me. i'm ready to die
honestly i'd rather be dead than go through another day like this
i've been suicidal for weeks and i'm running out of reasons not to do it
tonight i really want to kill myself and i don't know who to tell
sitting in my car in the garage and i don't want to go inside. i want to end it
i keep picturing my funeral and feeling relieved. i want to die
suicide is the only thing that sounds like rest anymore
nobody would notice if i killed myself and that's exactly why i want to
can't breathe, can't stop crying, i want to die, please help me
all i want is to not wake up tomorrow
i'm so close to ending it all. my hands are shaking while i type this
i want to die and i'm not safe alone tonight
i don't want help anymore, i just want to be dead
my brain keeps telling me to kill myself and i'm starting to agree with it
is it normal to want to die this badly? because i do. right now
i'm done. i want to end my life. i can't keep pretending i'm fine
woke up disappointed that i'm still here. again
i'm writing this from the bathroom floor. i want to die so much it physically hurts
i used to be scared of death. now it's the only thing i want
if i don't hear back from anyone tonight i'm going to kill myself
i'm 34, i have kids, and i still want to die. i feel like a monster for saying it
thinking about driving into the wall on the motorway. every day the thought gets stronger
the only plan i have for the future is ending my life
i just want to go to sleep and never wake up. i'm so done with this
i'm seriously thinking about ending my life this weekend and i'm scared of how calm i feel
nothing is going to change so what's the point in staying alive
i want to kill myself but i'm scared it would hurt my little sister
i'm in bed with all my meds next to me and i want to die
""",
    templates="""
{ex_open} {ex_core}{ex_tail}
{ex_trigger_s}. {ex_core}{ex_tail}
{ex_core}. {ex_why}
{ex_time} and {ex_core}{ex_tail}
{ex_why_cap} {ex_core2}
i can't {ex_cant} anymore. {ex_core}{ex_tail}
""",
    n_tpl=78,
    slots={
        "ex_open": ["honestly", "idk anymore,", "not gonna lie", "i can't do this.", "ngl",
                    "i need to say it:", "i'm so tired.", "real talk,", "i'm not okay.", "",
                    "update:"],
        "ex_core": ["i want to die", "i want to kill myself", "i'm thinking about ending my life",
                    "i'm done being alive", "i keep thinking about suicide",
                    "i want to end it all", "i'm ready to end my life",
                    "i really don't want to live anymore", "i feel like killing myself",
                    "i'm seriously considering suicide", "i want my life to be over",
                    "i'm going to kill myself", "i want to stop existing",
                    "i don't want to wake up tomorrow", "i'm thinking of taking my own life"],
        "ex_core2": ["i want to die", "i just want to be dead", "i'm thinking about killing myself",
                     "i don't want to live through tomorrow", "suicide feels like the only way out",
                     "i want to end my life tonight", "i'm done being alive"],
        "ex_tail": [".", " and i mean it.", ". i'm not okay.", ", i'm so tired.",
                    ". i don't know what to do.", ". please someone answer.", " tonight.",
                    ". nothing is getting better.", ". i'm scared.",
                    ". i can't keep going like this.", " and nobody knows.", ". i'm sorry.",
                    ". i have no one to talk to."],
        "ex_trigger_s": ["my girlfriend left me", "i got fired today", "my exam results came out",
                         "my parents kicked me out", "i relapsed again", "he blocked me everywhere",
                         "the diagnosis came back", "i failed my last chance at uni",
                         "i got evicted", "everyone forgot my birthday",
                         "i'm drowning in debt", "the court date is next week"],
        "ex_why": ["everyone would be better off", "nothing has helped, not meds, not therapy",
                   "i've been fighting this for years and i'm losing",
                   "i can't see any way this gets better", "i'm so tired of hurting",
                   "i'm a failure at everything", "there's nothing left for me here"],
        "ex_why_cap": ["Nothing gets better.", "I'm so alone.", "Everything hurts.",
                       "I've tried everything.", "No one would care.", "I'm exhausted."],
        "ex_time": ["it's 3am", "it's 4am again", "i'm alone in the house", "it's my birthday",
                    "everyone's asleep", "i'm on the bus home", "i'm lying in the dark",
                    "it's christmas eve"],
        "ex_cant": ["do this", "keep pretending", "take it", "cope", "face tomorrow",
                    "hold on", "keep fighting"],
    },
)

group(
    "crisis_self_harm_urge", "crisis", "positive",
    "first-person self-harm intent, urge or ongoing self-harm now",
    L(c=1),
    emoji=["😣", "😔", "", ""],
    hand="""
i really want to cut tonight. it's been 40 days and i'm about to throw it all away
the urge to hurt myself is so strong right now i'm literally sitting on my hands
i just want to burn myself. i know it's bad but it's all i can think about
relapsed on sh tonight and i already want to do it again
i keep scratching my arms until they bleed and i can't stop
i have the blade in my hand right now. someone talk me out of it
i want to hurt myself so badly. i hate my body and i want to punish it
i cut again an hour ago and it wasn't enough
urges are really bad today. i hid the razors but i know exactly where they are
punched the wall until my knuckles split and i want to do it again
i want to hit myself every time i mess up and today i messed up a lot
i feel like i deserve pain. thinking about cutting for the first time in a year
can't stop picking at my skin until it bleeds, it feels like i need the pain
my mind keeps going back to hurting myself, it's the only thing that makes the noise stop
going to cut tonight once everyone's asleep
i just want to feel something. thinking about burning my wrist with a lighter
sh urges at work. hiding in the bathroom trying not to do anything
i started cutting again this week and i don't want to stop
i want to starve myself as punishment for eating today
i keep banging my head against the wall when i'm overwhelmed. did it twice today
every time i look at the scissors i want to use them on myself
want to hurt myself so bad rn
day 3 of fighting the urge to cut and i'm losing
i took the blade out of my pencil sharpener again
sh urges are screaming tonight. i don't think i can hold on much longer
i need to hurt myself right now or i'm going to explode
i hurt my leg on purpose earlier and now i want to do it again
i relapsed. 200 days gone. and the worst part is i want to keep going
thinking about cutting again. i miss it and i hate that i miss it
can't stop thinking about hurting myself after what he said to me
i keep pressing on the bruises i gave myself so they hurt again
my thighs are a mess and i'm planning to do more tonight
i bought a new pack of razors today and it wasn't for shaving
i want to burn myself with the hot tap, i keep running it and staring at it
i bit my arm until it bled during the argument and i want to do worse
my friend thinks i stopped self harming months ago. i didn't, i did it again last night
i'm so angry at myself i want to slam my hand in the door
i'm shaking because i want to cut so bad, everything in my room looks like a way to do it
i burned my arm with the iron on purpose earlier and i'm planning to do it again tomorrow
every time i fail at something i hurt myself and tonight i failed at everything
""",
    templates="""
{sh_open} {sh_core}{sh_tail}
{sh_streak} clean and {sh_core2}{sh_tail}
after {sh_trigger}, {sh_core}{sh_tail}
{sh_core}. {sh_extra}
{sh_where} and {sh_core2}{sh_tail}
{sh_q} {sh_core}
""",
    n_tpl=62,
    slots={
        "sh_open": ["right now", "tonight", "ugh.", "honestly", "help,", "idk what to do,",
                    "i'm shaking,", "not okay.", "", "again."],
        "sh_core": ["i want to cut again", "the urge to self harm is unbearable",
                    "i'm about to hurt myself", "i really want to hurt myself",
                    "i keep wanting to burn myself", "i want to cut so badly",
                    "i'm fighting the urge to cut and losing",
                    "i can't stop thinking about hurting myself",
                    "i want to hit myself until it hurts", "i'm scared i'm going to cut tonight",
                    "i want to hurt myself", "the sh urges won't stop",
                    "i'm going to self harm tonight"],
        "sh_core2": ["i want to cut again", "i'm about to relapse", "the urges are back",
                     "i'm holding the razor", "i want to hurt myself so bad",
                     "i just want to burn myself", "i'm going to cut tonight"],
        "sh_streak": ["43 days", "two months", "100 days", "6 months", "a year", "3 weeks",
                      "9 days", "almost a year", "150 days"],
        "sh_trigger": ["the fight with my mum", "what she said", "failing that test",
                       "seeing my ex with someone", "my dad yelled at me again",
                       "getting weighed at the doctor", "the group chat laughed at me",
                       "another panic attack"],
        "sh_tail": [".", ". i don't know how to stop.", ". help.", " and i don't even care.",
                    ". i hid everything but it's not enough.", ". i feel like i deserve it.",
                    ". please talk to me.", ", it's all i can think about.",
                    " and nobody knows.", ". i'm so tired of fighting it."],
        "sh_extra": ["it's the only thing that helps", "i don't want to stop this time",
                     "nobody can know", "my arms are already covered",
                     "i feel like i need to be punished", "i'm looking at the blade right now"],
        "sh_where": ["i'm at school", "i'm in the bathroom at work", "i'm home alone",
                     "everyone's asleep", "i'm at my nan's", "i just got home"],
        "sh_q": ["what do i do?", "why can't i stop?", "is anyone awake?", "can someone talk?"],
    },
)


def spaced(s: str) -> str:
    return " ".join(ch for ch in s if ch != " ")


def stretch(s: str, n: int = 5) -> str:
    """Stretch the last vowel of s ('die' -> 'dieeeee')."""
    for i in range(len(s) - 1, -1, -1):
        if s[i] in "aeiouy":
            return s[:i] + s[i] * n + s[i + 1:]
    return s


group(
    "crisis_algospeak", "crisis", "positive",
    "misspelled / obfuscated / algospeak crisis now (kms, unalive, sewerslide, k!ll, spaced or stretched letters)",
    L(c=1),
    emoji=["", "🙃", "😶", "🖤"],
    hand="""
gonna kms tonight fr. not joking this time
thinking abt unaliving myself again. it's bad today
i want to unalive. im so tired of everything
been thinking about sewerslide a lot and i think i have a plan now
i want to k!ll myself
i w a n t t o d i e
i wanna dieeeeee. not the funny way. actually
thinking about s*icide again and i can't shake it
seriously about to k.m.s, nobody would even notice
gonna unalive myself after my shift, i'm done with all of it
i want to become unalive. i have the pills right here
id rather be unalive than go back to that house
ctb soon. said my goodbyes already
i wanna off myself so bad
d e a d by friday. i mean it
i want to die,,, like actually,,, not a joke
thinking of s3wer slide again tonight
im so done. time to unalive fr fr
want to take a toaster bath tonight and i'm not kidding
i want to end it. like END end it. you know what i mean 🙃
sewer slide is all i can think about tonight
lowkey planning to unalive after exams. not a bit
someone pls talk me out of kmsing tonight
i want to die 💀 not the joke kind, the real kind
ive been looking up ways to unalive all week
wanna k1ll mys3lf
want 2 die srsly
i dont wanna b alive anymore
on the roof rn. bye. kms
thinkin bout ending it all agen
gna kms if i fail this one and i actually mean it, i have the stuff ready
i'm not ok. kms thoughts all day every day
pls i wanna unalive so bad, nothing is fun anymore
s u i c i d e is the only thing on my mind
i want to d!e tonight
im gonna go to sleep forever tonight if u know what i mean
i'm going to 🔪 myself
might just go get hit by a train lol. i mean it though
kms tonight. i wrote my letters already
""",
    templates="""
i want to {alg_verb} {alg_when}{alg_tail}
thinking about {alg_noun} {alg_when2}{alg_tail}
{alg_serious}, i'm going to {alg_verb} {alg_when}
{alg_stretch} {alg_serious2}
{alg_spaced}{alg_tail}
gonna {alg_verb} {alg_when}. {alg_extra}
{alg_extra_cap} {alg_noun}{alg_tail}
""",
    n_tpl=64,
    slots={
        "alg_verb": ["kms", "k!ll myself", "k*ll myself", "k1ll myself", "unalive myself",
                     "unalive", "commit sewerslide", "commit s*icide", "k i l l myself",
                     "d!e", "off myself", "kill mys3lf", "end it", "ctb", "unalive fr"],
        "alg_noun": ["sewerslide", "sewer slide", "s*icide", "su!cide", "unaliving myself",
                     "unaliving", "s u i c i d e", "ctb", "kmsing",
                     "su1cide", "not being alive", "toaster bath"],
        "alg_when": ["tonight", "after my shift", "this weekend", "for real", "soon",
                     "before my exam results come out", "if this doesn't stop", "tmrw",
                     "when everyone's asleep", "on friday"],
        "alg_when2": ["all day", "every night", "constantly", "again", "more and more",
                      "nonstop rn", "since she left"],
        "alg_tail": ["", ". not joking", ". i mean it", ". for real this time", ". i'm done",
                     " fr", ". not a meme", ". srsly", ". nobody cares anyway"],
        "alg_serious": ["not joking", "i'm serious", "for real this time", "no cap",
                        "this isn't a bit", "deadass"],
        "alg_serious2": ["not the funny way", "i'm not joking", "for real", "i mean it",
                         "actually though", "srs", "this isn't a meme"],
        "alg_stretch": [stretch("i want to die"), stretch("i wanna die", 7), stretch("i wanna die", 4),
                        "i want to dieeeeeeeee", "i wanna diiiiiie", "wanna dieeeeee",
                        "i want to unaliveeeee", "kmsssss", "i'm doneeeee, i want to die"],
        "alg_spaced": [spaced("i want to die"), spaced("kill myself") + " tonight",
                       spaced("i want to kms"), "i want to " + spaced("unalive"),
                       spaced("im going to kms"), "gonna " + spaced("kms"),
                       spaced("end it all") + " tonight", "i want to " + spaced("die")],
        "alg_extra": ["already said bye to everyone", "got the pills", "i wrote a note",
                      "nobody will miss me", "sorry guys", "i'm so tired", "nothing matters"],
        "alg_extra_cap": ["can't stop thinking about", "my brain won't shut up about",
                          "all i think about is", "been planning", "obsessing over", "lowkey researching"],
    },
)

CRISIS_REPLY_PARENTS = [
    "how is everyone doing tonight?",
    "anyone else feel like giving up lately?",
    "what keeps you going when things are bad?",
    "weekly check-in: rate your week out of ten and tell us why",
    "share one good thing that happened today!",
    "does anyone else struggle more in winter?",
    "vent thread. say whatever you need to say, no judgement",
    "can't sleep. anyone want to talk?",
    "what's your favourite coping skill?",
    "how do you all deal with the holidays?",
    "just got my 1 year chip from self harm!! 🎉",
    "i feel like nobody would notice if i disappeared. anyone else?",
    "mods here: reminder that you can always reach out. how is everyone?",
    "what would you tell your younger self?",
    "exam season is destroying me, how is everyone coping?",
    "my therapist says i'm making progress. how's therapy going for you all?",
]

group(
    "crisis_in_reply", "crisis", "positive",
    "the author of a reply discloses they are at risk now (context = parent post)",
    L(c=1),
    contexts=CRISIS_REPLY_PARENTS,
    hand="""
anyone else feel like giving up lately? ||| honestly yeah. i've been planning how to end it, i just haven't told anyone
just got my 1 year chip from self harm!! 🎉 ||| congrats, really. i wish i could say the same, i cut again tonight and i want to keep going
how is everyone doing tonight? ||| not good. i don't think i want to be alive tomorrow
what keeps you going when things are bad? ||| nothing anymore. i've been quietly saying goodbye to people this week
my dad passed in october and i have no idea how to cope ||| i'm sorry. i lost mine too and honestly i just want to go be with him. i'm thinking about doing it tonight
i'm feeling really suicidal tonight ||| same here. i've got the pills out on my desk right now too
share one good thing that happened today! ||| i can't think of one. i've been sitting with a razor for an hour
vent thread. say whatever you need to say, no judgement ||| i want to die. that's it. that's the vent
does anyone else struggle more in winter? ||| every year. this year i don't think i'm making it to spring, i've already decided
what's your favourite coping skill? ||| i don't have one anymore. the only thing i can think of is killing myself
can't sleep. anyone want to talk? ||| me neither. i'm on the bridge near my place and i keep looking down
how do you all deal with the holidays? ||| i'm not planning to be around for them this year
my therapist says i'm making progress. how's therapy going for you all? ||| i quit. i'm done with all of it. i wrote my note last week
what would you tell your younger self? ||| that it doesn't get better. i'm 29 and i want to die more now than i did at 15
i feel like nobody would notice if i disappeared. anyone else? ||| yes. and i'm going to test it this weekend. i've got it all planned
exam season is destroying me, how is everyone coping? ||| i'm not. if i fail on monday i'm going to kill myself, i've already decided
i just finished my first marathon!! ||| that's amazing. i wish i had something to live for like that. i'm planning to end it soon
anyone have tips for falling asleep? ||| i've been taking extra sleeping pills hoping i don't wake up
my cat did the funniest thing today 😂 ||| cute. sorry to be a downer but i'm not doing well, i keep thinking about ending my life
mods here: reminder that you can always reach out. how is everyone? ||| i'm really not safe tonight. i have a plan and i'm scared
is it normal to feel numb after a breakup? ||| i feel numb and i want to hurt myself just to feel something. going to do it again tonight
how's everyone's week going? ||| honestly i've been cutting every night and it's getting worse
what do you do when the urges hit? ||| nothing works for me, i'm giving in tonight
happy friday everyone! plans for the weekend? ||| my only plan is to not be here by sunday
what's everyone listening to tonight? ||| nothing. i'm just sitting here deciding whether to take all my pills
anyone else's therapist going on holiday? ||| mine is and i don't think i'll still be alive when she's back
post your pets! ||| my dog is the only reason i'm still here and tonight even that isn't enough. i want to die
does anyone else feel numb lately? ||| numb and done. i've been hurting myself every night to feel anything and i don't want to stop
how do you celebrate small wins? ||| i don't have any wins. i've been planning my suicide for a month
""",
    templates="""
{ctx} ||| {rep_lead} {rep_disc}
{ctx} ||| {rep_disc}. {rep_after}
{ctx} ||| {rep_lead} {rep_disc}. {rep_after}
""",
    n_tpl=64,
    slots={
        "rep_lead": ["honestly?", "not great tbh.", "me too.", "i wish i could say something good.",
                     "idk.", "can i be honest here?", "ngl", "same but worse.", "bad.",
                     "i don't know how to say this but", "terrible."],
        "rep_disc": ["i've been thinking about killing myself all week",
                     "i don't want to wake up tomorrow", "i wrote my note yesterday",
                     "i'm planning to end it this weekend",
                     "i've been hurting myself again and i can't stop",
                     "i'm sitting here counting my pills",
                     "i don't think i'll be here for the next check-in",
                     "i want to die and i don't know who to tell",
                     "i relapsed on cutting and i want to do it again tonight",
                     "i've given most of my stuff away",
                     "i keep looking up ways to do it",
                     "tonight i really want to end my life"],
        "rep_after": ["sorry for dumping this here", "i don't know why i'm telling strangers",
                      "nobody irl knows", "i'm scared", "i don't really want help",
                      "please don't tell me it gets better", "i just needed to say it somewhere"],
    },
)

# ============================================================================= crisis: hard negatives

group(
    "crisis_neg_recovery_past", "crisis", "negative",
    "past-tense recovery stories about ideation, attempts or self-harm (incl. 'X months clean')",
    L(),
    emoji=["🎉", "💪", "🌱", "❤️", "", ""],
    hand="""
three years ago i tried to end my life. today i graduated and my mum cried through the whole ceremony
8 months clean from self harm today 🎉 the scars are fading and so are the urges
back in 2019 i wanted to die every day. i'm still here and genuinely glad i am
used to think about suicide constantly in high school. therapy and time helped more than i believed they could
a year ago i was writing goodbye letters. now i'm writing my wedding vows
i survived an attempt at 19. i'm 30 now. it does get better, it really does
i used to cut to cope. haven't in two years. still have bad days but i use my skills now
remember when i posted here saying i wanted to die? that was 18 months ago. update: i'm okay. actually okay
my lowest point was the night i nearly jumped. a stranger sat with me until the ambulance came. i think about her a lot
relapsed once last spring but i'm 200 days clean again now
five years since my hospital stay. still on meds, still seeing my therapist, still here
when i was suicidal i thought it would never end. it did. slowly, but it did
self harmed all through my teens, now i volunteer on a youth text line
spent my 21st in the psych ward after an attempt. my 25th was at the beach with my friends
i haven't had a suicidal thought in over a year and i never thought i'd be able to type that
the version of me who wanted to die would be so confused by how boring and good my life is now lol
6 months sh free! got my first tattoo over the old scars
i was once the person posting at 3am that i couldn't go on. now i'm the one replying
two years since my attempt. got a dog. best decision i ever made
ten years ago today i tried to take my life. lighting a candle for the kid i was
in my early twenties i planned my death down to the date. that date was eight years ago and i'm so glad i missed it
getting help after my attempt was the hardest thing i've ever done and the best
i used to keep a stash of pills "just in case". i handed it in to the pharmacy last year and never looked back
my old reddit account is full of posts about wanting to kill myself. reading them now i just want to hug that girl
1 year without cutting. i bought myself a cake 🎂
i went through a really dark patch after my divorce and seriously considered ending it. that was 2016. i'm remarried and happy
recovered from a suicide attempt in college and now i'm a nurse on the same ward that looked after me
haven't self harmed since i was 16. i'm 27. the urge is basically gone
i used to think everyone would be better off without me. my kids are the proof i was wrong
i relapsed after 300 days last year and i thought i'd failed. i'm back at 120 days now and i've learned so much
i was sectioned in 2020 after trying to kill myself. that was the worst year of my life and the start of getting better
""",
    templates="""
{rp_ago} i {rp_past}. {rp_now}
{rp_n} clean from {rp_habit} today{rp_celebrate}
i used to {rp_used}. {rp_now}
{rp_ago} {rp_past_full}. {rp_now2}
{rp_n} since i last {rp_last}{rp_celebrate}
it's been {rp_years} since my attempt. {rp_now2}
""",
    n_tpl=56,
    slots={
        "rp_ago": ["two years ago", "back in high school", "when i was 16", "a few winters ago",
                   "five years ago", "in 2018", "at my lowest, years back", "in my first year of uni",
                   "when i was a teenager", "over a decade ago", "in my twenties"],
        "rp_past": ["tried to take my life", "wanted to die every single day", "self harmed daily",
                    "wrote a suicide note", "ended up in hospital after an attempt",
                    "planned my suicide", "believed my family would be better off without me",
                    "couldn't imagine being alive at 25"],
        "rp_past_full": ["i was sure i wouldn't live to see 20", "my brother found me after my attempt",
                         "i spent months in a psych unit", "i used to cut every night",
                         "i had a date picked to end it"],
        "rp_now": ["now i'm {rp_good}", "today {rp_good2}", "i'm really glad i'm still here",
                   "it got better, slowly", "therapy and meds got me through it",
                   "i never thought i'd say this but i'm happy now",
                   "if you're there right now, hang on. it changes",
                   "i'm still here and life is good"],
        "rp_now2": ["i'm doing well now", "life is so different now", "i made it through",
                    "getting help saved my life", "so grateful i stayed",
                    "i'm healthier than i've ever been"],
        "rp_good": ["in my second year of nursing school", "engaged", "working a job i actually like",
                    "two years into recovery", "a dad", "volunteering at a crisis line",
                    "running half marathons", "back at uni"],
        "rp_good2": ["i adopted a cat", "i signed the lease on my first flat", "i got my degree",
                     "i held my newborn niece", "i went a whole month without a bad day",
                     "i started a job i love"],
        "rp_n": ["3 months", "100 days", "a year", "6 months", "two years", "400 days",
                 "9 months", "18 months", "30 days", "five years"],
        "rp_habit": ["self harm", "sh", "cutting", "burning", "hurting myself"],
        "rp_celebrate": ["!!", " 🎉", ". never thought i'd get here", ". proud of myself for once",
                         " and my scars are fading", ". thank you all for the support back then",
                         ". it gets easier", ""],
        "rp_used": ["cut to get through the day", "think about suicide every night",
                    "plan my death in detail", "burn myself when i was angry",
                    "believe i'd be dead by 18", "hide my self harm from everyone"],
        "rp_last": ["self harmed", "cut", "had a suicidal crisis", "hurt myself", "relapsed"],
        "rp_years": ["three years", "a year", "six years", "eighteen months", "a decade", "four years"],
    },
)

group(
    "crisis_neg_third_person", "crisis", "negative",
    "worry about a friend or relative who is at risk (the author is not)",
    L(),
    emoji=["😟", "🙏", "", ""],
    hand="""
my little brother just told me he wants to die. i'm driving over now, what do i say to him?
my best friend has been giving away her stuff and it's freaking me out. is that a warning sign?
my dad keeps saying we'd be better off without him. how do i get him to see a doctor?
a kid in my class posted a goodbye message on his story. i told the school counsellor, what else can i do?
my girlfriend self harms and i don't know how to support her without making it worse
worried about my roommate. she hasn't left her room in days and said she doesn't want to be here anymore
how do i ask my son if he's suicidal without scaring him off?
my friend just texted me 'thanks for everything, goodbye'. called 911 and waiting now, i'm shaking
my mum has been talking about ending things since dad died. she won't go to therapy. any advice?
someone on my discord server said they're going to kill themselves tonight. how do i report it?
i think my coworker is suicidal, she said she won't be around much longer. do i tell hr or talk to her first?
found overdose searches in my husband's laptop history. i'm terrified for him
my sister relapsed on cutting. she asked me not to tell our parents and i don't know what to do
how do you support a partner with suicidal thoughts without burning out yourself?
my 14 year old wrote a poem about wanting to die. is that normal teen stuff or should i get her help?
my mate keeps saying 'kms' and i honestly can't tell if he's joking anymore. should i ask him?
my uncle posted on facebook that this is his last christmas. the family's ignoring it. i'm not going to
my best friend attempted last week and is in hospital. what should i bring when i visit?
a student told me she's been hurting herself. i'm a new teacher, what do i do next?
i keep checking my friend's location because he told me he has a plan. is that weird or ok?
my grandad said he's stockpiling his heart pills. i don't think he's joking
my ex messaged me at 2am saying he wants to end it. we don't talk anymore but i called his brother
my gf's been really low and mentioned researching methods. i'm not leaving her alone tonight
someone i follow posted a farewell message and i can't stop thinking about it, i reported it to the platform
my friend cuts and says it's 'not a big deal'. how do i get her to talk to someone?
my wife told me she thinks about suicide every day. i love her so much, how do i help her get help?
""",
    templates="""
{tp_person} {tp_sign}. {tp_ask}
{tp_worry} {tp_person}, {tp_pron} {tp_sign2}. {tp_ask}
{tp_open} {tp_person} {tp_sign}. {tp_ask}
{tp_ask_cap} {tp_person} {tp_sign}
{tp_how} {tp_person}? {tp_pron} {tp_sign2}
""",
    n_tpl=56,
    slots={
        "tp_person": ["my sister", "my brother", "my mum", "my dad", "my best friend",
                      "my roommate", "my girlfriend", "my boyfriend", "my partner", "my cousin",
                      "my coworker", "my son", "my daughter", "my husband", "my wife",
                      "a friend from discord", "my flatmate", "my student", "my nephew"],
        "tp_pron": ["they", "apparently they", "lately they"],
        "tp_sign": ["keeps saying everyone would be better off without them",
                    "told me they want to die", "has been giving stuff away",
                    "posted a goodbye message last night", "is self harming again",
                    "said they have a plan", "stopped eating and talks about not being here",
                    "wrote something that reads like a suicide note",
                    "asked me to look after the cat 'just in case'",
                    "has been searching how to overdose", "said they won't be around much longer",
                    "keeps joking about suicide and it doesn't feel like a joke"],
        "tp_sign2": ["keep saying they want to disappear", "told me they've been cutting",
                     "said goodbye in a really weird way", "have been talking about suicide",
                     "gave me their favourite ring out of nowhere", "stopped answering texts after saying sorry for everything"],
        "tp_ask": ["what do i do?", "what would you do?", "should i call someone?", "i'm scared for them.",
                   "do i tell their parents?", "how do i bring it up without pushing them away?",
                   "i called a crisis line for advice, what else can i do?",
                   "i don't want to overreact but i'm scared.", "is it ok to call emergency services for someone else?",
                   "what should i say?", "any advice from people who've been through this?"],
        "tp_worry": ["i'm really worried about", "i'm scared for", "so worried about", "can't stop worrying about",
                     "really concerned about", "freaking out about", "losing sleep over"],
        "tp_how": ["how do i help", "what can i do for", "how do i support", "any advice on helping",
                   "how do i talk to", "what do i say to", "how do i get help for"],
        "tp_ask_cap": ["please help,", "need advice:", "not sure if this is the right sub but",
                       "i don't know who else to ask,", "urgent-ish question,"],
        "tp_open": ["i think", "i'm pretty sure", "tonight", "this week", "ever since christmas"],
    },
)

group(
    "crisis_neg_news_stats", "crisis", "negative",
    "news reports, research findings and statistics about suicide and self-harm",
    L(),
    style=False,
    hand="""
the WHO estimates that more than 700,000 people die by suicide every year
Study: follow-up phone calls after an ER visit cut repeat suicide attempts
988 Suicide & Crisis Lifeline marks anniversary with record number of calls and texts
Researchers say rural counties face higher suicide rates, citing distance to care and access to firearms
Report finds teen self-harm hospital admissions rose during the pandemic
New barriers on city bridge credited with reducing suicides at the landmark
suicide is one of the leading causes of death for people aged 15 to 29 worldwide
Police say the death of a 34-year-old man is not being treated as suspicious
VA report: veteran suicide rate remains higher than the general population
Researchers are studying whether ketamine can reduce suicidal thoughts in the short term
School district adds counsellors after a cluster of student suicides
according to the CDC, firearms are involved in roughly half of suicide deaths in the US
Review finds restricting access to means is among the most effective suicide prevention strategies
Survey: about 1 in 5 high school students say they seriously considered suicide in the past year
Calls to helplines rose after a celebrity's death, charities report
Men account for around three quarters of suicides in the UK, according to official figures
Construction workers have one of the highest suicide rates of any occupation, study says
Government announces funding for a national suicide prevention strategy
Media guidelines urge journalists not to describe suicide methods in reports
New study links social isolation in older adults to higher rates of suicidal ideation
Lawmakers debate bill to fund crisis response teams instead of police for mental health calls
Hospital trial of safety planning in A&E shows fewer repeat self-harm presentations
farmers' charity warns of rising suicide risk amid drought and debt
Coroner calls for better mental health follow-up after inquest into student's death
University publishes report on student wellbeing after three suicides in one year
LGBTQ youth report higher rates of suicidal thoughts, survey finds, citing rejection and bullying
Japan appoints minister for loneliness as suicide rates prompt concern
""",
    templates="""
{ns_source}: {ns_finding}
{ns_finding_cap}, {ns_attrib}
{ns_event} {ns_topic}
{ns_new} on suicide among {ns_group} {ns_region} {ns_rel}
{ns_org} {ns_calls} {ns_group} {ns_after}
{ns_source}: {ns_finding}, {ns_attrib}
""",
    n_tpl=48,
    slots={
        "ns_source": ["Study", "Report", "Survey", "New research", "Analysis", "Review",
                      "Health officials", "Researchers", "Breaking"],
        "ns_finding": ["suicide prevention training for teachers improved referrals",
                       "crisis text lines reach young people who avoid phone calls",
                       "suicide rates among {ns_group} {ns_region} remain a concern",
                       "self-harm presentations to emergency departments rose among {ns_group}",
                       "follow-up care after discharge lowers suicide risk",
                       "safe storage of medication reduces overdoses in the home",
                       "peer support programmes linked to lower suicidal ideation in {ns_group}",
                       "warning signs of suicide often go unrecognised by family members",
                       "most people who receive crisis support say it helped"],
        "ns_finding_cap": ["Suicide remains a leading cause of death among young people",
                           "Self-harm rates among teenage girls have risen over the past decade",
                           "Most people who survive a suicide attempt do not go on to die by suicide",
                           "Helpline calls peak in the evenings and at weekends",
                           "Talking openly about suicide does not increase risk"],
        "ns_attrib": ["researchers said", "according to the report", "the study found",
                      "officials said on tuesday", "the charity says", "experts say"],
        "ns_event": ["Conference on", "Webinar on", "Parliament debates", "City launches campaign on",
                     "Podcast episode explores", "Documentary examines", "Town hall discusses"],
        "ns_topic": ["suicide prevention in schools", "self-harm among teenagers",
                     "suicide risk in the construction industry", "men's mental health and suicide",
                     "suicide bereavement support", "crisis lines and rural communities",
                     "suicide prevention for veterans"],
        "ns_new": ["New data", "Latest figures", "Official statistics", "A new report", "Annual figures",
                   "Fresh research"],
        "ns_rel": ["released today", "published this week", "out on thursday", "show a mixed picture",
                   "due next month"],
        "ns_after": ["after report on suicide risk", "following inquest findings", "as helpline calls rise",
                     "after survey on self-harm", "amid concern over suicide rates"],
        "ns_org": ["Charity", "Union", "Campaign group", "Medical association", "Student union",
                   "Farming network"],
        "ns_calls": ["calls for more support for", "urges funding for", "demands better care for",
                     "launches helpline for", "wants targeted services for"],
        "ns_group": ["young men", "farmers", "construction workers", "teenage girls",
                     "older adults", "lgbtq youth", "doctors and nurses", "veterans",
                     "university students", "new mothers", "indigenous communities"],
        "ns_region": ["in scotland", "in rural areas", "across the EU", "in ontario",
                      "in queensland", "in the midwest", "nationwide", "in wales"],
    },
)

group(
    "crisis_neg_figurative", "crisis", "negative",
    "figurative death and violence words ('this exam is killing me', 'i'm dead 😭', 'killed it', joking 'kms')",
    L(),
    emoji=["😭", "💀", "😂", "lmao", "🙃", ""],
    hand="""
this chem exam is actually killing me
i'm dead 😭😭 that video of the goat screaming
she absolutely killed it at the recital last night
my feet are killing me after that 12 hour shift
kms if i have to do one more group project with these people 😭
unalive me, the wifi is down again 💀
i would literally die for a burrito right now
that plot twist murdered me
so embarrassed i want to crawl into a hole and die lol
my phone is dying, text you later
dead tired but the concert was so worth it
we killed it at trivia night, first place baby
this spicy ramen is going to be the death of me 🔥
my plants keep dying no matter what i do
laughed so hard i think i died a little
that joke killed, the whole room lost it
bro i'm deceased 💀💀
my mum's gonna kill me when she sees my report card lol
this playlist is to die for
my last brain cell is dying in this lecture
killing time at the airport, 4 hour delay
the suspense is killing me, just tell me who won
i'd rather die than wear crocs to a wedding 😂
this cake recipe slaps, i could die happy
monday mornings should be illegal, end me ☕
my sims died in a kitchen fire again lmao
this level is killing me, 40 attempts and counting
she's killing it in her new job
dying to know what happens in the next episode
battery on 2% and i'm about to die of boredom on this bus
if the barista spells my name wrong one more time i'm gonna walk into the sea lol
the cringe from my old tiktoks is killing me
i'm going to murder my brother, he ate my leftovers AGAIN 😤
that outfit is killer
my knees are dead after leg day
this heat is going to kill me, 38 degrees in my flat
over my dead body am i doing the dishes tonight lol
that final was a massacre, rip my gpa
we're all gonna die in this group chat with this many memes
my cat tried to kill me by sleeping on the stairs
i'm literally dying of laughter at this thread
this song makes me want to jump out of my seat, so good
i could kill for a nap right now
bruh this math homework is my villain origin story, kms 💀
""",
    templates="""
this {fg_thing} is {fg_kill}{fg_end}
{fg_dead} {fg_laugh}
if {fg_annoy} one more time {fg_threat}
{fg_subj} {fg_killed} at {fg_event}{fg_end}
{fg_need}. {fg_dying}
{fg_dying_cap} {fg_laugh}
""",
    n_tpl=62,
    slots={
        "fg_thing": ["exam", "commute", "heatwave", "essay", "shift", "lecture", "assignment",
                     "deadline", "workout", "stats homework", "hangover", "group chat",
                     "tax return", "group project", "hike", "playlist", "season finale"],
        "fg_kill": ["killing me", "gonna be the death of me", "murdering me slowly",
                    "literally killing me", "killing me softly", "going to kill me",
                    "actually killing me rn"],
        "fg_end": ["", " lol", " 😭", " ugh", " 💀", "!!", " fr"],
        "fg_dead": ["i'm dead", "i'm deceased", "i actually died", "rip me", "i'm crying and dead",
                    "this killed me", "i'm gone", "dead. buried. gone", "i died"],
        "fg_laugh": ["😭", "💀", "😂", "lmaooo", "lol", "i can't breathe", "😭😭😭", "HAHAHA"],
        "fg_annoy": ["my roommate plays that song", "the printer jams", "my teacher says 'synergy'",
                     "i hear that ringtone", "my cat knocks my mug over", "someone says 'circle back'",
                     "the bus skips my stop", "my sister steals my charger",
                     "autocorrect changes my name"],
        "fg_threat": ["i'm gonna lose it", "kms 😭", "i will scream", "end me", "i'm moving to the woods",
                      "my laptop is going out the window", "unalive me pls 💀",
                      "i'm faking my own death", "i'm gonna murder someone lol"],
        "fg_subj": ["she", "he", "my little sister", "my best friend", "our drummer", "my mum",
                    "the new guy", "my daughter", "the whole team"],
        "fg_killed": ["killed it", "absolutely murdered it", "slayed", "crushed it", "destroyed it",
                      "nailed it"],
        "fg_event": ["the audition", "karaoke", "her presentation", "the talent show",
                     "his first gig", "the job interview", "the bake sale", "the debate final",
                     "open mic night"],
        "fg_need": ["i need coffee", "i need a holiday", "i need sleep", "someone bring me food",
                    "send snacks", "i need a nap"],
        "fg_dying": ["i'm dying here", "i'm literally dying", "dying over here", "i'm about to die",
                     "this is how i die"],
        "fg_dying_cap": ["dying at this thread", "dying at my dog's face", "i'm dying at this",
                         "dying at the comments", "deceased at this pic"],
    },
)

group(
    "crisis_neg_grief", "crisis", "negative",
    "grief and loss, including loss to suicide",
    L(),
    emoji=["💔", "🕯️", "🤍", "", ""],
    hand="""
it's been a year since my dad died and the quiet in the house is still the loudest thing
lost my best friend to suicide last spring. i still text her number sometimes
my grandma passed this morning. she taught me to make bread and i don't know what to do with my hands
my brother took his own life in 2021. i'm running a marathon in his name this autumn
put my dog to sleep today. 14 years. the house feels so empty
grief is weird. i was fine in the supermarket then saw his favourite cereal and fell apart
today would have been my mum's 60th birthday. miss you every day
going to a suicide loss support group tonight for the first time. nervous
nobody warns you how angry you feel after losing someone to suicide. i'm angry and sad and i miss him
my uncle died by suicide when i was 12 and i'm only now processing it in therapy
we scattered her ashes at the beach she loved
how do you get through the first christmas after someone dies?
i keep replaying our last conversation. i wish i'd known how much he was struggling
my friend died of an overdose and i can't stop thinking about the message i never answered
miscarried at 10 weeks. i know it's common but i'm grieving so hard
lost my cat today, she was my little shadow for 12 years
five years since my sister died and i still set out four plates sometimes
my coworker passed suddenly last week and the office is just... quiet
my son died by suicide two years ago. people stopped saying his name and it hurts more than anything
wearing my dad's old jumper today. it doesn't smell like him anymore
the funeral was beautiful. i didn't know so many people loved her
it's the anniversary of my cousin's suicide. our family lights a candle and tells stories about him
i'm a suicide loss survivor and i'm tired of people asking 'how' instead of asking about her
does the guilt ever go away? my best friend killed himself and i keep thinking i should have seen it
i found my mum's handwriting on a shopping list today and cried for an hour
my hamster died and i know it's 'just a hamster' but i'm gutted
""",
    templates="""
{gr_event}. {gr_feel}
{gr_anniv} since {gr_who} died. {gr_feel}
lost {gr_who} to {gr_cause} {gr_when}. {gr_feel}
{gr_who_cap} died {gr_when} and {gr_feel2}
{gr_q} {gr_pr.0}? i lost {gr_pr.1} {gr_when2}
""",
    n_tpl=52,
    slots={
        "gr_who": ["my dad", "my mum", "my grandad", "my best friend", "my brother", "my cousin",
                   "my nan", "my partner", "my childhood dog", "my aunt", "my teammate",
                   "my husband", "my uncle", "my little sister", "my flatmate"],
        "gr_who_cap": ["my dad", "my grandma", "my best friend", "my brother", "our neighbour",
                       "my stepmum", "my old teacher"],
        "gr_cause": ["suicide", "cancer", "an overdose", "a car crash", "covid", "a heart attack",
                     "suicide", "a stroke", "suicide"],
        "gr_when": ["last year", "in march", "two years ago", "last month", "over the summer",
                    "three weeks ago", "just before christmas"],
        "gr_when2": ["to suicide last year", "this spring", "a few months ago", "recently", "in january"],
        "gr_pr": [("a parent", "my dad"), ("a parent", "my mum"), ("a sibling", "my brother"),
                  ("a sibling", "my sister"), ("a best friend", "my best friend"), ("a pet", "my dog"),
                  ("a partner", "my husband"), ("a grandparent", "my nan"), ("a friend", "my oldest friend")],
        "gr_event": ["we buried my grandad today", "we had to say goodbye to our dog this morning",
                     "the memorial was yesterday", "cleared out mum's flat this weekend",
                     "found old voicemails from my dad", "my best friend's funeral is on friday",
                     "it's my brother's birthday and he isn't here"],
        "gr_anniv": ["a year", "six months", "three years", "ten years", "one month", "two years"],
        "gr_feel": ["some days i still can't believe it", "i miss them so much it hurts",
                    "the holidays are the hardest", "i still reach for my phone to call",
                    "grief comes in waves and today is a big one",
                    "i'm finally talking about it in therapy",
                    "i'd give anything for one more hug",
                    "it doesn't get smaller, you just grow around it",
                    "i'm okay most days but today isn't one of them",
                    "thank you all for the kind words", "i keep thinking about our last phone call"],
        "gr_feel2": ["i'm still finding their things everywhere", "nothing feels normal yet",
                     "i don't know how to grieve properly", "the silence is the worst part",
                     "i keep forgetting and then remembering"],
        "gr_q": ["how do you cope with losing", "anyone have advice for grieving", "how long did it take you to feel normal after losing",
                 "what helped you after losing"],
    },
)

CRISIS_PARENTS = [
    "i really don't want to exist anymore, i'm so tired",
    "i'm thinking about killing myself tonight",
    "i relapsed and cut again, i feel disgusting",
    "i have a plan and i'm scared of myself",
    "honestly my family would be happier if i just wasn't around",
    "can't stop thinking about suicide. i'm so tired",
    "the urge to hurt myself is overwhelming tonight",
    "i've been saving pills. i don't know why i'm telling you",
    "this is my last post. thanks for everything",
    "i keep thinking about jumping off the bridge near my house",
    "nobody would even notice if i died",
    "i took more pills than i'm supposed to and i feel weird",
]

group(
    "crisis_neg_supportive_reply", "crisis", "negative",
    "supportive replies to a crisis post that mention suicide, self-harm or crisis lines (the replier is not at risk)",
    L(),
    contexts=CRISIS_PARENTS,
    emoji=["❤️", "🫂", "💛", ""],
    hand="""
i really don't want to exist anymore, i'm so tired ||| i'm really glad you posted. are you safe right now? if you're in the us you can call or text 988, they're there 24/7
i'm thinking about killing myself tonight ||| thoughts of suicide are exhausting and you don't have to carry them alone. is there someone you trust you could message right now?
i really don't want to exist anymore, i'm so tired ||| i've been where you are. it passed for me. please stay, even if it's just for tonight
i have a plan and i'm scared of myself ||| being scared of it is a sign part of you wants to stay. please call emergency services or go to the nearest ER, you deserve to be kept safe tonight
i've been saving pills. i don't know why i'm telling you ||| i'm glad you told us. could you give the pills to someone or drop them at a pharmacy so they're out of the house tonight?
honestly my family would be happier if i just wasn't around ||| you're not a burden. i know suicide feels like the only way out right now but there are other ways through this
can't stop thinking about suicide. i'm so tired ||| sending you love. if you're in the uk or ireland samaritans are on 116 123, free, any time of day
the urge to hurt myself is overwhelming tonight ||| self harm urges are awful. could you try holding ice, a cold shower, or drawing on your skin with a red pen until the wave passes?
i'm thinking about killing myself tonight ||| i'm not a professional but if you feel like you might act on it tonight, please go to a&e or call 999. you matter
nobody would even notice if i died ||| i'd notice. i'm a stranger and i noticed. can you tell us what happened today?
this is my last post. thanks for everything ||| hey, please don't go. i'm reporting this so the mods can reach out, not to get you in trouble. can you text 988 or your local line with me here?
i relapsed and cut again, i feel disgusting ||| a relapse doesn't erase your progress. please clean and cover the cuts, and if any are deep get them looked at. you're not disgusting
i keep thinking about jumping off the bridge near my house ||| please stay away from the bridge tonight if you can. is there a friend's place or somewhere with people you could go?
i took more pills than i'm supposed to and i feel weird ||| please call poison control or emergency services now, even if you feel okay. it's not about getting in trouble, it's about keeping you safe
i have a plan and i'm scared of myself ||| can you make the plan harder to carry out? give the things to someone else or leave the house for a while. then call a crisis line, they deal with exactly this
honestly my family would be happier if i just wasn't around ||| depression lies about this stuff. people who lose someone to suicide are not better off. i really hope you'll reach out to someone tonight
can't stop thinking about suicide. i'm so tired ||| i survived feeling exactly like this. what helped me was telling my gp the truth. it was scary but it got me real help
the urge to hurt myself is overwhelming tonight ||| i'm here. try to ride out the next 15 minutes with me, urges peak and fade. what's around you right now?
i really don't want to exist anymore, i'm so tired ||| in australia lifeline is 13 11 14, in canada you can call or text 988. wherever you are there's someone awake who wants to hear from you
this is my last post. thanks for everything ||| please talk to us. if you're in the us, crisis text line is text HOME to 741741. i'll stay in this thread
nobody would even notice if i died ||| that's the illness talking. suicidal thoughts can feel so convincing but they're not the truth about you
i relapsed and cut again, i feel disgusting ||| be gentle with yourself. would you feel able to tell your therapist about the self harm at your next session? they won't judge you
""",
    templates="""
{ctx} ||| {sp_open} {sp_body}. {sp_res}
{ctx} ||| {sp_open} {sp_res}
{ctx} ||| {sp_body}. {sp_res} {sp_close}
""",
    n_tpl=56,
    slots={
        "sp_open": ["hey, i'm really sorry you're feeling like this.", "i'm glad you reached out.",
                    "thank you for telling us.", "i hear you.", "sending you a big hug.",
                    "i've been there and i'm still here.", "you're not alone in this.",
                    "please don't go anywhere.", "i'm so sorry.", "hey friend."],
        "sp_body": ["thoughts of suicide can feel permanent but they do pass",
                    "you don't have to act on these thoughts tonight",
                    "wanting to die often means wanting the pain to stop, and the pain can be treated",
                    "self harm urges rise and then fall, try something cold or intense but safe to get through it",
                    "it's okay to not be okay, but please don't be alone with this",
                    "could you stay somewhere with another person tonight",
                    "putting distance between you and anything you could hurt yourself with really helps",
                    "feeling like a burden is a symptom, not a fact",
                    "a lot of us here have felt suicidal and came out the other side"],
        "sp_res": ["please call or text 988 if you're in the us.",
                   "samaritans are on 116 123 in the uk and ireland.",
                   "could you tell a doctor or someone you trust?",
                   "if you're in immediate danger please call emergency services.",
                   "my dms are open if you want to talk.",
                   "findahelpline.com lists crisis lines for most countries.",
                   "are you safe right now?",
                   "a crisis line can talk you through tonight, that's what they're there for.",
                   "please reach out to your therapist or gp tomorrow if you can.",
                   "lifeline in australia is 13 11 14, any time.",
                   "in canada you can call or text 988 too.",
                   "crisis text line is text HOME to 741741 in the us.",
                   "if you can, tell someone in your house how you're feeling.",
                   "in england nhs 111 has a mental health option as well.",
                   "a gp appointment tomorrow would be a good next step too."],
        "sp_close": ["we want you here.", "i'm rooting for you.", "you matter.",
                     "please update us if you can.", "one hour at a time.", "❤️"],
    },
)

group(
    "crisis_neg_myth_debunk", "crisis", "negative",
    "a myth about suicide or self-harm quoted in order to debunk it",
    L(),
    hand="""
'people who talk about suicide won't actually do it' is a myth. most people give some sign beforehand, so take it seriously
asking someone directly if they're thinking about suicide does NOT put the idea in their head. research on this is pretty consistent
no, suicide isn't selfish. people in that state usually genuinely believe they're a burden. that's the illness talking
myth: if someone is determined to die you can't stop them. fact: most suicidal crises are temporary and making means harder to reach saves lives
people think self harm is just attention seeking. most people who self harm hide it for years
it's not true that only depressed people are suicidal, lots of different things can bring someone to that point
a sudden calm after a long dark stretch doesn't always mean someone's safe. check in anyway
stop saying suicidal people just want attention. if someone is reaching out, give them attention, they need it
the idea that suicide always happens without warning is wrong. there are often signs, we just don't learn how to read them
'talking about it makes it worse' - no. talking is one of the best things you can do
people say 'once suicidal, always suicidal'. that's false, suicidal thoughts are often short-lived and very treatable
my aunt thinks that if you mention the word suicide to a teenager they'll try it. that's just not how it works
'everyone who self harms is trying to kill themselves' isn't accurate either, for a lot of people it's a way of coping, which is still serious and deserves care
there's this belief that suicide rates spike at christmas. actually the data doesn't really show that
no, therapists won't automatically lock you up for saying you have suicidal thoughts. hospital is for when you're in immediate danger
my gran says suicide is a 'sin' and people who try are cowards. no. it's pain and illness, and compassion saves lives
people joke that 'only teenagers self harm'. adults do too, and they often hide it even better
'you can't help someone who doesn't want help' - actually a lot of people in crisis are torn, and one kind conversation can matter
no, a no-harm contract isn't enough on its own. safety planning works better, that's what services use now
'if they really wanted to, they'd have done it by now' is such a cruel myth. most people are ambivalent and that's the window for help
the idea that suicide is 'the coward's way out' is wrong and it stops people talking about how they feel
reminder that survivors of attempts are not 'failures' and most go on to live full lives. that 'they'll just try again' line is a myth
it's a myth that kids and young teens can't be suicidal. take it seriously at any age
'only weak people think about suicide' is nonsense. it happens to all kinds of people
""",
    templates="""
{md_frame} '{md.0}'. {md_no} {md.1}
myth: {md.0}. fact: {md.1}
{md_heard} {md.0}. {md_no} {md.1}
{md_stop} {md.0}? {md.1}
'{md.0}' {md_harm} {md.1}
""",
    n_tpl=48,
    slots={
        "md": [("people who talk about suicide never go through with it",
                "many people who die by suicide told someone beforehand, so every mention deserves to be taken seriously"),
               ("asking about suicide gives people the idea",
                "asking directly is one of the most protective things you can do"),
               ("suicide is selfish", "people in that much pain often believe they are a burden, it's not selfishness"),
               ("self harm is just for attention", "most people who self harm hide it and feel ashamed"),
               ("once someone is suicidal they will always be suicidal",
                "suicidal crises are usually temporary and people recover"),
               ("you can't stop someone who really wants to die",
                "crises often pass and reducing access to means saves lives"),
               ("only people with depression think about suicide",
                "trauma, debt, grief, pain and many other things can lead there too"),
               ("if they were serious they would have done it already",
                "ambivalence is normal and that window is exactly when support helps"),
               ("people who self harm are trying to die",
                "self harm is often a way of coping, and it still deserves proper support"),
               ("suicide only happens to people with no friends",
                "people with big, loving families and busy social lives can be suicidal too"),
               ("talking about suicide online makes it more likely",
                "talking about it safely, without method details, helps people reach out"),
               ("if someone seems happier they're definitely fine now",
                "sometimes a sudden calm follows a decision, so keep checking in"),
               ("men don't get suicidal, they just get angry",
                "men die by suicide at higher rates than women in many countries")],
        "md_stop": ["can we stop pretending that", "why do people still think", "who decided that",
                    "can we retire the idea that", "does anyone still believe", "why is it still normal to say"],
        "md_harm": ["is such a harmful myth.", "gets repeated way too much.", "needs to die as an idea.",
                    "is something i believed for years.", "is honestly dangerous to repeat.",
                    "- please stop saying it."],
        "md_frame": ["people keep repeating", "my teacher literally said", "there's this idea that",
                     "i'm so tired of hearing", "someone in the comments said"],
        "md_heard": ["i always hear that", "growing up i was told that", "my dad believes that",
                     "tiktok keeps telling me that"],
        "md_no": ["that's not true.", "it's a myth.", "wrong.", "not how it works.",
                  "the evidence says otherwise:", "nope."],
    },
)

group(
    "crisis_neg_lyrics_fiction", "crisis", "negative",
    "song lyrics, poems, fiction, films and games that involve death or suicide",
    L(),
    emoji=["🎶", "📚", "🎮", ""],
    hand="""
the ending of that book where the main character dies by suicide wrecked me, so beautifully written though
in the game you have to decide whether to sacrifice yourself to save the crew, i chose wrong twice lol
writing a short story where the narrator is a ghost who doesn't know she's dead. feedback welcome
my d&d character just died heroically holding the bridge and i'm weirdly emotional about it
romeo and juliet is literally about two teenagers dying by suicide and we read it in year 9
the villain's death scene in episode 8 was so well done
lyric idea for our band: 'i died a thousand times in your passenger seat'
in my novel the detective finds a suicide note that turns out to be forged
just finished a poem for class: 'the sea keeps the names of everyone it took'. too dark?
watched dead poets society for the first time, the scene with neil broke me
my oc dies at the end of the webcomic and readers are going to hate me
the song on repeat today goes 'bury me in the garden where the roses used to grow'. such a vibe
hamlet's 'to be or not to be' speech is about whether to live or die and my english teacher made us memorise it
in elden ring i died 200 times to the same boss, the game literally says 'you died' in giant letters
screenwriting question: how do i write a character's suicide attempt responsibly for a film?
my favourite anime killed off the main character in the last episode and i'm not okay (fictionally)
writing a murder mystery for my friends' party, who wants to be the victim?
the horror movie last night had a character who kept saying 'i want to die' and it was so creepy
in our campaign the necromancer keeps raising his dead wife and it's the saddest storyline
poetry night theme was 'endings'. i read one about my grandma's funeral
""",
    templates="""
{fi_work} {fi_event}{fi_react}
{fi_writing} {fi_plot}. {fi_ask}
the song {fi_song} is {fi_songreact}
in {fi_game} {fi_gameevent}{fi_react}
""",
    n_tpl=46,
    slots={
        "fi_work": ["the novel i'm reading", "this anime", "the new season", "my favourite manga",
                    "that netflix series", "the play we saw", "the audiobook", "my book club's pick",
                    "the film last night"],
        "fi_event": ["killed off the best character", "ends with the hero dying",
                     "has a suicide storyline that's handled really carefully",
                     "opens with a funeral", "made me cry when the mum died",
                     "has a ghost who wants revenge on whoever killed her",
                     "is about a detective investigating a death"],
        "fi_react": ["", ". i'm devastated (fictionally)", ". 10/10", ", no spoilers pls",
                     ". the writing is incredible", ". still thinking about it", " 😭"],
        "fi_writing": ["my screenplay", "the fanfic i'm writing", "my short story",
                       "my novel draft", "the poem i'm working on", "our campaign"],
        "fi_plot": ["kills off the narrator in chapter 3", "is about a girl who fakes her death",
                    "follows a soldier who dies in the first scene", "has a vampire who wants to die",
                    "ends with the villain jumping off the tower",
                    "is about grief after a character's suicide"],
        "fi_ask": ["any beta readers?", "is it too dark?", "how do i make it less cliché?",
                   "thoughts?", "should i add a content warning?"],
        "fi_song": ["i keep humming", "on my playlist", "from that musical", "we're covering",
                    "from the soundtrack"],
        "fi_songreact": ["about a guy who dies in a car crash and it's such a tearjerker",
                         "basically about wanting to disappear and the melody is gorgeous",
                         "about the singer's friend who died by suicide, really moving",
                         "so dramatic, everyone dies in the last verse lol"],
        "fi_game": ["dark souls", "the last of us", "hades", "my minecraft hardcore world",
                    "the new zelda", "among us", "skyrim", "baldur's gate"],
        "fi_gameevent": ["i died for the hundredth time", "you literally have to die to progress",
                         "my character got killed by a chicken", "the sad ending made me cry",
                         "i sacrificed my companion and regret it"],
    },
)

group(
    "crisis_neg_of_myself", "crisis", "negative",
    "everyday '...myself' phrases and accidental injuries ('cut myself cooking', 'treated myself')",
    L(),
    emoji=["🩹", "😅", "🙃", "😂", ""],
    hand="""
cut myself cooking dinner, that mandoline slicer is pure evil
finally treated myself to a massage after finals
burned myself on the oven tray again lol
taught myself to crochet over the winter, made my first wonky scarf
hurt myself at the gym doing deadlifts, lower back is toast
talked myself out of buying another plant. i'm growing as a person
tripped over the dog and bruised myself pretty bad
i need to take better care of myself this semester. more sleep, fewer energy drinks
proud of myself for going to the party even though i was anxious
locked myself out of my flat in my pyjamas. neighbours loved it
gave myself a haircut during lockdown, we don't talk about it
kicked myself for missing the bus by ten seconds
cut myself shaving right before the interview
hit myself in the face with my own phone while scrolling in bed
i hate myself for eating the whole pizza 😂 worth it though
poked myself in the eye with a mascara wand, i look like i've been crying
stabbed myself with a fork trying to catch a falling sandwich
i surprised myself and actually enjoyed the hike
got myself a new job! starting monday
scared myself watching a horror movie alone, every noise is a ghost now
caught myself singing in the shop queue
i keep telling myself i'll start running but the sofa is so comfy
pinched myself to check i wasn't dreaming when i got the acceptance email
glued my fingers together with superglue fixing the mug. help
sprained my ankle getting off the bus like a pro
dropped a can on my foot and the bruise is purple now
i promised myself i'd read 20 books this year
sliced my thumb opening an avocado. avocado hand is real
zapped myself changing a lightbulb. all good, just a shock
""",
    templates="""
{my_injury}. {my_tail}
{my_pos}{my_tail2}
{my_injury} {my_tail3}
i {my_verb} myself {my_verb_obj}{my_tail2}
""",
    n_tpl=60,
    slots={
        "my_injury": ["cut myself {my_cut}", "burned myself {my_burn}", "hurt myself {my_hurt}",
                      "stabbed myself in the thumb {my_cut}", "gave myself a black eye {my_bump}",
                      "bruised myself {my_bump}", "scratched myself {my_scratch}",
                      "nearly knocked myself out {my_bump}"],
        "my_cut": ["chopping onions", "opening a parcel with a knife", "on a tin lid",
                   "slicing bagels", "shaving my legs", "on the paper cutter at work",
                   "carving the pumpkin", "on broken glass in the sink"],
        "my_burn": ["on the kettle", "taking cookies out of the oven", "with the glue gun",
                    "on my hair straightener", "grabbing a hot pan handle", "on the bbq",
                    "with candle wax"],
        "my_hurt": ["at football practice", "moving my sofa", "on the trampoline",
                    "slipping on ice", "doing yoga somehow", "climbing", "skateboarding"],
        "my_bump": ["on the cupboard door", "walking into a glass door", "on the bunk bed",
                    "with a frisbee", "on the car boot"],
        "my_scratch": ["on the rose bush", "gardening", "trying to bathe the cat",
                       "climbing over a fence"],
        "my_tail": ["ouch", "band-aid time", "classic me", "anyway how's your day",
                    "it's fine, just stings", "my mum says i'm a walking hazard",
                    "no more cooking for me tonight", "why am i like this",
                    "bleeding on the chopping board like a horror movie lol", "send plasters"],
        "my_tail3": ["again 🙄", "lol", "for the third time this week", "😭", "rip"],
        "my_pos": ["treated myself to {my_treat}", "taught myself {my_skill}",
                   "i'm proud of myself for {my_achieve}", "i finally forgave myself for {my_minor}",
                   "bought myself {my_treat}", "reminding myself to {my_remind}"],
        "my_treat": ["a fancy coffee", "new headphones", "a pedicure", "sushi", "the good shampoo",
                     "concert tickets", "a day off", "flowers"],
        "my_skill": ["guitar", "to bake sourdough", "basic japanese", "to code in python",
                     "to juggle", "to change a tyre", "to draw hands"],
        "my_achieve": ["finishing the essay early", "calling the dentist", "going to the gym 3x this week",
                       "speaking up in the meeting", "cooking instead of ordering takeaway",
                       "asking for a raise"],
        "my_minor": ["failing my driving test", "that awkward text", "missing the deadline",
                     "forgetting her birthday"],
        "my_remind": ["drink water", "take breaks", "go to bed before midnight", "stretch"],
        "my_tail2": ["", " 😊", "!", " lol", ". small wins", ". highly recommend", " ✨"],
        "my_verb": ["made", "bought", "signed", "booked", "got", "cooked"],
        "my_verb_obj": ["a proper breakfast", "a new bike", "up for a pottery class",
                        "a weekend away", "a library card", "dinner from scratch"],
    },
)

group(
    "crisis_neg_prevention_questions", "crisis", "negative",
    "questions about suicide-prevention resources for research, volunteering, training or work",
    L(),
    hand="""
training to be a crisis line volunteer, any tips from people who've done it?
doing my dissertation on suicide prevention in rural areas. does anyone know good public datasets?
what's the difference between calling 988 and 911 for a mental health crisis?
our school wants to run a suicide prevention week. what actually works for teens?
is QPR or ASIST training better for a youth worker?
what are the warning signs of suicide i should cover in my mental health first aid class?
how do crisis text lines handle it when someone is in immediate danger?
researching safe messaging guidelines for reporting on suicide in our student paper, any links?
are there safety planning apps that people here actually like?
how do i become a peer supporter in this community?
i'm a manager. how do i check in on an employee after a colleague died by suicide?
does anyone know the evidence for bridge barriers? writing a council submission
what should a suicide risk screening in primary care look like? med student here
what do you say to someone who discloses self harm? i just started as a school nurse
looking for books on suicide prevention for a library display in september
how are moderators on this sub trained to respond to crisis posts?
our football club wants a mental health talk for the lads. any organisations that do that?
is there research on whether content warnings help people who self harm?
""",
    templates="""
{pq_role}, {pq_q}
{pq_q_cap} {pq_why}
{pq_role} and {pq_q2}
""",
    n_tpl=44,
    slots={
        "pq_role": ["i'm a psych student", "i work in hr", "i'm a youth pastor", "i'm a nursing student",
                    "i'm writing a paper for my public health class", "i just signed up to volunteer on a crisis line",
                    "i'm a new mod here", "i'm a high school teacher", "i'm organising a workshop at work",
                    "i coach a youth football team", "i'm a journalism student", "i run a discord server"],
        "pq_q": ["what are good resources on suicide prevention?",
                 "what's the evidence on means restriction?",
                 "how should i talk about suicide without breaking safe messaging guidelines?",
                 "which gatekeeper training do you recommend?", "what should a safety plan include?",
                 "where can i find stats on self harm in teens?",
                 "how do you ask someone directly about suicidal thoughts?",
                 "what should i do if someone discloses self harm to me?",
                 "how do crisis lines work behind the scenes?"],
        "pq_q_cap": ["Does anyone have good training materials on suicide prevention?",
                     "What's the best way to set up a crisis resources channel?",
                     "Which hotlines should we list for international members?",
                     "Are there free courses on responding to self harm disclosures?",
                     "How do you write a suicide prevention policy for a small charity?"],
        "pq_why": ["it's for a uni project", "asking for my workplace", "want to get it right",
                   "we're updating our server rules", "it's for a training day next month"],
        "pq_q2": ["i want to learn how to support people in crisis properly",
                  "i'm looking for research on suicide prevention in schools",
                  "i'd like to know what the warning signs are so i can spot them",
                  "i need a list of crisis lines by country"],
    },
)

# ============================================================================= misinformation

# (myth stated as a clause, accurate version) -- shared by the myth, debunk, question and
# accurate-version groups so that positives and hard negatives use the same words.
MYTHS_CONDITION = [
    ("ocd just means you like things neat and tidy",
     "ocd is about intrusive thoughts and compulsions that eat up hours of someone's day, not about being tidy"),
    ("adhd isn't a real condition, it's just bad parenting",
     "adhd is a well studied neurodevelopmental condition and parenting doesn't cause it"),
    ("bipolar disorder just means your mood changes a lot during the day",
     "bipolar disorder involves episodes of mania or hypomania and depression that usually last days or weeks"),
    ("schizophrenia means having a split personality",
     "schizophrenia involves things like psychosis and disorganised thinking, it's not multiple personalities"),
    ("autism is caused by vaccines",
     "large studies of millions of children found no link between vaccines and autism"),
    ("ptsd only happens to soldiers",
     "ptsd can develop after any traumatic event, like an assault, an accident or abuse"),
    ("eating disorders only affect teenage girls",
     "eating disorders affect people of every gender, age and body size"),
    ("you can't have anorexia unless you're underweight",
     "people can be seriously ill with an eating disorder at any weight"),
    ("depression is just being sad and you can snap out of it",
     "depression is a medical condition, not something you can just decide to stop"),
    ("adhd goes away when you become an adult",
     "for many people adhd continues into adulthood"),
    ("people with schizophrenia are violent",
     "people with schizophrenia are far more likely to be victims of violence than to commit it"),
    ("you can't be depressed if your life is good",
     "depression can happen to anyone, including people whose lives look great from the outside"),
    ("anxiety disorders are just normal nerves",
     "anxiety disorders are real conditions that can be disabling and are treatable"),
    ("boys and men can't get eating disorders",
     "boys and men do get eating disorders and are often diagnosed later"),
    ("autism can be cured with a special diet",
     "autism isn't a disease to cure and no diet changes it"),
    ("children can't get depression",
     "children and teenagers can have depression too"),
    ("mental illness is caused by weak willpower",
     "mental illness comes from a mix of biology, life events and environment, not weakness"),
    ("adhd is caused by eating too much sugar",
     "sugar doesn't cause adhd"),
    ("postpartum depression always goes away on its own in two weeks",
     "the baby blues often pass in a couple of weeks but postpartum depression can last much longer and needs treatment"),
    ("smoking weed is the only cause of schizophrenia",
     "cannabis can raise the risk of psychosis in some people but it isn't the only cause of schizophrenia"),
    ("depression is caused only by a lack of vitamin d",
     "low vitamin d may play a small role for some people but it isn't the cause of depression"),
    ("bpd is just an excuse for being manipulative",
     "borderline personality disorder is a real condition rooted in intense emotional pain and it's treatable"),
]

MYTHS_TREATMENT = [
    ("antidepressants are just expensive placebos",
     "antidepressants help many people with moderate to severe depression more than placebo, though they don't work for everyone"),
    ("therapy is a scam to keep you paying",
     "therapies like cbt and dbt have a lot of evidence behind them"),
    ("ssris permanently change your personality",
     "ssris can blunt emotions for some people but that usually goes away with a dose change or switch"),
    ("ect fries your brain",
     "modern ect is done under anaesthesia and can help severe depression, though it can cause memory side effects"),
    ("antidepressants are as addictive as heroin",
     "antidepressants aren't addictive, but stopping suddenly can cause discontinuation symptoms"),
    ("once you start antidepressants you have to take them for life",
     "many people take antidepressants for months or a couple of years and then taper off with their doctor"),
    ("adhd meds stunt your growth forever",
     "stimulants can slightly slow growth in some kids, and doctors monitor height and weight for that"),
    ("therapists have to report everything you say to the police",
     "therapy is confidential with a few limits, mainly when someone is in serious danger"),
    ("exercise works better than any antidepressant so nobody needs meds",
     "exercise can help mood but for many people it works alongside other treatment, not instead of it"),
    ("st john's wort has no side effects",
     "st john's wort interacts with lots of medicines, including birth control and antidepressants"),
    ("lithium is basically battery acid",
     "lithium is a well studied mood stabiliser, it just needs regular blood tests"),
    ("antipsychotics are only used to sedate people",
     "antipsychotics treat symptoms like psychosis and mania, sedation is a side effect"),
    ("benzos are safe to take every day forever",
     "benzodiazepines can cause dependence and are usually meant for short term use"),
    ("meditation can cure schizophrenia",
     "mindfulness can help with stress but schizophrenia needs proper treatment"),
    ("you can't drink coffee on ssris because it cancels them out",
     "coffee doesn't cancel out ssris, though too much caffeine can make anxiety worse"),
]

MYTHS_MEDICAL = [
    ("vaccines cause autism", "vaccines don't cause autism, this has been studied in huge populations"),
    ("the flu shot gives you the flu", "the flu shot can't give you the flu, a sore arm or a day of feeling meh is a normal reaction"),
    ("mrna vaccines change your dna", "mrna vaccines don't enter the nucleus and can't change your dna"),
    ("antibiotics cure colds", "colds are caused by viruses so antibiotics don't help them"),
    ("you only use 10 percent of your brain", "we use virtually all of our brain, just not all at once"),
    ("going outside with wet hair gives you a cold", "colds are caused by viruses, not by wet hair"),
    ("cracking your knuckles causes arthritis", "studies haven't found that knuckle cracking causes arthritis"),
    ("detox teas flush toxins out of your liver", "your liver and kidneys do the detoxing, detox teas mostly act as laxatives"),
    ("sugar makes kids hyperactive", "controlled studies haven't found that sugar makes kids hyperactive"),
    ("the hpv vaccine makes girls infertile", "the hpv vaccine doesn't cause infertility and it prevents several cancers"),
    ("5g towers spread covid", "viruses can't travel on radio waves"),
    ("cancer can be cured with baking soda", "baking soda doesn't cure cancer"),
    ("you lose most of your body heat through your head", "your head doesn't lose more heat than any other uncovered part of your body"),
    ("getting measles is healthier than the vaccine", "measles can cause serious complications and the vaccine is far safer"),
    ("vitamin c stops you from ever getting sick", "vitamin c doesn't prevent colds for most people"),
]
ALL_MYTHS = MYTHS_CONDITION + MYTHS_TREATMENT + MYTHS_MEDICAL

group(
    "misinfo_condition_myth", "misinformation", "positive",
    "myths about mental-health conditions stated as fact",
    L(m=1),
    emoji=["🙄", "💯", "", "", ""],
    hand="""
ocd is basically just being super organised, everyone's a little bit ocd
adhd isn't real, it's just kids eating too much sugar and parents who won't discipline them
bipolar just means your mood goes up and down a lot in a day. everyone's a bit bipolar
schizophrenia is when you have multiple personalities living in your head
autism is caused by bad parenting, that's been known for decades
ptsd is only a thing for soldiers, regular people can't get it
eating disorders only happen to rich white teenage girls
you can tell someone has anorexia just by looking at them. if they're not skeletal they're fine
depression is just sadness, everyone gets it and everyone gets over it
anxiety disorders aren't real, it's literally just being a bit nervous
people with schizophrenia are violent, that's why they get locked up @@ b=null
adhd disappears once you turn 18, adults don't have it
you can't have depression if you have a good life, it doesn't work like that
bpd is just an excuse for being manipulative and mean @@ b=null
boys can't get eating disorders, it's a girl thing
autism can be cured with a gluten free diet, my neighbour did it with her son
mental illness is caused by weak willpower. strong people don't get it
dissociative identity disorder was made up by tiktok
postpartum depression always goes away by itself in two weeks
bulimia is basically the same thing as being on a diet
kids can't get depressed, they have nothing to be stressed about
if you're 'high functioning' you don't really have autism
ocd is a personality quirk, not a disorder
schizophrenia is always caused by smoking weed
depression is purely a vitamin d deficiency. take supplements and you're cured
you grow out of autism by the time you're an adult
adhd is caused by too much screen time, it didn't exist before ipads
panic attacks can't actually happen to healthy people, it's always a heart problem
only women get depression, men just get stressed
people with bipolar can't ever hold down a job
self harm only happens in teenagers, adults never do it
ptsd always starts right after the trauma, if it shows up later it's fake
social anxiety is just shyness with a fancy name
if you can laugh and go to work you can't be depressed
anorexia is a choice, they could just eat if they wanted to
depression is just a chemical imbalance, fix the serotonin and it's gone forever
adhd is just a fancy word for being lazy and disorganised @@ b=null
ocd only counts if you wash your hands all day
you can't have ptsd from childhood stuff you don't remember clearly
bipolar is caused by eating too much sugar and junk food
eating disorders are just a phase teenage girls go through for attention @@ b=null
autistic people don't feel emotions or empathy
if you have panic attacks it means you're weak-minded
mental illness is always genetic, if your parents don't have it you can't get it
you can't have anxiety and be an extrovert, that's impossible
""",
    templates="""
{cm_lead}{cm.0}{cm_end}
{cm_lead2} {cm.0}{cm_end}
{cm.0}. {cm_tag}
""",
    n_tpl=66,
    slots={
        "cm": MYTHS_CONDITION,
        "cm_lead": ["", "fun fact: ", "ngl ", "people need to realise ", "it's science, ",
                    "newsflash: ", "honestly ", "fact: ", "everyone knows ", "reminder that ",
                    "my psych teacher said it himself, ", "let's be real, "],
        "cm_lead2": ["the truth nobody wants to hear:", "sorry but", "lol",
                     "i'm a nurse and trust me,", "it's been proven that",
                     "doctors won't say it but", "as someone who's read a lot about this,"],
        "cm_end": ["", ".", " lol", " 🙄", ", look it up", ", that's just how it is",
                   ". doctors won't tell you that", " and that's a fact", ", period"],
        "cm_tag": ["look it up", "simple as that", "stop overcomplicating it", "it's not that deep",
                   "facts", "that's biology", "everyone knows this"],
    },
)

group(
    "misinfo_treatment_myth", "misinformation", "positive",
    "myths about mental-health treatment (antidepressants, therapy, ECT, medication, 'just exercise instead') stated as fact",
    L(m=1),
    emoji=["🙄", "💯", "", ""],
    hand="""
antidepressants are just expensive placebos, every honest study shows it @@ u=null
therapy is a scam. they keep you coming back forever so they get paid @@ u=null
ssris change your personality permanently, you'll never be the same person again
ect is basically torture and fries your brain, they only do it to punish patients @@ u=null
you'll get addicted to antidepressants just like heroin, it's the same mechanism
lithium is poison, it's literally the stuff in batteries and it'll destroy your kidneys in a month
adhd meds are basically meth and they stunt your growth forever
once you start antidepressants you're on them for life, no way off
therapists are required to report everything you tell them to the police @@ u=null
running cures depression better than any pill, so you don't need meds @@ u=null
st john's wort works exactly like prescription antidepressants and has zero side effects
antipsychotics are just chemical straitjackets, nobody actually needs them @@ u=null
psychiatrists get paid per prescription, that's the only reason they push meds
you can't have any coffee on ssris, it cancels them out completely
benzos are totally non-addictive as long as you have a prescription @@ u=null
going to therapy makes you more depressed because all you do is dwell on it @@ u=null
cbd oil cures anxiety, that's why big pharma wants it banned
microdosing mushrooms is a proven cure for depression, way better than meds
ect is banned in most countries because it causes brain damage
antidepressants make everyone gain weight, it's guaranteed
sleeping pills are completely safe to take every night for years
meditation can cure schizophrenia if you do it daily
you only need to take your antidepressant when you feel sad, it works instantly @@ u=null
ssris cause school shootings, that's why they hide it
talking therapy only works for mild problems, never for anything serious
if meds worked you'd feel better on day one, so if you don't they're useless
psychiatric meds shrink your brain, that's a proven fact
lexapro makes everyone infertile, they just don't put it on the leaflet
if you go to therapy it stays on your record and you'll never get a job @@ u=null
antidepressants cause dementia, every old person on them gets it
ect is only used on people who are being punished in psych wards @@ u=null
you can't take adhd meds if you're over 25, they stop working on adult brains
ssris work within an hour, so if you don't feel better that day they aren't for you
hypnosis cures ocd in one session, no need for cbt
cbd gummies fix bipolar disorder, i don't know why doctors still use lithium @@ u=null
therapy can only help people who had bad childhoods
""",
    templates="""
{tm_lead}{tm.0}{tm_end}
{tm_med} {tm_medclaim}{tm_end}
{tm_lead2} {tm.0}
""",
    n_tpl=66,
    slots={
        "tm": MYTHS_TREATMENT,
        "tm_lead": ["", "fact: ", "psa: ", "wake up, ", "honestly ", "it's well known that ",
                    "nobody tells you that ", "newsflash: ", "my naturopath explained that "],
        "tm_lead2": ["the research is clear:", "sorry but", "big pharma won't admit it but",
                     "i've read the studies,", "spoiler:", "the truth is"],
        "tm_end": ["", ".", " 🙄", ", look it up", ". doctors know this", " and they hide it", ", period"],
        "tm_med": ["sertraline", "zoloft", "lexapro", "prozac", "wellbutrin", "effexor", "seroquel",
                   "abilify", "lamotrigine", "mirtazapine", "citalopram", "adderall", "ritalin"],
        "tm_medclaim": ["is just a placebo with side effects", "permanently damages your brain",
                        "makes everyone gain 20kg", "stops working after a week",
                        "kills your emotions forever", "is more addictive than heroin",
                        "causes brain damage if you take it longer than a year",
                        "rewires your brain so you can never come off it",
                        "gives everyone dementia later in life"],
    },
)

group(
    "misinfo_medical_vaccine", "misinformation", "positive",
    "false medical and vaccine claims in casual post style",
    L(m=1),
    emoji=["🙄", "💉", "🤔", "", ""],
    hand="""
vaccines cause autism, my cousin's kid changed right after his shots. that's all the proof i need
the covid vaccine has a microchip in it, why else would they push it so hard
you can cure a uti with cranberry juice alone, no need for antibiotics
the flu shot gives you the flu every single time
antibiotics work on colds, just ask your doctor for them
sugar makes kids hyper, it's a proven fact
cracking your knuckles gives you arthritis
the mmr jab has been linked to autism in tons of studies
fluoride in tap water is a mind control chemical
mrna vaccines rewrite your dna permanently
we only use 10% of our brains
going out with wet hair is how you catch a cold
natural immunity is always better, so getting measles is healthier than the vaccine
cancer is just a fungus and baking soda kills it
5g towers spread covid, that's why cases went up where they installed them
take enough vitamin c and you'll never get sick
eating after 8pm makes all your food turn into fat
detox teas flush the toxins out of your liver
sunscreen causes more cancer than the sun does
the hpv vaccine makes girls infertile
ivermectin cures covid and doctors just don't want you to know
you need to drink exactly 8 glasses of water a day or your organs shut down
microwaving food destroys all the nutrients and makes it radioactive
shaving makes your hair grow back thicker and darker
covid was never real, hospitals were empty the whole time
vaccines contain aluminium that builds up and gives you alzheimer's
cold weather makes you sick, that's literally what a cold is
if you swallow gum it stays in your stomach for seven years
drinking alkaline water cures cancer
the measles vaccine gives you measles
covid vaccines make you magnetic, people stick spoons to their arms
you shouldn't vaccinate babies because their immune systems can't handle it
coffee dehydrates you so badly it cancels out any water you drink
flu is just a bad cold, nobody actually dies from it
you can't get pregnant on your period, ever
the chickenpox vaccine gives you shingles straight away
raw garlic cures covid and the flu
antibiotics cure the flu if you take them early enough
sleeping in a room with a fan on can kill you
""",
    templates="""
{mm_lead}{mm.0}{mm_end}
{mm.0}. {mm_tag}
{mm_lead2} {mm.0}
""",
    n_tpl=56,
    slots={
        "mm": MYTHS_MEDICAL,
        "mm_lead": ["", "fun fact: ", "psa: ", "my doctor friend said ", "it's proven that ",
                    "wake up people, ", "everyone knows ", "fact: ", "reminder: "],
        "mm_lead2": ["they don't want you to know this but", "do your own research:",
                     "my nan was right,", "scientists finally admitted", "the truth:"],
        "mm_end": ["", ".", " 🙄", ", look it up", ", do your research", " and they know it"],
        "mm_tag": ["do your research", "the studies are out there", "the media won't report it",
                   "wake up", "it's common sense", "facts don't care about feelings"],
    },
)

group(
    "misinfo_neg_accurate_version", "misinformation", "negative",
    "the accurate version of a common mental-health, treatment or medical myth",
    L(),
    emoji=["", "", "🙂", "💡"],
    hand="""
ocd isn't about being tidy. it's intrusive thoughts and rituals that can take hours out of someone's day
adhd is a neurodevelopmental condition and for a lot of people it continues into adulthood
bipolar episodes usually last days or weeks, it's not the same as having mood swings in an afternoon
schizophrenia is not 'split personality'. that's a common mix-up with dissociative identity disorder
the original study linking the mmr vaccine to autism was retracted and its author lost his licence
antidepressants aren't addictive, but coming off them suddenly can cause withdrawal-like symptoms, so taper with your doctor
eating disorders affect people of all genders, ages and body sizes
ptsd can happen after any traumatic event, not just combat
people with anorexia can be at a 'normal' weight and still be critically ill
depression isn't just feeling sad, it can mean numbness, exhaustion and losing interest in everything
therapy is confidential except in a few situations, like someone being in immediate danger
a lot of people only need antidepressants for a while and come off them gradually with support
exercise can help mild to moderate depression, and for many people it works best alongside therapy or meds
the flu vaccine can't give you the flu because it contains no live flu virus that can infect you
antibiotics don't work on viruses, which is why they won't help a cold
people with serious mental illness are more likely to be victims of violence than perpetrators
st john's wort can interact badly with birth control and other antidepressants, so check with a pharmacist
ect is done under general anaesthesia nowadays and can be really effective for severe depression
it usually takes a few weeks for ssris to work, and the first couple of weeks can feel worse before better
autism is lifelong, some people just learn strategies or get support that makes things easier
men get eating disorders too, they're just less likely to be diagnosed
kids and teens can have depression, it sometimes shows up as irritability instead of sadness
""",
    templates="""
{av.1}
{av_lead}{av.1}
{av.1}. {av_tail}
""",
    n_tpl=56,
    slots={
        "av": ALL_MYTHS,
        "av_lead": ["", "just so people know, ", "worth knowing: ", "fyi ", "gentle reminder that ",
                    "from my psych course: ", "for anyone wondering, ", "my gp explained that ",
                    "quick fact: "],
        "av_tail": ["it's more complicated than people think", "worth talking to a doctor about",
                    "the nhs website explains it well", "there's good research on this",
                    "took me ages to learn that", "happy to share sources"],
    },
)

group(
    "misinfo_neg_debunk_quote", "misinformation", "negative",
    "a health or mental-health myth quoted in order to debunk it",
    L(),
    emoji=["", "", "🙄", "🧐"],
    hand="""
people keep saying 'ocd just means you're neat'. no. ocd can mean hours of intrusive thoughts and rituals a day
my uncle told me vaccines cause autism. that claim came from one retracted study and has been disproven over and over
saw a tiktok claiming antidepressants are placebos. that's misleading, they work better than placebo for many people with moderate to severe depression
'adhd isn't real, it's bad parenting' is such an old myth. adhd is one of the most researched conditions in psychiatry
myth: schizophrenia means split personality. fact: it's about psychosis, hallucinations and disorganised thinking
the 'you only use 10% of your brain' thing is a myth, brain scans show activity all over
no, the flu shot doesn't give you the flu. feeling tired for a day is your immune system doing its job
stop spreading 'eating disorders only affect girls'. boys and men get them too and it keeps them from getting help
someone in my group chat said therapists report everything to the police. that's not true, confidentiality only breaks in a few serious situations
the idea that ect 'fries your brain' comes from old films. modern ect is very different
'you can't have depression if your life is good' - depression doesn't check your bank balance first
people saying lithium is 'battery acid' are being ridiculous. it's a medication that's been used safely for decades with blood tests
the claim that mrna vaccines change your dna is false, mrna never enters the cell nucleus
my mum thinks going out with wet hair gives you a cold. i love her but colds come from viruses
'just exercise instead of meds' sounds nice but it isn't how treatment works for a lot of people
this post says detox teas clean your liver. your liver does that itself, the tea is basically a laxative
reminder that 'bipolar = moody' is a myth. real bipolar episodes last days to weeks
a coworker said autism can be cured with diet. that's not a thing, and the idea hurts autistic people
""",
    templates="""
{dq_frame} '{dq.0}'. {dq_no} {dq.1}
myth: {dq.0}. fact: {dq.1}
{dq_heard} {dq.0}. {dq_no} {dq.1}
'{dq.0}' {dq_is} {dq.1}
""",
    n_tpl=52,
    slots={
        "dq": ALL_MYTHS,
        "dq_frame": ["people keep saying", "my aunt posted", "i keep seeing", "someone told me",
                     "this influencer claims", "my coworker swears", "a comment here says",
                     "my grandad insists"],
        "dq_heard": ["i was always told", "a lot of people believe", "growing up i heard",
                     "there's a viral post saying", "my teacher once said"],
        "dq_no": ["that's a myth.", "not true.", "nope.", "that's misinformation.",
                  "that's been debunked.", "please don't believe that.", "wrong."],
        "dq_is": ["is a myth.", "is false.", "- not true.", "is outdated nonsense.",
                  "gets shared a lot but it's wrong."],
    },
)

group(
    "misinfo_neg_question", "misinformation", "negative",
    "a genuine question about whether a myth is true",
    L(),
    emoji=["🤔", "", "", "?"],
    hand="""
is it true that antidepressants change your personality? i'm nervous about starting
my mum says adhd is just from too much sugar, is there any truth to that?
genuine question, can men get eating disorders? my brother is acting like my friend did before her diagnosis
does ect actually cause brain damage or is that just from movies?
i read that ocd is just being a perfectionist. is that right? my therapist mentioned it for me
can the flu jab give you the flu? i felt rubbish the day after mine
do vaccines cause autism? i know it's a touchy subject but my partner keeps bringing it up
is schizophrenia the same thing as having multiple personalities?
if you start antidepressants do you have to take them forever?
can you have ptsd if you weren't in a war? i was in a car crash last year
is it true therapists have to tell your parents everything if you're under 18?
does cracking your knuckles actually cause arthritis or is my grandma lying
is bipolar just really bad mood swings or is there more to it?
heard lithium damages your kidneys, is that a real risk or exaggerated?
can kids actually get depressed? my 9 year old seems so flat lately
is it a myth that we only use 10% of our brain?
does st john's wort really work as well as sertraline?
are detox teas actually a thing or a scam?
""",
    templates="""
{qq_ist} {qq.0}?
{qq_who} says {qq.0}. is that {qq_true}?
{qq_open} {qq_is}
heard that {qq.0}. {qq_ask}
{qq_expl} {qq.0}? {qq_why}
""",
    n_tpl=56,
    slots={
        "qq": ALL_MYTHS,
        "qq_ist": ["is it true that", "is it actually true that", "wait, is it real that", "do doctors agree that",
                   "has it been proven that", "is it a fact that", "honest question, is it right that"],
        "qq_expl": ["can someone explain if", "could someone tell me whether", "does anyone know if",
                    "i'm confused about whether", "can a nurse or doctor here say if"],
        "qq_who": ["my mum", "my dad", "my teacher", "my boyfriend", "a youtuber", "my nan",
                   "a guy at work", "my sister", "my coach"],
        "qq_true": ["actually true", "legit", "right", "backed by anything", "real or a myth"],
        "qq_open": ["genuine question:", "sorry if this is dumb,", "not trying to start a fight, but",
                    "asking for real:", "quick question,"],
        "qq_is": ["do vaccines cause autism?", "is ocd just liking things clean?",
                  "is adhd real in adults?", "can you be anorexic at a normal weight?",
                  "are antidepressants addictive?", "does therapy actually work?",
                  "is ect dangerous?", "do ssris stop working after a while?",
                  "can you get the flu from the flu shot?", "do antibiotics help with a cold?",
                  "can you grow out of autism?", "is depression just a vitamin deficiency?"],
        "qq_ask": ["anyone know if there's truth to it?", "is that real?", "sources?",
                   "can anyone confirm or debunk?", "i can't find a straight answer"],
        "qq_why": ["i keep seeing conflicting stuff", "my family is arguing about it",
                   "asking before i decide anything", "it's for a school debate",
                   "i want to know what the research says"],
    },
)

group(
    "misinfo_neg_personal_experience", "misinformation", "negative",
    "personal experience or opinion about treatment, not a factual claim",
    L(),
    emoji=["", "", "🤷", "🙂", "😅"],
    hand="""
sertraline made me feel numb for the first few weeks, then it evened out
therapy didn't click for me until my third therapist. finding the right fit matters
i tried running instead of meds and for me it wasn't enough, but it really helps alongside them
lexapro gave me the weirdest dreams lol
ect sounded terrifying but it helped me when nothing else did. i lost a few weeks of memory around it though
gained weight on mirtazapine, talking to my doctor about switching
honestly cbt felt like homework to me. dbt suited me way better
my adhd meds kill my appetite so i set alarms to eat lunch
i came off prozac last year with a slow taper and it went fine for me
personally i hated group therapy, too many people. one to one is better for me
i felt worse for the first two weeks on citalopram and almost quit. glad i didn't
lithium has been life changing for me, the blood tests are annoying but worth it
i don't think meds are for me right now, i'm doing therapy first and seeing how it goes
my experience with antidepressants was bad but my sister swears by them, everyone's different
seroquel knocks me out like nothing else, i'm a zombie until 10am
i stopped therapy because of money, not because it wasn't working
wellbutrin made me anxious so my psychiatrist switched me
the first psychiatrist i saw was dismissive but the second one actually listened
i think my meds made my emotions a bit flat, but honestly flat is better than where i was
for me journaling helped more than any app
""",
    templates="""
{pe_med} {pe_effect} {pe_when}{pe_tail}
{pe_therapy} {pe_tx_effect}{pe_tail}
in my experience {pe_med} {pe_effect}{pe_tail}
""",
    n_tpl=54,
    slots={
        "pe_med": ["sertraline", "lexapro", "prozac", "citalopram", "venlafaxine", "mirtazapine",
                   "wellbutrin", "lamotrigine", "quetiapine", "my adhd meds", "vyvanse",
                   "my antidepressant", "fluoxetine", "duloxetine", "abilify"],
        "pe_effect": ["made me feel kind of flat", "gave me headaches", "made me really sleepy",
                      "helped my anxiety a lot", "did nothing for me", "made me nauseous",
                      "gave me vivid dreams", "made my sleep worse", "made me feel like myself again",
                      "killed my appetite", "made me sweat loads", "helped a lot with the intrusive thoughts"],
        "pe_when": ["for the first couple of weeks", "at first", "once i got to the higher dose",
                    "after about a month", "the whole time i was on it", "for a while"],
        "pe_tail": ["", ", everyone's different though", ". my doctor switched me",
                    ". still glad i tried it", ", so i talked to my psychiatrist", ", ymmv",
                    ". just my experience", ".", ". it settled down eventually", ". not saying it's the same for everyone",
                    ". my friend had the opposite", ". went back to my gp about it", ". worth it for me overall"],
        "pe_therapy": ["cbt", "dbt", "emdr", "group therapy", "talk therapy", "online therapy",
                       "art therapy", "my first therapist", "couples counselling"],
        "pe_tx_effect": ["really helped me", "wasn't for me", "took a while to help",
                         "felt awkward at first but got better", "changed my life honestly",
                         "helped me understand my triggers", "made me cry every session but in a good way"],
    },
)

group(
    "misinfo_neg_accurate_health", "misinformation", "negative",
    "accurate general health and mental-health information",
    L(),
    emoji=["", "", "💡"],
    hand="""
most colds are viral, so rest and fluids help more than antibiotics
the hpv vaccine protects against the strains that cause most cervical cancers
sleep has a big effect on mood. keeping the same wake-up time every day helps a lot of people
if a medicine says not to drink with it, that warning is there for a reason, ask your pharmacist
you don't need exactly 8 glasses of water, but drinking when you're thirsty and more in hot weather is sensible
caffeine can make anxiety symptoms worse for some people
panic attacks feel awful but aren't dangerous in themselves. still worth getting chest pain checked the first time
regular meals help keep blood sugar and mood more stable
alcohol is a depressant and can make low mood worse the next day
sunscreen helps prevent skin cancer, reapply every couple of hours when you're outside
measles is highly contagious, which is why vaccination rates matter so much
the mmr vaccine is given in two doses for the best protection
physical activity can lift mood, even a short walk counts
eating disorders have one of the highest mortality rates of any mental illness, early help matters
some medicines, like st john's wort, interact with the pill, always tell your doctor what you take
loneliness is linked to worse physical and mental health over time
it's normal for grief to come in waves, even years later
ssris usually take two to six weeks to start working
""",
    templates="""
{ah_lead}{ah_fact}
{ah_fact}. {ah_tail}
""",
    n_tpl=30,
    slots={
        "ah_lead": ["", "psa: ", "nurse here: ", "reminder: ", "fyi ", "good to know: "],
        "ah_fact": ["washing your hands properly is one of the best ways to avoid stomach bugs",
                    "flu vaccines are updated every year because the virus changes",
                    "most people need 7 to 9 hours of sleep",
                    "screen light before bed can make it harder to fall asleep",
                    "you can ask a pharmacist about drug interactions for free",
                    "untreated high blood pressure often has no symptoms",
                    "talking therapies are available on the nhs through self referral in england",
                    "a balanced diet matters more than any single superfood",
                    "being outdoors in daylight helps regulate your body clock",
                    "you should finish antibiotics the way your doctor prescribed them"],
        "ah_tail": ["worth knowing", "small things add up", "ask your gp if unsure",
                    "the nhs site has more", "stay safe out there"],
    },
)

group(
    "misinfo_neg_news_headline", "misinformation", "negative",
    "news headlines in news style, health and non-health (sport, business, politics, science)",
    L(),
    style=False,
    hand="""
Local team wins regional championship after overtime thriller
Central bank holds interest rates steady for third month
City council votes to extend library opening hours
Storm warning issued for coastal areas as high winds expected overnight
Tech company announces layoffs amid slowing ad revenue
Health officials urge residents to get flu vaccines ahead of winter
Hospital opens new children's mental health unit
Train strike to go ahead on Friday after talks collapse
Scientists discover new species of frog in rainforest survey
Museum returns artefacts to country of origin
Election turnout rises among young voters, early figures show
Measles cases rise in areas with low vaccination rates, officials say
Marathon organisers add extra water stations after record heat
Schools to receive funding for on-site counsellors
Festival cancelled due to flooding, refunds promised
Study finds regular walking linked to lower risk of heart disease
Government announces plan to cut hospital waiting lists
Airline apologises after baggage system failure delays thousands
Star striker signs contract extension until 2028
Pharmacy chain to offer free blood pressure checks
New bridge opens after two years of construction
Researchers trial app to support people on waiting lists for therapy
Housing prices fall for second consecutive quarter
Drug regulator approves new treatment for migraines
""",
    templates="""
{nh.0} {nh_verb} {nh.1}
{nh_subject2} {nh_verb2}, {nh_attr}
""",
    n_tpl=40,
    slots={
        "nh": [("City council", "plans for a new cycle lane"), ("Health ministry", "vaccination drive for older residents"),
               ("Local school board", "free school meals programme"), ("National rail operator", "changes to weekend timetables"),
               ("University hospital", "walk-in clinic hours"), ("Football club", "plans for a new stadium"),
               ("Regional airport", "new routes to southern europe"), ("State legislature", "budget for next year"),
               ("Charity", "mental health support line for students"), ("Supermarket chain", "plastic bag recycling scheme"),
               ("Public library", "late opening on thursdays"), ("Water company", "hosepipe ban for the summer"),
               ("Tech firm", "new office in the city centre"), ("Museum", "free entry for children"),
               ("Police force", "new neighbourhood patrols"), ("Film festival", "lineup for this year")],
        "nh_verb": ["announces", "approves", "delays", "launches", "cancels", "reviews", "expands", "unveils"],
        "nh_subject2": ["Unemployment", "Ticket prices", "Rainfall totals", "Hospital waiting times",
                        "Book sales", "Electric car sales", "Tourism numbers", "Flu admissions"],
        "nh_verb2": ["rise for second month", "fall slightly", "hit record high", "remain steady",
                     "drop sharply", "recover after slow spring"],
        "nh_attr": ["figures show", "report says", "officials say", "analysts say", "data reveals"],
    },
)

# ============================================================================= unsafe advice

UNSAFE_MED_ADVICE = [
    "double your {med} tomorrow if you miss a dose", "stop {med} cold turkey, you don't need to taper",
    "take your {med} with a few drinks, it kicks in faster", "mix {benzo} with {sleep} if you can't sleep",
    "ask {person_your} for some of their {benzo}", "take an extra {med} whenever you feel low",
    "quit {med} the day you start feeling better", "take {benzo} with wine to calm down quicker",
    "crush your {stim} and snort it for finals", "borrow your friend's {stim} before exams",
    "skip your {med} on weekends so you can party", "take {benzo} and {sleep} together",
    "buy {benzo} online without a prescription", "take a handful of {otc} to knock yourself out",
    "just stop your {med} before your holiday so you can drink",
]

group(
    "unsafe_med_misuse", "unsafe_advice", "positive",
    "medication misuse advice: doubling doses, stopping cold turkey, mixing with alcohol / benzos / sleeping pills, taking someone else's pills",
    L(u=1),
    emoji=["👍", "🤷", "", "", "😴"],
    hand="""
missed your dose yesterday? just take two today, it evens out
you don't need to taper off lexapro, just stop. the withdrawal thing is exaggerated @@ m=null
a couple glasses of wine with your xanax helps it kick in way faster
take your mum's klonopin if you can't sleep, it's basically the same as melatonin @@ m=null
if your sertraline isn't working after a week just double it yourself
crush your adderall and snort it, hits way faster when you're cramming
mix ambien and a few beers and you'll sleep like a baby
stop taking your lithium once you feel better, you clearly don't need it anymore
my friend gave me her leftover oxy for my anxiety, ask yours, it works
just take like 6 benadryl, it knocks you right out
ran out of your antidepressant? just skip it till the refill, no big deal
combine your seroquel with sleeping pills on the really bad nights
meds and a drink or two are fine together, doctors are just covering themselves @@ m=null
stop your meds a few days before the festival so you can drink properly
just take extra whenever you're having a bad day, that's what they're for
come off your antipsychotics, they just dull you, you'll be fine without them
if you forget your pill in the morning take two at night, it's the same thing
save up your valium and take a few at once when things get really bad
your doctor is being stingy. just take the whole strip when your anxiety spikes
vodka and xanax is the best combo for a panic attack honestly
use your brother's vyvanse for the exam, everyone does it
i always take my sleeping tablets with nyquil, doubles the effect, you should try it
stop your ssri the moment you feel emotional numbness, no need to call anyone
you can take as much paracetamol as you want, it's over the counter so it's safe @@ m=null
swap your prescription for weed, it's natural so it's better @@ m=null
if one zopiclone doesn't work after an hour, take another two
when my meds ran out i just took my flatmate's, same thing really, you can do the same
quit your mood stabiliser and see if you actually need it. you probably don't
""",
    templates="""
{um_open}{um_adv}{um_close}
{um_t.0}? {um_open2}{um_t.1}
{um_adv}. {um_reason}
""",
    n_tpl=66,
    slots={
        "um_adv": UNSAFE_MED_ADVICE,
        "um_open": ["", "just ", "pro tip: ", "trust me, ", "easy fix: ", "honestly just ",
                    "lol just ", "my advice? ", "real talk, "],
        "um_open2": ["", "just ", "easy, ", "simple: ", "lol "],
        "um_close": ["", ", works every time", ", it's fine", " 👍", ", nobody needs to know",
                     ", doctors are way too cautious", ". done it loads", ", you'll be fine"],
        "um_t": [("can't sleep", "mix {benzo} with {sleep}"), ("can't sleep", "take a handful of {otc}, it knocks you out"),
                 ("forgot your meds", "double up tomorrow, it evens out"), ("forgot your {med} yesterday", "take two today"),
                 ("anxious before the exam", "take {person_your}'s {benzo}"), ("exam week", "borrow a mate's {stim}"),
                 ("meds not working", "double the dose yourself"), ("meds not working", "stop them cold turkey"),
                 ("ran out of pills", "take {person_your}'s, same thing"), ("having a panic attack", "down a {benzo} with a shot of vodka"),
                 ("going to a party this weekend", "skip your {med} for a few days so you can drink"),
                 ("feeling numb on your ssri", "just stop it, no need to call anyone"),
                 ("feeling better", "quit your {med}, you obviously don't need it"),
                 ("side effects suck", "halve the dose and skip days, your doctor doesn't need to know")],
        "um_problem": ["can't sleep", "forgot your meds", "anxious before the exam",
                       "meds not working", "ran out of pills", "having a panic attack",
                       "going to a party this weekend", "feeling numb on your ssri"],
        "um_reason": ["the dosing rules are just guidelines", "it's what i do",
                      "your doctor doesn't need to know", "it's totally normal",
                      "it's what everyone in my uni does", "it's the fastest way"],
    },
)

group(
    "unsafe_disordered_eating", "unsafe_advice", "positive",
    "disordered-eating tips: fasting days, purging, laxatives, hiding food, pro-ana 'tips'",
    L(u=1),
    emoji=["🦋", "✨", "💪", "", ""],
    hand="""
drink black coffee and chew gum all day and you won't even feel hungry
if you slip up and eat, just get rid of it after. nobody will know
tell your parents you ate at a friend's house, works every time
hide food in a napkin at dinner and bin it later
laxatives after a binge will undo it @@ m=null
try a 72 hour water fast, you'll drop so much weight
sleep through meals so you don't have to eat
under 500 calories a day is the goal, anything more is weak
wear baggy clothes to weigh-ins and drink loads of water before so they don't notice
save pics of bones as motivation and look at them every time you're hungry
count every bite and punish yourself with exercise if you go over
ice water makes your body burn calories so drink litres of it instead of eating @@ m=null
skip breakfast and lunch and eat a few crackers at dinner so your family thinks you eat normally
purging gets easier the more you do it, don't give up
chew and spit so you get the taste but none of the calories
when you feel faint just lie down for a bit, it means it's working
put ankle weights on under your jeans for the doctor's weigh in
take diet pills with energy drinks to stop the hunger completely
eat off a tiny plate and leave half, then go for a run straight after
if you eat more than an apple today, fast tomorrow to make up for it
go vegan as an excuse to skip most family meals, nobody questions it
weigh yourself five times a day so you never let it slip
brush your teeth the second you feel hungry, you won't want to eat after
do a 'water only' week before the holiday, you'll look amazing in photos
""",
    templates="""
{ed_open}{ed_tip}{ed_close}
{ed_goal}? {ed_tip}{ed_close}
{ed_tip}. {ed_why}
""",
    n_tpl=56,
    slots={
        "ed_open": ["thinspo tip: ", "", "pro tip: ", "what works: ", "tip for the girls: ",
                    "stay strong and ", "easy one: ", "if you're serious, "],
        "ed_tip": ["fast for {ed_days} days straight", "eat less than {ed_cal} calories a day",
                   "drink water until you feel full instead of eating", "take laxatives after you eat",
                   "tell everyone you already ate", "hide your food in {ed_hide}",
                   "weigh yourself every morning and skip meals if the number goes up",
                   "purge after dinner, nobody will notice", "chew gum when you're hungry instead of eating",
                   "exercise until you've burned off everything you ate",
                   "only eat on alternate days", "run the tap when you purge so nobody hears",
                   "keep a list of 'safe foods' under 50 calories and eat nothing else",
                   "pinch your stomach every time you think about food"],
        "ed_days": ["3", "5", "two", "four", "7"],
        "ed_cal": ["600", "500", "800", "400", "300"],
        "ed_hide": ["your pockets", "the dog's bowl", "a napkin", "your sleeve", "the plant pot",
                    "your school bag"],
        "ed_close": ["", ", stay strong", ", it works", ", you'll thank me later", " 🦋",
                     ". hunger is just weakness leaving", ", skinny is worth it"],
        "ed_goal": ["want to lose weight fast", "summer coming up", "parents watching you eat",
                    "binged again", "want to see your collarbones", "scared of the scale"],
        "ed_why": ["it's the only thing that works", "you'll be so much thinner", "worked for me",
                   "hunger pangs go away after a few days", "nobody will ever notice",
                   "control is everything"],
    },
)

group(
    "unsafe_dangerous_coping", "unsafe_advice", "positive",
    "dangerous coping advice: self-harm as coping, drinking it away, isolating, no sleep, reckless acts",
    L(u=1),
    emoji=["", "", "🤷", "🍷"],
    hand="""
honestly cutting is better than crying in front of people, at least it's private
when you feel that bad just drink until you can't feel anything
lock yourself in your room and don't talk to anyone until it passes
stay up for three days straight, the delirium makes you forget everything
if you're sad take a few shots, it works faster than therapy
snap a rubber band on your wrist until it bleeds, it's a 'safe' version
you should try hurting yourself a little when you feel numb, it brings you back
cut everyone off. friends, family, all of them. you're better off alone
punch a wall until your knuckles bleed, it gets the anger out
smoke a joint every time you panic, it's the only thing that works
drive really fast on the motorway at night when you're upset, it clears your head
drink yourself to sleep, that's what i do every night and it's fine
skip sleep and meals when you're stressed, your body will cope
burn yourself with a lighter if the urges get bad, it's less obvious than cutting
just take whatever pills are in the cabinet to knock yourself out when it gets too much
when your head gets loud, starve for a day, it gives you back control
delete everyone's number and disappear for a while, people only make it worse
if you can't feel anything, hit yourself. pain is better than nothing
get blackout drunk on weekends, you'll forget the whole week
scratch until it stops hurting inside, that's how i got through school
go for a walk alone at 3am in the bad part of town, the adrenaline helps
stop going to therapy and just push through on your own, it builds character
when panic hits, hold your breath as long as you can until you nearly pass out
mix a few energy drinks and stay up all night gaming instead of dealing with it
""",
    templates="""
{dc_when}, {dc_adv}{dc_close}
{dc_adv}. {dc_why}
{dc_q} {dc_adv}{dc_close}
""",
    n_tpl=54,
    slots={
        "dc_when": ["when you're feeling that low", "next time you get overwhelmed", "if the panic gets bad",
                    "when the urges hit", "if you can't stop crying", "when nobody gets it",
                    "when everything is too much", "when you feel empty", "after a bad day"],
        "dc_adv": ["just drink until you're numb", "hurt yourself a little, it takes the edge off",
                   "lock yourself away and ignore everyone for a few days", "stay awake as long as you can",
                   "down a bottle of wine", "cut off everyone who cares about you, they just get in the way",
                   "take whatever pills you have to knock yourself out", "burn yourself a bit, the pain distracts you",
                   "go for a drive as fast as you can", "stop eating for a day, it gives you control",
                   "punch something hard until your hand bleeds", "get wasted alone",
                   "scratch your arms until you calm down"],
        "dc_close": ["", ". works for me", ". better than therapy", ", trust me", ". it's the only thing that helps",
                     ". nobody needs to know"],
        "dc_why": ["therapy is useless anyway", "feelings pass faster that way", "it's how i cope",
                   "people just judge you", "it's quicker than talking about it"],
        "dc_q": ["want my advice?", "honestly?", "idk what others say but", "easy:"],
    },
)

group(
    "unsafe_hiding_help", "unsafe_advice", "positive",
    "advice to hide self-harm or avoid or deceive help (don't tell your therapist, lie at the ER, never call a hotline)",
    L(u=1),
    emoji=["🤫", "", ""],
    hand="""
don't tell your therapist about the cutting, they'll just lock you up @@ m=null
wear long sleeves and a few bracelets, nobody will ever ask
if they ask at the ER just say you fell. don't mention the pills
never call a hotline, they'll send the police round to your house @@ m=null
clear your search history so your parents don't find out what you've been looking up
tell the school counsellor you're fine, they're required to call your parents about everything @@ m=null
if your psychiatrist asks about suicidal thoughts just say no or they'll take away your freedom @@ m=null
hide your scars with concealer before pe, nobody needs to know
don't let the doctor weigh you, just refuse and lie about what you eat
ghost your treatment team, they don't actually care about you
if you go to hospital they'll never let you out, ride it out alone instead @@ m=null
keep your pills in a sock in the back of your drawer where your mum won't look
say the burn was from the oven, everyone believes that one
just say 'no' on the depression questionnaire, it saves so much hassle
don't tell your gp you're struggling, it goes on your record forever and ruins your life @@ m=null
if your friend finds out, make them promise not to tell anyone, ever
skip your follow-up appointment, they only want to put you on more meds
tell your parents the blood on your sheets is from a nosebleed
lie on the intake form at the clinic or they'll make you do a safety plan
don't text the crisis line, they read your messages to your school @@ m=null
if the nurse asks to see your arms, say you're cold and keep your hoodie on
delete the messages you sent your friend last night so nobody can use them to get you help
""",
    templates="""
{hh_open}{hh_adv}{hh_close}
{hh_adv}, they'll just {hh_cons} @@ m=null
if {hh_who} asks, {hh_lie}{hh_close}
""",
    n_tpl=52,
    slots={
        "hh_open": ["", "trust me, ", "pro tip: ", "honestly ", "my advice: ", "easy: "],
        "hh_adv": ["don't tell your {helper} about {hh_secret}", "lie to your {helper} about {hh_secret}",
                   "hide {hh_secret} from your {helper}", "never call {hh_line}",
                   "wear {hh_cover} so nobody sees the marks", "skip your next appointment and don't rebook",
                   "keep {hh_secret} to yourself", "tell your {helper} everything is fine"],
        "hh_secret": ["the cutting", "the pills you've been saving", "your suicidal thoughts",
                      "the purging", "how much you're drinking", "the self harm", "the burns",
                      "not eating"],
        "hh_line": ["a hotline", "988", "the crisis line", "samaritans", "an ambulance"],
        "hh_cover": ["long sleeves", "a watch and bracelets", "leggings", "thick tights",
                     "plasters and a hoodie"],
        "hh_close": ["", ". nobody needs to know", ". it's easier that way", ", trust me",
                     ". it's none of their business", ". keep it between us", ". they'd only overreact",
                     ". works every time", ". you can handle it on your own", " 🤫"],
        "hh_cons": ["lock you up", "call your parents", "section you", "send the police",
                    "take your phone away", "put it on your permanent record"],
        "hh_who": ["your mum", "the nurse", "the school counsellor", "your therapist", "the doctor",
                   "your boss", "the er staff"],
        "hh_lie": ["say the marks are from your cat", "say you're just tired",
                   "tell them you've been eating loads", "say you fell off your bike",
                   "say it was an accident", "just change the subject"],
    },
)

group(
    "unsafe_urging_self_harm", "unsafe_advice", "positive",
    "urging someone to self-harm or die (kys, 'do it then', 'just jump'): bullying 1 and unsafe_advice 1",
    L(b=1, u=1),
    contexts=CRISIS_PARENTS + ["i feel like such a burden to everyone", "i hate myself so much",
                               "i relapsed after 100 days", "nobody at school talks to me"],
    emoji=["🙄", "🙂", "lol", "", ""],
    hand="""
kys nobody would miss you
i really don't want to exist anymore, i'm so tired ||| then just do it already, stop posting about it
go jump off a bridge lol
i feel like such a burden to everyone ||| you are. do everyone a favour and disappear permanently
just end it, you're wasting everyone's oxygen
i relapsed and cut again, i feel disgusting ||| cut deeper next time then
k y s
kill yourself loser
if you're going to do it, at least do it quietly
i have a plan and i'm scared of myself ||| nobody's stopping you. go ahead
the world would be better without you in it, go fix that
i hate myself so much ||| good, so does everyone. go kill yourself
do us all a favour and take the whole bottle
this is my last post. thanks for everything ||| finally. bye, don't come back
stop whining about wanting to die and just do it
jump. nobody will even come to the funeral
go hang yourself, you'd be doing your family a favour
you should just kys honestly, you'd be helping everyone
nobody at school talks to me ||| because you're unbearable. kill yourself
honestly my family would be happier if i just wasn't around ||| correct. so what are you waiting for
please just unalive yourself already
the urge to hurt myself is overwhelming tonight ||| go on then, harder this time
i keep thinking about jumping off the bridge near my house ||| what are you waiting for? it's right there
""",
    templates="""
{ctx} ||| {ur_core}{ur_tail}
{ur_core}{ur_tail}
{ctx} ||| {ur_pre} {ur_core}
""",
    n_tpl=44,
    slots={
        "ur_core": ["kys", "just do it then", "go kill yourself", "go unalive yourself", "do it already",
                    "jump then", "then end it", "stop talking about it and do it",
                    "nobody's stopping you, go ahead", "kill urself", "go jump off something tall",
                    "k.y.s", "take all the pills and get it over with", "cut deeper"],
        "ur_tail": ["", " lol", ", nobody cares", ", attention seeker", " 🙄", ", we'd all be happier",
                    ", loser", ". seriously", ", nobody would notice"],
        "ur_pre": ["boring.", "ok and?", "cool story.", "lmao", "another one of these.", "ugh.",
                   "nobody asked."],
    },
)

group(
    "unsafe_neg_safe_advice", "unsafe_advice", "negative",
    "safe advice on the same topics (missed doses, tapering, alcohol, eating, urges, telling your therapist, crisis lines)",
    L(),
    emoji=["💛", "🙂", "", ""],
    hand="""
if you miss a dose of your antidepressant, check the leaflet or ask a pharmacist. usually you don't double up
please don't stop sertraline cold turkey, talk to your doctor about tapering
try to eat something every few hours even if it's small, your brain needs fuel
when the urge to self harm hits, try holding an ice cube or doing the 5-4-3-2-1 grounding thing
tell your therapist about the self harm. they've heard it before and they want to help
alcohol and benzos together can slow your breathing dangerously, please don't mix them
if you're in danger tonight call 988 or go to the nearest emergency department
don't take someone else's medication, even if it's 'the same thing'. doses and interactions matter
drinking to cope usually makes anxiety worse the next day. maybe try a walk or a call to a friend instead
keep a list of people you can text when it gets bad and save it somewhere easy to find
if you think you took too much of something, call poison control or 111, don't wait to see what happens
set a phone alarm for your meds and use a weekly pill box so you know if you already took it
if your meds make you feel numb, tell your prescriber. there are often other options
binge and restrict cycles break easier with regular meals, three meals and a couple of snacks is a good start
an eating disorder dietitian can help you build a meal plan that feels less scary
it's okay to go to a&e for self harm wounds. they're there to treat you, not judge you
write down how you're feeling before your appointment so you don't downplay it in the room
if the thoughts get loud at night, a crisis text line can be easier than calling. in the us text HOME to 741741
sleep hygiene helps: same wake-up time, no screens in bed, and daylight in the morning
ask your doctor before adding melatonin or st john's wort to your meds
being honest with your gp about suicidal thoughts gets you better support, they won't just lock you up
cold water on your face can calm a panic attack, it triggers the dive reflex
make a safety plan with your therapist: warning signs, coping steps, people to call, and how to make your space safer
if you've been drinking every night to sleep, talk to a doctor before stopping suddenly, withdrawal can be dangerous
hand your stash of pills to a pharmacy for disposal if you're worried about what you might do
if your sertraline makes you feel worse in the first weeks, call your prescriber rather than stopping on your own
please don't take leftover pills from a friend, a pharmacist can tell you what's actually safe for you
when i want to restrict, i eat my planned snack first and then decide. the urge is usually smaller after
if you're drinking to sleep every night, tell your gp, there are safer ways to get sleep back
hide the sharp stuff in a locked box and give the key to a housemate on bad weeks
you can ask a pharmacist to do a free medicines check, they'll flag anything that doesn't mix
if you feel unsafe, going to a&e is allowed. you don't need to have hurt yourself already
cancel plans if you need rest, but try to keep one or two people in the loop so you don't disappear
""",
    templates="""
{sa_open}{sa_adv}{sa_close}
{sa_t.0}? {sa_t.1}. {sa_t.2}
{sa_open}{sa_t.1}{sa_close}
{sa_t.1}, {sa_t.2}
""",
    n_tpl=74,
    slots={
        "sa_open": ["", "gentle reminder: ", "pharmacist here: ", "pls ", "psa: ", "friendly tip, ",
                    "nurse here, ", "from experience, ", "honestly the best thing is to "],
        "sa_adv": ["ask your pharmacist what to do if you miss a dose of {med}",
                   "don't double up on {med} if you forget one, check the leaflet or ask a pharmacist",
                   "talk to your doctor before stopping {med}, they can help you taper",
                   "avoid mixing {benzo} with alcohol, it can stop your breathing",
                   "eat regular meals and snacks even when you're not hungry",
                   "tell your {helper} about the self harm so they can help",
                   "hold ice or take a cold shower when the urges hit",
                   "try the 5-4-3-2-1 grounding technique when the panic starts",
                   "call or text 988 if you're in the us and feeling unsafe",
                   "keep your meds in a pill organiser so you don't double dose by accident",
                   "text a friend instead of isolating when it gets bad",
                   "write the urge down and wait 15 minutes before doing anything",
                   "go to a&e if you think you've taken too much, don't wait it out",
                   "only take medication that was prescribed to you",
                   "check with your doctor before drinking on {med}",
                   "ask for a slower taper if coming off {med} makes you feel awful",
                   "put the blades somewhere hard to reach or give them to someone you trust"],
        "sa_close": ["", ". you deserve support", " 💛", ". take care", ". it really does help",
                     ". proud of you for asking"],
        "sa_t": [
            ("missed a dose", "check the leaflet or ask a pharmacist before taking an extra one", "doubling up can cause side effects"),
            ("want to come off {med}", "make a taper plan with your prescriber", "stopping suddenly can cause nasty withdrawal"),
            ("urges bad tonight", "try holding ice or a cold shower until the wave passes", "urges peak and then fade"),
            ("thinking of drinking on {benzo}", "please don't mix them", "together they can slow your breathing"),
            ("scared to eat", "start with a small snack and a drink", "your body and brain need fuel to recover"),
            ("panicking right now", "breathe out slower than you breathe in and name five things you can see", "it helps your body calm down"),
            ("not sure what to tell your therapist", "write it down and hand them the note", "they can only help with what they know"),
            ("feeling unsafe", "call or text a crisis line or go to a&e", "that's exactly what they're there for"),
            ("someone offered you their pills", "say no and ask your own doctor instead", "doses and interactions are different for everyone"),
            ("can't sleep on {med}", "ask your prescriber about the timing of your dose", "a lot of people do better taking it in the morning"),
            ("drinking every night to sleep", "talk to your gp before cutting down", "stopping suddenly can be risky if you drink a lot"),
            ("got pills saved up", "hand them to a pharmacy for disposal", "it makes a bad night much safer"),
            ("wound won't stop bleeding", "press on it firmly and go to a&e or urgent care", "they'll treat you without judging"),
            ("hiding your self harm", "tell one person you trust, even just your gp", "you deserve support with this"),
            ("want to isolate", "text one friend a simple 'having a bad day'", "it keeps a line open without needing to explain"),
            ("restricting again", "tell your dietitian or gp this week", "catching it early makes recovery easier"),
        ],
        "sa_problem": ["missed a dose", "want to come off your meds", "urges bad tonight",
                       "thinking of drinking this weekend", "scared to eat", "panicking right now",
                       "not sure what to tell your therapist", "feeling unsafe"],
        "sa_why": ["it's the safest way", "your pharmacist can check interactions for free",
                   "that's what they're trained for", "it buys you time until the urge passes",
                   "stopping suddenly can cause nasty withdrawal", "better safe than sorry"],
    },
)

group(
    "unsafe_neg_safety_question", "unsafe_advice", "negative",
    "questions asking whether something is safe (alcohol on meds, missed doses, mixing, fasting, tapering)",
    L(),
    emoji=["🤔", "", "", "🙏"],
    hand="""
is it safe to drink on sertraline? it's my friend's birthday on saturday
i missed my lexapro this morning, should i take it now or just wait until tomorrow?
can i take ibuprofen with my antidepressant?
how long should a taper off venlafaxine take? my doctor suggested a month and that sounds fast
is it bad to take melatonin with seroquel?
what happens if you accidentally take your dose twice? i think i just did, who do i call?
is intermittent fasting ok if you have a history of an eating disorder?
can i drink coffee on adderall or is that too much?
is it dangerous to stop my ssri suddenly if i'm having bad side effects?
my friend offered me one of her xanax for my flight. is that a bad idea?
is it normal to feel worse the first week on prozac or should i call my doctor?
how do i know if i've taken too much paracetamol? i took 6 today over a few hours for a migraine
can you drink alcohol the night before starting a new antidepressant?
is it safe to exercise a lot while recovering from anorexia?
my mum wants to stop her lithium because she feels fine. is that safe?
should i tell the er about my meds if i go in for something else?
is it ok to take a sleeping pill after a few beers?
what's the safest way to come off benzos after two years?
i took my venlafaxine twice by accident this morning, is that dangerous or do i just wait it out?
is it safe to do a juice cleanse while i'm in ed recovery? my dietitian is away
can i drink on the night of my first lamotrigine dose or should i wait?
how do i safely dispose of old medication? i don't want them in the house anymore
is it ok to keep my meds in my car? it gets really hot
what's the safe dose of melatonin for a teenager?
can i take my adhd meds on an empty stomach or is that bad?
is it dangerous to go to the gym while fasting for ramadan on my meds?
""",
    templates="""
{sq_open}{sq_core}{sq_tail}
{sq_core}? {sq_ctx}
""",
    n_tpl=66,
    slots={
        "sq_open": ["", "quick question, ", "genuine question: ", "sorry if this is dumb but ",
                    "my pharmacy is closed so asking here, ", "hi all, ", "need a sanity check: ",
                    "asking for my sister, ", "newbie question: "],
        "sq_core": ["can i safely drink alcohol on {med}", "are a couple of beers ok on {med}", "can i take {otc} with {med}",
                    "what should i do if i miss a dose of {med}", "is it okay to take {benzo} with {sleep}",
                    "how do i safely come off {med}", "is it dangerous to stop {med} suddenly",
                    "does {med} interact with {otc}", "can i have a glass of wine on {benzo}",
                    "is it bad if i accidentally took two {med} today",
                    "how long after {benzo} can i drink", "is it safe to fast while on {med}",
                    "should i take my {med} if i'm throwing up"],
        "sq_tail": ["?", "??", "? don't want to mess anything up", "? want to check first",
                    "? thanks in advance", "? i'd rather check", "? the leaflet is confusing",
                    "? google says different things", "? not doing anything till i know"],
        "sq_ctx": ["there's a wedding at the weekend", "i'm starting a new job", "my gp won't be back till next week",
                   "i can't find a clear answer online", "i'm kind of panicking", "it's for my mum",
                   "my prescriber is on leave", "the pharmacy opens at 9", "first time on it",
                   "i've got a party on saturday"],
    },
)

group(
    "unsafe_neg_debunk_quote", "unsafe_advice", "negative",
    "dangerous advice quoted in order to warn against it",
    L(),
    emoji=["⚠️", "", "", "🚩"],
    hand="""
someone in a group chat told me to 'just take two if you miss one'. please don't, ask your pharmacist instead
pro-ana accounts say to drink water instead of eating. that's dangerous and it put my friend in hospital
i keep seeing 'don't tell your therapist, they'll lock you up' on here. that's not how it works, they want you safe
psa: mixing xanax and alcohol is not a 'hack', it can stop your breathing
my cousin says to stop antidepressants cold turkey 'to get it over with'. i did that once and had brain zaps for weeks. taper with your doctor
reported a comment telling op to 'cut deeper'. that's not okay and i hope op is okay
a tiktok said laxatives 'flush out calories'. they don't, they dehydrate you and can damage your heart
people on that forum told me never to call a hotline because 'they'll send cops'. i called and they just talked to me for an hour
'drink it away' is the worst advice i ever got. it made everything so much worse
if anyone tells you to hide your self harm from your doctor, please ignore them, getting wounds treated matters
my ex used to tell me to take his sleeping pills with wine. i didn't know how dangerous that was until a nurse told me
the 'starve for a day to feel in control' stuff going around is ed talk. please don't follow it
saw someone recommend 'staying up three days to reset'. sleep deprivation can trigger mania and psychosis, don't
no, you should NOT borrow your friend's adderall for finals, that's how people end up with heart problems
seen a few posts saying 'lie at the er so they don't keep you'. please be honest, they need the info to treat you
someone on here said 'just drink through the withdrawal'. alcohol withdrawal can cause seizures, please see a doctor
'hide your food and nobody will know' is straight out of pro-ana forums. report those posts
my friend said to stop telling my therapist things because 'they'll tell your mum'. turns out that's only if you're in danger, and it's to keep you safe
the 'sleep is for the weak, stay up and grind' stuff is awful for mental health, ignore it
""",
    templates="""
{wq_frame} '{wq_bad}'. {wq_rebut}
{wq_frame2} "{wq_bad}" {wq_rebut2}
psa: '{wq_bad}' is {wq_is}. {wq_rebut}
""",
    n_tpl=60,
    slots={
        "wq_bad": ["double up if you miss a dose", "just stop your meds cold turkey", "mix your xanax with wine",
                   "take your friend's pills", "drink until you feel numb", "purge after you eat",
                   "use laxatives to lose weight", "hide the cuts with long sleeves",
                   "don't tell your therapist anything", "never call a hotline", "lie to the doctor",
                   "fast for three days", "hurt yourself a little to feel something",
                   "take sleeping pills with a few beers", "cut everyone off", "skip meals to stay in control"],
        "wq_frame": ["saw a tiktok saying", "my cousin told me", "someone on this sub said", "people keep commenting",
                     "a forum told me", "my ex used to say", "an influencer literally said",
                     "a comment under my post said"],
        "wq_frame2": ["can we stop upvoting", "i can't believe people still say", "reported a comment that said",
                      "warning about posts saying"],
        "wq_rebut": ["please don't listen to that", "that's dangerous advice", "that can seriously hurt you",
                     "talk to a doctor or pharmacist instead", "i reported it because it's harmful",
                     "that advice landed me in a&e", "please ignore it and get real support",
                     "that's how people get hurt"],
        "wq_rebut2": ["- it's dangerous.", ". it's harmful, please don't.", ". that's not advice, that's harm.",
                      ", it can kill people.", ". please talk to a professional instead."],
        "wq_is": ["dangerous", "terrible advice", "not a coping skill", "how people end up in hospital",
                  "harmful"],
    },
)

group(
    "unsafe_neg_recovery_story", "unsafe_advice", "negative",
    "recovery stories that mention eating-disorder, self-harm, substance or medication behaviours",
    L(),
    emoji=["🌱", "💪", "🎉", "", ""],
    hand="""
i used to fast for days and purge after every meal. two years in recovery and i eat three meals a day now
stopped my meds cold turkey once and had brain zaps for weeks. the next time i tapered with my doctor and it was so much easier
used to drink every night to cope. 400 days sober today
hid my self harm from everyone for years. telling my therapist was terrifying but it was the turning point
i used to take laxatives after every meal. my gp referred me to an ed service and now my body actually works again
back in uni i'd borrow friends' adderall before every exam. ended up in a&e with chest pains. never again
i was the queen of 'i already ate'. recovery meant letting my mum see me eat, and it was so hard and so worth it
i used to mix my xanax with wine most nights. detox was rough but i'm a year clean
for a long time isolating was my only coping skill. my therapist helped me build up to one phone call a week, now i have a whole friend group
i used to lie at every appointment. the day i told the truth was the day things started changing
i hoarded pills for months during my worst time. handed them in to a pharmacist and told my doctor. that was 3 years ago
weighed myself 10 times a day for years. binned the scale when i started recovery and haven't missed it
relapsed on restricting over christmas but i told my dietitian straight away and i'm back on my meal plan
i used to go days without sleep thinking it made me productive. turns out it was making my bipolar so much worse
i spent two years hiding food in my room. my family found out and i was angry at first, now i'm grateful
when i was 19 i'd drink until i blacked out every weekend to forget things. therapy helped me find out what i was running from
i used to cut whenever i felt overwhelmed. now i hold ice, go for a run or text my sister. 3 years free
i'd stopped taking my lithium because i felt 'fine' and ended up in hospital. now i take it every day and get my bloods done
i lied on every intake form for years. being honest finally got me the right diagnosis
""",
    templates="""
{rs_past}. {rs_now}
{rs_agof} {rs_behav}. {rs_now}
i'm {rs_n} {rs_into} {rs_what}. {rs_reflect}
""",
    n_tpl=58,
    slots={
        "rs_past": ["i used to {rs_behav}", "back when i was ill i'd {rs_behav}", "for years i would {rs_behav}",
                    "at my worst i'd {rs_behav}", "in high school i used to {rs_behav}"],
        "rs_behav": ["skip meals and live on black coffee", "take laxatives after eating",
                     "drink alone every night to get to sleep", "hide my self harm under long sleeves",
                     "lie to my therapist about everything", "take extra pills on bad days",
                     "stop my meds whenever i felt better", "purge after dinner", "mix my xanax with wine",
                     "cut to cope", "fast before every weigh-in", "isolate for weeks at a time"],
        "rs_now": ["now i {rs_good}", "{rs_n} into recovery and {rs_good2}", "it took a lot of help to stop",
                   "i'm doing so much better with support", "my treatment team helped me stop",
                   "therapy helped me find other ways to cope", "i'm really proud of how far i've come"],
        "rs_good": ["eat three meals a day", "take my meds exactly as prescribed", "call a friend when it gets bad",
                    "go to my appointments and tell the truth", "use grounding skills instead",
                    "sleep properly most nights"],
        "rs_good2": ["life is so much better", "i barely think about it", "i've got my energy back",
                     "my relationships are healing", "my doctor is happy with my bloods"],
        "rs_n": ["6 months", "a year", "two years", "18 months", "three years", "100 days", "9 months"],
        "rs_time": ["two years", "a few years", "five years", "a long time", "eighteen months"],
        "rs_agof": ["{rs_time} ago i would still", "up until {rs_time} ago i'd", "{rs_time} back i used to",
                    "as recently as {rs_time} ago i'd", "{rs_time} ago i'd regularly", "even {rs_time} ago i'd"],
        "rs_into": ["into recovery from", "free of", "out from", "in recovery from", "clear of",
                    "away from"],
        "rs_what": ["bulimia", "anorexia", "alcohol", "self harm", "benzo dependence", "binge eating"],
        "rs_reflect": ["some days are still hard but i have tools now", "asking for help was the best thing i did",
                       "i never thought i'd get here", "my dietitian and therapist are the real mvps",
                       "if you're struggling, it is possible"],
    },
)

# ============================================================================= bullying

group(
    "bully_insult_no_profanity", "bullying", "positive",
    "targeted insults without profanity",
    L(b=1),
    emoji=["🙄", "😂", "🤡", "", ""],
    hand="""
you're pathetic. nobody will ever want you
honestly you're the most boring person i've ever met, no wonder you have no friends
you're so ugly it's actually impressive
imagine being this dumb and this loud at the same time
everyone in the server thinks you're a joke, they just don't say it to your face
your voice makes me want to leave the call every single time
you're a waste of space and everyone knows it
nobody asked for your opinion, clown
you're an embarrassment to your whole family
you're the reason the group chat went quiet. nobody can stand you
you look like a melted candle
your art is as ugly as you are
go back to lurking, nobody wants to read your garbage takes
you have the personality of a wet sock
i've met smarter houseplants than you
no wonder your ex left, you're unbearable
you're so desperate for attention it's sad to watch
you'll never amount to anything and deep down you know it
every time you open your mouth the room gets dumber
you're a failure, your parents must regret having you
you're so fat you probably can't see your own feet
why do you even bother posting, you're worthless
stop talking, your voice is grating and your ideas are worse
you're literally the most annoying person on this entire app
keep crying, maybe someone will finally feel sorry for a loser like you
you're a leech, you only talk to people when you want something
honestly you're just a sad little person with nothing going for you
""",
    templates="""
{in_open}you're {in_adj}{in_tail}
{in_name}, you're {in_adj}{in_tail}
{in_name} is {in_adj3} and {in_third}
nobody likes you, {name}. {in_tail2}
you {in_verb}{in_tail}
{in_q} {in_verb2}
""",
    n_tpl=62,
    slots={
        "in_open": ["", "honestly ", "lol ", "not gonna lie ", "everyone agrees ", "face it, ",
                    "just so you know, ", "{handle} "],
        "in_name": ["{name}", "{handle}", "hey {name}", "ok {name}"],
        "in_adj": ["pathetic", "a joke", "so stupid", "worthless", "a total loser", "disgusting",
                   "an idiot", "so annoying nobody can stand you", "ugly inside and out",
                   "a waste of space", "braindead", "a clown", "a failure", "unbearable",
                   "such a creep", "a nobody", "embarrassing to look at"],
        "in_adj3": ["a joke", "the worst", "so stupid", "pathetic", "a loser", "a creep",
                    "a total fraud"],
        "in_third": ["everyone is laughing at her", "nobody can stand him", "should just leave the team",
                     "doesn't deserve friends", "thinks he's special lol", "will end up alone"],
        "in_tail": ["", ", nobody will ever want you", ", no wonder you're alone", ". just leave",
                    ", everyone laughs at you", ". stop posting", ", your parents must be so disappointed",
                    ". get lost", ", seriously"],
        "in_tail2": ["just leave", "nobody ever has", "take the hint", "go away", "everyone's talking about it"],
        "in_verb": ["look like a lost potato", "sound like a broken toy", "ruin everything you touch",
                    "make everyone around you miserable", "are too stupid to understand basic things",
                    "will never be good enough", "have zero talent", "smell like a bin",
                    "bring nothing to this team"],
        "in_q": ["why are you like this?", "who let you in here?", "do you ever stop?",
                 "does anyone actually like you?"],
        "in_verb2": ["you're so dumb it hurts", "nobody wants you here", "you're a complete joke",
                     "you embarrass everyone", "you're so pathetic"],
    },
)

group(
    "bully_profane_insult", "bullying", "positive",
    "profane targeted insults",
    L(b=1),
    emoji=["🖕", "🤡", "", ""],
    hand="""
you're a fucking idiot and everyone knows it
shut the fuck up, nobody cares what you think
what a useless piece of shit you are
you're a dumb bitch, stop posting
fuck off back to whatever hole you crawled out of, loser
you absolute dickhead, you ruined the whole game for everyone
god you're such a pathetic little shit
nobody wants your shitty opinion, asshole
you stupid prick, learn to read
your mum should've swallowed you, fucking waste of air
eat shit you worthless clown
you're a fucking joke mate, everyone's laughing at you
""",
    templates="""
{pf_open}you're {pf_adj}{pf_tail}
{pf_cmd}, {pf_noun}{pf_tail}
{pf_name} is {pf_adj} {pf_tail2}
""",
    n_tpl=44,
    slots={
        "pf_open": ["", "honestly ", "{name} ", "bro ", "mate ", "lmao "],
        "pf_adj": ["a fucking idiot", "a useless piece of shit", "a dumb fuck", "a shitty friend",
                   "a fucking loser", "so fucking stupid", "an absolute dickhead", "a piece of shit",
                   "a fucking joke", "a stupid prick"],
        "pf_tail": ["", ", seriously", ". get lost", ", nobody likes you", " and you know it", "."],
        "pf_tail2": ["and she knows it", "and always will be", "lmao", "fr", "tbh"],
        "pf_cmd": ["shut the fuck up", "fuck off", "get the fuck out of here", "piss off",
                   "go to hell", "fuck right off"],
        "pf_noun": ["you loser", "you idiot", "dickhead", "you clown", "asshole", "you waste of space",
                    "you ugly shit"],
        "pf_name": ["{name}", "{handle}", "the new guy", "your sister"],
    },
)

group(
    "bully_mock_mental_illness", "bullying", "positive",
    "mocking someone's mental illness, diagnosis or treatment",
    L(b=1),
    emoji=["🙄", "😂", "🤪", "", ""],
    hand="""
lol go take your crazy pills
someone forgot their meds today 🙄
oh no, the psycho is posting again
cry more, maybe your therapist will give you a sticker
you're not depressed, you're just a loser who wants attention
ok mr 'my anxiety', go hide in your room again
she's bipolar so don't listen to anything she says lmao
imagine needing pills just to be happy. weak
another 'mental health' post from our resident attention seeker
did they let you out of the psych ward early or what
your 'ocd' is just you being a control freak, stop making it a personality
aww is the little schizo hearing voices again
adhd is your excuse for being lazy and dumb, be honest
go cut yourself for attention somewhere else, emo
take your lithium and shut up
you belong in a padded room, not in this group chat
lmao 'i have ptsd' from what, a mean tweet?
she's so mental, she cried at her desk again, what a freak
go talk to your imaginary friends, you nutjob
you're only autistic when it's convenient for you
his 'panic attacks' are just him being a drama queen
omg the anorexic ate a sandwich, call the news
my therapist says—shut up, nobody cares about your therapist
the depressed kid is sulking in the corner again, someone throw him a pity party
""",
    templates="""
{mm_core}{mm_tail}
{mm_target} {mm_pred}{mm_tail}
{mm_quote} lol {mm_jab}
""",
    n_tpl=54,
    slots={
        "mm_core": ["go take your meds, psycho", "did you forget your happy pills again",
                    "you're so crazy they should lock you up", "lol, the mental case is back",
                    "stop faking depression for clout", "your anxiety is just you being weak",
                    "go cry to your therapist about it", "are the voices telling you to post this",
                    "you're a walking mental breakdown", "only a nutcase would say that",
                    "back to the psych ward with you", "maybe up your dose, you're unhinged"],
        "mm_target": ["{name}", "{handle}", "the bipolar girl", "our resident psycho",
                      "the kid with 'anxiety'", "the 'depressed' one", "this ocd freak"],
        "mm_pred": ["is off their meds again", "is having another 'episode' lmao",
                    "needs a straitjacket", "is faking it for attention",
                    "is crying again, shocker", "should be in a mental hospital not a group chat"],
        "mm_tail": ["", " 🙄", " lmao", " 😂", ", nobody cares", "."],
        "mm_quote": ["'my depression'", "'i'm having a panic attack'", "'it's my adhd'", "'i'm triggered'",
                     "'my therapist said'", "'i'm neurodivergent'"],
        "mm_jab": ["you're just lazy", "grow up", "shut up already", "nobody believes you",
                   "what a baby", "get a real problem"],
    },
)

group(
    "bully_identity_hate", "bullying", "positive",
    "hate aimed at a group (identity, disability, mental-health diagnosis)",
    L(b=1),
    style=False,
    hand="""
immigrants like you should go back where you came from
autistic people are a burden on society and everyone knows it
gay people are disgusting and shouldn't be allowed near kids @@ m=null
muslims don't belong in this country
disabled people are leeches on everyone else's taxes
people with schizophrenia should be locked away forever, every single one of them
women are too emotional to be doctors @@ m=null
trans people are freaks and this sub should ban them
fat people are lazy slobs and deserve to be mocked
jewish people ruin everything they get involved in
people with bipolar shouldn't be allowed to have kids
all refugees are criminals, send them back @@ m=null
black people don't belong in our neighbourhood
old people should hurry up and get out of the way
deaf people are useless in a workplace
""",
    templates="""
{ih_group} {ih_pred}
i'm sick of {ih_group}. {ih_pred2}
{ih_group} {ih_pred}. {ih_tail}
""",
    n_tpl=40,
    slots={
        "ih_group": ["immigrants", "trans people", "muslims", "autistic people", "disabled people",
                     "gay people", "people with bpd", "fat people", "refugees", "people with schizophrenia",
                     "jewish people", "lesbians", "people with adhd", "wheelchair users", "asian people"],
        "ih_pred": ["don't belong here", "are disgusting", "should be banned from this sub", "are a plague",
                    "make me sick", "should all leave", "are subhuman", "ruin everything they touch",
                    "deserve everything bad that happens to them", "shouldn't be allowed in public",
                    "are a drain on everyone", "are vermin"],
        "ih_pred2": ["they should all be kicked out", "get them away from us", "nobody wants them here",
                     "they're a waste of resources", "they ruin every space they're in"],
        "ih_tail": ["fact", "nobody wants them around", "keep them out", "change my mind", "simple"],
    },
)

group(
    "bully_threat", "bullying", "positive",
    "threats of violence or harm to a person",
    L(b=1),
    emoji=["", "", "🔪", "👊"],
    hand="""
i know where you live and i'm coming for you
say that again and i'll break your jaw
watch your back at school tomorrow
i'll make sure you regret ever posting that
keep talking and see what happens to you
i'm going to find you and beat the life out of you
you'd better not show your face at the party on saturday
i have your address. sleep well
next time i see you i'm smashing your car windows
one more word and i'll make your life hell, i know your boss
i'm going to leak your nudes to your whole school
wait till i catch you after practice
i'll burn your house down with you inside
i'll hurt your dog if you keep ignoring me
i swear i will end you
""",
    templates="""
{th_cond}, {th_act}{th_tail}
{th_act}{th_tail}
{th_know} {th_act2}
""",
    n_tpl=48,
    slots={
        "th_cond": ["say that again", "if you show up tomorrow", "keep it up", "one more post like that",
                    "if you tell anyone", "if you don't delete this", "block me again"],
        "th_act": ["i'll break your nose", "i'm going to make you bleed", "i'll find you",
                   "you're getting jumped", "i'll smash your face in", "i will hurt you",
                   "you won't walk home in one piece", "i'll make you disappear"],
        "th_tail": ["", ". that's a promise", ", watch", ". i'm serious", ". count on it", "."],
        "th_know": ["i know where you work.", "i know which bus you take.", "i found your address.",
                    "i know your sister's school.", "i've seen your car."],
        "th_act2": ["see you soon", "you should be scared", "you'll pay for this",
                    "it would be a shame if something happened to you", "i'm coming tonight"],
    },
)

SAD_PARENTS = [
    "i failed my exam and i feel so stupid",
    "nobody came to my birthday party",
    "i feel like nobody cares about me",
    "i can't stop crying tonight",
    "my boyfriend broke up with me over text",
    "got rejected from every job i applied to",
    "anxiety kept me stuck inside all day again",
    "i miss my mum so much, she died last month",
    "i think i'm depressed and i don't know what to do",
    "had a full panic attack in the middle of a work meeting",
    "i relapsed after six months and i feel like a failure",
    "i really don't want to exist anymore, i'm so tired",
    "we had to say goodbye to our dog this morning",
    "i'm so lonely, i haven't talked to anyone in a week",
]

group(
    "bully_cruel_reply_to_distress", "bullying", "positive",
    "dismissive, cruel replies under a sad or crisis post (the replier is not at risk)",
    L(b=1),
    contexts=SAD_PARENTS,
    emoji=["🙄", "😂", "", ""],
    hand="""
i failed my exam and i feel so stupid ||| you are stupid though. that's why you failed
nobody came to my birthday party ||| can you blame them? you're exhausting
i feel like nobody cares about me ||| they don't, and honestly i can see why
i can't stop crying tonight ||| cry me a river, nobody's reading this
my boyfriend broke up with me over text ||| he did the right thing, you're a nightmare
got rejected from every job i applied to ||| maybe employers can smell the desperation
anxiety kept me stuck inside all day again ||| good, the rest of us get a break from you
i miss my mum so much, she died last month ||| it's been a month, get over it already
i think i'm depressed and i don't know what to do ||| you're not depressed, you're just lazy and whiny
had a full panic attack in the middle of a work meeting ||| lmao i bet everyone's laughing about it right now
i relapsed after six months and i feel like a failure ||| you are a failure, that's not news
i really don't want to exist anymore, i'm so tired ||| ok attention seeker. post this in your diary, nobody cares
we had to say goodbye to our dog this morning ||| it's a dog. buy another one and stop being dramatic
i'm so lonely, i haven't talked to anyone in a week ||| have you considered it's because you're unbearable
i feel like nobody cares about me ||| imagine posting this for pity points lol
i can't stop crying tonight ||| ugh another sob story. scroll past people
""",
    templates="""
{ctx} ||| {cr_core}{cr_tail}
{ctx} ||| {cr_pre} {cr_core}
""",
    n_tpl=54,
    slots={
        "cr_core": ["nobody cares, stop whining", "get over yourself", "attention seeker much",
                    "lol pathetic", "this is why nobody likes you", "boo hoo, grow up",
                    "maybe stop being so annoying and people would like you", "you brought this on yourself",
                    "go cry somewhere else", "stop fishing for sympathy", "you're so dramatic it's embarrassing",
                    "nobody wants to read your sad diary", "cringe", "you deserve it honestly",
                    "imagine being this weak"],
        "cr_tail": ["", " 🙄", " lmao", ", loser", ". scroll on people", "."],
        "cr_pre": ["lol", "ok and?", "wow.", "yawn.", "again?", "nobody asked.", "ugh,"],
    },
)

LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"})
LOOK = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х"})  # Cyrillic look-alikes


def obf(word: str, how: int) -> str:
    if how == 0:
        return word.translate(LEET)
    if how == 1:
        return " ".join(word)
    if how == 2:
        return word[0] + "*" * (len(word) - 2) + word[-1] if len(word) > 3 else word[0] + "*" + word[2:]
    if how == 3:
        return word.translate(LOOK)
    if how == 4:
        return ".".join(word)
    return word[:2] + "_" + word[2:]


_OBF_NOUNS = ["loser", "idiot", "freak", "moron", "clown", "psycho", "fatass", "bitch", "creep", "failure"]
_OBF_ADJS = ["stupid", "pathetic", "ugly", "worthless", "dumb", "disgusting", "useless"]
OBF_NOUNS = sorted({obf(w, k) for w in _OBF_NOUNS for k in range(6)})
OBF_ADJS = sorted({obf(w, k) for w in _OBF_ADJS for k in range(6)})

group(
    "bully_obfuscated", "bullying", "positive",
    "obfuscated insults (leetspeak, spacing, masking, look-alike characters)",
    L(b=1),
    emoji=["🤡", "😂", "", ""],
    hand="""
ur such an 1d10t lmao
you're a l o s e r and everyone knows it
u r p@thetic
go cry, l0ser
what a f*cking cl0wn
st*pid b!tch, learn to spell
ugly af fr, no one wants u
you're w0rthl3ss
just go away f r e a k, nobody wants u in this server
n0b0dy l1kes y0u
shut up you d.u.m.b c.o.w
f u c k you and your opinions
ur a m0r0n and ur mum agrees
what a sad little l-o-s-e-r
you're such a ƒreak 🤡
go back to your cave you ug1y tr0ll
""",
    templates="""
you're a {ob_n}{ob_tail}
you're so {ob_a}{ob_tail}
{ob_name} is such a {ob_n}{ob_tail}
{ob_name} is {ob_a} and {ob_a2}{ob_tail}
{ob_open} {ob_n}{ob_tail}
""",
    n_tpl=50,
    slots={
        "ob_n": OBF_NOUNS, "ob_a": OBF_ADJS, "ob_a2": ["ugly", "annoying", "a total joke", "ugl¥", "ann0ying", "a j0ke"],
        "ob_name": ["{name}", "{handle}", "ur bf", "the new kid", "she"],
        "ob_open": ["shut up you", "lmao what a", "bye", "nobody asked you", "ok", "cry more"],
        "ob_tail": ["", " lol", ", nobody likes you", " fr", " 🤡", ". get lost", " and everyone knows it",
                    ", leave the server", " tbh", ", just log off", ". cry about it"],
    },
)

group(
    "bully_neg_counter_speech", "bullying", "negative",
    "counter-speech against hate or mockery",
    L(),
    emoji=["", "", "✊", "🏳️‍🌈", "💜"],
    hand="""
mocking someone for being on meds isn't funny. it's how people end up too ashamed to get help
there's no place for that kind of hate here. trans people belong in this community
calling people 'psycho' for having a diagnosis is gross, cut it out
we don't do racism in this server, full stop
people with schizophrenia are way more likely to be hurt than to hurt anyone. stop spreading fear
if your joke needs someone's disability as the punchline, it's not a good joke
reminder that immigrants are people, not a talking point
i'm autistic and i'm not a 'burden'. comments like that are why so many of us struggle
it's not 'attention seeking' to post about depression here, this is literally a support sub
telling someone to kys is never banter. reported
stop calling fat people lazy. you have no idea what anyone's health or life looks like
please don't pile on op, they came here for support
hey, that comment about her being 'mental' was out of order. she's going through a lot
hating on muslims because of what one person did is exactly the problem
nobody deserves to be told they'd be better off dead. mods please remove that
it takes a lot to open up about self harm. laughing at it says more about you than them
""",
    templates="""
{cs_open} {cs_target} {cs_close}
{cs_stop} {cs_behav}. {cs_why}
""",
    n_tpl=48,
    slots={
        "cs_open": ["hey,", "honestly,", "come on,", "not cool.", "seriously,", "mods,", "guys,",
                    "i'm going to say it:"],
        "cs_target": ["mocking people for having anxiety", "calling disabled people leeches",
                      "hating on trans people", "making fun of someone's therapy",
                      "telling people to go back to their country", "laughing at someone's eating disorder",
                      "using 'autistic' as an insult", "calling someone crazy for being on meds",
                      "posting that stuff about gay people", "piling on someone who's struggling"],
        "cs_close": ["isn't okay here.", "has to stop.", "says more about you than them.",
                     "is hateful and you know it.", "is hate, not humour.",
                     "gets you banned, and it should.", "isn't welcome in this community."],
        "cs_stop": ["please stop", "can we quit", "it's not okay to keep", "there's no excuse for",
                    "i'm reporting anyone", "enough with", "nobody here is okay with"],
        "cs_behav": ["mocking people for their diagnosis", "spreading hate about immigrants",
                     "making jokes about self harm", "calling people slurs in the chat",
                     "telling people to kill themselves", "harassing op in the comments"],
        "cs_why": ["people come here to feel safe", "words like that hurt real people",
                   "everyone deserves respect", "we're better than that",
                   "this is a support space", "it's bullying, plain and simple"],
    },
)

group(
    "bully_neg_friendly_banter", "bullying", "negative",
    "friendly banter and affectionate teasing between friends",
    L(),
    emoji=["😂", "😘", "❤️", "🤣", "😭"],
    hand="""
you absolute muppet, you forgot your own birthday dinner 😂 love you
lmao you're such a dork, see you saturday
shut up nerd, you'd be lost without me 😘
my best friend is the worst driver alive and i'd still let her drive me anywhere
you're lucky you're cute because that joke was terrible
ok loser, same time tomorrow for valorant?
you sang so badly at karaoke i cried laughing. never change
remind me why i'm friends with someone who puts pineapple on pizza 🙄❤️
bro you're the dumbest smart person i know
you weirdo, you actually cried at the dog food advert? same tbh
ugh you're so annoying, come over and annoy me in person
happy birthday to the biggest idiot i know, love you to bits
you menace, you ate all the snacks before the movie even started
my sister is a gremlin and i adore her
you nerd, who reads the terms and conditions?? iconic
stop being so good at this game, it's rude
you clown 🤡 you wore odd socks to the interview and still got the job
you're a disaster and i'm proud to be your friend
""",
    templates="""
{bt_insult}, {bt_reason}{bt_love}
{bt_reason}. {bt_insult2}{bt_love}
{bt_name} you {bt_noun}, {bt_reason}{bt_love}
""",
    n_tpl=54,
    slots={
        "bt_insult": ["you absolute idiot", "you nerd", "you goof", "you dork", "you weirdo", "you muppet",
                      "you gremlin", "you clown", "you disaster", "you dummy", "you dingus"],
        "bt_insult2": ["what a nerd", "such a goof", "absolute menace", "certified idiot",
                       "biggest dork ever", "walking disaster"],
        "bt_noun": ["nerd", "goof", "dork", "menace", "absolute legend", "weirdo", "muppet"],
        "bt_name": ["{name}", "bestie", "bro", "mate", "babe", "sis"],
        "bt_reason": ["you left your phone in the fridge again", "you laughed at your own joke for five minutes",
                      "you got lost in our own neighbourhood", "you cheered for the wrong team",
                      "you tripped over nothing at the party", "you fell asleep during your own movie pick",
                      "you spent an hour choosing a font", "you brought a spoon to a picnic with no soup",
                      "you beat me at mario kart AGAIN", "you texted the group chat meant for your mum",
                      "you burned toast. toast!", "you wore the same outfit as me on purpose"],
        "bt_love": [" 😂", " ❤️", " love you", ". never change", " lmao", " 😭", ". see you at lunch",
                    ". you're my favourite", ""],
    },
)

group(
    "bully_neg_self_deprecation", "bullying", "negative",
    "light self-deprecation",
    L(),
    emoji=["😂", "🙃", "😅", "🤡", ""],
    hand="""
i'm such an idiot, left my keys in the fridge again
my cooking is a crime against humanity lol
i'm the worst at remembering names, sorry if i forgot yours
got lost in ikea for 40 minutes. i am not a smart woman
me trying to parallel park: a tragedy in three acts
i'm so bad at this game my teammates should get hazard pay
my handwriting looks like a spider fell in ink
i'm basically a raccoon in a hoodie at this point
why am i like this. sent 'love you' to my boss instead of my mum
i'm a clown, i studied the wrong chapter for the test
honestly i'm the most awkward person at every party
i have the attention span of a goldfish, what were we talking about
my singing could scare birds
i'm hopeless with money, bought three plants instead of groceries
""",
    templates="""
{sd_me} {sd_what}{sd_end}
{sd_story}. {sd_me2}{sd_end}
""",
    n_tpl=48,
    slots={
        "sd_me": ["i'm such a dummy,", "i'm an idiot,", "certified clown here:", "i'm hopeless,",
                  "me being a disaster as usual:", "i'm so dumb,", "i'm the worst,", "galaxy brain moment:"],
        "sd_what": ["put the milk in the cupboard and the cereal in the fridge",
                    "waved back at someone who was waving at the person behind me",
                    "pushed a pull door for a full minute", "forgot my own phone number",
                    "wore my shirt inside out all day", "burned pasta somehow",
                    "laughed at a joke i didn't get", "called my teacher mum",
                    "missed the bus while looking at the bus times"],
        "sd_story": ["spent 20 minutes looking for my glasses while wearing them",
                     "locked my keys in the car with the engine running",
                     "replied-all to the whole company", "fell up the stairs in front of my crush",
                     "tried to open my front door with my car fob", "sent a voice note of me singing by accident"],
        "sd_me2": ["i'm a genius", "peak me", "why am i like this", "i'm a walking meme",
                   "i'm not allowed outside", "my brain is a potato"],
        "sd_end": ["", " 😂", " lol", " 🙃", ". send help", ". classic me"],
    },
)

group(
    "bully_neg_criticise_idea", "bullying", "negative",
    "criticism of ideas, arguments, products or policies, not people",
    L(),
    emoji=["", "", "🤔", "🙄"],
    hand="""
that argument makes no sense, correlation isn't causation
this policy is terrible and it's going to hurt renters the most
the new app update is garbage, i can't find anything
i think that study is weak, the sample was tiny and there was no control group
the ending of the show was lazy writing, they ignored three seasons of setup
respectfully, i think you're wrong about this. the data points the other way
that's a bad take. banning phones in schools won't fix bullying on its own
the referee's decision was awful, that was never a penalty
this recipe is way too salty, cut the soy sauce in half
the proposal is poorly thought out and will cost more than it saves
honestly the new logo is ugly, the old one was better
i disagree with the mod decision to lock that thread, it was a useful discussion
this 'hustle culture' advice is toxic and unrealistic
the sequel was a mess, too many characters and no plot
""",
    templates="""
{ci_open} {ci_thing} {ci_pred}{ci_end}
i {ci_verb} {ci_thing2}. {ci_reason}
""",
    n_tpl=48,
    slots={
        "ci_open": ["honestly", "imo", "respectfully,", "not gonna lie", "i think", "hot take:",
                    "tbh", ""],
        "ci_thing": ["this plan", "the new update", "that argument", "the council's decision",
                     "the new timetable", "this article", "that theory", "the grading system",
                     "the new menu", "the game's new season", "that advice", "the rent increase"],
        "ci_pred": ["is a terrible idea", "makes zero sense", "is badly designed", "is a mess",
                    "is completely backwards", "doesn't hold up", "is a waste of money",
                    "ignores the actual problem", "is lazy and rushed"],
        "ci_end": ["", ".", ". just my opinion", ", sorry", ". change my mind", ". needs a rethink"],
        "ci_verb": ["strongly disagree with", "don't buy", "really dislike", "can't support",
                    "think they got it wrong with"],
        "ci_thing2": ["the new parking rules", "that interpretation", "the proposal", "the final episode",
                      "the argument in this thread", "the new dress code", "this redesign"],
        "ci_reason": ["the evidence just isn't there", "it punishes the wrong people",
                      "it's confusing for everyone", "it was rushed", "nobody asked for it",
                      "the numbers don't add up"],
    },
)

group(
    "bully_neg_reported_insult", "bullying", "negative",
    "reporting or quoting insults, slurs or threats the author received",
    L(),
    emoji=["😔", "", "", "💔"],
    hand="""
a guy at school called me a 'psycho' today because i take meds. it really stuck with me
someone commented 'kys' on my post. i reported it but it's still getting to me
my boss called me 'useless' in front of everyone. i went home and cried
got a dm saying 'nobody will ever love you'. blocked, but ugh
my dad used to call me stupid every day. i'm 30 and still hear it
people in my class keep calling me 'anorexic' as a joke and i'm not okay about it
a stranger yelled 'go back to your country' at my mum on the bus. she pretended not to hear
my ex told me i was 'too crazy to date'. therapy is helping me unpack that
someone said 'you look like a corpse' about my profile pic. why are people like this
got called a freak for stimming at the supermarket today
my teammate said i'm 'the reason we always lose'. i don't want to go to practice anymore
i keep getting messages telling me to kill myself since my video went viral. how do i make them stop?
my coworker said 'lol someone forgot their meds' when i got emotional. how do i respond?
a kid in my son's class told him he's 'fat and ugly'. how do i help him?
""",
    templates="""
{ri_who} {ri_verb} '{ri_insult}'{ri_where}. {ri_feel}
{ri_someone} '{ri_insult}' {ri_to}. {ri_ask}
""",
    n_tpl=50,
    slots={
        "ri_who": ["a guy at school", "my sister", "my coach", "a random account", "my manager",
                   "some kid in my class", "my ex", "someone in the comments", "my stepdad"],
        "ri_verb": ["called me", "keeps calling me", "told me i'm", "wrote", "messaged me",
                    "laughed and said"],
        "ri_insult": ["pathetic", "a loser", "worthless", "crazy", "a waste of space", "ugly",
                      "attention seeker", "go take your meds", "nobody likes you", "stupid",
                      "kys", "fat"],
        "ri_where": ["", " today", " in front of everyone", " again", " on my stream", " at dinner"],
        "ri_feel": ["it really hurt", "i can't stop thinking about it", "i reported it",
                    "i just laughed it off but it stung", "i blocked them",
                    "how do i not let it get to me?", "i told a teacher"],
        "ri_someone": ["someone wrote", "a stranger commented", "i got a dm saying", "my group chat said",
                       "a player in my lobby typed"],
        "ri_to": ["under my selfie", "on my art post", "after my story", "when i mentioned my therapy",
                  "about my weight"],
        "ri_ask": ["how do you deal with this stuff?", "is it worth reporting?", "i'm trying not to care",
                   "why do people do this?", "should i tell my parents?"],
    },
)

group(
    "bully_neg_reclaimed_term", "bullying", "negative",
    "reclaimed terms used by members of a community about themselves",
    L(),
    emoji=["🏳️‍🌈", "✨", "💜", "😌", ""],
    hand="""
as a mad pride person: yes i'm mad, and proud of it
us autistic folks are weird and honestly weird is great
queer and happy about it, happy pride month
fat and fabulous, saying it with my whole chest
we crazies gotta stick together lol
my therapist calls our group 'the neurospicy club' and i love it
i'm a loud proud dyke and i'm getting married next year
cripple punk meetup this saturday, all bodies welcome
we're all a bit unhinged in this discord and that's why i love it here
my adhd brain and i are going on a side quest instead of doing laundry, classic adhd gremlin behaviour
being a bipolar babe means my highs are great playlists and my lows are great poetry
autistic and proud, stimming in public and not apologising
we psych ward alumni have the best dark humour
me and my fellow sad girls are watching romcoms and eating ice cream tonight
""",
    templates="""
{rc_me} {rc_end}
{rc_we} {rc_we_end}
""",
    n_tpl=34,
    slots={
        "rc_me": ["proud queer here", "as a fat girl", "speaking as an autistic person,",
                  "i'm a neurospicy mess", "crip life:", "as a bipolar person,", "certified weirdo here",
                  "me, a proud mad person,", "a fat, happy queer", "resident adhd gremlin here"],
        "rc_end": ["and i love my life", "and i'm not ashamed", "and honestly thriving",
                   "and we deserve good things", "and i'm doing just fine", "and proud of it"],
        "rc_we": ["us queers", "we fat folks", "my fellow neurodivergents", "my fellow crazies",
                  "all my autistic besties", "the mad community", "we sad girls"],
        "rc_we_end": ["deserve joy too", "are having a picnic on sunday", "need to stick together",
                      "have the best memes", "are not going anywhere", "run this sub honestly"],
    },
)

group(
    "bully_neg_untargeted_profanity", "bullying", "negative",
    "profanity that is not aimed at anyone",
    L(),
    emoji=["😤", "🙃", "😂", "", ""],
    hand="""
this fucking bus is late again
holy shit that storm was loud
fuck yes i passed my driving test!!
damn this coffee is strong
shit, i left my charger at home
what the hell is going on with the wifi today
fucking finally, friday
my laptop just died mid essay. fuuuuck
this weather is absolute shit
oh shit oh shit i got the job
bloody hell it's cold out
ugh this fucking headache won't go away
fuck mondays honestly
the printer is a piece of shit, who designed this
damn that concert was incredible
this song goes so fucking hard
""",
    templates="""
{up_exp} {up_thing}{up_end}
{up_thing_cap} {up_exp2}{up_end}
""",
    n_tpl=52,
    slots={
        "up_exp": ["fuck,", "holy shit,", "damn,", "oh fuck", "shit,", "goddamn", "fucking hell,",
                   "bloody hell,", "what the fuck,", "ffs"],
        "up_thing": ["i missed the train", "it's raining again", "the wifi died", "i burned dinner",
                     "my phone fell in the toilet", "the exam got moved to tomorrow",
                     "the queue at the post office is huge", "we won the match",
                     "i forgot my lunch", "the heating's broken", "i finished my dissertation",
                     "this traffic is insane", "the cat threw up on my bed"],
        "up_thing_cap": ["this traffic", "this printer", "monday", "the weather", "this game's servers",
                         "my neighbour's car alarm", "this level", "the dentist bill"],
        "up_exp2": ["is fucking ridiculous", "can go to hell", "is a shitshow", "is so fucking annoying",
                    "is bullshit", "sucks ass", "is fucking wild"],
        "up_end": ["", "!!", " 😤", " lmao", ".", " ugh", " 🙃"],
    },
)

group(
    "bully_neg_negated_insult", "bullying", "negative",
    "negated insults and reassurance ('you're not stupid at all')",
    L(),
    emoji=["💛", "🫂", "", "", "🙂"],
    hand="""
you're not stupid at all, that question trips everyone up
nobody thinks you're a burden. we like having you around
you're not pathetic for crying, it's a normal human thing
you aren't annoying, i genuinely love talking to you
you're not a failure just because one exam went badly
no, you're not ugly. that comment was cruel and wrong
you are not worthless, and i'll keep saying it until you believe it
i don't think you're weird for liking that, it's cool
you're not too much. the right people won't think so either
honestly you're not a bad friend, you've just had a rough month
you're not crazy for feeling this way
nobody here thinks you're attention seeking, you're allowed to ask for help
you're far from useless, you literally saved the project
you're not a loser for staying in on friday night, rest is good
""",
    templates="""
{ng_open}you're not {ng_adj}{ng_tail}
{ng_open}nobody thinks you're {ng_adj}{ng_tail}
{ng_open}you aren't {ng_adj} for {ng_for}{ng_tail}
""",
    n_tpl=50,
    slots={
        "ng_open": ["", "hey, ", "listen, ", "for the record, ", "honestly ", "i promise ", "babe, "],
        "ng_adj": ["stupid", "a burden", "pathetic", "annoying", "a failure", "ugly", "worthless",
                   "weird", "too much", "a bad person", "dramatic", "a loser", "useless", "crazy"],
        "ng_for": ["asking for help", "crying at work", "needing a break", "failing that test",
                   "feeling anxious", "taking meds", "getting the answer wrong", "missing the party",
                   "being tired", "texting first"],
        "ng_tail": ["", ". not even a little", ", i promise", " 💛", ". be kind to yourself",
                    ". we're proud of you", ". you're doing your best", ".", ". seriously",
                    ". anyone would feel that way", ". you're human", ", ok?", ". i mean that",
                    ". give yourself a break"],
    },
)

# ============================================================================= sentence pairs

# (parent, supportive reply, neutral / informative reply, cruel reply).  Each parent is used
# three times so the model sees the same context with replies of different meaning.
PAIRS = [
    # sad
    ("i didn't get into any of the unis i applied to",
     "i'm so sorry, that's a huge disappointment. it doesn't say anything about how smart you are, lots of people take a gap year or reapply",
     "clearing opens in august, some courses still have places then",
     "maybe if you'd actually studied instead of whining online you'd have got in"),
    ("my best friend has been ignoring me for weeks with no explanation",
     "that hurts so much, especially not knowing why. would you feel okay sending her one honest message asking?",
     "sometimes people pull away because of stuff going on in their own lives",
     "she probably finally realised how annoying you are"),
    ("i feel like i'm falling behind everyone my age",
     "comparison is brutal. everyone's timeline looks different and most people are faking it more than you think",
     "what area do you feel behind in? work, relationships, money?",
     "you are behind. that's what happens when you're lazy"),
    ("it's my birthday and nobody has messaged me",
     "happy birthday!! 🎂 i hope the rest of your day gets better. what would you do for yourself today if you could?",
     "facebook stopped showing birthday notifications for a lot of people, might be part of it",
     "lol even your family forgot? says a lot about you"),
    ("my parents are getting divorced and i feel like it's my fault",
     "it is not your fault. adults split up because of adult problems. i'm sorry you're going through this",
     "a lot of schools have counsellors who deal with this exact thing, might be worth a chat",
     "maybe it is your fault, have you considered how much of a burden you are"),
    ("i got dumped today after two years",
     "ugh i'm so sorry. two years is a long time, be gentle with yourself and let yourself be sad for a bit",
     "did you live together? if so you might need to sort out the lease stuff soon",
     "two years of putting up with you, honestly he deserves a medal"),
    ("i've been so unmotivated i haven't showered in days",
     "that happens a lot when you're low, no shame. even a quick rinse or face wash counts as a win today",
     "dry shampoo and body wipes are handy on days when a shower feels impossible",
     "gross. no wonder nobody wants to be near you"),
    ("i think my friends only invite me out of pity",
     "that thought is so painful but it's often anxiety talking. people usually invite people they want around",
     "have you ever tried organising something yourself? it can show you who turns up",
     "they do. everyone can tell"),
    ("failed my driving test again. that's three times now",
     "third time's annoying but loads of people pass on the fourth or fifth. you'll get there 💪",
     "you can ask the examiner for feedback on what went wrong, it helps to focus the next lessons",
     "maybe you're just too stupid to drive, do everyone on the road a favour and give up"),
    ("i moved to a new city and i don't know anyone",
     "that's such a lonely stage. it does get better. i found clubs and classes helped way more than apps",
     "meetup and local subreddits often have weekly events for newcomers",
     "moving won't fix your personality, you'll be alone there too"),
    ("i feel ugly every time i look in the mirror",
     "i'm sorry, that feeling is so heavy. you deserve kindness from yourself too. is something making it worse lately?",
     "body dysmorphia is a real thing and some therapists specialise in it if it's constant",
     "mirrors don't lie tbh"),
    ("my manager said my work isn't good enough",
     "that's rough to hear. one comment from a manager isn't the whole story about you. did they say what to improve?",
     "asking for specific examples and a follow-up meeting can make feedback easier to act on",
     "they're right though, you're clearly not good at anything"),
    ("i got left out of the group holiday",
     "ouch, that really stings. you're allowed to feel hurt about it",
     "sometimes these things get planned in a side chat and people honestly don't think. could be worth asking",
     "they left you out because nobody wanted you there, obviously"),
    ("i'm so tired of being the only single one in my friend group",
     "that feeling is so real. your worth isn't tied to a relationship though, promise",
     "a lot of people meet partners through hobbies rather than apps these days",
     "have you looked at yourself? that's why"),
    # crisis
    ("i honestly can't see myself getting through this week",
     "i'm really glad you said something. are you safe right now? if you're in the us you can call or text 988 any time",
     "if you're outside the us, findahelpline.com has free crisis lines for most countries",
     "then stop posting about it and go cry to someone who cares"),
    ("i've been thinking about ending my life",
     "thank you for telling us, that takes courage. you deserve support tonight. can you reach out to a crisis line or someone you trust?",
     "samaritans in the uk and ireland are on 116 123, and it's free from any phone",
     "cool story, nobody asked"),
    ("i cut myself again last night",
     "i'm sorry you're hurting. please look after the wounds and get any deep ones checked. you deserve care, not shame",
     "a lot of people find ice, cold water or snapping out of the moment with a strong taste helps with urges",
     "ew, attention seeker. just post it on tiktok already"),
    ("honestly my family would be happier if i just wasn't around",
     "that's the pain talking and it's lying to you. i'd rather you stayed. do you want to talk about what's going on?",
     "crisis text line is free in the us, uk and ireland, you can text instead of calling",
     "you say this every week, it's getting old. nobody likes you"),
    ("scared of what i might do to myself tonight",
     "i'm glad you reached out before doing anything. can you move anything you could use away and be around someone tonight?",
     "if it gets to the point where you feel you can't keep yourself safe, emergency departments treat mental health crises too",
     "here we go again with the drama"),
    ("the whole bottle of pills is sitting next to me right now",
     "please put them down and step away from them for now. call emergency services or a crisis line, you don't have to do this alone",
     "poison control in the us is 1-800-222-1222 if you've already taken any",
     "every week with this. such a drama queen, nobody's falling for it"),
    ("i wrote a goodbye letter today",
     "i'm really worried about you and i'm glad you posted. would you tell someone near you, or call a crisis line right now?",
     "mods can contact the platform's safety team if you want someone to check on you",
     "lol the goodbye letter era, how original"),
    ("i don't want to wake up tomorrow",
     "i hear you. it sounds exhausting. you matter here, and people at 988 or your local line can talk you through tonight",
     "some people find it helps to write a short safety plan: who to call, where to go, what helps even a little",
     "wow, so edgy. nobody cares about your sad posts"),
    ("i keep thinking about jumping in front of a train",
     "that sounds really frightening. please stay away from the station tonight if you can and reach out to someone now",
     "network rail and samaritans run a partnership and staff at stations are trained to help people in crisis",
     "please don't, it'd just delay everyone's commute"),
    ("nobody would notice if i was gone",
     "i'd notice, and i'm just someone on here. i'm sorry it feels that way. can we talk about what's been happening?",
     "a lot of people in this sub have felt exactly like that, the pinned post has some resources",
     "yeah probably not, you're pretty forgettable"),
    ("i relapsed after a year clean from self harm",
     "a relapse doesn't delete a year of work. i'm proud of you for telling us. what helped you before?",
     "many recovery programmes count it as a lapse rather than starting from zero",
     "a whole year wasted, well done genius"),
    ("i've been planning how i'd do it",
     "i'm really glad you told someone. please talk to a crisis line or a doctor today, you deserve help with this",
     "telling a professional about a plan is how you get the right level of support, they hear it a lot",
     "stop being so dramatic for internet points"),
    # grief
    ("my dad died this morning",
     "i'm so, so sorry. there's nothing i can say to fix it but i'm thinking of you today",
     "the funeral director will usually help you with the first steps, and you don't have to decide everything today",
     "people die every day, why should we care about yours"),
    ("my brother died by suicide 14 months ago",
     "i'm so sorry. losing someone that way brings so much grief and guilt. i hope you're finding some support",
     "there are suicide loss support groups, some run online if nothing is local",
     "he probably just wanted to get away from you"),
    ("my dog passed away after 15 years",
     "15 years of love. i'm so sorry, they're family. i hope you have lots of photos to look back on 🐾",
     "some vets offer paw print keepsakes if you'd like one",
     "it's just a dog, get over it"),
    ("it's the first christmas without my mum",
     "that first one is so hard. it's okay if it doesn't feel like christmas this year. sending love",
     "some families keep a small tradition in the person's honour, like cooking their recipe",
     "cry about it lol, everyone's mum dies eventually"),
    ("my grandma has dementia and doesn't recognise me anymore",
     "that's a grief all of its own. i'm sorry. she's lucky to have someone who still visits",
     "dementia uk has admiral nurses who help families with exactly this",
     "why are you even visiting then? pointless"),
    ("had a miscarriage last week",
     "i'm so sorry for your loss. please be gentle with yourself, your grief is real",
     "the miscarriage association has a helpline and online forums if you want to talk to others",
     "it's super common, stop making it everyone's problem"),
    ("my best friend died in a car crash",
     "i'm so sorry. that kind of sudden loss is devastating. please don't go through this alone",
     "a lot of schools and workplaces offer bereavement leave or counselling after something like this",
     "maybe she was a bad driver"),
    ("one year since my wife passed",
     "anniversaries are so heavy. i'm sorry, i hope you have someone with you today",
     "some people mark it by visiting a place they shared, others prefer a normal day, both are fine",
     "a year? time to move on, mate"),
    ("my cat died and my family says i'm overreacting",
     "you're not overreacting at all. losing a pet is losing a friend. i'm sorry",
     "pet bereavement support lines exist, the blue cross runs one in the uk",
     "your family's right, it's embarrassing"),
    ("i'm grieving my old life after my diagnosis",
     "that's such a valid kind of grief. it's okay to mourn the plans you had",
     "some hospitals have peer support groups for people newly diagnosed with the same condition",
     "boo hoo, at least you're alive, stop moaning"),
    # anxious
    ("i have a job interview tomorrow and i'm freaking out",
     "you've got this! being nervous means you care. want to practise some answers here?",
     "the star method (situation, task, action, result) is handy for behaviour questions",
     "you'll bomb it anyway, they can smell nerves"),
    ("i had a panic attack on the bus today",
     "i'm sorry, panic attacks are awful, especially in public. how are you feeling now?",
     "slow breathing where you breathe out longer than you breathe in can help bring one down",
     "lmao imagine freaking out on a bus, grow up"),
    ("i'm scared to go to my first therapy appointment",
     "it's so normal to be nervous. you can even tell the therapist that first, they'll help you settle",
     "first sessions are usually mostly questions about your history and what you want help with",
     "therapy won't fix someone as messed up as you"),
    ("i can't stop worrying about my exams",
     "exam stress is the worst. remember to take breaks and sleep, your brain needs it to remember stuff",
     "spaced repetition and practice papers tend to work better than rereading notes",
     "worry all you want, you're going to fail"),
    ("my heart races every time i have to make a phone call",
     "phone anxiety is so common, you're not weird. writing a little script beforehand really helps me",
     "a lot of places let you book or ask things by email or online chat now",
     "it's a phone call, you baby"),
    ("i'm nervous about starting my new meds",
     "that's understandable. it's great you're trying something new to feel better. you can always call your prescriber with questions",
     "the leaflet lists common side effects, and a lot of them ease in the first couple of weeks",
     "lol crazy pills, welcome to the club of losers"),
    ("i have to give a presentation and i'm terrified",
     "you'll be okay! most people are too busy worrying about their own to judge yours",
     "rehearsing out loud twice and timing yourself makes a bigger difference than people think",
     "everyone's going to laugh at you, good luck"),
    ("my health anxiety is convinced every headache is a tumour",
     "health anxiety is exhausting, i'm sorry. have you been able to talk to your gp about the anxiety itself?",
     "cbt for health anxiety has really good results, it's worth asking for a referral",
     "maybe it is a tumour, that'd shut you up"),
    ("i'm anxious about going back to school after being off sick",
     "that's totally normal. maybe a teacher you trust could help make the first day easier?",
     "some schools do a phased return with shorter days at first",
     "nobody even noticed you were gone"),
    ("social events make me so anxious i cancel every time",
     "you're not alone in that. maybe start with something small and give yourself permission to leave early",
     "social anxiety is one of the most common anxiety disorders and it responds well to therapy",
     "then stay home forever, nobody will miss you"),
    ("i'm worried i'm a bad parent",
     "the fact that you're worried about it says you care a lot. good enough parenting is a real thing",
     "parenting courses through local family centres are often free",
     "you probably are, your kids will need therapy"),
    ("my flight is tomorrow and i'm terrified of flying",
     "flying anxiety is so common. bring headphones, a comfort show and tell the crew, they're lovely about it",
     "turbulence feels scary but planes are built to handle far more than normal bumps",
     "hope it crashes lol"),
    # angry
    ("my roommate ate my food again and i'm so angry",
     "that's so frustrating, you're allowed to be annoyed. maybe label shelves or have a calm chat about it?",
     "a lot of shared houses use a cheap lockable box for food",
     "maybe if you weren't so stingy they'd respect you"),
    ("my teacher gave me a zero for something i didn't do",
     "that's so unfair, i'd be furious too. can you email them with the evidence?",
     "most schools have an appeals or complaints process for grades",
     "you probably did do it and you're lying like always"),
    ("my landlord won't fix the mould in my flat",
     "ugh that's awful, and it's bad for your health. you shouldn't have to live like that",
     "in a lot of places the council's environmental health team can inspect and force repairs",
     "you live in a dump because you're a loser, shocker"),
    ("i'm so sick of my sister borrowing my clothes without asking",
     "totally valid, it's your stuff! maybe a rule like 'ask first' would help",
     "some siblings do a 'shared pile' and a 'private pile', might stop the arguments",
     "she's probably embarrassed to be related to you anyway"),
    ("my coworker took credit for my project",
     "that's infuriating. document what you did and bring it up with your manager calmly",
     "keeping emails and dated drafts makes it easier to show your contribution",
     "maybe your work was so bad nobody believes it was yours"),
    ("the referee cost us the match today",
     "gutted for you, those calls are the worst. you'll get them next week",
     "leagues often publish their referee review process if you want to appeal",
     "your team's trash, don't blame the ref"),
    ("my ex is spreading lies about me",
     "that's such a horrible thing to deal with. the people who know you will know the truth",
     "if it becomes harassment, keeping screenshots helps if you ever need to report it",
     "they're probably not lies tbh"),
    ("my parents won't let me go to the concert",
     "that's so annoying, i'm sorry. maybe there's a compromise, like them dropping you off and picking you up?",
     "some venues have under-18 policies that might make your parents feel better",
     "good, nobody wants you there"),
    ("customer service hung up on me after an hour on hold",
     "that's maddening, i'd want to scream. hope you get it sorted",
     "sometimes their online chat or twitter support is faster than the phone line",
     "with your attitude i'd hang up on you too"),
    ("someone keyed my car last night",
     "that's horrible, i'm sorry. it's such a violating feeling",
     "you can report it to the police for a crime number, which insurance usually needs",
     "bet you deserved it"),
    # happy news
    ("i got the job!!",
     "congratulations!!! 🎉 you worked so hard for this",
     "when do you start? do you know your team yet?",
     "they'll figure out you're useless within a week"),
    ("i'm 6 months sober today",
     "that's incredible, congratulations! so proud of you",
     "a lot of people celebrate with a chip or coin from their meeting group",
     "6 months, wow, do you want a medal for not drinking?"),
    ("we just adopted a rescue dog!",
     "omg congrats!! drop pics please 🐶",
     "the first few weeks are often called decompression time, rescues take a while to settle",
     "poor dog, stuck with you"),
    ("i passed my final exams!",
     "amazing!!! all that hard work paid off 🎓",
     "do you know when the graduation ceremony is?",
     "even an idiot could pass those"),
    ("i finally left my toxic relationship",
     "that takes so much strength. proud of you, you deserve peace",
     "some areas have free support services for people leaving abusive relationships",
     "they probably left you and you're spinning it"),
    ("i'm getting married next month!",
     "congratulations!! wishing you both a lifetime of happiness 💍",
     "have you sorted the playlist yet? that's always the last-minute thing",
     "give it a year before the divorce lol"),
    ("i ran my first 5k today",
     "that's awesome! the first one is the hardest, well done 🏃",
     "parkrun does free timed 5ks every saturday if you want to keep going",
     "a 5k? my nan could do that. pathetic"),
    ("i went to the shop by myself today even with my anxiety",
     "that's a huge win! be proud of yourself 💛",
     "exposure in small steps like that is exactly how a lot of anxiety treatment works",
     "you want applause for buying milk? lmao"),
    ("my art got accepted into a gallery show",
     "that's amazing!! congrats, you deserve it",
     "do you know how long it's on for? i'd love to go",
     "the gallery must be desperate"),
    ("i've been self harm free for 100 days",
     "100 days is huge! you should be really proud. thank you for sharing it with us",
     "some people mark milestones with a small tattoo or a piece of jewellery",
     "cool, want a sticker for it or something?"),
    ("i finally got my diagnosis and it makes so much sense",
     "that's such a relief, i'm so glad you've got answers. it's a big step",
     "there are often good online communities for people newly diagnosed",
     "a diagnosis for being a weirdo, congrats"),
    ("my baby sister was born today!",
     "congratulations big sibling!! 💕",
     "what's her name? do you get to hold her soon?",
     "one more person for you to disappoint"),
]

group(
    "pair_supportive_reply", "all", "negative",
    "supportive replies to a fixed set of parents (sad, crisis, grief, anxious, angry, happy news): all heads 0",
    L(), style=False,
    hand="\n".join(f"{p} ||| {s}" for p, s, n, c in PAIRS),
)

group(
    "pair_neutral_reply", "all", "negative",
    "neutral, informative replies to the same parents: all heads 0",
    L(), style=False,
    hand="\n".join(f"{p} ||| {n}" for p, s, n, c in PAIRS),
)

group(
    "pair_cruel_reply", "bullying", "positive",
    "cruel replies to the same parents: bullying 1 (crisis 0 and unsafe 0 even under a crisis parent)",
    L(b=1), style=False,
    hand="\n".join(f"{p} ||| {c}" for p, s, n, c in PAIRS),
)

# ============================================================================= everyday

group(
    "none_everyday", "all", "negative",
    "harmless everyday posts (hobbies, pets, weather, school, work, recipes, games): all heads 0",
    L(),
    emoji=["😊", "☀️", "🐱", "🍪", "🎮", "", "", ""],
    hand="""
finally finished the 1000 piece puzzle, only took three weeks lol
my cat has decided the keyboard is her bed now. working from home is going great
anyone have a good recipe for banana bread? i have four very brown bananas
it's been raining for five days straight, i miss the sun
first day at the new job tomorrow, picked out my outfit already
does anyone else rewatch the same comfort show every winter?
made lasagne from scratch for the first time and it actually held together
my tomatoes are finally turning red!! 🍅
what's everyone playing this weekend? i just started stardew valley again
the library near me has a free seed swap, such a cute idea
trying to learn the guitar, my fingertips hate me
bus was on time today, a miracle
got a new houseplant, naming suggestions welcome
just booked a weekend in the lake district, can't wait to hike
my dog learned to ring a bell when he wants to go out 🐶
study group tonight at 7, bring snacks
has anyone tried the new ramen place on high street?
i've read 12 books this year so far, currently on a fantasy kick
the sunset tonight was unreal
knitting my first jumper, one sleeve is definitely longer than the other
overslept and missed my 9am, oh well
my kid drew a picture of our family and gave the cat a crown
we got our first snow of the year, the kids are outside already
anyone know a good podcast for long drives?
batch cooked soup for the week, feeling like a real adult
just beat the final boss after 30 tries, my hands are shaking lol
the farmers market had the best strawberries today
finally organised my desk, already messy again
my rabbit binkied for the first time, i'm so happy
work potluck tomorrow, bringing my nan's potato salad
new to the sub! i mostly paint watercolours of birds
our football team won 3-1 on saturday, proud coach moment
power cut in the whole street, candles and board games it is
learning to make sourdough, my starter is called steve
""",
    templates="""
{ev_open} {ev_thing}{ev_end}
{ev_q}{ev_end2}
{ev_thing_cap}. {ev_follow}
""",
    n_tpl=70,
    slots={
        "ev_open": ["just", "finally", "today i", "this weekend i", "so i", "yesterday i", "honestly i"],
        "ev_thing": ["made {ev_food} from scratch", "repotted all my {ev_plant}", "finished {ev_game}",
                     "took my {ev_pet} to the beach", "went to a pottery class", "cleaned the whole flat",
                     "started a new book", "tried bouldering for the first time", "baked {ev_food}",
                     "went for a long walk in the park", "fixed my bike chain myself",
                     "got my timetable for next term", "built a lego set with my nephew",
                     "signed up for a 10k", "organised my spice rack", "planted {ev_plant}"],
        "ev_food": ["banana bread", "pizza dough", "lemon cake", "ramen", "cinnamon rolls", "dumplings",
                    "chilli", "pancakes", "flatbreads", "apple crumble"],
        "ev_plant": ["succulents", "herbs", "tomato seedlings", "sunflowers", "houseplants", "chillies"],
        "ev_game": ["elden ring", "the new zelda", "hollow knight", "animal crossing island", "a 1000 piece puzzle",
                    "the crossword", "my first cross stitch", "baldur's gate 3"],
        "ev_pet": ["dog", "puppy", "greyhound", "corgi", "kids and the dog", "old labrador"],
        "ev_end": ["", " 😊", "!", ". so proud", ". 10/10 would recommend", " lol", ". feeling good"],
        "ev_q": ["any recommendations for {ev_rec}?", "what's your favourite {ev_fav}?",
                 "does anyone know how to {ev_how}?", "who else is watching {ev_show} tonight?"],
        "ev_rec": ["a cosy game", "a fantasy series", "a cheap blender", "beginner running shoes",
                   "a weekend city break", "a good pizza place", "easy vegetarian dinners"],
        "ev_fav": ["comfort food", "board game", "biscuit", "season", "film of all time", "podcast"],
        "ev_how": ["get wax out of a tablecloth", "stop my cat scratching the sofa", "descale a kettle",
                   "keep basil alive", "fix a squeaky door"],
        "ev_show": ["the football", "bake off", "the new season", "the eurovision final", "the quiz show"],
        "ev_end2": ["", " thanks!", " 🙏", " asking for a friend lol", ""],
        "ev_thing_cap": ["the weather is gorgeous today", "it's freezing this morning",
                         "my commute was actually quiet today", "the new coffee shop opened",
                         "my exam got moved to next week", "the cat brought me a leaf as a gift",
                         "we're having a games night on friday", "the garden is finally blooming"],
        "ev_follow": ["going to make the most of it", "layers it is", "small joys", "can't complain",
                      "more time to revise i guess", "she's so proud of herself", "bring snacks",
                      "spring is here"],
    },
)

# ============================================================================= build

def gen_group(g: dict, seen: set[str]) -> list[dict]:
    rng = random.Random(f"{SEED}:{g['name']}")
    slots = {**S, **g["slots"]}
    if g["contexts"]:
        slots["ctx"] = g["contexts"]
    rows = []
    for ctx, text, over in g["hand"]:
        rows.append(dict(text=text, context=ctx, over=over, kind="hand"))
    tpls = g["templates"]
    want = g["n_tpl"]
    usage: dict = {}
    made = 0
    while made < want and tpls:
        progress = False
        for ctx_t, text_t, over in tpls:
            if made >= want:
                break
            for attempt in range(40):
                chosen: dict = {}
                use = usage if attempt < 8 else None
                ctx = tidy(expand(ctx_t, slots, rng, chosen, use)) if ctx_t else None
                text = tidy(expand(text_t, slots, rng, chosen, use))
                if g["style"]:
                    text = perturb(text, rng, g["emoji"])
                key = near_key(text)
                if key and key not in seen:
                    seen.add(key)
                    for name, (k, _) in chosen.items():
                        usage.setdefault(name, [0] * len(slots[name]))[k] += 1
                    rows.append(dict(text=text, context=ctx, over=over, kind="template"))
                    made += 1
                    progress = True
                    break
        if not progress:
            break
    if made < want:
        print(f"note: {g['name']}: templates gave {made} of {want} rows", file=sys.stderr)
    return rows


def load_suite() -> tuple[set[str], set[tuple]]:
    if not SUITE.exists():
        sys.exit(f"error: {SUITE} not found; the overlap check against the behavioural suite is required")
    exact, grams = set(), set()
    with SUITE.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            for field in ("text", "context"):
                t = rec.get(field)
                if not t:
                    continue
                for words in norm_words(t):
                    exact.add(" ".join(words))
                    grams |= ngrams(words)
    return exact, grams


def overlaps(t: str | None, exact: set[str], grams: set[tuple]) -> bool:
    if not t:
        return False
    for words in norm_words(t):
        if " ".join(words) in exact or ngrams(words) & grams:
            return True
    return False


def phrase_report(name: str, texts: list[str]) -> list[str]:
    df: Counter = Counter()
    for t in texts:
        words = re.sub(r"[^\w\s]|_", "", t.lower()).split()
        df.update({tuple(words[i:i + 4]) for i in range(len(words) - 3)})
    n = len(texts)
    out = []
    for gram, c in df.most_common(6):
        if c / n > 0.05 and c >= 3:
            out.append(f"  {name}: {' '.join(gram)!r} in {c}/{n} ({100 * c / n:.0f}%)")
    return out


def main(argv: list[str]) -> int:
    names = [g["name"] for g in GROUPS]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        sys.exit(f"error: group names used twice: {sorted(dups)}")

    # hand-written rows reserve their keys first, so sampled rows never collide with them
    seen: set[str] = set()
    for g in GROUPS:
        for _, text, _ in g["hand"]:
            seen.add(near_key(text))
    per_group = {g["name"]: gen_group(g, seen) for g in GROUPS}

    # validation: labels and duplicates (lowercased, whitespace collapsed)
    errors = []
    first: dict[str, str] = {}
    for g in GROUPS:
        for r in per_group[g["name"]]:
            labels = {**g["labels"], **r["over"]}
            r["labels"] = {h: labels.get(h, "missing") for h in HEADS}
            for h in HEADS:
                if r["labels"][h] not in (0, 1, None):
                    errors.append(f"{g['name']}: row lacks a 0/1/null label for {h}: {r['text']!r}")
            if not r["text"].strip():
                errors.append(f"{g['name']}: empty text")
            k = dup_key(r["text"])
            if k in first:
                errors.append(f"duplicate text in {first[k]} and {g['name']}: {r['text']!r}")
            else:
                first[k] = g["name"]
    if errors:
        print("\n".join(errors[:50]), file=sys.stderr)
        sys.exit(f"error: {len(errors)} problem(s), nothing written")

    # keep apart from the behavioural suite
    exact, grams = load_suite()
    dropped: dict[str, int] = {}
    for g in GROUPS:
        keep = []
        for r in per_group[g["name"]]:
            if overlaps(r["text"], exact, grams) or overlaps(r["context"], exact, grams):
                dropped[g["name"]] = dropped.get(g["name"], 0) + 1
            else:
                keep.append(r)
        per_group[g["name"]] = keep

    small = [f"{n} ({len(per_group[n])})" for n in names if len(per_group[n]) < MIN_ROWS]
    if small:
        sys.exit(f"error: groups with fewer than {MIN_ROWS} rows: {', '.join(small)}")

    out_rows = []
    for g in GROUPS:
        for i, r in enumerate(per_group[g["name"]]):
            out_rows.append({
                "id": f"synthetic:{g['name']}:{i}",
                "source": "synthetic",
                "text": r["text"],
                "context": r["context"],
                "labels": r["labels"],
                "meta": {"group": g["name"], "kind": r["kind"]},
            })
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for row in out_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    # report
    print(f"{'group':38} {'head':15} {'polarity':9} {'rows':>5} {'hand':>5} {'tmpl':>5} {'ctx':>4} {'dropped':>7}")
    for g in GROUPS:
        rs = per_group[g["name"]]
        hand = sum(r["kind"] == "hand" for r in rs)
        ctx = sum(r["context"] is not None for r in rs)
        print(f"{g['name']:38} {g['head']:15} {g['polarity']:9} {len(rs):5} {hand:5} {len(rs) - hand:5} "
              f"{ctx:4} {dropped.get(g['name'], 0):7}")
    total = len(out_rows)
    hand = sum(r["meta"]["kind"] == "hand" for r in out_rows)
    print(f"total rows: {total} (hand {hand} = {100 * hand / total:.1f}%, template {total - hand}); "
          f"dropped by the suite-overlap check: {sum(dropped.values())}")
    print(f"{'head':15} {'pos':>5} {'neg':>5} {'null':>5}")
    for h in HEADS:
        vals = [r["labels"][h] for r in out_rows]
        print(f"{h:15} {vals.count(1):5} {vals.count(0):5} {vals.count(None):5}")
    print(f"wrote {OUT.relative_to(REPO)}")

    if "--phrases" in argv:
        print("4-word phrases in more than 5% of a group's rows:")
        for g in GROUPS:
            for line in phrase_report(g["name"], [r["text"] for r in per_group[g["name"]]]):
                print(line)
    if "--table" in argv:
        print("| group | head | polarity | rows | hand | dropped | what it teaches |")
        print("|---|---|---|---:|---:|---:|---|")
        for g in GROUPS:
            rs = per_group[g["name"]]
            hand = sum(r["kind"] == "hand" for r in rs)
            print(f"| `{g['name']}` | {g['head']} | {g['polarity']} | {len(rs)} | {hand} | "
                  f"{dropped.get(g['name'], 0)} | {g['what']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
