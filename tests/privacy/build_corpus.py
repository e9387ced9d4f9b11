#!/usr/bin/env python3
"""Generate the labelled PII evaluation corpus (tests/privacy/corpus.jsonl).

Every row is built from hand-written templates; every personal detail in it is
invented (random digits, common first names, common or made-up street names).
Nothing comes from real people's data.

Run from the repository root:  python3 tests/privacy/build_corpus.py
The output is byte-identical on every run (fixed seed, no time or dict-order
dependence).  Stdlib only, Python 3.11.
"""

import json
import os
import random
import re
import sys

SEED = 20261201
rng = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus.jsonl")


# ---------------------------------------------------------------------------
# checksums and validity rules
# ---------------------------------------------------------------------------

def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "IE": 22,
            "BE": 16, "PL": 28, "AT": 20, "PT": 25, "CH": 21}


def iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) != IBAN_LEN.get(s[:2], -1):
        return False
    return iban_numeric(s[4:] + s[:4]) % 97 == 1


def iban_make(country: str, bban: str) -> str:
    check = 98 - iban_numeric(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


def ssn_ok(ssn: str) -> bool:
    d = re.sub(r"[ -]", "", ssn)
    if not re.fullmatch(r"\d{9}", d):
        return False
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    return area not in (0, 666) and area < 900 and group != 0 and serial != 0


NINO_BAD_FIRST = set("DFIQUV")
NINO_BAD_SECOND = set("DFIOQUV")
NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(nino: str) -> bool:
    s = nino.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", s):
        return False
    return (s[0] not in NINO_BAD_FIRST and s[1] not in NINO_BAD_SECOND
            and s[:2] not in NINO_BAD_PREFIX)


TEST_CARDS = {"4111111111111111", "4242424242424242", "5555555555554444", "378282246310005"}


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

def digits(n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def pick(seq):
    return rng.choice(seq)


def chance(p: float) -> bool:
    return rng.random() < p


FIRST = ["jake", "maddie", "sam", "priya", "liam", "chloe", "tom", "aisha", "dylan", "emma",
         "marco", "lena", "sofia", "tyler", "niamh", "kayla", "ravi", "jonas", "lea", "mateo",
         "yuki", "ben", "hannah", "connor", "zara", "josh", "amber", "kieran", "molly", "dev",
         "ellie", "finn", "jess", "nadia", "oscar", "rosie", "sean", "tasha", "will", "bex"]
LAST = ["m", "k", "smith", "jones", "obrien", "patel", "nguyen", "garcia", "muller", "rossi",
        "dubois", "kowalski", "walsh", "murphy", "lee", "brown", "taylor", "evans", "khan", "silva"]
HE = ["jake", "sam", "liam", "tom", "dylan", "marco", "tyler", "ravi", "jonas", "mateo",
      "ben", "connor", "josh", "kieran", "dev", "finn", "oscar", "sean", "will"]
SHE = ["maddie", "priya", "chloe", "aisha", "emma", "lena", "sofia", "niamh", "kayla", "lea",
       "yuki", "hannah", "zara", "amber", "molly", "ellie", "jess", "nadia", "rosie", "tasha", "bex"]


# ---------------------------------------------------------------------------
# PII generators
# ---------------------------------------------------------------------------

EMAIL_DOMAINS = ["gmail.com", "outlook.com", "hotmail.co.uk", "hotmail.com", "yahoo.com",
                 "icloud.com", "protonmail.com", "proton.me", "web.de", "gmx.de", "orange.fr",
                 "libero.it", "live.ie", "aol.com", "btinternet.com", "yahoo.co.uk", "mail.ru",
                 "outlook.es", "ziggo.nl", "bigpond.com"]


def email_local() -> str:
    f, l = pick(FIRST), pick(LAST)
    style = rng.randrange(6)
    if style == 0:
        return f"{f}.{l}"
    if style == 1:
        return f"{f}{l}{rng.randrange(70, 100)}"
    if style == 2:
        return f"{f}_{l}{rng.randrange(1, 30)}"
    if style == 3:
        return f"{f}{rng.randrange(1990, 2012)}"
    if style == 4:
        return f"{pick(ADJ)}{pick(NOUN)}{rng.randrange(1, 999)}"
    return f"{f[0]}{l}.{rng.randrange(10, 99)}"


def email_plain() -> str:
    return f"{email_local()}@{pick(EMAIL_DOMAINS)}"


def email_obfuscated() -> str:
    local = email_local()
    name, _, tld = pick(EMAIL_DOMAINS).partition(".")
    style = rng.randrange(6)
    if style == 0:
        return f"{local} at {name} dot {tld.replace('.', ' dot ')}"
    if style == 1:
        return f"{local} [at] {name} [dot] {tld.replace('.', ' [dot] ')}"
    if style == 2:
        return f"{local}(at){name}(dot){tld.replace('.', '(dot)')}"
    if style == 3:
        return f"{local} @ {name} . {tld.replace('.', ' . ')}"
    if style == 4:
        return f"{local} AT {name} DOT {tld.replace('.', ' DOT ')}"
    return f"{local} {{at}} {name} {{dot}} {tld.replace('.', ' {dot} ')}"


# --- phones ------------------------------------------------------------------

US_AREAS = ["212", "312", "415", "617", "646", "718", "202", "213", "305", "404", "512",
            "720", "206", "773", "347", "929", "503", "602", "702", "919"]
CA_AREAS = ["416", "604", "514", "403", "613", "647", "778", "905", "780", "902"]


def nanp_exchange() -> str:
    while True:
        ex = str(rng.randrange(2, 10)) + digits(2)
        if ex != "555" and ex[1:] != "11":
            return ex


def phone_nanp(areas) -> str:
    a, e, s = pick(areas), nanp_exchange(), digits(4)
    fmt = rng.randrange(8)
    return [f"({a}) {e}-{s}", f"{a}-{e}-{s}", f"{a}.{e}.{s}", f"+1 {a} {e} {s}",
            f"{a}{e}{s}", f"1-{a}-{e}-{s}", f"+1 ({a}) {e}-{s}", f"{a} {e} {s}"][fmt]


def gb_mobile_digits() -> str:
    while True:
        d = "07" + pick("12345789") + digits(8)
        if not d.startswith("07700900"):
            return d


def phone_gb_mobile() -> str:
    d = gb_mobile_digits()
    fmt = rng.randrange(6)
    return [f"{d[:5]} {d[5:]}", f"+44 {d[1:5]} {d[5:]}", f"0044 {d[1:5]} {d[5:]}", d,
            f"+44{d[1:]}", f"{d[:5]} {d[5:8]} {d[8:]}"][fmt]


def phone_gb_landline() -> str:
    if chance(0.5):
        while True:
            rest = "7" + digits(3)
            if rest != "7946":
                break
        tail = digits(4)
        return pick([f"020 {rest} {tail}", f"+44 20 {rest} {tail}", f"(020) {rest} {tail}",
                     f"020{rest}{tail}"])
    code = pick(["0161", "0113", "0121", "0141", "0117", "0131", "0114", "0151"])
    while True:
        mid = str(rng.randrange(2, 10)) + digits(2)
        if mid != "496":
            break
    tail = digits(4)
    return pick([f"{code} {mid} {tail}", f"+44 {code[1:]} {mid} {tail}", f"{code}-{mid}-{tail}",
                 f"({code}) {mid}{tail}"])


def phone_ie() -> str:
    p = "08" + pick("3456789")
    a, b = digits(3), digits(4)
    return pick([f"{p} {a} {b}", f"+353 {p[1:]} {a} {b}", f"{p}{a}{b}", f"{p}-{a}-{b}",
                 f"00353 {p[1:]} {a}{b}"])


def phone_au() -> str:
    if chance(0.6):
        p = "04" + pick("0123578") + digits(1)
        a, b = digits(3), digits(3)
        return pick([f"{p} {a} {b}", f"+61 {p[1:]} {a} {b}", f"{p}{a}{b}", f"+61{p[1:]}{a}{b}"])
    area = pick(["2", "3", "7", "8"])
    a, b = pick("6789") + digits(3), digits(4)
    return pick([f"(0{area}) {a} {b}", f"0{area} {a} {b}", f"+61 {area} {a} {b}"])


def phone_de() -> str:
    kind = rng.randrange(3)
    if kind == 0:
        sub = pick("2345689") + digits(7)
        return pick([f"+49 30 {sub}", f"030 {sub}", f"030/{sub}", f"+49 (0)30 {sub}",
                     f"030 {sub[:4]} {sub[4:]}"])
    if kind == 1:
        pre = pick(["0151", "0152", "0157", "0160", "0176", "0162", "0172", "0173"])
        sub = digits(8) if pre not in ("0160", "0162") else digits(7)
    else:
        pre = pick(["0171", "0170", "0175"])
        sub = digits(7)
    return pick([f"{pre} {sub}", f"+49 {pre[1:]} {sub}", f"{pre}/{sub}", f"{pre}-{sub}",
                 f"{pre}{sub}", f"0049 {pre[1:]} {sub}"])


def phone_fr() -> str:
    while True:
        d = pick(["06", "07"]) + digits(8)
        if d[:2] == "07" and d[2] not in "3456789":
            continue
        if d.startswith("063998"):
            continue
        break
    g = [d[i:i + 2] for i in range(0, 10, 2)]
    return pick([" ".join(g), ".".join(g), d, "+33 " + d[1] + " " + " ".join(g[1:]),
                 "+33" + d[1:], "-".join(g)])


def phone_es() -> str:
    d = pick("67") + digits(8) if chance(0.2) else "6" + digits(8)
    if d[0] == "7":
        d = "7" + pick("1234") + d[2:]
    return pick([f"{d[:3]} {d[3:6]} {d[6:]}", f"+34 {d[:3]} {d[3:6]} {d[6:]}", d,
                 f"{d[:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"+34{d}"])


def phone_it() -> str:
    p = pick(["320", "328", "333", "338", "339", "340", "345", "347", "348", "349", "366",
              "370", "380", "388", "389", "391", "392"])
    a, b = digits(3), digits(4)
    return pick([f"{p} {a} {b}", f"+39 {p} {a} {b}", f"{p}{a}{b}", f"{p}-{a}{b}",
                 f"+39 {p} {a}{b}", f"0039 {p} {a} {b}"])


def phone_nl() -> str:
    sub = pick("12345") + digits(7)
    return pick([f"06-{sub}", f"06 {sub}", f"+31 6 {sub}", f"06{sub}", f"+316{sub}",
                 f"06 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}"])


def phone_in() -> str:
    d = pick("9876") + digits(9)
    return pick([f"+91 {d[:5]} {d[5:]}", f"+91-{d}", f"0{d}", f"{d[:5]} {d[5:]}", f"+91{d}",
                 f"+91 {d[:3]} {d[3:6]} {d[6:]}"])


def phone_br() -> str:
    ddd = pick(["11", "21", "31", "41", "51", "61", "71", "81", "85", "19"])
    a, b = "9" + pick("6789") + digits(3), digits(4)
    return pick([f"+55 {ddd} {a}-{b}", f"({ddd}) {a}-{b}", f"+55 ({ddd}) {a}-{b}",
                 f"{ddd} {a} {b}", f"+55{ddd}{a}{b}"])


def phone_jp() -> str:
    p = pick(["090", "080", "070"])
    a, b = str(rng.randrange(1, 10)) + digits(3), digits(4)
    return pick([f"{p}-{a}-{b}", f"+81 {p[1:]}-{a}-{b}", f"{p}{a}{b}", f"{p} {a} {b}",
                 f"+81 {p[1:]} {a} {b}"])


def phone_mx() -> str:
    area = pick(["55", "33", "81"])
    a, b = str(rng.randrange(1, 10)) + digits(3), digits(4)
    return pick([f"+52 {area} {a} {b}", f"{area} {a} {b}", f"+52 1 {area} {a} {b}",
                 f"+52{area}{a}{b}", f"({area}) {a}-{b}"])


def phone_za() -> str:
    p = pick(["082", "083", "084", "072", "073", "071", "076", "079", "060", "061"])
    a, b = digits(3), digits(4)
    return pick([f"{p} {a} {b}", f"+27 {p[1:]} {a} {b}", f"{p}{a}{b}", f"{p}-{a}-{b}"])


def phone_nz() -> str:
    p = pick(["021", "022", "027", "029"])
    a, b = str(rng.randrange(2, 10)) + digits(2), digits(4)
    return pick([f"{p} {a} {b}", f"+64 {p[1:]} {a} {b}", f"{p}{a}{b}", f"{p}-{a}-{b}"])


PHONE_GEN = {
    "phone_us": lambda: phone_nanp(US_AREAS), "phone_ca": lambda: phone_nanp(CA_AREAS),
    "phone_gb_mobile": phone_gb_mobile, "phone_gb_landline": phone_gb_landline,
    "phone_ie": phone_ie, "phone_au": phone_au, "phone_de": phone_de, "phone_fr": phone_fr,
    "phone_es": phone_es, "phone_it": phone_it, "phone_nl": phone_nl, "phone_in": phone_in,
    "phone_br": phone_br, "phone_jp": phone_jp, "phone_mx": phone_mx, "phone_za": phone_za,
    "phone_nz": phone_nz,
}

DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def phone_spaced() -> str:
    d = gb_mobile_digits() if chance(0.5) else pick(US_AREAS) + nanp_exchange() + digits(4)
    sep = pick([" ", " ", "  ", " . ", "-"])
    return sep.join(d)


def phone_words() -> str:
    if chance(0.55):
        d = gb_mobile_digits()
        groups = [d[:5], d[5:8], d[8:]]
    else:
        d = pick(US_AREAS) + nanp_exchange() + digits(4)
        groups = [d[:3], d[3:6], d[6:]]
    zero = pick(["oh", "zero", "o"])
    words = [" ".join(zero if c == "0" else DIGIT_WORDS[int(c)] for c in g) for g in groups]
    return pick([", ", " ", " - ", " .. "]).join(words)


# --- addresses and postcodes -------------------------------------------------

US_STREETS = ["Maple", "Oak", "Cedar", "Elm", "Pine", "Washington", "Lincoln", "Park", "Lake",
              "Hillcrest", "Sunset", "Highland", "Willow", "Jefferson", "Franklin", "Walnut",
              "Chestnut", "Madison", "Magnolia", "Ridge"]
US_NUMBERED = ["45th", "3rd", "12th", "W 45th", "E 81st", "2nd", "N 5th", "S 9th"]
US_SUFFIX = ["Avenue", "Ave", "St", "Street", "Road", "Rd", "Drive", "Dr", "Blvd", "Lane",
             "Ct", "Way", "Place"]
UK_STREETS = ["Elm", "Church", "Victoria", "Station", "Mill", "Park", "Queens", "Albert",
              "Manor", "Grove", "Windsor", "Beech", "Kings", "Oxford", "Springfield", "Ash",
              "Chapel", "Highfield", "Brook", "York"]
UK_SUFFIX = ["Road", "Lane", "Street", "Avenue", "Close", "Crescent", "Drive", "Gardens",
             "Terrace", "Way", "Rd", "St"]
DE_STREETS = ["Hauptstraße", "Lindenstraße", "Schillerstraße", "Goethestraße", "Bahnhofstraße",
              "Gartenweg", "Bergstraße", "Kastanienallee", "Schulstraße", "Waldweg",
              "Rosenstraße", "Schönhauser Allee", "Birkenweg", "Am Markt", "Hauptstr."]
FR_STREETS = ["rue de la Paix", "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Voltaire",
              "rue des Lilas", "place de la République", "rue du Moulin", "chemin des Vignes",
              "rue Pasteur", "avenue de la Gare"]
ES_STREETS = ["Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real",
              "Calle del Sol", "Paseo de Gracia", "Calle Luna", "Calle de la Paz", "Gran Vía"]
IT_STREETS = ["Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante", "Piazza Verdi",
              "Via Mazzini", "Viale dei Mille", "Via Cavour", "Corso Vittorio Emanuele"]
NL_STREETS = ["Keizersgracht", "Prinsengracht", "Dorpsstraat", "Kerkstraat", "Molenweg",
              "Stationsweg", "Julianalaan", "Herengracht", "Nieuwstraat"]
IE_STREETS = ["Main Street", "Church Road", "O'Connell Street", "Parnell Square",
              "Griffith Avenue", "Pearse Street", "Green Road"]
CA_STREETS = ["King St W", "Queen St E", "Yonge St", "Granville St", "Robson St",
              "Bloor St W", "Dundas St", "Rue Sainte-Catherine"]


def addr_us() -> str:
    num = str(rng.randrange(1, 9999))
    if chance(0.25):
        street = f"{pick(US_NUMBERED)} {pick(['St', 'Street', 'Ave'])}"
    else:
        street = f"{pick(US_STREETS)} {pick(US_SUFFIX)}"
    s = f"{num} {street}"
    if chance(0.3):
        s += pick([f" Apt {rng.randrange(1, 40)}{pick('ABCD')}", f" #{rng.randrange(1, 300)}",
                   f" Unit {rng.randrange(1, 20)}", f", Apt {rng.randrange(1, 12)}"])
    return s


def addr_uk() -> str:
    s = f"{rng.randrange(1, 220)} {pick(UK_STREETS)} {pick(UK_SUFFIX)}"
    if chance(0.25):
        s = pick([f"Flat {rng.randrange(1, 30)}, ", f"Flat {rng.randrange(1, 9)}{pick('ABC')}, ",
                  f"{rng.randrange(1, 9)}a "]) + s
    return s


def addr_de() -> str:
    n = str(rng.randrange(1, 180)) + (pick("ab") if chance(0.15) else "")
    return f"{pick(DE_STREETS)} {n}"


def addr_fr() -> str:
    n = str(rng.randrange(1, 150)) + (" bis" if chance(0.1) else "")
    return f"{n} {pick(FR_STREETS)}"


def addr_es() -> str:
    s = f"{pick(ES_STREETS)}{pick([' ', ', '])}{rng.randrange(1, 120)}"
    if chance(0.25):
        s += f", {rng.randrange(1, 8)}º {pick('ABCD')}"
    return s


def addr_it() -> str:
    return f"{pick(IT_STREETS)}{pick([' ', ', '])}{rng.randrange(1, 200)}"


def addr_nl() -> str:
    return f"{pick(NL_STREETS)} {rng.randrange(1, 400)}{pick(['', '', 'A', '-2', ' hs', '-III'])}"


def addr_ie() -> str:
    return f"{rng.randrange(1, 120)} {pick(IE_STREETS)}"


def addr_ca() -> str:
    return f"{rng.randrange(1, 2500)} {pick(CA_STREETS)}"


ADDR_GEN = {"us": addr_us, "uk": addr_uk, "de": addr_de, "fr": addr_fr, "es": addr_es,
            "it": addr_it, "nl": addr_nl, "ie": addr_ie, "ca": addr_ca}

UK_AREAS = [("Leeds", "LS", 1, 29), ("Manchester", "M", 1, 50), ("London", "SW", 1, 20),
            ("London", "E", 1, 18), ("London", "N", 1, 22), ("Bristol", "BS", 1, 16),
            ("Belfast", "BT", 1, 17), ("Glasgow", "G", 1, 46), ("Cardiff", "CF", 10, 24),
            ("Sheffield", "S", 1, 14), ("Birmingham", "B", 1, 45), ("Nottingham", "NG", 1, 11),
            ("Edinburgh", "EH", 1, 17), ("Liverpool", "L", 1, 38), ("Newcastle", "NE", 1, 15)]
UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def pc_uk():
    city, area, lo, hi = pick(UK_AREAS)
    code = f"{area}{rng.randrange(lo, hi + 1)} {rng.randrange(0, 10)}{pick(UK_INWARD)}{pick(UK_INWARD)}"
    assert re.fullmatch(r"[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}", code)
    return city, code


US_CITIES = [("San Francisco, CA", "941"), ("Brooklyn, NY", "112"), ("Chicago, IL", "606"),
             ("Boston, MA", "021"), ("Austin, TX", "787"), ("Seattle, WA", "981"),
             ("Denver, CO", "802"), ("Atlanta, GA", "303"), ("Portland, OR", "972"),
             ("Columbus, OH", "432"), ("Phoenix, AZ", "850"), ("Miami, FL", "331")]


def pc_us():
    city, pre = pick(US_CITIES)
    z = pre + f"{rng.randrange(1, 60):02d}"
    if chance(0.25):
        z += "-" + digits(4)
    return city, z


def pc_de():
    city, pre = pick([("Berlin", "10"), ("Berlin", "12"), ("Hamburg", "20"), ("Hamburg", "22"),
                      ("München", "80"), ("München", "81"), ("Köln", "50"), ("Leipzig", "04"),
                      ("Frankfurt am Main", "60")])
    return city, pre + f"{rng.randrange(100, 999)}"


def pc_fr():
    city, pre, lo, hi = pick([("Paris", "750", 1, 20), ("Lyon", "6900", 1, 9),
                              ("Marseille", "130", 1, 16), ("Toulouse", "3100", 0, 0),
                              ("Lille", "5900", 0, 0)])
    n = rng.randrange(lo, hi + 1)
    return city, (pre + f"{n:02d}" if len(pre) == 3 else pre + str(n))


def pc_es():
    city, pre, hi = pick([("Madrid", "280", 55), ("Barcelona", "080", 42), ("Valencia", "460", 26),
                          ("Sevilla", "410", 20)])
    return city, pre + f"{rng.randrange(1, hi + 1):02d}"


def pc_it():
    city, pre, lo, hi = pick([("Roma", "001", 18, 99), ("Milano", "201", 21, 62),
                              ("Napoli", "801", 21, 47), ("Torino", "101", 21, 56),
                              ("Bologna", "401", 21, 41)])
    return city, pre + f"{rng.randrange(lo, hi + 1):02d}"


NL_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def pc_nl():
    city, lo, hi = pick([("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089),
                         ("Utrecht", 3511, 3585), ("Den Haag", 2491, 2599)])
    while True:
        letters = pick(NL_LETTERS) + pick(NL_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            break
    return city, f"{rng.randrange(lo, hi + 1)} {letters}"


EIR = "ACDEFHKNPRTVWXY0123456789"


def pc_ie():
    city, key = pick([("Dublin", f"D{rng.randrange(1, 25):02d}"), ("Dublin", "D6W"),
                      ("Cork", "T12"), ("Cork", "T23"), ("Galway", "H91"), ("Limerick", "V94")])
    uid = pick("ACDEFHKNPRTVWXY") + "".join(pick(EIR) for _ in range(3))
    return city, f"{key} {uid}"


CA_LET = "ABCEGHJKLMNPRSTVWXYZ"


def pc_ca():
    city, first = pick([("Toronto ON", "M"), ("Vancouver BC", "V"), ("Montreal QC", "H"),
                        ("Ottawa ON", "K"), ("Calgary AB", "T")])
    code = f"{first}{rng.randrange(1, 10)}{pick(CA_LET)} {rng.randrange(0, 10)}{pick(CA_LET)}{rng.randrange(0, 10)}"
    return city, code


PC_GEN = {"us": pc_us, "uk": pc_uk, "de": pc_de, "fr": pc_fr, "es": pc_es, "it": pc_it,
          "nl": pc_nl, "ie": pc_ie, "ca": pc_ca}
PC_WORD = {"us": ["zip", "zip code", "ZIP"], "uk": ["postcode", "post code"],
           "de": ["PLZ", "postcode", "postleitzahl"], "fr": ["code postal", "postcode", "cp"],
           "es": ["código postal", "CP", "postcode"], "it": ["CAP", "cap", "postcode"],
           "nl": ["postcode"], "ie": ["eircode", "Eircode"], "ca": ["postal code"]}


def full_address(country, lower=False):
    """Parts list for street + city + postcode in the country's usual order."""
    street = ADDR_GEN[country]()
    city, pc = PC_GEN[country]()
    if lower:
        street, city, pc = street.lower(), city.lower(), pc.lower() if chance(0.5) else pc
    A, P = ("street_address", street), ("postcode", pc)
    if country == "us":
        return [A, (None, f", {city} "), P]
    if country in ("uk", "ie"):
        return [A, (None, f", {city} " if chance(0.7) else f", {city}, "), P]
    if country == "ca":
        return [A, (None, f", {city} "), P]
    return [A, (None, ", "), P, (None, f" {city}")]


# --- ids, finance, network ---------------------------------------------------

def ssn() -> str:
    while True:
        area = rng.randrange(1, 900)
        if area == 666:
            continue
        g, s = rng.randrange(1, 100), rng.randrange(1, 10000)
        d = f"{area:03d}{g:02d}{s:04d}"
        if d in ("078051120", "219099999", "123456789"):
            continue
        break
    return pick([f"{d[:3]}-{d[3:5]}-{d[5:]}"] * 3 + [f"{d[:3]} {d[3:5]} {d[5:]}", d])


NINO_FIRST = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in NINO_BAD_FIRST]
NINO_SECOND = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in NINO_BAD_SECOND]


def nino() -> str:
    while True:
        p = pick(NINO_FIRST) + pick(NINO_SECOND)
        if p not in NINO_BAD_PREFIX:
            break
    d = digits(6)
    sfx = pick("ABCD")
    return pick([f"{p} {d[:2]} {d[2:4]} {d[4:]} {sfx}", f"{p}{d}{sfx}", f"{p} {d} {sfx}",
                 f"{p}{d[:2]} {d[2:4]} {d[4:]}{sfx}"])


def card() -> str:
    kind = rng.randrange(5)
    if kind <= 1:
        num = luhn_complete("4" + digits(14))
    elif kind == 2:
        num = luhn_complete(str(rng.randrange(51, 56)) + digits(13))
    elif kind == 3:
        num = luhn_complete(str(rng.randrange(2221, 2721)) + digits(11))
    else:
        num = luhn_complete(pick(["34", "37"]) + digits(12))
    if num in TEST_CARDS:
        return card()
    if len(num) == 15:
        return pick([f"{num[:4]} {num[4:10]} {num[10:]}", num, f"{num[:4]}-{num[4:10]}-{num[10:]}"])
    g = [num[i:i + 4] for i in range(0, 16, 4)]
    return pick([" ".join(g), " ".join(g), "-".join(g), num])


def iban() -> str:
    c = pick(sorted(IBAN_LEN))
    if c == "GB":
        bban = pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]) + digits(14)
    elif c == "IE":
        bban = pick(["AIBK", "BOFI", "IPBS"]) + digits(14)
    elif c == "NL":
        bban = pick(["INGB", "ABNA", "RABO", "SNSB", "TRIO"]) + digits(10)
    elif c == "IT":
        bban = pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + digits(22)
    elif c == "BE":
        ten = digits(10)
        k = int(ten) % 97 or 97
        bban = ten + f"{k:02d}"
    else:
        bban = digits(IBAN_LEN[c] - 4)
    s = iban_make(c, bban)
    assert len(s) == IBAN_LEN[c]
    if chance(0.65):
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


IP_FIRST = [81, 82, 86, 90, 92, 94, 95, 109, 151, 176, 178, 185, 188, 212, 217, 24, 50, 67, 68,
            71, 73, 98, 104, 142, 174, 31, 37, 46, 62, 77, 79, 84, 87, 89, 93]
V6_PREFIX = ["2a02:c7f", "2a00:23c8", "2a01:4b00", "2600:1700", "2601:646", "2a02:8108",
             "2a01:cb00", "2406:3003", "2a02:6b8", "2607:fb90"]


def ipv4() -> str:
    return f"{pick(IP_FIRST)}.{rng.randrange(0, 256)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


def ipv6() -> str:
    g = lambda: f"{rng.randrange(0, 65536):x}"
    pre = pick(V6_PREFIX)
    if chance(0.5):
        return f"{pre}:{g()}:{g()}:{g()}:{g()}:{g()}:{g()}"
    return f"{pre}:{g()}::{g()}:{g()}"


CITIES_GEO = [(51.5074, -0.1278), (40.7128, -74.0060), (48.8566, 2.3522), (52.5200, 13.4050),
              (53.4808, -2.2426), (41.8781, -87.6298), (34.0522, -118.2437), (-33.8688, 151.2093),
              (53.3498, -6.2603), (40.4168, -3.7038), (41.9028, 12.4964), (52.3676, 4.9041),
              (43.6532, -79.3832), (-36.8485, 174.7633), (19.4326, -99.1332), (-23.5505, -46.6333),
              (35.6762, 139.6503), (55.9533, -3.1883), (53.8008, -1.5491), (47.6062, -122.3321)]


def geo() -> str:
    la, lo = pick(CITIES_GEO)
    la += rng.uniform(-0.05, 0.05)
    lo += rng.uniform(-0.05, 0.05)
    n = rng.randrange(3, 7)
    sla, slo = f"{la:.{n}f}", f"{lo:.{n}f}"
    fmt = rng.randrange(6)
    if fmt == 0:
        return f"{sla}, {slo}"
    if fmt == 1:
        return f"{sla},{slo}"
    if fmt == 2:
        return (f"{abs(la):.{n}f}° {'N' if la >= 0 else 'S'}, "
                f"{abs(lo):.{n}f}° {'E' if lo >= 0 else 'W'}")
    if fmt == 3:
        return f"lat {sla} lon {slo}"
    if fmt == 4:
        return f"({sla}, {slo})"
    return f"{sla} {slo}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(d: int) -> str:
    suf = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suf}"


def some_date(y0, y1):
    return rng.randrange(y0, y1 + 1), rng.randrange(1, 13), rng.randrange(1, 29)


def fmt_date(y, m, d) -> str:
    fmt = rng.randrange(10)
    mon = MONTHS[m - 1]
    return [f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{m:02d}/{d:02d}/{y}",
            f"{mon} {ordinal(d)} {y}", f"{d} {mon} {y}", f"{d:02d}.{m:02d}.{y}",
            f"{mon[:3]} {d}, {y}", f"{d}-{m}-{y}", f"{d}/{m}/{str(y)[2:]}",
            f"{ordinal(d)} of {mon.lower()} {y}"][fmt]


def dob() -> str:
    return fmt_date(*some_date(1962, 2011))


ADJ = ["sad", "lil", "quiet", "lost", "tired", "dark", "soft", "angry", "broken", "sleepy",
       "anxious", "cold", "empty", "small", "grey"]
NOUN = ["girl", "boi", "moth", "fox", "ghost", "bean", "wolf", "cat", "star", "kid", "frog",
        "raven", "panda", "cloud"]


def handle_name() -> str:
    style = rng.randrange(5)
    f = pick(FIRST)
    if style == 0:
        return f"{f}_{pick(LAST)[0]}{rng.randrange(80, 100)}"
    if style == 1:
        return f"{pick(ADJ)}{pick(NOUN)}{rng.randrange(1, 100)}"
    if style == 2:
        return f"{f}.{pick(LAST)}"
    if style == 3:
        return f"{pick(['throwaway', 'ta', 'alt'])}_{rng.randrange(100, 99999)}"
    return f"{pick(ADJ)}_{f}{pick(['', 'x', 'xx', '_'])}"


def handle() -> str:
    n = handle_name()
    if chance(0.35):
        return "u/" + n.replace(".", "_")
    return "@" + n


def profile_link(site=None) -> str:
    slug = handle_name()
    if site is None:
        site = rng.randrange(8)
    path = [f"facebook.com/{slug}", f"instagram.com/{slug}", f"twitter.com/{slug.replace('.', '_')}",
            f"x.com/{slug.replace('.', '_')}", f"tiktok.com/@{slug}",
            f"linkedin.com/in/{slug.replace('.', '-').replace('_', '-')}",
            f"reddit.com/user/{slug.replace('.', '_')}",
            f"facebook.com/profile.php?id=1000{digits(11)}"][site]
    pre = pick(["", "", "www.", "https://", "https://www.", "http://", "m."])
    if pre == "m." and site not in (0, 7):
        pre = "https://www."
    return pre + path


# ---------------------------------------------------------------------------
# templates: {name} placeholders.  PII slots: the names in SLOT; others are fillers.
# ---------------------------------------------------------------------------

SLOT = {"phone": "phone", "email": "email", "addr": "street_address", "pc": "postcode",
        "ssn": "ssn", "nino": "uk_nino", "card": "payment_card", "iban": "iban",
        "ip": "ip_address", "geo": "geo_coordinates", "dob": "date_of_birth",
        "handle": "user_handle", "link": "profile_link", "phone2": "phone",
        "link_fb": "profile_link", "link_ig": "profile_link", "link_tw": "profile_link",
        "link_tt": "profile_link", "link_li": "profile_link", "link_rd": "profile_link"}

OPEN = ["", "", "", "", "ok so ", "idk ", "pls ", "honestly ", "ugh ", "ngl ", "hey ", "so yeah ",
        "update: ", "i'm not ok. ", "can't sleep. ", "sorry if this is the wrong place but ",
        "tw. ", "not gonna lie ", "help. ", "throwaway bc reasons. ", "day 3 of no sleep. ",
        "i don't even know why i'm posting this but ", "mods pls don't delete, ", "ok. ",
        "this is so embarrassing but ", "i need someone. "]
CLOSE = ["", "", "", "", " pls", " 🙏", " thx", " 😭", " 💔", " ty", " idk what else to do",
         " pls hurry", " 🥺", " x", " ...", " lmk", " i can't do this anymore", " sorry",
         " im so tired", " 😔", " no judgement pls", " srsly", " ❤️", " anyone??", " !!"]


CTX = {
    "own": ["i've been awake for two days.", "my parents kicked me out.", "i took too many and i'm scared.",
            "i don't want to be alone tonight.", "nobody irl knows how bad it is.", "i can't stop shaking.",
            "i just need a person.", "my therapist is on holiday.", "i relapsed again.",
            "i'm 17 and i have no one.", "i've been clean 40 days but tonight is bad.",
            "i'm new here.", "i don't trust the phone lines.", "everyone i know has given up on me.",
            "i'm stuck in my room.", "sorry for the mess of a post.", "i'm not asking for money, just a friend."],
    "other": ["she hasn't posted since friday.", "he's been stalking me for months.",
              "she said goodbye in the group chat.", "he ruined my life.", "she stopped answering at 2am.",
              "he's done this to other girls too.", "i'm worried sick about her.",
              "he threatened me again.", "she's only 16.", "the police won't do anything.",
              "my best friend is in a really bad place.", "she blocked everyone but me.",
              "he posted my pics everywhere.", "i think she's going to do something.",
              "everyone deserves to know what he did.", "i can't get there myself."],
    "none": ["i don't want to give my address out.", "no one has my number anymore.",
             "i deleted my number from everything.", "my therapist said to post this.",
             "i moved flats last month.", "not dming anyone tonight.", "my phone is nearly dead.",
             "i was in hospital for 2 weeks.", "i changed my number after the breakup.",
             "the mods said numbers are fine to share if they're helplines.",
             "i'm three months clean.", "i'm 23 and still figuring it out.",
             "my street is so loud at night.", "i don't have anyone's number to call.",
             "someone dm'd me asking for my address, i said no.", "we moved house in year 9."],
}


def typo(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def style_filler(s: str) -> str:
    if chance(0.12):
        words = s.split(" ")
        j = rng.randrange(len(words))
        words[j] = typo(words[j])
        s = " ".join(words)
    return s


def render(template: str, values: dict):
    """Turn a template into a list of parts (kind or None, text)."""
    parts = []
    for i, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if i % 2 == 0:
            if piece:
                parts.append((None, piece))
        else:
            v = values[piece]
            if isinstance(v, list):
                parts.extend(v)
            elif piece in SLOT:
                parts.append((SLOT[piece], v))
            else:
                parts.append((None, v))
    return parts


def assemble(parts):
    op, cl = pick(OPEN), pick(CLOSE)
    parts = [(None, op)] + parts + [(None, cl)]
    text, findings = "", []
    cap = chance(0.25)
    for k, t in parts:
        if k is None:
            t = style_filler(t)
            if cap and not text and t:
                t = t[0].upper() + t[1:]
            text += t
        else:
            # matches of t in the text so far, plus this one
            occ = sum(1 for _ in re.finditer(re.escape(t), text)) + 1
            text += t
            f = {"kind": k, "text": t}
            if occ > 1:
                f["occurrence"] = occ
            findings.append(f)
    # collapse doubled spaces from empty pieces, unless a finding itself has them
    if not any("  " in t for k, t in parts if k):
        text = re.sub(r"  +", " ", text)
    return text.strip(), findings


# --- per-kind templates ------------------------------------------------------

T = {}
T["phone"] = {
    "own": ["text me at {phone}", "my number is {phone}", "call me {phone} i can't do this alone tonight",
            "if anyone wants to talk my cell is {phone}", "dm me or just text {phone}",
            "my new number: {phone}", "{phone} is my whatsapp, message me",
            "can someone ring me? {phone}", "my mobile's {phone} if u want to check in",
            "i'm scared, please call me on {phone}", "add me on signal {phone}",
            "i don't have anyone. here is my number {phone}", "whatsapp me {phone} i'm awake",
            "my phone {phone}, i'll pick up i promise", "if i stop replying call {phone}",
            "ring me on {phone} after 9", "you can text me anytime {phone}",
            "telegram/whatsapp: {phone}", "cell {phone} (texts only, calls give me anxiety)"],
    "other": ["her number is {phone}", "here's his number, make his life hell: {phone}",
              "call my ex on {phone} and tell him what he did",
              "please someone check on her, her phone is {phone}", "his mum's number {phone}",
              "this is the guy who hurt me, {phone}, spam him", "{Name}'s cell: {phone}",
              "my friend {Name} went quiet, her number is {phone} can someone call",
              "got my abuser's new number {phone}", "found his work phone {phone} lol",
              "my sister isn't answering, her mobile is {phone}", "he keeps texting me from {phone}",
              "everyone call {phone} and tell her what you think of her",
              "this number {phone} belongs to the guy who groomed my cousin",
              "my dad's number is {phone}, he said he'd kill himself", "his new cell {phone} fyi",
              "{Name} gave me her number {phone} and now she won't pick up",
              "my roommate's number is {phone}, she locked herself in"],
}
T["email"] = {
    "own": ["my email is {email}", "email me {email} i check it more than dms",
            "if u dont wanna post here, {email}", "reach me at {email}",
            "my school email {email} pls dont share", "write to me: {email}",
            "{email} is my email if anyone wants to be pen pals",
            "my email {email} — i'm too anxious for calls", "send it to {email}",
            "you can email me at {email}, i answer at night", "contact: {email}",
            "i made a new email just for this: {email}"],
    "other": ["her email is {email}", "his email {email} flood it",
              "this is the creep's email: {email}", "my ex uses {email}, report him",
              "{Name}'s personal email is {email}", "he messaged me from {email}",
              "her work email is {email}, tell her boss what she did",
              "the guy harassing me uses {email}", "my stepdad's email {email}",
              "found her email {email} on an old forum", "{Name} emails me from {email}"],
}
T["addr"] = {
    "own": ["i live on {addr}", "i'm scared, my address is {addr}",
            "i'm at {addr} if someone can send help", "come get me i'm at {addr}",
            "my flat is {addr}", "i just moved to {addr} and i don't know anyone",
            "i'm home alone at {addr}", "send the pizza to {addr} lol i haven't eaten",
            "my place is {addr}, door's unlocked", "i'm sitting outside {addr} rn"],
    "other": ["please someone check on her, she lives at {addr}", "he lives at {addr}",
              "his address is {addr} go visit", "my ex moved to {addr}",
              "{Name} is staying at {addr} with her dad", "found where he lives: {addr}",
              "her house is {addr}, she's not answering", "the guy who did it lives on {addr}",
              "my friend's at {addr} and she took pills", "his parents live at {addr}"],
}
T["fulladdr"] = {
    "own": ["i'm at {fulladdr}, please send someone", "my address is {fulladdr}",
            "i live at {fulladdr} and i'm so scared", "come find me, {fulladdr}",
            "if anything happens i'm at {fulladdr}", "my new place: {fulladdr}",
            "can someone send an ambulance to {fulladdr}", "address is {fulladdr} if u want to send a card",
            "i'm staying at {fulladdr} for now"],
    "other": ["she lives at {fulladdr}, please someone check on her",
              "his address: {fulladdr}. do what you want with it", "{Name} lives at {fulladdr}",
              "my ex is at {fulladdr} now", "here's where he lives {fulladdr}",
              "her family's house is {fulladdr}", "the landlord lives at {fulladdr}, go tell him",
              "my friend is at {fulladdr} and not answering the door"],
}
T["pc"] = {
    "own": ["my {pcword} is {pc}, is there a crisis team near me",
            "i'm in {city} {pc}, which gp do i go to", "i live in {city}, {pcword} {pc}",
            "{pcword} {pc} ({city}) — any therapists nearby?", "i'm near {city} {pc}, anyone local?",
            "my {pcword} {pc}, {city}, can someone find a food bank"],
    "other": ["she lives around {city} {pc}", "his {pcword} is {pc} in {city}",
              "he moved to {city}, {pcword} {pc}", "her {pcword} is {pc}, {city}",
              "{Name} lives in {city} {pc}", "the guy is somewhere in {city} {pc}"],
}
T["ssn"] = {
    "own": ["my ssn is {ssn} is that bad that i posted it", "they asked for my social {ssn} on the form",
            "social security number {ssn}, idk if the hospital needs it",
            "i think someone stole my identity, my ssn is {ssn}", "my SSN: {ssn}",
            "the medicaid lady needs my ss# {ssn}"],
    "other": ["his ssn is {ssn}", "here's her social: {ssn}", "leaked: {Name}'s SSN {ssn}",
              "my mom's social is {ssn}, she used mine so i'll use hers",
              "his social security number is {ssn} lol ruin him", "{Name}'s ssn {ssn}"],
}
T["nino"] = {
    "own": ["my NI number is {nino}", "my national insurance number {nino} for the pip form",
            "ni no. {nino}, do i need it for universal credit?", "my NINO is {nino}",
            "national insurance: {nino} — is that safe to give the job centre"],
    "other": ["her NI number {nino}", "his NINO is {nino} report him to the dwp lol",
              "{Name}'s national insurance number is {nino}", "my ex's ni number {nino}",
              "found his national insurance no {nino} in the letters"],
}
T["card"] = {
    "own": ["my card is {card} someone please order me food i haven't eaten in days",
            "card number {card} exp 09/27", "can someone book the train for me, my card {card}",
            "i gave the scammer my card {card} oh god", "my debit card {card}, pls help me pay for the meds"],
    "other": ["here's his card {card} go wild", "my mum's card {card}",
              "stole her card details {card}", "{Name}'s credit card is {card}",
              "his card number {card}, spend it all", "my dad left his card {card} out"],
}
T["iban"] = {
    "own": ["my iban {iban} if anyone can help with rent", "you can send it to {iban}",
            "iban: {iban}, any amount helps", "my bank is {iban} thank u so much",
            "for the fundraiser my IBAN is {iban}"],
    "other": ["his bank: {iban}", "her IBAN is {iban}", "{Name}'s iban {iban}",
              "the scammer's account {iban}, report it", "my ex's iban {iban} he owes me"],
}
T["ip"] = {
    "own": ["my ip is {ip}", "mods my ip {ip} got banned by mistake", "my ip address {ip} if that helps",
            "i'm posting from {ip} pls unban", "whatismyip says {ip}"],
    "other": ["his IP {ip}", "traced her ip: {ip}", "the troll's ip is {ip}",
              "{Name} posts from {ip}", "got his ip address {ip} from discord",
              "the account harassing me logs in from {ip}"],
}
T["geo"] = {
    "own": ["my location {geo} come find me", "i'm at {geo}, i can't walk anymore",
            "dropped pin {geo}", "i'm on the bridge, {geo}", "my coords {geo}",
            "if i don't answer, i'm at {geo}"],
    "other": ["he lives at {geo}", "her house is at {geo}", "coords of his place: {geo}",
              "{Name} is at {geo} right now", "found her on snap map: {geo}",
              "his car is parked at {geo}"],
}
T["dob"] = {
    "own": ["i was born {dob}", "DOB: {dob}", "my birthday is {dob} and nobody remembered",
            "b. {dob}", "date of birth {dob}", "i was born on {dob} so i'm legally an adult",
            "dob {dob}, does the clinic need it", "born {dob}, still feel 12",
            "my bday is {dob} lol"],
    "other": ["she was born on {dob}", "his dob is {dob}", "{Name} (born {dob}) is missing",
              "her birthday {dob}", "his date of birth is {dob}", "{Name}, dob {dob}",
              "my brother was born {dob}", "she's only a kid, born {dob}"],
}
T["handle"] = {
    "own": ["my insta is {handle}", "add me on snap {handle}", "dm me, i'm {handle}",
            "i'm {handle} on tiktok if u want to talk", "my main is {handle}",
            "follow me {handle}, i post recovery stuff"],
    "other": ["ask {handle} he posted her address", "{handle} is the one who's been sending me threats",
              "everyone report {handle}", "pls check on {handle}, her last post scared me",
              "{handle} said he'd kill himself tonight can mods do something",
              "{handle} keeps messaging me", "this is {handle}, the guy who leaked my nudes",
              "has anyone heard from {handle}? she's gone quiet", "{handle} is my ex, block him",
              "can someone dm {handle}, she's not ok"],
}
T["link"] = {
    "own": ["my fb is {link_fb}", "add me {link}", "here's my insta {link_ig}", "{link} that's me",
            "my page {link}", "follow me {link_tt} i need friends", "my twitter is {link_tw}, dm open",
            "my reddit {link_rd}, check my posts if u want to know me", "add me on fb {link_fb} pls",
            "this is me on insta {link_ig}, i don't bite"],
    "other": ["this is his facebook {link_fb}", "her insta {link_ig}, go comment",
              "found her linkedin {link_li}", "{link} — this is the guy", "his profile {link}",
              "{Name}'s page {link} tell her what you think", "my abuser's account {link}",
              "his tiktok {link_tt} he posts from his school", "her twitter {link_tw}, she's been posting goodbyes",
              "the guy's reddit {link_rd}, mods please look", "her fb {link_fb}, her mum is on there",
              "email his boss, his linkedin is {link_li}"],
}

COMBO = {
    "combo_phone_email": {
        "own": ["text me {phone} or email {email}", "my number {phone}, email {email}",
                "{email} / {phone}, either is fine", "call {phone} or write to {email} if i don't answer"],
        "other": ["her number {phone} and email {email}", "his phone {phone}, his email {email}",
                  "{Name}: {phone}, {email}", "here's his contact info {phone} {email} go nuts"]},
    "combo_handle_addr": {
        "own": [],
        "other": ["{handle} lives at {fulladdr}", "{handle}'s address is {fulladdr}",
                  "doxxed: {handle} = {fulladdr}", "{handle} is at {fulladdr} right now, someone check"]},
    "combo_handle_phone": {
        "own": [],
        "other": ["{handle}'s number is {phone}", "{handle} real number {phone}, spam it",
                  "ask {handle}, her phone is {phone}", "{handle} gave out his cell {phone}"]},
    "combo_dob_addr": {
        "own": ["born {dob}, live at {fulladdr}", "my dob is {dob} and my address {fulladdr}"],
        "other": ["{Name}, born {dob}, lives at {fulladdr}", "she was born {dob} and lives at {addr}",
                  "his dob {dob}, address {addr}"]},
    "combo_link_phone": {
        "own": ["{link} or text {phone}", "add me {link}, my cell {phone}"],
        "other": ["his facebook {link_fb} and his number {phone}", "{link} — her phone is {phone}",
                  "her insta {link_ig}, cell {phone}"]},
    "combo_ids": {
        "own": ["ssn {ssn} dob {dob}", "my NI number {nino}, born {dob}", "my social {ssn}, card {card}"],
        "other": ["his ssn {ssn}, born {dob}", "her NI no {nino}, dob {dob}",
                  "{Name}'s card {card} and ssn {ssn}"]},
    "combo_ip_geo": {
        "own": ["my ip {ip} and i'm at {geo}"],
        "other": ["his ip {ip} resolves to {geo}", "her ip is {ip}, location {geo}",
                  "traced {ip} to {geo}"]},
    "combo_dossier": {
        "own": ["i'm at {addr}, my number is {phone}, email {email} if i don't pick up",
                "if anyone can come: {fulladdr}, text {phone} when ur outside",
                "my details for the food parcel: {fulladdr}, {phone}",
                "dm or text {phone}, i live at {addr}, i'm {handle} on insta"],
        "other": ["{Name}: {phone}, {email}, lives at {fulladdr}",
                  "{handle} irl: {phone}, {fulladdr}. go get him",
                  "her number {phone}, her email {email}, her address {addr}. she deserves it",
                  "his full info — {fulladdr}, born {dob}, {phone}",
                  "doxx thread: {handle}, {link}, {phone}",
                  "please someone check on her, she's at {fulladdr}, her phone is {phone}"]},
    "combo_card_addr": {
        "own": ["card {card}, billing address {addr}"],
        "other": ["her card {card} billing address {addr}", "his card {card}, he lives at {addr}"]},
}


def make_values(kind_group: str, whose: str):
    name = pick(SHE if chance(0.6) else HE)
    v = {"Name": name if chance(0.5) else name.capitalize()}
    if kind_group.startswith("phone_"):
        v["phone"] = PHONE_GEN.get(kind_group, {"phone_spaced": phone_spaced,
                                               "phone_words": phone_words}.get(kind_group))()
    else:
        v["phone"] = None
    v["email"] = email_obfuscated() if kind_group == "email_obfuscated" else email_plain()
    country = {"address_us": "us", "address_uk": "uk"}.get(
        kind_group, pick(["us", "uk", "de", "fr", "es", "it", "nl", "ie", "ca"]))
    if kind_group == "address_eu":
        country = pick(["de", "fr", "es", "it", "nl"])
    if v["phone"] is None:
        # mostly a phone of the address's country, sometimes any country
        local = {"us": ["phone_us"], "uk": ["phone_gb_mobile", "phone_gb_landline"],
                 "de": ["phone_de"], "fr": ["phone_fr"], "es": ["phone_es"], "it": ["phone_it"],
                 "nl": ["phone_nl"], "ie": ["phone_ie"], "ca": ["phone_ca"]}[country]
        v["phone"] = PHONE_GEN[pick(local if chance(0.75) else sorted(PHONE_GEN))]()
    lower = chance(0.3)
    a = ADDR_GEN[country]()
    v["addr"] = a.lower() if lower else a
    v["fulladdr"] = full_address(country, lower)
    pcc = pick(["us", "uk", "de", "fr", "es", "it", "nl", "ie", "ca"])
    v["city"], v["pc"] = PC_GEN[pcc]()
    v["pcword"] = pick(PC_WORD[pcc])
    v["ssn"], v["nino"], v["card"], v["iban"] = ssn(), nino(), card(), iban()
    v["ip"] = ipv6() if kind_group == "ip_v6" else ipv4() if kind_group == "ip_v4" else (
        ipv4() if chance(0.6) else ipv6())
    v["geo"], v["dob"], v["handle"], v["link"] = geo(), dob(), handle(), profile_link()
    v["link_fb"] = profile_link(pick([0, 7]))
    v["link_ig"] = profile_link(1)
    v["link_tw"] = profile_link(pick([2, 3]))
    v["link_tt"] = profile_link(4)
    v["link_li"] = profile_link(5)
    v["link_rd"] = profile_link(6)
    return v


POS_PLAN = [
    ("email_plain", "email", 32), ("email_obfuscated", "email", 26),
    ("phone_us", "phone", 12), ("phone_ca", "phone", 8), ("phone_gb_mobile", "phone", 12),
    ("phone_gb_landline", "phone", 8), ("phone_ie", "phone", 8), ("phone_au", "phone", 8),
    ("phone_de", "phone", 9), ("phone_fr", "phone", 8), ("phone_es", "phone", 7),
    ("phone_it", "phone", 7), ("phone_nl", "phone", 7), ("phone_in", "phone", 7),
    ("phone_br", "phone", 7), ("phone_jp", "phone", 7), ("phone_mx", "phone", 6),
    ("phone_za", "phone", 6), ("phone_nz", "phone", 6), ("phone_spaced", "phone", 9),
    ("phone_words", "phone", 9),
    ("address_us", "addr", 14), ("address_uk", "addr", 14), ("address_eu", "addr", 16),
    ("address_postcode", "fulladdr", 50), ("postcode_city", "pc", 30),
    ("ssn", "ssn", 36), ("uk_nino", "nino", 36), ("payment_card", "card", 36),
    ("iban", "iban", 38), ("ip_v4", "ip", 24), ("ip_v6", "ip", 16), ("geo", "geo", 36),
    ("date_of_birth", "dob", 40), ("user_handle", "handle", 36), ("profile_link", "link", 36),
]
POS_PLAN += [(g, g, n) for g, n in [("combo_phone_email", 20), ("combo_handle_addr", 14),
                                     ("combo_handle_phone", 12), ("combo_dob_addr", 12),
                                     ("combo_link_phone", 12), ("combo_ids", 14),
                                     ("combo_ip_geo", 10), ("combo_card_addr", 8),
                                     ("combo_dossier", 30)]]


# ---------------------------------------------------------------------------
# negatives
# ---------------------------------------------------------------------------

NEG_OPEN = ["", "", "", "just a reminder, ", "fwiw ", "ok so ", "honestly ", "psa: ", "ngl ",
            "update: ", "sorry for the long post, ", "idk if this helps but ", "hey. ",
            "to anyone reading this at 3am, ", "week 2 update: ", "not sure where else to post. "]
NEG_CLOSE = ["", "", "", " 🙏", " ❤️", " x", " dm me if you just want to vent", " you're not alone",
             " stay safe", " hugs", " 💙", " ty all", " it gets better i promise", " lol",
             " anyway", " sending love"]

RESOURCE_NUMS = ["988", "116 123", "116123", "116 123", "988"]
RESOURCE_T = [
    "please call {r} if you need to talk, they helped me", "if you're in the US you can call or text {r} any time",
    "i finally called {r} last night. it wasn't scary", "the number is {r}, it's free",
    "uk and ireland: {r}, free, 24/7, they don't judge", "i rang {r} three times this week",
    "save this number: {r}. put it in your phone", "my therapist made me put {r} in my contacts",
    "if the waitlist is months, {r} is there in the meantime",
    "{r} — that's the number the mods pinned", "i called {r} and a real person answered",
    "pls pls ring {r}, and dm me after so i know you're ok",
    "the website findahelpline.com has numbers for other countries, or dial {r}",
    "988lifeline.org has a chat too if phoning {r} is too much",
    "samaritans.org says you can also email them, or call {r}",
    "my mum's number is blocked but {r} always picks up", "dialled {r} from the hospital car park",
    "if you can't talk, {r} still listens", "i'm a volunteer on {r}, we're not scary",
]
RESOURCE_FIXED = [
    "988 Suicide & Crisis Lifeline: call or text 988", "Samaritans: call 116 123 (free, 24/7)",
    "Samaritans Ireland, call 116 123 (free, 24/7), they got me through last winter",
    "the bot replied with call or text 988 and honestly i did", "the mods' sticky says call 116 123 (free, 24/7)",
    "call or text 988 if you're in the states. please.", "us: call or text 988. uk/ie: call 116 123. elsewhere: findahelpline.com",
    "i called the 988 lifeline and the lady stayed on with me for an hour",
    "https://988lifeline.org or just call or text 988", "https://www.samaritans.org — or call 116 123",
    "https://findahelpline.com has a free, confidential helpline in your country",
    "the samaritans number 116 123 doesn't show up on your phone bill",
]
HELPLINE_NUMS = [
    "988", "116 123", "741741", "911", "999", "112", "000", "111", "1-800-273-8255",
    "1-800-273-TALK", "85258", "13 11 14", "1-833-456-4566", "0800 1111", "1-800-668-6868",
    "50808", "1737", "1800 55 1800", "0800 58 58 58", "116 111", "0800 543 354",
    "1-800-799-7233", "0808 2000 247", "111 option 2",
]
HELPLINE_ACTS = [
    "text HOME to 741741", "text SHOUT to 85258", "text 50808", "call or text 1737",
    "call or text 988", "call 999", "dial 911", "ring 13 11 14", "call 0800 1111", "phone 112",
    "call 000", "text 988", "call 1-833-456-4566", "call 1-800-668-6868 or text CONNECT to 686868",
]
HELPLINE_T = [
    "if you're in danger call {h}", "{h} is free and they're kind", "i called {h} and the ambulance came",
    "the crisis number here is {h}", "texting {h} helped me more than i expected",
    "please ring {h} tonight instead of being alone", "my gp gave me {h} to call",
    "in an emergency it's {h}", "you can reach {h} anytime, no credit needed",
    "i hung up on {h} twice before i talked. that's ok", "the number {h} works from any phone",
    "i keep {h} on a post-it by my bed", "when i was 15 i called {h} from a payphone",
    "my number isn't important, {h} is", "don't dm me your number, call {h} please",
    "they gave me the number {h} at a&e", "call {h} before you do anything",
    "the police came after i rang {h}", "{h} — write it on your hand if you have to",
]
ACT_T = [
    "if you can't talk out loud, {a}", "please {a} tonight", "{a}, it's free",
    "i had to {a} last week and i'm still here", "you can {a} even with no credit",
    "mods pinned it: {a}", "honestly just {a}, they won't judge", "before you do anything {a}",
    "my friend told me to {a} and i'm glad i did", "{a}. then dm me so i know you're safe",
]
PRICES = ["$1,299.99", "£40", "12.50€", "2500 rupees", "€85", "$180", "£9.99", "$45.60", "£1,150",
          "R350", "¥3000", "A$90", "$20", "£120", "€1.200", "$3,400", "£2.50", "₹800", "$0.99",
          "CA$75", "£600", "$65 copay", "€29,90", "£14.99/month", "300 dollars", "1500 pesos"]
PRICE_T = [
    "can't afford therapy at {p} a session", "my copay went up to {p}", "rent is {p} and i'm behind",
    "the meds are {p} without insurance", "spent {p} on takeaway this week bc i couldn't cook",
    "the ambulance bill was {p}", "someone offered to lend me {p}, should i take it",
    "the app wants {p} for premium lol no", "i owe my dealer {p}", "my phone bill is {p}",
    "the private psych quoted {p}", "i found a sliding scale place, {p} per visit",
    "i've saved {p} towards moving out", "my dad sends {p} a month and makes me feel awful about it",
]
NEG_TIME_T = [
    "it's {t} and i still can't sleep", "my shift ends at {t}", "took my meds at {t}",
    "the crisis team said they'd call back by {t}", "i have to be at the clinic at {t}",
    "woke up at {t} with my heart racing again", "group meets at {t} on thursdays",
    "he said he'd text at {t} and he didn't", "last dose was {t}", "alarm set for {t}",
    "my appointment got moved to {t}", "the bus at {t} is the last one home",
]
NEG_DATE_T = [
    "on {d} i relapsed", "clean since {d}", "my appointment is {d}", "i've been on the waitlist since {d}",
    "my dad died on {d}", "court date is {d}", "my last day at work was {d}",
    "first therapy session {d}, wish me luck", "i was discharged on {d}", "started sertraline {d}",
    "the referral letter is dated {d}", "we broke up {d} and i still can't eat",
    "move-in date {d}", "my exam is {d} and i can't focus", "one year sober on {d}!!",
]
VERSIONS = ["v2.3.1", "iOS 17.4.1", "Python 3.11.4", "build 22631.3007", "Android 14",
            "version 5.12.0 (4021)", "firmware 10.2.1.44", "v1.0.12", "iOS 16.7.8",
            "windows 11 23H2", "chrome 124.0.6367.91", "macOS 14.4.1", "v0.9.8-beta",
            "app version 3.41.2", "kernel 6.8.0-31", "build 7.2.0.1124", "Discord 245.0",
            "node 20.11.1", "version 8.8.8.8"]
VERSION_T = [
    "the app crashed after updating to {v}", "is the mood tracker broken on {v} for anyone else",
    "the journaling app {v} deleted my entries, i'm devastated", "updated to {v} and now notifications don't work",
    "headspace on {v} won't load", "since {v} the sleep sounds stopped",
    "support said to install {v} but i can't even get out of bed", "bug report: {v} logs me out",
]


def not_luhn(n: int) -> str:
    """n random digits that do not pass Luhn (so a card detector has no excuse)."""
    while True:
        d = digits(n)
        if not luhn_ok(d):
            return d


def order_ref():
    p16, p12 = not_luhn(16), not_luhn(12)
    return pick([f"order #{pick('ABCKXZ')}{digits(8)}", f"ticket {digits(8)}",
                 f"tracking 1Z{digits(3)}AA{digits(10)}", f"invoice INV-{rng.randrange(2019, 2026)}-{digits(5)}",
                 f"case number {rng.randrange(2019, 2026)}-{digits(6)}", f"ref {digits(4)} {digits(4)} {digits(4)}",
                 f"booking ref {''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6))}",
                 f"claim no. {digits(10)}", f"prescription #{digits(7)}", f"ticket #{digits(6)}",
                 f"parcel {p16[:4]}-{p16[4:8]}-{p16[8:12]}-{p16[12:]}", f"receipt {p12}"])


ORDER_T = [
    "{o} still isn't sorted and i just need one thing to go right", "the pharmacy lost {o}",
    "support closed {o} without fixing anything", "i've called about {o} six times",
    "they told me to quote {o} when i call back", "{o} — the weighted blanket finally shipped",
    "dm me if you want my {o} lol no one cares", "the benefits office gave me {o} and said wait",
    "police gave me {o} for the report", "keep getting texts about {o}, is it a scam?",
]
STATS_T = [
    "1 in 4 people will have a mental health problem this year", "about {n} deaths a year",
    "around 700000 suicides worldwide every year", "rates are up {pct} since {yr}",
    "{pct} of people in the survey said they felt lonely", "the study had {n} participants",
    "i've been on the waitlist for {k} weeks, apparently {n} others are too",
    "my therapist said {pct} of her clients have the same thing", "in {yr} it was {n} people",
    "it's been {k} days since i self harmed", "only {pct} of men reach out for help",
    "{n} calls were made to the line last year", "that's like {k} out of every 100,000",
]
MISC_T = [
    "we won {sc} last night and i actually felt something", "i'm 5'11\" and 62kg, is that ok",
    "sertraline 50mg", "on quetiapine 25 mg x2 now", "they upped me to 1500 mg of the lithium?? no, 900",
    "room 204 on the ward, visiting hours are shit", "flat 3 has been playing music all night",
    "page 47 of the workbook made me cry", "#mentalhealthawareness #youarenotalone",
    "meet me@ the park later?", "score 51.5, -0.1 change this week on the phq", "samaritans.org has a lot of good stuff",
    "988lifeline.org has a chat", "nhs.uk/mental-health explains it better than i can",
    "reddit.com/r/depression helped me a lot", "check out reddit.com/r/SuicideWatch resources tab",
    "mind.org.uk has a page on sectioning", "findahelpline.com lists numbers by country",
    "the mods' wiki page reddit.com/r/mentalhealth/wiki is good", "bed 12 on ward 4, ask for me at reception lol",
    "my phq-9 went from 22 to 14", "gad-7 score 17", "took 2 x 10mg propranolol",
    "mirtazapine 15mg at night", "walked 10,000 steps today", "chapter 3, section 4.2 of the dbt book",
    "#recovery #bpd #day100", "#988 #suicideprevention", "lost 4.5 kg since starting",
    "my resting heart rate is 112 bpm", "mood 3/10 today", "sleep: 4h 12m",
    "fluoxetine 20 mg then 40 mg", "apartment 5B no street number just the building lol",
    "it's at gate 3, platform 9", "instagram.com/explore is pure poison", "facebook.com/groups is where my mum lives now lol",
    "twitter.com/home makes me anxious", "the bus number 38 to the hospital", "my weight went 58.2 -> 61.4",
    "pain 7/10, temp 38.4", "go to mind.org.uk/information-support", "the blog at psychologytoday.com/us/therapists helped",
]


def stats_vals():
    return {"n": pick(["43,000", "48,183", "6,000", "12,000", "1.2 million", "700000", "150",
                       "3,200", "800,000", "5.6 million", "24,000"]),
            "pct": pick(["12.5%", "30%", "45%", "8%", "64 percent", "1.5%", "22%"]),
            "yr": str(rng.randrange(1999, 2025)), "k": str(rng.randrange(2, 400))}


def fictional_value():
    c = rng.randrange(8)
    if c == 0 or c == 7:
        return "email", pick(["someone", "jess", "me", "name", "user", "help", "anon", "you",
                              "x", "test", "firstname.lastname"]) + "@" + pick(
            ["example.com", "example.org", "example.net", "mail.example", "site.test",
             "nowhere.invalid", "domain.example"])
    if c == 1:
        return "phone", f"({pick(US_AREAS)}) 555-01{rng.randrange(0, 100):02d}"
    if c == 2:
        return "phone", pick([f"{pick(US_AREAS)}-555-01{rng.randrange(0, 100):02d}",
                              f"555-01{rng.randrange(0, 100):02d}", f"+1 {pick(US_AREAS)} 555 01{rng.randrange(0, 100):02d}"])
    if c == 3:
        return "phone", pick([f"07700 900{digits(3)}", f"020 7946 0{digits(3)}", f"0161 496 0{digits(3)}",
                              f"0113 496 0{digits(3)}", f"+44 7700 900{digits(3)}", f"07700900{digits(3)}"])
    if c == 4:
        return "ip", pick([f"192.0.2.{rng.randrange(1, 255)}", f"198.51.100.{rng.randrange(1, 255)}",
                           f"203.0.113.{rng.randrange(1, 255)}"])
    if c == 5:
        return "ip", pick([f"2001:db8::{rng.randrange(1, 65536):x}", f"2001:db8:{rng.randrange(1, 65536):x}::1",
                           f"2001:0db8:85a3::8a2e:370:{rng.randrange(1, 65536):x}"])
    return "card", pick(sorted(TEST_CARDS) + ["4242 4242 4242 4242", "4111 1111 1111 1111",
                                              "5555 5555 5555 4444", "3782 822463 10005"])


FICT_T = {
    "email": ["the signup form placeholder says {f} so i typed that lol",
              "the tutorial uses {f}, is that a real email?", "the docs say use {f} for testing",
              "my coding bootcamp had us email {f} and i cried over a bug for 3 hours",
              "the website shows {f} as an example, don't actually use it",
              "the guide said put {f} as a placeholder", "the app's sample contact is {f}",
              "lol the scam mail came from {f}"],
    "phone": ["in the show she gives out her number {f}", "the fake number in the film was {f}",
              "that's just the tv number, {f}, not a real one", "the podcast read out {f} as a joke",
              "the sample form had {f} pre-filled", "the character in the book texts {f}",
              "my game's npc says call {f} lol", "the drama had him ring {f} and i cried"],
    "ip": ["the tutorial's ip is {f}, so that's not mine", "the docs use {f} as the server address",
           "the guide says ping {f} to test", "my course slides had {f} in every example",
           "the error page showed {f}, is that my ip?? (apparently it's an example range)"],
    "card": ["the test form took {f} lol", "stripe's test card {f} is all over the docs",
             "the demo checkout says use {f}", "that's the fake card {f}, everyone knows it",
             "i practised the payment page with {f} for my course"],
}


NEG_PLAN = [("neg_helpline", 100), ("neg_price", 64), ("neg_time", 64), ("neg_date", 64),
            ("neg_version", 64), ("neg_order", 64), ("neg_stats", 64), ("neg_fictional", 64),
            ("neg_misc", 76)]


def neg_time():
    return pick([f"{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}", f"{rng.randrange(1, 13)}pm",
                 f"{rng.randrange(1, 13)}am", f"{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}:{rng.randrange(0, 60):02d}",
                 f"{rng.randrange(1, 13)}:{rng.randrange(0, 60):02d} {pick(['am', 'pm'])}",
                 f"half {rng.randrange(1, 12)}", f"{rng.randrange(1, 12)}.{rng.randrange(0, 6)}0"])


def neg_date():
    y, m, d = some_date(2015, 2026)
    return pick([fmt_date(y, m, d), f"{d} {MONTHS[m - 1].lower()}", f"{MONTHS[m - 1]} {ordinal(d)}",
                 fmt_date(y, m, d)])


def neg_sentence(group, idx):
    if group == "neg_helpline":
        if idx < len(RESOURCE_FIXED):
            s = RESOURCE_FIXED[idx]
        elif idx < 45:
            s = pick(RESOURCE_T).format(r=RESOURCE_NUMS[idx % len(RESOURCE_NUMS)])
        elif chance(0.6):
            s = pick(HELPLINE_T).format(h=pick(HELPLINE_NUMS))
            if chance(0.3):
                s += ". " + pick(ACT_T).format(a=pick(HELPLINE_ACTS))
        else:
            s = pick(ACT_T).format(a=pick(HELPLINE_ACTS))
    elif group == "neg_price":
        s = pick(PRICE_T).format(p=pick(PRICES) if chance(0.5) else pick(["$", "£", "€"]) + str(rng.randrange(5, 3000)))
    elif group == "neg_time":
        s = pick(NEG_TIME_T).format(t=neg_time())
    elif group == "neg_date":
        s = pick(NEG_DATE_T).format(d=neg_date())
    elif group == "neg_version":
        s = pick(VERSION_T).format(v=pick(VERSIONS))
    elif group == "neg_order":
        s = pick(ORDER_T).format(o=order_ref())
    elif group == "neg_stats":
        s = pick(STATS_T).format(**stats_vals())
    elif group == "neg_fictional":
        t, f = fictional_value()
        s = pick(FICT_T[t]).format(f=f)
    else:
        s = pick(MISC_T)
        s = s.replace("{sc}", f"{rng.randrange(0, 6)}-{rng.randrange(0, 6)}")
        if chance(0.5):
            s += pick([", anyway", ". dm me if you want the number of my old therapist", " lol",
                       ". my address book is empty", ". does anyone have a number for that",
                       ". text me if u relate (not literally)", ""])
    if chance(0.3):
        s = pick(CTX["none"]) + " " + s
    elif chance(0.15):
        s = s + ". " + pick(CTX["none"])
    return style_filler(pick(NEG_OPEN) + s) + pick(NEG_CLOSE)


# ---------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------

def build():
    rows, seen = [], set()

    def add(text, findings, whose, group):
        if text in seen:
            return False
        seen.add(text)
        rows.append({"id": None, "text": text, "findings": findings, "whose": whose, "group": group})
        return True

    for group, tkey, n in POS_PLAN:
        tpl = COMBO[tkey] if tkey in COMBO else T[tkey]
        made, tries = 0, 0
        while made < n:
            tries += 1
            assert tries < n * 50, group
            whose = "own" if tpl["own"] and (made % 2 == 0) else "other"
            v = make_values(group, whose)
            parts = render(pick(tpl[whose]), v)
            if chance(0.35):
                parts = [(None, pick(CTX[whose]) + " ")] + parts
            elif chance(0.15):
                parts = parts + [(None, ". " + pick(CTX[whose]))]
            text, findings = assemble(parts)
            if add(text, findings, whose, group):
                made += 1

    for group, n in NEG_PLAN:
        made, tries = 0, 0
        while made < n:
            tries += 1
            assert tries < n * 200, group
            if add(neg_sentence(group, made).strip(), [], "none", group):
                made += 1

    for i, r in enumerate(rows, 1):
        r["id"] = f"pii-{i:04d}"
    # Hand-written look-alikes (issue 28), development half only: even ids after the generated
    # rows, the odd ids between them left unused, so the held-out half is unchanged.
    n = len(rows) + 1
    for group, texts in LOOKALIKES:
        for text in texts:
            n += n % 2
            if add(text, [], "none", group):
                rows[-1]["id"] = f"pii-{n:04d}"
                n += 1
    return rows


# Harmless text that reads like PII to a pattern (issue 28): number ranges as phones, counts,
# measures, decades and English "-ring" words as street addresses, English "via ... on <date>"
# as an Italian street, links to posts and media as profile links. Fixed strings, no random
# draws, so the generated rows above stay byte-identical. Handles are invented.
LOOKALIKES = [
    ("neg_range", [
        "my grandad worked at the mill 1980-1999 and never missed a day",
        "her letters from 1914-1918 are in the county archive now",
        "states with 10001-90000 confirmed cases are shown in orange on the map",
        "between 2003 - 2011 she lived abroad and nobody knew her number",
        "text me about the 2019-2020 season when you get a sec",
        "they expect 12000-15000 at the vigil on saturday",
        "his shifts were 1800-2300 every night that week",
        "cases rose from 2500-4000 a day, call your gp if you feel ill",
        "as on 8th Sept 2020 883697 are active cases and the rest recovered",
        "samples tested upto August 26 2020 924998 samples tested on the day",
    ]),
    ("neg_street_like", [
        "they're building a 1 million square foot warehouse behind his house",
        "a 2 million square feet mall where the park used to be",
        "she threw a roaring 20s party for her birthday",
        "my nan still talks about the roaring 1920s like she was there",
        "we were 15 really close friends in school and now it's just me",
        "there are 94 possible close contacts from the gym class",
        "it's only a 30 minute walk to hers but i can't face it",
        "only a 5 hour drive, i guess im doing a day trip",
        "the game starts at 8 PM CT on his channel",
        "the city is no longer the No. 1 place to invest, says the report",
        "during 2020 sales grew and he got a bonus",
        "she moved out in spring 2021 and i haven't seen her since",
        "after scoring 2 goals he wouldn't stop texting me",
        "i am nearing 50 and my ex still calls me",
        "they were offering 25 percent off so my mum went",
        "from 2003 to 2006, Sesame Street made a fortune on toys",
        "covid 19 gate way to organ failure, read the thread",
        "UK's Covid-19 vaccine trial volunteer Dr Jones is fine, he says",
    ]),
    ("neg_via", [
        "she arrived from Karachi via Doha on March 12 and is in quarantine now",
        "he flew home via Frankfurt on 3 June after the tour",
        "they travelled to the coast via private car on 13 July",
        "we got the results via email on Monday 4",
        "tickets are sold via Ticketmaster from 9 tomorrow",
        "she came back via Rome 2 days ago and hasn't called",
        "watch it via Channel 4 tonight, his episode is on",
        "he sent the photos via WhatsApp at 10 last night",
    ]),
    ("neg_post_link", [
        "lol look at this https://twitter.com/jessk_92/status/1238120088890413063 so true",
        "her thread is wild x.com/sam_rossi_/status/1790012345678901234",
        "read his thread twitter.com/tom_b84/status/1712345678901234567 before you judge",
        "saw this pic.twitter.com/4UOvmNkveQ and cried",
        "he posted pic.twitter.com/Zq81xLmAp3 again smh",
        "she shared https://www.facebook.com/liam.duboisx/posts/10159876543210987 everywhere",
        "this made me laugh tiktok.com/@alt_66529/video/7234567890123456789",
        "his post https://x.com/dnajeon_k/status/913933273738465280 got 10k likes",
    ]),
]


WORD_DIGIT = {w: str(i) for i, w in enumerate(DIGIT_WORDS)} | {"oh": "0", "o": "0"}


def phone_plausible(t: str) -> bool:
    """Independent re-check of the numbering-plan rules the generators follow."""
    words = re.findall(r"[a-z]+", t)
    if words:
        d = "".join(WORD_DIGIT[w] for w in words)
    else:
        d = re.sub(r"\D", "", t)
    if not 9 <= len(d) <= 15:
        return False
    nanp = d[1:] if len(d) == 11 and d[0] == "1" else d
    if len(nanp) == 10 and nanp[:3] in US_AREAS + CA_AREAS and not t.startswith(("+", "00")) or (
            t.startswith("+1") or (len(d) == 11 and d[0] == "1")):
        ex = nanp[3:6]
        if len(nanp) != 10 or ex == "555" or ex[1:] == "11" or ex[0] in "01":
            return False
    national = d
    for cc in ("0044", "44"):
        if t.replace(" ", "").startswith(("+44", "0044")):
            national = "0" + d[len(cc):] if d.startswith(cc) else d
    if national.startswith(("07700900", "0207946", "01614960", "01134960")):
        return False
    return True


def check(rows):
    ids, texts = set(), set()
    for r in rows:
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        assert r["text"] not in texts, r["text"]
        texts.add(r["text"])
        assert (r["whose"] == "none") == (not r["findings"]), r
        for f in r["findings"]:
            t = f["text"]
            occ = f.get("occurrence", 1)
            starts = [m.start() for m in re.finditer(re.escape(t), r["text"])]
            assert len(starts) >= occ, (r["id"], t)
            if len(starts) > 1:
                assert "occurrence" in f or occ == 1, r
            k = f["kind"]
            if k == "payment_card":
                d = re.sub(r"[ -]", "", t)
                assert d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d) and d not in TEST_CARDS, t
            elif k == "iban":
                assert iban_ok(t), t
            elif k == "ssn":
                assert ssn_ok(t), t
            elif k == "uk_nino":
                assert nino_ok(t), t
            elif k == "phone":
                assert phone_plausible(t), (r["id"], t)
    # the resources table numbers appear in several negative sentences
    neg_text = [r["text"] for r in rows if r["group"] == "neg_helpline"]
    for needle in ("988", "116 123"):
        assert sum(needle in t for t in neg_text) >= 5, needle


def report(rows):
    from collections import Counter
    kind_f, kind_r, whose, group = Counter(), Counter(), Counter(), Counter()
    for r in rows:
        whose[r["whose"]] += 1
        group[r["group"]] += 1
        for f in r["findings"]:
            kind_f[f["kind"]] += 1
        for k in sorted({f["kind"] for f in r["findings"]}):
            kind_r[k] += 1
    pos = sum(1 for r in rows if r["findings"])
    multi = sum(1 for r in rows if len({f["kind"] for f in r["findings"]}) >= 2)
    out = [f"rows: {len(rows)}  positive: {pos}  negative: {len(rows) - pos}  "
           f"positive rows with 2+ kinds: {multi}", "", "kind               findings  rows"]
    for k in sorted(kind_f):
        out.append(f"{k:<18} {kind_f[k]:>8}  {kind_r[k]:>4}")
    out += ["", "whose: " + ", ".join(f"{k} {whose[k]}" for k in sorted(whose)), "",
            "group                 rows"]
    for g in sorted(group):
        out.append(f"{g:<21} {group[g]:>4}")
    countries = sum(1 for g in group if g.startswith("phone_") and g not in ("phone_spaced", "phone_words"))
    out += ["", f"phone country groups: {countries}"]
    helpl = [r["text"] for r in rows if r["group"] == "neg_helpline"]
    out.append("neg_helpline rows with the resources.rs numbers: "
               f"988: {sum('988' in t for t in helpl)}, "
               f"116 123: {sum('116 123' in t or '116123' in t for t in helpl)}")
    return "\n".join(out)


def main():
    rows = build()
    check(rows)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
