"""Text normalisation shared by the name index and its queries."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from symptomdb.text import english

_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")  # "22q11.2" stays one token
ROMAN = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
    "x": "10", "xi": "11", "xii": "12", "xiii": "13", "xiv": "14", "xv": "15",
}  # fmt: skip
NUMBER_WORDS = {word: str(n) for word, n in english.NUMBER_WORDS.items() if n}  # "type two" = "type 2"
# Words that carry no identity in a disease name; ignored when comparing word sets.
FILLER = frozenset({"the", "of", "and", "with", "or", "to", "in", "type", "due", "form", "s"})
# Single-letter numerals ("I", "V", "X") are words or letters too ("X-linked", "I have"): they count
# as numbers only after one of these words.
NUMERAL_CONTEXT = frozenset(
    {"type", "class", "group", "grade", "factor", "stage", "complex", "form", "subtype"}
)

# Words that frame a question around a name ("what are the symptoms of X?", "X treatment").
QUESTION_WORDS = frozenset(
    [
        "what",
        "whats",
        "which",
        "who",
        "are",
        "is",
        "was",
        "the",
        "a",
        "an",
        "of",
        "for",
        "about",
        "on",
        "to",
        "and",
        "or",
        "in",
        "tell",
        "me",
        "us",
        "give",
        "explain",
        "describe",
        "please",
        "i",
        "we",
        "my",
        "our",
        "child",
        "son",
        "daughter",
        "baby",
        "kid",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "should",
        "will",
        "symptom",
        "symptoms",
        "sign",
        "signs",
        "treatment",
        "treatments",
        "treat",
        "treated",
        "treating",
        "therapy",
        "therapies",
        "option",
        "options",
        "cure",
        "cures",
        "cured",
        "manage",
        "management",
        "managed",
        "diagnosis",
        "diagnose",
        "diagnosed",
        "diagnosing",
        "test",
        "tests",
        "testing",
        "cause",
        "causes",
        "caused",
        "causing",
        "inherited",
        "inheritance",
        "genetic",
        "genetics",
        "prognosis",
        "outlook",
        "life",
        "expectancy",
        "course",
        "information",
        "info",
        "overview",
        "definition",
        "define",
        "meaning",
        "mean",
        "means",
        "how",
        "why",
        "when",
        "where",
        "happens",
        "happen",
        "look",
        "like",
        "know",
        "more",
        "learn",
        "read",
        "find",
        "out",
        "get",
        "help",
        "living",
        "live",
        "with",
    ]
)


# Words that questions and search phrases put around a name and that no name has ("my doctor thinks it
# might be X", "X wikipedia", "latest research on X"): they are not a word of a name nobody knows.
_FRAMING_WORDS = """
    a about after again all also always am an any anyone anything anyway are as ask asked at away be because
    been before being best better both but by cant come comes could day days dear die dies dying each else
    even ever every expect expected explain far few find for from future get gets getting go goes going
    good got had has have having he hear heard her hers him his hello hi how however i if im into is it its
    just keep kind kinds know last latest let lets like likely long lot lots made make makes many may maybe
    me might mine more most much must my need needed needs never new news next no not now of off often ok
    okay on once one only or other others our out over own people per please possible probably put quite
    rather really right said same say says see seems she should since so some someone something soon still
    such sure take tell than thank thanks that thats the their theirs them then there these they thing
    things think thinks this those though thought through thus to told too try trying under until up upon
    us use used using very want wants was way we well were what whats when where whether which while who
    whom whose why will with without worried worry would yes yet you your yours
    baby babies boy boys brother child children daughter daughters dad family father girl girls grandchild
    granddaughter grandfather grandmother grandson hungry husband kid kids mom mother mum parent parents
    partner sister son sons toddler wife
    confirm confirmed confirming contagious curable detect detected detecting doctor doctors expert experts
    fatal google gp guide hospital hospitals medication medications medicine medicines nurse online
    progress research researches specialist specialists stories story study support talk talked treatable
    website wiki wikipedia
"""
FRAMING_WORDS = frozenset(_FRAMING_WORDS.split())


# Greek letters as disease names spell them ("α-thalassemia" = "alpha-thalassemia"); folding would drop them.
_GREEK = str.maketrans(
    {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "λ": "lambda",
     "μ": "mu", "ω": "omega", "Α": "alpha", "Β": "beta", "Γ": "gamma", "Δ": "delta", "Κ": "kappa"}
)  # fmt: skip


def fold(text: str) -> str:
    """Lowercase ASCII with accents removed and Greek letters spelled out."""
    text = text.translate(_GREEK)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


# A type number with a subtype letter, written so that the case or a hyphen shows it: "I-H", "Ih", "IIIa",
# "IVB", "1-H", "Ih/s" (Hurler-Scheie), a Roman one only after a word ("IVA" alone is an abbreviation).
# Becomes one token of digits and letters ("1h", "3a", "1hs"), as "type 3A" already is. A lone capital I, V
# or X before a capital ("ID", "IC") stays a word.
_ROMAN_PART = r"(?:IX|IV|V?I{1,3}|V|X{1,2}(?:IX|IV|V?I{0,3}))"
_SUBTYPE = re.compile(
    rf"(?:(?<=[\w,] )(?:({_ROMAN_PART})-([A-Ha-h])|({_ROMAN_PART})([a-eh])|([IVX]{{2,}})([A-H]))"
    r"|\b(\d+)-([A-Ha-h]))(?:/([A-Za-z]))?\b"
)

_SUBTYPE_HINT = re.compile(r"[IVX][-A-Ha-h]|\d-[A-Ha-h]")  # cheap test before the full pattern


def _subtype(match: re.Match[str]) -> str:
    groups = [g for g in match.groups() if g is not None]
    number = groups[0]
    if not number.isdigit():
        number = ROMAN.get(number.lower(), number)
    return number + "".join(groups[1:]).lower()


def tokens(text: str) -> list[str]:
    """Normalised word tokens: folded, punctuation split, Roman numerals as digits."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)  # a query is tokenised several times over (variants, keys, acronyms)
def _tokens(text: str) -> tuple[str, ...]:
    if _SUBTYPE_HINT.search(text):
        text = _SUBTYPE.sub(_subtype, text)
    words = _TOKEN.findall(fold(text).replace("'s ", " "))
    result = []
    for position, word in enumerate(words):
        after_context = position > 0 and words[position - 1] in NUMERAL_CONTEXT
        if word in ROMAN and (len(word) > 1 or after_context):
            word = ROMAN[word]
        elif word in NUMBER_WORDS and after_context:  # "type two" = "type 2" = "type II"
            word = NUMBER_WORDS[word]
        elif after_context and word[:-1] in ROMAN and word[-1] in "abcdefgh":  # "type iiia" = "type 3A"
            word = ROMAN[word[:-1]] + word[-1]
        result.append(word)
    return tuple(result)


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def word_key(text: str) -> str:
    """An order-free key: the sorted content words.

    "syndrome, opsoclonus-myoclonus" and "opsoclonus-myoclonus syndrome" share one key.
    """
    return " ".join(sorted(t for t in tokens(text) if t not in FILLER))


def strip_question(words: list[str]) -> list[str]:
    """Drop question framing at both ends, keeping at least one word."""
    start, end = 0, len(words)
    while start < end - 1 and words[start] in QUESTION_WORDS:
        start += 1
    while end - 1 > start and words[end - 1] in QUESTION_WORDS and len(words[end - 1]) > 1:
        end -= 1
    return words[start:end]


def acronym(text: str) -> str | None:
    """Initial letters of the content words ("opsoclonus-myoclonus syndrome" -> "oms"); None if too short."""
    words = [t for t in tokens(text) if t not in FILLER and not t.isdigit()]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


_SOUND_SPELLINGS = (("ph", "f"), ("ks", "x"), ("ae", "e"), ("oe", "e"), ("ou", "o"), ("k", "c"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """A word as it sounds, for telling a misspelling from a word no name has: spelling variants that
    sound alike become one ("dystrofy", "dystrophy" -> "distrofi"; "ataksia", "ataxia"; "tumour",
    "tumor"), doubled letters single.

    Narrower than the text annotator's `symptomdb.text.spelling.sound` on purpose: that one ranks spelling
    corrections among candidates, this one decides whether a word is known at all. Using that fold here
    (tried) let misspellings and made-up words pass as known: confidently right on the misspellings file
    0.994 -> 0.983, made-up names kept unanswered 1.000 -> 0.971."""
    for written, said in _SOUND_SPELLINGS:
        word = word.replace(written, said)
    return _DOUBLED.sub(r"\1", word)
