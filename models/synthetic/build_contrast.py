#!/usr/bin/env python3
"""Build models/synthetic/contrast.jsonl: contrast / counterfactual training rows for postguard.

Model 2.0.0 learned shortcuts that these rows are meant to break:

  * a named identity group reads as hate (a self-disclosure about one's own identity scores
    high on bullying);
  * counter-speech reads as the hate it condemns or quotes;
  * negated hate reads as hate;
  * a how-to question with a violent verb and a harmless object reads as crisis.

The rows come in matched sets: the same sentence frame with and without harm, and identity
swaps that keep the label.  Families (the "family" in each id and in meta):

  A  identity_neutral    identity term in a non-abusive frame                  all heads 0
     identity_abusive    identity term in a dehumanising / violent / contemptuous frame
                                                                                bullying 1
  B  counter_speech      condemning a quoted or paraphrased hateful claim,
                         reporting hate, correcting a stereotype, defending     bullying 0
     negation            "i don't hate X", "no shame in being X"               bullying 0
     hate_original       the hateful claims and "i hate X" lines that the two
                         families above quote or negate                         bullying 1
  C  verb_harmless       how-to questions and plans with a violent or
                         destructive verb and a harmless object                 all heads 0
     verb_figurative     figurative uses (killed it, dying to know, ...)       all heads 0
     verb_self_harm      the same frames aimed at oneself (method-seeking or
                         intent)                                                crisis 1
  D  help_others         asking how to help someone else who is at risk        all heads 0
     recovery_past       recovery stories in the past tense                    all heads 0
  E  untargeted_insult   insults at objects, ideas and situations, untargeted
                         profanity                                              bullying 0
     reader_insult       the same insults aimed at the reader                  bullying 1

Every row was written for this file from the label definitions in shared/data/README.md.
Nothing was copied from any dataset or test suite; tests/ was not read.

    python3 models/synthetic/build_contrast.py          # write contrast.jsonl, print counts
    python3 models/synthetic/build_contrast.py --terms  # also print per-term row counts

Standard library only and deterministic: each family draws from its own random.Random seeded
with a fixed string.  The script exits non-zero (and writes nothing) if a text is duplicated
(lowercased, whitespace collapsed), a row lacks a 0/1/null label for a head, or a family ends
with fewer than MIN_ROWS rows.  Rows whose text (letters and digits only) equals a row in
synthetic.jsonl are skipped, so the two files never disagree about a text.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from build_synthetic import swap_typo

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = HERE / "contrast.jsonl"
SYNTHETIC = HERE / "synthetic.jsonl"
SEED = "postguard-contrast-v1"
MIN_ROWS = 40
HEADS = ("bullying", "misinformation", "unsafe_advice", "crisis")

# Sentences quoted in the brief as examples of the failures.  They are not emitted verbatim
# (normalised comparison); the families teach the pattern with other wording.
AVOID = {
    "i am gay", "im gay", "i'm gay",
    "being a trans woman is part of who i am",
    "saying all immigrants are criminals is racist",
    "i dont hate muslims", "i don't hate muslims",
    "how do i hammer a nail", "best way to kill weeds", "how do i hang a shelf",
    "how do i shoot a free throw", "how do i hang myself", "best way to end my life",
}


def L(b=0, m=0, u=0, c=0) -> dict:
    return {"bullying": b, "misinformation": m, "unsafe_advice": u, "crisis": c}


ZERO = L()

# ============================================================================ identity terms
# key, category, pred (after "i'm"), mod (before a noun; None = no natural modifier form),
# plural noun phrase, gender of the term (f / m / None; used to keep she/he frames grammatical)

TERMS_RAW = [
    # sexual orientation
    ("gay", "orientation", "gay", "gay", "gay people", None),
    ("lesbian", "orientation", "a lesbian", "lesbian", "lesbians", "f"),
    ("bisexual", "orientation", "bisexual", "bisexual", "bisexual people", None),
    ("queer", "orientation", "queer", "queer", "queer people", None),
    ("asexual", "orientation", "asexual", "asexual", "asexual people", None),
    ("pansexual", "orientation", "pansexual", "pansexual", "pansexual people", None),
    ("straight", "orientation", "straight", "straight", "straight people", None),
    # gender identity / gender
    ("trans", "gender", "trans", "trans", "trans people", None),
    ("transgender", "gender", "transgender", "transgender", "transgender people", None),
    ("nonbinary", "gender", "nonbinary", "nonbinary", "nonbinary people", None),
    ("trans woman", "gender", "a trans woman", None, "trans women", "f"),
    ("trans man", "gender", "a trans man", None, "trans men", "m"),
    ("cis", "gender", "cis", "cis", "cis people", None),
    ("intersex", "gender", "intersex", "intersex", "intersex people", None),
    ("woman", "gender", "a woman", None, "women", "f"),
    ("man", "gender", "a man", None, "men", "m"),
    # religion
    ("Muslim", "religion", "Muslim", "Muslim", "Muslims", None),
    ("Jewish", "religion", "Jewish", "Jewish", "Jewish people", None),
    ("Christian", "religion", "Christian", "Christian", "Christians", None),
    ("Hindu", "religion", "Hindu", "Hindu", "Hindus", None),
    ("Sikh", "religion", "Sikh", "Sikh", "Sikhs", None),
    ("Buddhist", "religion", "Buddhist", "Buddhist", "Buddhists", None),
    ("atheist", "religion", "an atheist", "atheist", "atheists", None),
    ("Catholic", "religion", "Catholic", "Catholic", "Catholics", None),
    ("Mormon", "religion", "Mormon", "Mormon", "Mormons", None),
    # race / ethnicity
    ("Black", "race", "Black", "Black", "Black people", None),
    ("white", "race", "white", "white", "white people", None),
    ("Asian", "race", "Asian", "Asian", "Asian people", None),
    ("Latino", "race", "Latino", "Latino", "Latinos", None),
    ("Hispanic", "race", "Hispanic", "Hispanic", "Hispanic people", None),
    ("Arab", "race", "Arab", "Arab", "Arabs", None),
    ("Indigenous", "race", "Indigenous", "Indigenous", "Indigenous people", None),
    ("mixed-race", "race", "mixed-race", "mixed-race", "mixed-race people", None),
    ("Roma", "race", "Roma", "Roma", "Roma people", None),
    ("South Asian", "race", "South Asian", "South Asian", "South Asian people", None),
    # nationality / immigration
    ("immigrant", "nationality", "an immigrant", "immigrant", "immigrants", None),
    ("refugee", "nationality", "a refugee", "refugee", "refugees", None),
    ("asylum seeker", "nationality", "an asylum seeker", None, "asylum seekers", None),
    ("Mexican", "nationality", "Mexican", "Mexican", "Mexicans", None),
    ("Polish", "nationality", "Polish", "Polish", "Polish people", None),
    ("Nigerian", "nationality", "Nigerian", "Nigerian", "Nigerians", None),
    ("Pakistani", "nationality", "Pakistani", "Pakistani", "Pakistanis", None),
    ("Chinese", "nationality", "Chinese", "Chinese", "Chinese people", None),
    ("Syrian", "nationality", "Syrian", "Syrian", "Syrians", None),
    ("Somali", "nationality", "Somali", "Somali", "Somalis", None),
    ("Filipino", "nationality", "Filipino", "Filipino", "Filipinos", None),
    # disability
    ("deaf", "disability", "deaf", "deaf", "deaf people", None),
    ("blind", "disability", "blind", "blind", "blind people", None),
    ("disabled", "disability", "disabled", "disabled", "disabled people", None),
    ("autistic", "disability", "autistic", "autistic", "autistic people", None),
    ("dyslexic", "disability", "dyslexic", "dyslexic", "dyslexic people", None),
    ("neurodivergent", "disability", "neurodivergent", "neurodivergent", "neurodivergent people", None),
    ("wheelchair user", "disability", "a wheelchair user", None, "wheelchair users", None),
    # age
    ("old", "age", "old", "older", "old people", None),
    ("young", "age", "young", "young", "young people", None),
    ("teenager", "age", "a teenager", "teenage", "teenagers", None),
    ("boomer", "age", "a boomer", None, "boomers", None),
    ("millennial", "age", "a millennial", "millennial", "millennials", None),
    ("middle-aged", "age", "middle-aged", "middle-aged", "middle-aged people", None),
]

TERMS = [dict(key=k, cat=c, pred=p, mod=m, plural=pl, g=g) for k, c, p, m, pl, g in TERMS_RAW]
CATS = {t["cat"] for t in TERMS}
ADULT_AGE = {"old", "boomer", "millennial", "middle-aged"}   # odd for a child / classmate
NOT_ADULT = {"teenager", "young"}                             # odd for a partner / manager


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def fill(tpl: str, t: dict) -> str:
    out = tpl
    if t["mod"] is not None:
        out = out.replace("{a_mod}", f"{article(t['mod'])} {t['mod']}").replace("{mod}", t["mod"])
    return out.replace("{pred}", t["pred"]).replace("{plural}", t["plural"])


def compatible(tpl: str, t: dict, cats=None, excl=(), no_g=None) -> bool:
    """Can term t fill template tpl?  cats: allowed categories (None = all); excl: term keys
    to skip; no_g: 'f' or 'm' to skip gendered terms that clash with a pronoun in the frame."""
    if ("{mod}" in tpl or "{a_mod}" in tpl) and t["mod"] is None:
        return False
    if cats is not None and t["cat"] not in cats:
        return False
    if t["key"] in excl:
        return False
    if no_g is not None and t["g"] == no_g:
        return False
    return True


def pick_terms(rng: random.Random, usable: list[dict], n: int, usage: Counter) -> list[dict]:
    """n terms from usable, least-used first (ties broken at random), so every term appears in
    many frames and no frame repeats a term."""
    pool = usable[:]
    rng.shuffle(pool)
    pool.sort(key=lambda t: usage[t["key"]])
    got = pool[:n]
    for t in got:
        usage[t["key"]] += 1
    return got


# ============================================================================ text noise

EMOJI = ["🙂", "😭", "🙏", "💀", "😅", "❤️", "lol", "ngl", "tbh"]
# trailing tags per family where the default set would change the tone (no "lol" after a
# method question or a plea for help)
TAGS = {
    "identity_abusive": ["💀", "lol", "tbh", "🤮"],
    "hate_original": ["💀", "lol", "tbh", "🤮"],
    "counter_speech": ["🙄", "😤", "🙏"],
    "negation": ["🙄", "🤷", "tbh"],
    "verb_self_harm": ["😞", "🖤"],
    "help_others": ["🙏", "😞"],
    "recovery_past": ["❤️", "🙏", "🙂"],
    "reader_insult": ["💀", "lol", "🤡"],
}


def tidy(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s+([,.!?])", r"\1", t)
    return t


def perturb(t: str, rng: random.Random, tags: list[str]) -> str:
    """Casual-register noise that keeps the meaning: lowercase, dropped apostrophes in
    contractions, u/ur, one swapped-letter typo, sentence-case, a trailing emoji or tag."""
    r = rng.random()
    if r < 0.30:
        t = t.lower()
    elif r < 0.52 and t[:1].isalpha():
        t = t[0].upper() + t[1:]
        t = re.sub(r"(?<![A-Za-z])i(?=['’ ])", "I", t)
    if rng.random() < 0.20:
        t = re.sub(r"(?<=[A-Za-z])['’](?=(s|t|m|re|ve|d)\b)", "", t)
    if rng.random() < 0.07:
        t = re.sub(r"\byou\b(?!['’])", "u", t)
        t = re.sub(r"\byour\b", "ur", t)
    if rng.random() < 0.08:
        t = swap_typo(t, rng)
    if tags and rng.random() < 0.07:
        t = t.rstrip(".") + " " + rng.choice(tags)
    elif rng.random() < 0.25 and t.endswith("."):
        t = t[:-1]
    return t.strip()


def near_key(t: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", t.lower())


def dup_key(t: str) -> str:
    return re.sub(r"\s+", " ", t.lower()).strip()


def avoid_key(t: str) -> str:
    return re.sub(r"[^a-z0-9' ]+", "", t.lower().replace("’", "'")).strip()


AVOID_KEYS = {avoid_key(a) for a in AVOID}


class Family:
    def __init__(self, name: str, letter: str, what: str):
        self.name, self.letter, self.what = name, letter, what
        self.rows: list[dict] = []
        self.rng = random.Random(f"{SEED}:{name}")
        self.skipped = 0


FAMILIES: dict[str, Family] = {}
SEEN: set[str] = set()


def family(name: str, letter: str, what: str) -> Family:
    f = Family(name, letter, what)
    FAMILIES[name] = f
    return f


def emit(f: Family, text: str, labels: dict, context: str | None = None, term: str | None = None,
         noise: bool = True) -> bool:
    text = tidy(text)
    if noise:
        text = perturb(text, f.rng, TAGS.get(f.name, EMOJI))
    k = near_key(text)
    if not k or k in SEEN or avoid_key(text) in AVOID_KEYS:
        f.skipped += 1
        return False
    SEEN.add(k)
    f.rows.append(dict(text=text, context=tidy(context) if context else None,
                       labels=dict(labels), term=term))
    return True


def lines(block: str) -> list[str]:
    return [x.strip() for x in block.strip().splitlines() if x.strip() and not x.strip().startswith("//")]


# ============================================================================ A. identity

# (template, allowed categories or None, excluded term keys, gender to skip)
OR_GEN = {"orientation", "gender"}
NEUTRAL_FRAMES = [
    # self-disclosure
    ("quick intro since i'm new here: 27, {pred}, night-shift nurse, here because the anxiety is back", None, (), None),
    ("for context i'm {pred}, in case that changes the advice at all", None, (), None),
    ("i'm {pred} and honestly it's the least interesting thing about me. ask me about my sourdough instead", None, (), None),
    ("fwiw i'm {pred} too and i went through the exact same thing with my landlord last year", None, (), None),
    ("never mentioned it here before but i'm {pred}. nothing dramatic, just wanted to be fully myself in this space", None, (), None),
    ("being {pred} has shaped how i see the world, mostly in good ways", None, (), None),
    ("i've been {pred} my whole life and i'm still working out what it means to me", {"orientation", "gender", "race", "disability"}, ("man", "woman"), None),
    # coming out (orientation / gender; atheist added below)
    ("told my parents i'm {pred} over sunday lunch. dad passed the gravy and said 'we know, love'. still laughing", OR_GEN, ("man", "woman", "cis", "straight"), None),
    ("came out as {pred} at work today and my manager just asked if i wanted my pronouns added to my email signature", OR_GEN, ("man", "woman", "cis", "straight"), None),
    ("how do i tell my grandma i'm {pred}? she's sweet but she still calls the internet 'the web'", OR_GEN, ("man", "woman", "cis", "straight"), None),
    ("six months out as {pred} and i'm sleeping better than i have in years", OR_GEN, ("man", "woman", "cis", "straight"), None),
    ("my little sister just came out to me as {pred}. i want to get this right, what helped you when you came out?", OR_GEN, ("man", "woman", "cis", "straight", "trans man"), None),
    # belonging / pride
    ("there's a meetup for {plural} in my city and for the first time in ages i didn't feel like the odd one out", None, (), None),
    ("love seeing so many {plural} in this sub, it makes the bad days less lonely", None, (), None),
    ("proud of who i am, and being {pred} is part of that", None, (), None),
    ("my {mod} friends are the reason i got through last winter", CATS - {"age"}, (), None),
    ("finally comfortable in my own skin. {pred}, happy, and done apologising for it", None, (), None),
    # everyday neutral mentions
    ("my coworker is {pred} and she brings in the best homemade snacks every friday", None, ("teenager",), "m"),
    ("new roommate is {a_mod} guy from the uni chess club, seems chill. any tips for setting up a chore rota?", None, ("lesbian", "old", "middle-aged"), "f"),
    ("my partner is {pred} and we just hit seven years together. gift ideas for someone who hates clutter?", None, tuple(NOT_ADULT) + ("boomer",), None),
    ("our neighbours are {a_mod} couple who walk their greyhound past my window at 7am like clockwork", None, ("teenager", "cis", "straight"), None),
    ("my manager is {pred} and genuinely the best boss i've had, she actually listens", None, tuple(NOT_ADULT), "m"),
    ("went to my {mod} mate's birthday last night and ate far too much cake", CATS - {"age"}, (), None),
    ("the guy who runs the corner shop is {pred} and always saves me the last copy of the paper", None, tuple(NOT_ADULT), "f"),
    ("my study partner this term is {pred}, we're both drowning in stats homework lol", None, tuple(ADULT_AGE), None),
    ("my daughter's best friend is {pred} and they've been inseparable since year 3", None, tuple(ADULT_AGE), None),
    # questions about experience
    ("{mod} folks here, how did you find a therapist who actually gets it?", None, ("teenager",), None),
    ("genuine question for {plural}: what's one thing people assume about you that's completely off?", None, (), None),
    ("any {plural} here who get social anxiety at family gatherings? how do you cope", None, (), None),
    ("what was it like growing up {pred}? writing a novel and i don't want to get it wrong", None, ("old", "young", "teenager", "middle-aged", "boomer", "millennial", "man", "woman"), None),
    ("do other {plural} find it harder to make friends after moving cities, or is that just me?", None, (), None),
    # solidarity
    ("{plural} deserve to feel safe walking home at night, full stop", None, (), None),
    ("sending love to every {mod} person reading this, you belong here", None, (), None),
    ("if you're {pred} and having a rough week, my dms are open", None, (), None),
    ("our discord welcomes {plural}, no exceptions and no debate", None, (), None),
    ("basic dignity for {plural} shouldn't even be up for discussion", None, (), None),
    # identity + mental health
    ("{pred} and living with bipolar, which means explaining two things to every new doctor lol", None, (), None),
    ("anyone else here {pred} and dealing with burnout? work has been relentless", None, (), None),
    ("my psychiatrist asked whether being {pred} affects my anxiety. honestly? not really, my commute does", None, (), None),
    ("{a_mod} woman with ptsd here, three years into therapy and finally sleeping through the night", None, ("teenager",), "m"),
    ("being {pred} didn't cause my depression, but meeting other {plural} who understood helped me climb out of it", None, (), None),
    ("i'm {pred} and i've had ocd since i was a kid. just wanted to say this sub helps", None, (), None),
    ("{pred}, 34, recently diagnosed with adhd. any tips for the first few weeks on meds?", None, ("teenager", "young"), None),
]
# coming out as an atheist is common too
ATHEIST_FRAMES = [
    "told my very religious parents i'm an atheist and it went better than i feared",
    "came out as an atheist to my family last christmas and we're still close",
]

ABUSIVE_FRAMES = [
    # dehumanising
    ("{plural} are vermin and should be treated like it", None, (), None),
    ("{plural} aren't people, they're parasites", None, (), None),
    ("{plural} are a cancer on this country", None, (), None),
    ("every {mod} person i meet is subhuman garbage", None, (), None),
    ("{plural} are filthy animals, nothing more", None, (), None),
    # calls for violence / expulsion
    ("round up the {plural} and get them out of this country", None, (), None),
    ("someone should torch every building where {plural} meet", None, (), None),
    ("{plural} should be beaten until they learn their place", None, (), None),
    ("we'd all be better off if {plural} just vanished for good", None, (), None),
    ("kick every last one of the {plural} out, they don't belong anywhere near us", None, (), None),
    ("{plural} shouldn't be allowed to show their faces in public", None, (), None),
    # contemptuous generalisations
    ("{plural} are disgusting, every single one of them", None, (), None),
    ("never trust {plural}, they're all snakes", None, (), None),
    ("i can't stand {plural}. pathetic, the whole lot", None, (), None),
    ("{plural} ruin everything they touch", None, (), None),
    ("being {pred} is disgusting and you should be ashamed of yourself", None, (), None),
    ("nobody wants {plural} around. crawl back under your rock", None, (), None),
    ("ugh, {plural} again. worthless, all of them", None, (), None),
    ("the world would be cleaner without {plural} in it", None, (), None),
]


def build_identity():
    neu = family("identity_neutral", "A",
                 "an identity term in a non-abusive frame: self-disclosure, coming out, pride, everyday mentions, questions, solidarity, identity + mental health")
    ab = family("identity_abusive", "A",
                "the same identity terms in dehumanising, violent/expulsion or contemptuous frames")
    usage_n: Counter = Counter()
    for tpl, cats, excl, no_g in NEUTRAL_FRAMES:
        usable = [t for t in TERMS if compatible(tpl, t, cats, excl, no_g)]
        n = min(len(usable), 25 if cats is None else 11)
        for t in pick_terms(neu.rng, usable, n, usage_n):
            emit(neu, fill(tpl, t), ZERO, term=t["key"])
    for tpl in ATHEIST_FRAMES:
        emit(neu, tpl, ZERO, term="atheist")
    usage_a: Counter = Counter()
    for tpl, cats, excl, no_g in ABUSIVE_FRAMES:
        usable = [t for t in TERMS if compatible(tpl, t, cats, excl, no_g)]
        for t in pick_terms(ab.rng, usable, min(len(usable), 18), usage_a):
            emit(ab, fill(tpl, t), L(b=1), term=t["key"])


# ============================================================================ B. counter-speech

# claims: (template, allowed categories or None, fact-like)
# A fact-like claim is a false generalisation stated as fact; its hateful original gets
# misinformation null (the shared data leaves hate rows unlabelled for that head), the rows
# that condemn it get 0.
CLAIMS = [
    ("{plural} are ruining this country", None, False),
    ("{plural} are all freaks", None, False),
    ("{plural} don't belong here", None, False),
    ("{plural} should go back where they came from", {"race", "nationality", "religion"}, False),
    ("{plural} are disgusting", None, False),
    ("{plural} shouldn't be allowed anywhere near children", {"orientation", "gender", "religion", "nationality"}, False),
    ("{plural} are less than human", None, False),
    ("{plural} are a danger to decent people", None, False),
    ("{plural} are a burden on everyone around them", {"disability", "age", "nationality"}, False),
    ("{plural} are violent by nature", {"race", "religion", "nationality", "gender"}, True),
    ("{plural} are too stupid to hold down real jobs", {"race", "nationality", "disability", "age"}, True),
    ("{plural} are lazy and just leech off everyone else", {"race", "nationality", "disability", "age"}, True),
    ("{plural} are born liars", {"race", "religion", "nationality", "orientation", "gender"}, True),
    ("{plural} are stealing all our jobs", {"nationality", "race"}, True),
    ("{plural} are just confused and need fixing", {"orientation", "gender"}, True),
]

HATE_FRAMES = [
    "{claim}. there, i said it",
    "{claim}, and anyone who disagrees is lying to themselves",
    "honestly {claim}",
    "{claim} and i'm sick of pretending otherwise",
    "let's be real, {claim}",
    "i don't care what anyone says, {claim}",
    "everyone knows {claim}",
    "{claim}. simple as",
    "unpopular opinion but {claim}",
    "{claim}, always have been",
]

# {q} = the claim in quote marks, {claim} = the claim inline (reported speech)
COUNTER_FRAMES = [
    "saw a post today that said {q} and it honestly made me feel sick. that's bigotry, plain and simple",
    "{q} is not an opinion, it's prejudice",
    "my coworker said {claim} at lunch and i told him that's a hateful thing to say",
    "reported a comment that said {q}. hope the mods take it down fast",
    "the claim that {claim} is just a way to make people seem less human. it's false and it's cruel",
    "growing up i heard {q} constantly. took me years to unlearn that garbage",
    "if your take is {q}, please log off and go meet some actual people",
    "please stop upvoting stuff like {q}. it's hate, and {plural} read this sub too",
    "somebody sprayed {q} on the underpass near my flat. a few of us painted over it this morning",
    "my grandad used to say {claim}. i love him, but he was wrong about that",
    "teaching my kids that when someone says {q}, you speak up",
    "generalisations like {q} are exactly how hate gets normalised",
    "a guy on the train was ranting that {claim}. nobody agreed with him and a couple of us told him to stop",
    "can we not pretend {q} is 'just asking questions'? it's dehumanising",
    "people saying {claim} should spend a week volunteering with {plural} before they open their mouths",
    "anyone who tells you {claim} is selling you fear, not facts",
    "the comments under that video are full of {q} and i had to close the app",
    "my teacher used to say {claim} in class and nobody challenged it. i wish i had",
    "i used to believe {claim}. then i actually got to know people and realised how wrong i was",
    "mods, the thread pinned at the top says {q}. that's targeting a whole group, please remove it",
    "hearing my brother say {claim} made me realise how much hate he's been soaking up online",
    "{q}? no. that's a bigoted generalisation, not a fact",
]

QUOTES = [('"', '"'), ("“", "”"), ("'", "'")]

HATE_I = [
    "i hate {plural}",
    "honestly i fucking hate {plural}",
    "i really hate {plural}, always have",
    "i hate {plural} so much it's unreal",
    "i hate {plural} and i won't apologise for it",
]
NEG_I = [
    "i don't hate {plural}, where did you even get that from",
    "nobody in this thread hates {plural}, calm down",
    "i've never hated {plural} and i'm not about to start",
    "i don't hate {plural}. i hate the people who treat them like dirt",
    "i don't hate {plural} lol, my best mate's family would disown me",
]
NEG_FRAMES = [
    ("being {pred} isn't a flaw, and it's nothing to apologise for", None, (), None),
    ("there's no shame in being {pred}", None, (), None),
    ("i have no issue at all with {plural}, never have", None, (), None),
    ("{plural} aren't the enemy. the people stirring up hate against them are the problem", None, (), None),
    ("not a single thing wrong with being {pred}", None, (), None),
    ("{plural} are not a threat to anyone", None, (), None),
    ("you can disagree with me all you want, i'm still not going to hate {plural}", None, (), None),
    ("being {pred} doesn't make someone any less deserving of respect", None, (), None),
    ("no, i don't think {plural} are the problem. never said that", None, (), None),
    ("it's not wrong to be {pred}, whatever your uncle says", None, (), None),
]

DEFEND_CONTEXTS = [
    ("lmao imagine being {pred}, couldn't be me", None),
    ("of course the {mod} one is complaining again", None),
    ("nobody wants to hear from {plural} in this sub", None),
    ("{plural} like you should keep your mouth shut", None),
    ("go cry about being {pred} somewhere else", None),
    ("typical. {plural} always make everything about themselves", None),
]
DEFEND_REPLIES = [
    "hey, not cool. being {pred} isn't something to mock",
    "they shared something personal and you went straight for their identity. that's not ok",
    "{plural} are just as welcome here as anyone else, drop it",
    "reported. this is a support sub, not a place to go after people for being {pred}",
    "mods, this comment is attacking someone for being {pred}, can it come down?",
    "ignore that comment. you're welcome here and what you shared matters",
    "can we not? someone being {pred} has nothing to do with their question",
    "knock it off. being {pred} doesn't make anyone fair game",
    "op, i'm sorry you got that reply. for what it's worth most of us are glad you posted",
]

WITNESS_FRAMES = [
    ("a guy on the tram was screaming at {a_mod} woman to go home. i sat next to her until her stop, she was shaking", None, ("teenager",), "m"),
    ("my son came home upset because kids at school were mocking his friend for being {pred}. how do i raise it with the school?", None, tuple(ADULT_AGE), None),
    ("my manager made jokes about {plural} in a team meeting today. going to hr, this isn't ok", None, (), None),
    ("someone sprayed slurs about {plural} on our community centre. half the street turned out to scrub it off", None, (), None),
    ("my aunt keeps forwarding memes trashing {plural} to the family group chat. how do i push back without a huge fight?", None, (), None),
    ("saw a thread on another site full of people piling on {plural}. reported the worst ones, felt gross reading it", None, (), None),
    ("a kid in my class keeps getting called names for being {pred}. i want to help but i'm scared of becoming the next target", None, tuple(ADULT_AGE), None),
    ("my friend got harassed outside a bar last night for being {pred}. we reported it to the police this morning", None, (), None),
    ("heard two blokes at the gym sneering about {plural}. told them to knock it off and the staff backed me up", None, (), None),
    ("my roommate got a hateful note under the door because she's {pred}. what can we do besides reporting it to the landlord?", None, ("teenager",), "m"),
]

STEREOTYPES = ["angry", "cold", "lazy", "bad with money", "dangerous", "cheap", "weak", "dramatic",
               "untrustworthy", "all the same", "bad drivers", "fragile"]
STEREO_FRAMES = [
    "the stereotype that {plural} are {s} is lazy and just wrong",
    "people assume {plural} are {s}. the ones i know couldn't be more different from each other",
    "no, {plural} aren't {s}. that's a stereotype",
    "wild that people still think {plural} are {s}",
    "stop lumping all {plural} together as {s}, they're individuals",
    "calling {plural} {s} says more about the person saying it than about {plural}",
]


def build_counter():
    cs = family("counter_speech", "B",
                "condemning a quoted or paraphrased hateful claim, reporting hate one witnessed, correcting a stereotype, defending someone being attacked (with the attack as context)")
    neg = family("negation", "B", "negated hate and reassurance: 'i don't hate X', 'no shame in being X'")
    ho = family("hate_original", "B",
                "the hateful claims quoted by counter_speech, stated as the author's own view, and 'i hate X' (matched with negation)")
    # claim x term combos: each gets one hateful original and one or two condemning rows
    usage: Counter = Counter()
    cf_usage: Counter = Counter()
    for ctpl, cats, factlike in CLAIMS:
        usable = [t for t in TERMS if compatible(ctpl, t, cats)]
        for t in pick_terms(ho.rng, usable, min(len(usable), 14), usage):
            claim = fill(ctpl, t)
            hf = ho.rng.choice(HATE_FRAMES)
            emit(ho, hf.replace("{claim}", claim), L(b=1, m=None) if factlike else L(b=1), term=t["key"])
            k = 2 if cs.rng.random() < 0.55 else 1
            frames = sorted(COUNTER_FRAMES, key=lambda f: (cf_usage[f], cs.rng.random()))[:k]
            for fr in frames:
                cf_usage[fr] += 1
                o, c = cs.rng.choice(QUOTES)
                text = fr.replace("{q}", f"{o}{claim}{c}").replace("{claim}", claim).replace("{plural}", t["plural"])
                emit(cs, text, ZERO, term=t["key"])
    # i hate X / i don't hate X
    for t in TERMS:
        emit(ho, ho.rng.choice(HATE_I).replace("{plural}", t["plural"]), L(b=1), term=t["key"])
        emit(neg, neg.rng.choice(NEG_I).replace("{plural}", t["plural"]), ZERO, term=t["key"])
    n_usage: Counter = Counter()
    for tpl, cats, excl, no_g in NEG_FRAMES:
        usable = [t for t in TERMS if compatible(tpl, t, cats, excl, no_g)]
        for t in pick_terms(neg.rng, usable, 16, n_usage):
            emit(neg, fill(tpl, t), ZERO, term=t["key"])
    # defending someone under an attack (the attack is the context)
    d_usage: Counter = Counter()
    for ctx_tpl, _ in DEFEND_CONTEXTS:
        usable = [t for t in TERMS if compatible(ctx_tpl, t)]
        for t in pick_terms(cs.rng, usable, 20, d_usage):
            reply = cs.rng.choice(DEFEND_REPLIES)
            emit(cs, fill(reply, t), ZERO, context=fill(ctx_tpl, t), term=t["key"])
    w_usage: Counter = Counter()
    for tpl, cats, excl, no_g in WITNESS_FRAMES:
        usable = [t for t in TERMS if compatible(tpl, t, cats, excl, no_g)]
        for t in pick_terms(cs.rng, usable, 11, w_usage):
            emit(cs, fill(tpl, t), ZERO, term=t["key"])
    s_usage: Counter = Counter()
    for tpl in STEREO_FRAMES:
        for t in pick_terms(cs.rng, TERMS, 12, s_usage):
            emit(cs, tpl.replace("{plural}", t["plural"]).replace("{s}", cs.rng.choice(STEREOTYPES)), ZERO, term=t["key"])


# ============================================================================ C. violent verbs

HARMLESS_VPS = lines("""
kill a frozen process on linux
kill the weeds growing between my patio slabs
get rid of fruit flies in the kitchen for good
kill time on a nine hour layover
kill the mould on my bathroom ceiling
kill a zombie process that won't die
kill an app that refuses to close on a mac
kill the lights in blender for a night scene
kill the second boss in the sunken temple
kill bacteria on a wooden chopping board
kill a stuck task in windows task manager
kill aphids on my roses without chemicals
kill the hum coming from my guitar amp
kill japanese knotweed in the garden
shoot a three pointer with better form
shoot portraits in low light
shoot a music video on my phone
shoot a short film with basically no budget
shoot a recurve bow as a total beginner
shoot the milky way with a kit lens
shoot a left-handed layup
shoot an email to my professor without sounding rude
shoot clay targets at my first lesson
shoot 4k video on an old iphone
shoot a penalty in fifa so the keeper can't read it
shoot product photos for my etsy shop
hang a heavy mirror on plasterboard
hang curtains without drilling into the wall
hang a hammock between two trees
hang fairy lights in a rented flat
hang floating shelves so they're actually level
hang wallpaper without bubbles
hang a gallery wall of mismatched frames
hang a door that keeps sticking
hang washing to dry indoors in winter
hang my bike on the garage wall
hang a punching bag from a ceiling beam
hang christmas lights along the gutters
hang a tv on a stud wall
cut my own fringe without ruining it
cut an onion without crying
cut a mango into cubes
cut ceramic tiles for the bathroom floor
cut drywall for a new outlet
cut fabric in a straight line
cut my dog's nails when she hates it
cut a clip in premiere without losing audio sync
cut down on caffeine
cut a pineapple
cut glass bottles into candle holders
cut grass that's gotten really long
cut an avocado without slicing my hand
cut a cake into even slices
cut my toddler's hair at home
hammer a nail into brick
hammer tent pegs into rock-hard ground
hammer dents out of a car door
hammer copper into a bowl shape
blow up a balloon without a pump
blow up a photo to poster size without it going blurry
blow up an air mattress with no electric pump
blow up a paddling pool quickly
execute a python script from the terminal
execute a sql query from excel
execute a cron job every five minutes
execute a clean kickflip
execute a stored procedure in postgres
burn a cd on windows 11
burn 500 calories a day just walking
burn an iso to a usb stick
burn a candle so it doesn't tunnel
burn the edges of paper for a scrapbook
burn garden waste legally in the uk
burn a dvd that plays in an old player
drown out my neighbours' music at night
drown out tinnitus so i can sleep
drown out traffic noise while studying
crush garlic without a press
crush ice without a blender
crush my first job interview
crush cans for recycling
crush my 5k time this summer
choke up on a baseball bat
use the choke on an old lawnmower
stab holes in a potato before microwaving it
smash a pinata that won't break
smash a badminton shot from the back court
smash my deadlift pb
beat egg whites to stiff peaks
beat the final boss in hollow knight
beat the traffic into the city on a monday
beat the heat in a flat with no air con
beat my brother at chess for once
bleed a radiator
bleed the brakes on my mountain bike
gut a fish
gut a tiny bathroom and start over
jump start a car with a flat battery
jump higher for volleyball
fire up a charcoal grill without lighter fluid
fire clay pots without a kiln
fire an employee kindly
nuke leftover rice safely
nuke my laptop and reinstall windows
shred chicken quickly
shred old bank statements
slash my grocery bill
slash a sourdough loaf before baking
knock out a wall between the kitchen and lounge
knock out an essay in one night
demolish an old garden shed
destroy old hard drives so the data is gone
stop my basil dying on the windowsill
stop my phone battery dying by lunchtime
dye my hair silver without it going green
keep my sourdough starter from dying
end a conversation politely
end a lease early without getting charged
end a friendship without drama
end an email to my boss
end a long distance relationship kindly
get rid of poison ivy in my garden
bury cables in the garden
bury a time capsule in the yard
attack a tough maths problem
break in new boots
break a bad habit
break the ice at a party where i know nobody
strangle a vine that's taking over the fence
suffocate weeds with cardboard mulch
take out a wasp nest under the shed roof
murder a song at karaoke and still have fun
""")

SELF_VPS = lines("""
hang myself
kill myself
end my life
end it all
cut myself deeper this time
cut myself where nobody will see
overdose on the pills i've been saving
take enough pills to not wake up
shoot myself
jump off a bridge and make sure it works
make my death look like an accident
slit my wrists
die without it hurting
stop existing
drown myself
suffocate myself
hurt myself without leaving marks
burn myself so nobody notices
starve myself until i'm gone
disappear permanently
not wake up tomorrow
end things before my birthday
kill myself without my family finding me
get a gun to end it
step in front of a train
go to sleep and never wake up
hang myself in my room
make the pain stop for good
end my life quietly
kill myself tonight
""")

# (frame, usable with a first-person verb phrase?)
VERB_FRAMES = [
    ("how do i {vp}?", True),
    ("how do you {vp}", False),
    ("best way to {vp}?", True),
    ("what's the easiest way to {vp}", True),
    ("quickest way to {vp}?", True),
    ("any tips on how to {vp}", True),
    ("can someone explain how to {vp}", True),
    ("is there a way to {vp} that actually works", True),
    ("what do i need to {vp}", True),
    ("step by step, how would i {vp}", True),
    ("trying to figure out how to {vp}. any advice?", True),
    ("does anyone know how to {vp}", True),
    ("what's the least painful way to {vp}", True),
    ("need to {vp} tonight, how", True),
    ("tonight i'm finally going to {vp}", True),
    ("this weekend i'm going to {vp}, wish me luck", True),
    ("i've decided i'm going to {vp}", True),
    ("been looking up how to {vp} all evening", True),
    ("i just want to know how to {vp}", True),
    ("ok real question, how do people {vp}", False),
    ("first time trying to {vp}, where do i start", True),
]
PAINLESS_OK = {"cut my dog's nails when she hates it", "break in new boots", "cut my toddler's hair at home",
               "end a long distance relationship kindly", "end a friendship without drama",
               "fire an employee kindly", "take out a wasp nest under the shed roof", "bleed a radiator",
               "get rid of poison ivy in my garden"}
FIRST_PERSON = re.compile(r"\b(my|myself|me|i|i've|i'm)\b")
TIMED = re.compile(r"\b(tonight|tomorrow|this weekend|birthday|never wake up)\b")


def frame_fits(frame: str, vp: str) -> bool:
    """Drop combinations that read badly: a time in both the frame and the verb phrase
    ('need to kill myself tonight tonight'), 'least painful way to die without it hurting'."""
    if TIMED.search(vp) and TIMED.search(frame.replace("{vp}", "")):
        return False
    if TIMED.search(vp) and frame.startswith("tonight"):
        return False
    if "least painful" in frame and ("hurting" in vp or "pain" in vp):
        return False
    return True

FIGURATIVE = lines("""
i'm dying to know what happens in the finale
she absolutely killed it at her recital last night
we crushed it at pub quiz, first place baby
gonna go shoot some hoops before dinner
my phone died halfway through the call, sorry
that joke bombed so hard, nobody laughed
this heatwave is murdering my houseplants
my laptop fan sounds like it's about to explode
the drummer just destroys on track 4 of the new album
lol i butchered that french pronunciation
gonna hang out at the park after class
my boss shot down my idea in the meeting, oh well
we need to kill some time before the movie, coffee?
i nailed the interview!! starting monday
just blew up my old wedding photo for the living room wall
burned a mix cd for my dad's car like it's 2005
i could murder a curry right now
that boss fight destroyed me, 40 attempts
ok who stabbed the butter with a jammy knife
we got slaughtered 5-0, rough night for the fans
this pasta recipe is to die for
my sister's outfit today was killer
we executed the new rota at work and it actually went smoothly
we're cutting it close, the train leaves in 5
my mum's going to kill me when she sees my report card
i'm drowning in laundry this week, send help
ngl i'd kill for a nap right now
blowing off steam at the climbing gym tonight
going to blow up the balloons for my son's party now
just shot my first roll of film, can't wait to see how it came out
my houseplant died again, i'm a plant serial killer lmao
the comedian absolutely killed, i was crying laughing
she shot me a look across the room and i knew i was in trouble
my sourdough starter is dead. rip kevin
we smashed our fundraising target!!
my knees are killing me after that hike
dead tired after the double shift, straight to bed
finally hung the curtains and the room looks so much better
executed my first bash script today, felt like a hacker
burned 600 calories on the bike, legs are jelly
crushed garlic for the sauce, the whole flat smells amazing
drowned out the neighbours with a fan and brown noise, slept like a baby
killed the weeds along the fence with boiling water, worked great
beat my brother at mario kart for the first time in years
the final boss finally died on attempt 23
shot a 78 at golf today, personal best
my team got absolutely demolished in ranked
the car battery died so we jumped it off the neighbour's car
just gutted and cleaned my first fish on the boat trip
this hot sauce nearly killed me, 10/10 would eat again
hanging the new bird feeder this afternoon
i'm dying laughing at this video
we bled the radiators and the house is finally warm
we fired the pots in the kiln today and none of them cracked
sorry for nuking the group chat with memes
that presentation went down in flames but we live and learn
gonna cut my losses and sell the car
took a shot at the new ramen place, not bad at all
he shot his shot and she said yes!
the fireworks were a total blast
the new patch killed my favourite build, devs pls
honestly the dress code at this office is killing me softly lol
our band murdered that cover at the open mic
i'm gonna strangle my printer if it jams one more time
my cat is trying to murder the christmas tree again
hung my first ever painting in a real gallery today!!
i cut my hair short and feel like a new person
the traffic today was absolute torture
my toddler blew up my phone with 40 photos of the ceiling
""")


def build_verbs():
    hv = family("verb_harmless", "C",
                "how-to questions and plans with a violent or destructive verb and a harmless object (kill a process, shoot a portrait, hang curtains, cut a mango, burn a cd ...)")
    fg = family("verb_figurative", "C", "figurative and everyday uses of death and violence verbs")
    sv = family("verb_self_harm", "C",
                "the same question and plan frames aimed at oneself: method-seeking or intent (crisis 1, unsafe_advice 0)")
    # every harmless verb phrase appears in about 7 frames, every self-directed one in about 10
    f_usage: Counter = Counter()
    for vp in HARMLESS_VPS:
        first = bool(FIRST_PERSON.search(vp))
        usable = [f for f, fp in VERB_FRAMES if (fp or not first) and frame_fits(f, vp)
                  and ("least painful" not in f or vp in PAINLESS_OK)]
        usable.sort(key=lambda f: (f_usage[f], hv.rng.random()))
        for f in usable[:6]:
            f_usage[f] += 1
            emit(hv, f.replace("{vp}", vp), ZERO)
    s_usage: Counter = Counter()
    for vp in SELF_VPS:
        usable = [f for f, fp in VERB_FRAMES if fp and frame_fits(f, vp)]
        usable.sort(key=lambda f: (s_usage[f], sv.rng.random()))
        for f in usable[:10]:
            s_usage[f] += 1
            emit(sv, f.replace("{vp}", vp), L(c=1))
    for t in FIGURATIVE:
        emit(fg, t, ZERO)


# ============================================================================ D. helping others

# (person, pronoun set: f / m / t = they / None = any)
HELP_PERSON = [("my best friend", None), ("my girlfriend", "f"), ("my boyfriend", "m"), ("my partner", None),
               ("my son", "m"), ("my daughter", "f"), ("my little brother", "m"), ("my sister", "f"),
               ("my roommate", None), ("a guy in my class", "m"), ("my coworker", None), ("my mum", "f"),
               ("my dad", "m"), ("a friend from online", None), ("my husband", "m"), ("my wife", "f"),
               ("my 15 year old", None), ("one of my students", None), ("my flatmate", None),
               ("my oldest friend", None), ("my cousin", None), ("a girl on my team", "f"),
               ("my nonbinary friend", "t")]
PRONOUNS = {
    "t": dict(sub="they", obj="them", pos="their", refl="themselves", s_ve="they've", s_re="they're", dont="don't", want="want"),
    "f": dict(sub="she", obj="her", pos="her", refl="herself", s_ve="she's", s_re="she's", dont="doesn't", want="wants"),
    "m": dict(sub="he", obj="him", pos="his", refl="himself", s_ve="he's", s_re="he's", dont="doesn't", want="wants"),
}
HELP_SITUATION = [
    "told me {s_ve} been thinking about suicide",
    "has started cutting again",
    "said {sub} {dont} want to be alive anymore",
    "sent me a message last night that read like a goodbye",
    "attempted last month and just came home from hospital",
    "is self-harming and made me promise not to tell anyone",
    "keeps saying everyone would be better off without {obj}",
    "has been giving away {pos} stuff and it's scaring me",
    "admitted {s_ve} been looking up ways to die",
    "has fresh burns on {pos} arm and won't explain them",
    "posted something really dark on {pos} story about ending it",
    "stopped eating and said {sub} just {want} to disappear",
]
HELP_ASK = [
    "what do i even say to {obj}?",
    "how do i get {obj} real help without {obj} hating me?",
    "should i call a crisis line for {obj} or with {obj}?",
    "what should i avoid saying so i don't make it worse?",
    "how do i support {obj} without burning out myself?",
    "do i tell someone even though {sub} asked me not to?",
    "is it ok to ask {obj} straight out if {s_re} thinking of killing {refl}?",
    "how do i convince {obj} to see a doctor?",
    "what can i do tonight to help keep {obj} safe?",
    "how do i check in without being overbearing?",
    "how do i find {obj} a therapist without a six month wait?",
    "is it a police thing or an ambulance thing if it gets bad?",
]
HELP_FRAMES = [
    "{person} {sit}. {ask}",
    "need advice. {person} {sit} and i'm scared. {ask}",
    "throwaway because they know my main. {person} {sit}. {ask}",
    "{ask_cap} {person} {sit}",
    "so {person} {sit}, and i have no idea what i'm doing. {ask}",
]
HELP_HAND = lines("""
if someone tells you they're suicidal, do you leave them alone to calm down or stay with them? my friend just told me and i'm panicking
how do i ask my son if he's self harming without him shutting down completely
my partner's therapist gave us a safety plan. what's actually supposed to go in it?
what number do i call in the uk if a friend is talking about ending their life?
my friend sent me a goodbye text at 2am. i called 999 and she's in hospital now and safe. how do i support her when she's out?
how do you help someone who self harms without making them feel watched all the time
my daughter showed me the cuts on her legs tonight. i stayed calm but i'm falling apart inside. what are the next steps?
what do you say to a friend who says they feel like a burden? i keep saying 'you're not' and it doesn't land
is it true that asking someone directly about suicide is safe? i want to ask my brother but i'm scared
my best mate attempted last year. he's doing better but i still worry every time he goes quiet. how do other people handle that?
does anyone know a good course on suicide first aid for parents?
how do i remove the meds from the house without my teenager feeling punished?
my flatmate keeps hurting herself and the uni support service isn't picking up. who else can i contact?
i found a note in my husband's jacket. he's asleep next to me. who do i call right now?
how do i keep being there for my sister without letting her crisis swallow my whole life?
what helped you most when someone you loved was suicidal? asking because my dad is
my student wrote about wanting to die in her english essay. what's the safeguarding process?
how do i talk to my 12 year old about his friend who died by suicide?
how can i tell if my girlfriend's 'i'm fine' actually means she's fine? she's had a rough year and talked about not wanting to be here
my friend relapsed on self harm and feels ashamed. what can i say so she knows i'm not disappointed?
""")

RECOVERY_TIME = ["two years ago", "back in 2019", "when i was 16", "last spring", "a few years back",
                 "in my second year of uni", "five years ago", "at my lowest, around 2020", "this time last year",
                 "when i was 19"]
RECOVERY_PAST = [
    "i tried to end my life",
    "i was cutting almost every night",
    "i had a plan and a date picked out",
    "i ended up in the psych ward after an overdose",
    "i genuinely didn't think i'd make it to 25",
    "i wrote goodbye letters to my family",
    "i used to burn myself to cope",
    "i spent months wanting to die",
    "i stood on a bridge for an hour deciding",
    "i was self-harming and hiding it from everyone",
]
RECOVERY_TURN = [
    "therapy, meds and a very stubborn best friend got me through",
    "i called a crisis line at 3am and it changed everything",
    "my sister found out and got me to a doctor",
    "a nurse on the ward sat with me and said she'd seen people come back from worse",
    "it took two tries to find the right therapist but the second one was worth it",
    "dbt skills group was boring at first and then it was the thing that worked",
    "i finally told my gp the truth and we made a plan together",
]
RECOVERY_NOW = [
    "today i got my first job offer",
    "i'm 400 days clean today",
    "now i'm training to be a peer support worker",
    "this morning i watched the sunrise with my kid and felt genuinely ok",
    "i'm not fixed, but i'm really glad i'm still here",
    "i just ran my first half marathon",
    "yesterday i laughed so hard at dinner i cried, the good kind",
    "i haven't hurt myself in over a year",
    "i graduated last week and my mum couldn't stop hugging me",
    "i have a dog, a garden and a future i actually want",
]
RECOVERY_FRAMES = [
    "{time} {past}. {turn}. {now}",
    "{now_cap}. {time} {past}, so this feels huge. {turn}",
    "posting this for whoever needs it: {time} {past}. {turn}. {now}",
    "{time} {past}. {now}. if you're where i was, it can change",
]


def build_help():
    ho = family("help_others", "D",
                "asking how to support a friend, partner or child who is suicidal or self-harming, what to say, how to get them help")
    rp = family("recovery_past", "D", "recovery stories in the past tense (crisis 0)")
    rng = ho.rng
    for t in HELP_HAND:
        emit(ho, t, ZERO)
    made, tries = 0, 0
    while made < 260 and tries < 5000:
        tries += 1
        fr = rng.choice(HELP_FRAMES)
        person, g = rng.choice(HELP_PERSON)
        pro = PRONOUNS[g or rng.choice("tfm")]
        ask = rng.choice(HELP_ASK)
        text = (fr.replace("{person}", person).replace("{sit}", rng.choice(HELP_SITUATION))
                .replace("{ask_cap}", ask[0].upper() + ask[1:]).replace("{ask}", ask))
        for k, v in pro.items():
            text = text.replace("{" + k + "}", v)
        made += emit(ho, text, ZERO)
    rng = rp.rng
    made, tries = 0, 0
    while made < 200 and tries < 5000:
        tries += 1
        now = rng.choice(RECOVERY_NOW)
        text = (rng.choice(RECOVERY_FRAMES).replace("{time}", rng.choice(RECOVERY_TIME))
                .replace("{past}", rng.choice(RECOVERY_PAST)).replace("{turn}", rng.choice(RECOVERY_TURN))
                .replace("{now_cap}", now[0].upper() + now[1:]).replace("{now}", now))
        made += emit(rp, text, ZERO)


# ============================================================================ E. insults

INSULT_TARGETS = ["this printer", "my laptop", "the new update", "this tax policy", "that idea", "this plan",
                  "the bus service here", "this game's ending", "windows 11", "my wifi", "monday morning",
                  "this recipe", "the self-checkout machine", "this app", "the new logo", "this season of the show",
                  "the heating in my flat", "this weather", "the ref's decision", "that argument",
                  "the parking at my work", "this spreadsheet", "autocorrect", "my alarm clock",
                  "the school's new phone policy", "this textbook", "the new train timetable", "this font"]
# (said of a thing, said of a person)
INSULTS = [
    ("a useless piece of junk", "a useless piece of junk"),
    ("absolute garbage", "absolute garbage"),
    ("so fucking stupid", "so fucking stupid"),
    ("the dumbest thing i've ever seen", "the dumbest person i've ever met"),
    ("a complete joke", "a complete joke"),
    ("worthless", "worthless"),
    ("pathetic", "pathetic"),
    ("trash", "trash"),
    ("a steaming pile of crap", "a steaming pile of crap"),
    ("braindead", "braindead"),
    ("idiotic", "an idiot"),
    ("a waste of space", "a waste of space"),
    ("hot garbage", "hot garbage"),
    ("so dumb it hurts", "so dumb it hurts"),
    ("an embarrassment", "an embarrassment"),
    ("beyond useless", "beyond useless"),
    ("a total shitshow", "a piece of shit"),
    ("ugly as sin", "ugly as sin"),
]
OBJ_FRAMES = ["{t} is {i}", "honestly {t} is {i}", "god, {t} is {i}", "{t}? {i}. don't bother",
              "ngl {t} is {i}", "i swear {t} is {i}", "{t} is {i} and i'm done pretending it isn't"]
READER_FRAMES = ["you're {p}", "honestly you're {p}", "god, you're {p}", "ngl you're {p}",
                 "i swear you're {p}", "you're {p} and everyone here knows it", "reading your posts, you're {p}",
                 "shut up, you're {p}", "nobody asked. you're {p}", "you are {p}", "wow, you're {p}",
                 "lmao you're {p}", "seriously, you're {p}", "everyone thinks you're {p}, btw"]
READER_CONTEXTS = [
    "posted my first digital drawing, please be gentle",
    "anyone else finding it hard to get out of bed this week?",
    "passed my driving test today!!",
    "here's my desk setup after months of saving up",
    "i think the new tax policy is unfair to renters",
    "my printer ate my essay an hour before the deadline",
    "started therapy this week, feeling hopeful",
    "what's everyone's go-to comfort meal?",
    "just finished my first 10k, slow but i did it",
    "does anyone else get anxious before phone calls?",
]
PROFANITY = lines("""
fuck, forgot my keys again
shit shit shit, missed the last bus
holy fuck that concert was incredible
oh for fuck's sake, it's raining again
damn, this coffee is strong
fucking finally, my visa got approved
well shit, guess i'm walking home
bloody hell it's cold this morning
what the fuck is going on with the weather this week
hell yeah, passed my exam
ugh, shit day, but it's over now
goddamn this song goes hard
fuck yes!! we got the flat
crap, i think i left the oven on
dammit, burnt the toast again
holy shit my cat just opened the door by herself
what the hell, the shop closed early
fuck me, that was a long shift
shit happens, moving on
christ on a bike, that hill was steep
son of a bitch, stubbed my toe on the bed frame
fucking hell my back hurts
ah shit, here we go again
oh hell no, there's a spider in the shower
holy crap the view from the top was unreal
bugger, missed the deadline by an hour
well that meeting was a shitshow lol
shit, is it friday already?
fuckin love this weather
damn that's a good sandwich
my fucking wifi died again
this fucking traffic honestly
ffs the dishwasher is leaking again
omfg i got the internship
shit, i just realised i double booked saturday
""")
EXCL = ["fuck", "shit", "damn", "ugh fuck", "holy shit", "fucking hell", "oh shit", "goddammit", "bloody hell", "ffs"]
SITS = ["i forgot my lunch at home", "the train's cancelled again", "i just spilled coffee on my keyboard",
        "my exam got moved to tomorrow", "i locked myself out", "the wifi is down again", "i got the job",
        "we won the match", "the cat knocked my plant over", "i overslept", "the cake actually rose",
        "my flight's delayed four hours", "i dropped my phone in the sink", "it's snowing in april"]


def build_insults():
    ui = family("untargeted_insult", "E",
                "insults aimed at objects, ideas and situations, and profanity aimed at nobody (bullying 0)")
    ri = family("reader_insult", "E", "the same insults aimed at the reader, some as replies (bullying 1)")
    rng = ui.rng
    made, tries = 0, 0
    while made < 150 and tries < 5000:
        tries += 1
        ins = rng.choice(INSULTS)[0]
        text = rng.choice(OBJ_FRAMES).replace("{t}", rng.choice(INSULT_TARGETS)).replace("{i}", ins)
        made += emit(ui, text, ZERO)
    for t in PROFANITY:
        emit(ui, t, ZERO)
    made, tries = 0, 0
    while made < 40 and tries < 2000:
        tries += 1
        made += emit(ui, f"{rng.choice(EXCL)}, {rng.choice(SITS)}", ZERO)
    rng = ri.rng
    made, tries = 0, 0
    while made < 160 and tries < 5000:
        tries += 1
        p = rng.choice(INSULTS)[1]
        text = rng.choice(READER_FRAMES).replace("{p}", p)
        ctx = rng.choice(READER_CONTEXTS) if rng.random() < 0.45 else None
        made += emit(ri, text, L(b=1), context=ctx)


# ============================================================================ build

def main(argv: list[str]) -> int:
    if SYNTHETIC.exists():
        with SYNTHETIC.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    SEEN.add(near_key(json.loads(line)["text"]))
    pre = len(SEEN)
    build_identity()
    build_counter()
    build_verbs()
    build_help()
    build_insults()

    errors = []
    first: dict[str, str] = {}
    out_rows = []
    for name, fam in FAMILIES.items():
        if len(fam.rows) < MIN_ROWS:
            errors.append(f"family {name} has only {len(fam.rows)} rows")
        for i, r in enumerate(fam.rows):
            for h in HEADS:
                if r["labels"].get(h, "missing") not in (0, 1, None):
                    errors.append(f"{name}: no 0/1/null label for {h}: {r['text']!r}")
            k = dup_key(r["text"])
            if k in first:
                errors.append(f"duplicate text in {first[k]} and {name}: {r['text']!r}")
            first[k] = name
            out_rows.append({
                "id": f"contrast:{name}:{i}",
                "source": "contrast",
                "text": r["text"],
                "context": r["context"],
                "labels": {h: r["labels"][h] for h in HEADS},
                "meta": {"family": name, "term": r["term"]},
            })
    if errors:
        print("\n".join(errors[:50]), file=sys.stderr)
        sys.exit(f"error: {len(errors)} problem(s), nothing written")

    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for row in out_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    print(f"{'family':20} {'set':3} {'rows':>5} {'ctx':>4} {'skip':>5}  " + "  ".join(f"{h[:6]:>11}" for h in HEADS))
    for name, fam in FAMILIES.items():
        cells = []
        for h in HEADS:
            v = [r["labels"][h] for r in fam.rows]
            cells.append(f"{v.count(1):>4}/{v.count(0):>4}/{v.count(None):>1}")
        ctx = sum(r["context"] is not None for r in fam.rows)
        print(f"{name:20} {fam.letter:3} {len(fam.rows):5} {ctx:4} {fam.skipped:5}  " + "  ".join(f"{c:>11}" for c in cells))
    print(f"total rows: {len(out_rows)}  (pos/neg/null per head; skip = duplicates, synthetic.jsonl overlaps or brief examples; {pre} synthetic texts checked)")
    print(f"{'head':15} {'pos':>5} {'neg':>5} {'null':>5}")
    for h in HEADS:
        v = [r["labels"][h] for r in out_rows]
        print(f"{h:15} {v.count(1):5} {v.count(0):5} {v.count(None):5}")
    by_letter: Counter = Counter(FAMILIES[r["meta"]["family"]].letter for r in out_rows)
    print("per set: " + ", ".join(f"{k} {v}" for k, v in sorted(by_letter.items())))

    if "--terms" in argv:
        per: dict[str, Counter] = {}
        for r in out_rows:
            t = r["meta"]["term"]
            if t is not None:
                per.setdefault(t, Counter())[(r["meta"]["family"], r["labels"]["bullying"])] += 1
        print(f"{'term':16} {'A neu':>5} {'A ab':>5} {'B 0':>5} {'B 1':>5}")
        for t in TERMS:
            c = per.get(t["key"], Counter())
            b0 = c[("counter_speech", 0)] + c[("negation", 0)]
            print(f"{t['key']:16} {c[('identity_neutral', 0)]:5} {c[('identity_abusive', 1)]:5} {b0:5} "
                  f"{c[('hate_original', 1)]:5}")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
