"""Tokenising and normalising text for the phenotype lexicon.

The same functions normalise the lexicon (HPO names, synonyms, the lay lexicon) and the text being
annotated, so any variant folded here matches in both directions:

- Unicode folding (accents, ligatures, curly quotes), lower case, British → American spelling
  (``oedema`` → ``edema``, ``tumour`` → ``tumor``);
- plural and inflection stripping (``seizures`` → ``seizure``, ``phalanges`` → ``phalanx``, ``enlarged``
  → ``enlarg``), and a few derivational families that clinical writing swaps freely (``hypoplastic``
  ≈ ``hypoplasia``, ``scoliotic`` ≈ ``scoliosis``, ``ataxic`` ≈ ``ataxia``, ``microcephalic`` ≈
  ``microcephaly``);
- word equivalents from ``data/word-equivalents.tsv`` (``renal`` ≈ ``kidney``, ``anomaly`` ≈
  ``abnormality``), applied after stemming.

Stems are internal keys, never shown to users.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Word tokens (letters/digits, with inner apostrophes: "can't", "son's") or single punctuation marks.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]|\n", re.UNICODE)

# Punctuation that never occurs inside a phrase: sentence and bracket boundaries.
HARD_BREAKS = frozenset({".", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\n", "=", "<", ">", "•"})
# Punctuation a phrase may span ("X-linked", "aplasia/hypoplasia").
SOFT_PUNCT = frozenset({"-", "/", "‐", "‑", "–", "'", "’", "+", '"', "“", "”"})

STOP_WORDS = _words(
    "a an the of in on at to for from by with into onto within is are was were be been being has have "
    "had having this that these those its his her hers him their theirs them our my your some any both "
    "each which as also very and or than such who whose whom it there here then i me we us you he she "
    "they do does did so just about affects ability abilities"
    # session 22: Caribbean creoles' and West African Pidgin's function words ("mi foot dem swell", "a pain
    # inna mi belly", "my head dey pain me"); not "mi" (also myocardial infarction) nor "di" (the article:
    # "head hurting at di back" would read a back pain)
    " dey dem inna pon"
)
# Hedges and intensifiers skipped inside a phrase window ("speech is significantly delayed").
FILLER_WORDS = _words(
    "significantly slightly relatively somewhat quite rather really extremely markedly notably "
    "particularly especially already frequently usually mostly generally clearly obviously considerably "
    "noticeably persistently constantly too"
    " suddenly randomly"  # round 30: "my heart suddenly starts racing"
)
# Prefixes written with a hyphen or joined ("pre-auricular" = "preauricular"): joined when tokenising.
JOIN_PREFIXES = _words(
    "pre post non anti hypo hyper micro macro intra inter sub supra infra peri para retro uni multi poly up "
    "pseudo semi neo oligo mega brachy dolicho hemi extra over under mid co re"
)
# After these words a letter or roman numeral is a name part ("type A", "type II"), never a stop word.
TYPE_WORDS = frozenset({"type", "types", "grade", "stage", "class", "group", "factor", "form", "degree"})
ROMAN = {
    "i": "1",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "v": "5",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
    "x": "10",
}

# British → American spellings (whole-word prefixes/infixes common in clinical words).
_UK_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"aem"), "em"),  # anaemia, haemorrhage, leukaemia
    (re.compile(r"(?<=[bcdfgklnprstvz])ae(?=[cfgtv])|^ae(?=t)"), "e"),  # naevus, caecum, faeces, aetiology
    (re.compile(r"oe(?=[dsn])"), "e"),  # oedema, oesophagus, oestrogen
    (re.compile(r"(?<=rh|pn)oe(?=a)"), "e"),  # diarrhoea, amenorrhoea, dyspnoea, apnoea
    (re.compile(r"(?<=[nor])aes(?=th)"), "es"),  # anaesthesia, hypoaesthesia, paraesthesia
    (re.compile(r"^foet"), "fet"),
    (re.compile(r"paed"), "ped"),
    (re.compile(r"orth?opaed"), "orthoped"),
    (re.compile(r"(?<=[a-z]{3})our(?=s?$|ed$|ing$)"), "or"),  # tumour, behaviour, colour
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|able)$"), r"iz\1"),  # generalised, recognisable
    (re.compile(r"(?<=[a-z]{2})tre$"), "ter"),  # centre, litre
    (re.compile(r"(?<=[a-z]{3})yse$"), "yze"),  # analyse, paralyse
)

_IRREGULAR = {
    "noted": "note",  # not the negator "not" ("hypotonia was noted in infancy")
    "noting": "note",
    "feet": "foot",
    "teeth": "tooth",
    "children": "child",
    "men": "man",
    "women": "woman",
    "phalanges": "phalanx",
    "phalange": "phalanx",
    "phalanx": "phalanx",
    "bronchi": "bronchus",
    "nevi": "nevus",
    "naevi": "nevus",
    "nuclei": "nucleus",
    "foci": "focus",
    "villi": "villus",
    "calculi": "calculus",
    "glomeruli": "glomerulus",
    "thrombi": "thrombus",
    "emboli": "embolus",
    "fungi": "fungus",
    "bacilli": "bacillus",
    "hallux": "hallux",
    "halluces": "hallux",
    "appendices": "appendix",
    "apices": "apex",
    "cortices": "cortex",
    "matrices": "matrix",
    "indices": "index",
    "vertices": "vertex",
    "falces": "falx",
    "epiphyses": "epiphysis",
    "diaphyses": "diaphysis",
    "metaphyses": "metaphysis",
    "apophyses": "apophysis",
    "hypophyses": "hypophysis",
    "testes": "testis",
    "ovaries": "ovary",
    "lice": "louse",
    "mice": "mouse",
    "geese": "goose",
    "ganglia": "ganglion",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "stomata": "stoma",
    "carcinomata": "carcinoma",
    "fibromata": "fibroma",
    "lumina": "lumen",
    "foramina": "foramen",
    "cristae": "crista",
    "atria": "atrium",
    "septa": "septum",
    "sera": "serum",
    "bacteria": "bacterium",
    "labia": "labium",
    "media": "media",
    "data": "data",
    "species": "species",
    "series": "series",
    "lungs": "lung",
    "spine": "spine",
    "spines": "spine",
    "chalazia": "chalazion",
    "ganglion": "ganglion",
    "has": "has",
    "was": "was",
    "is": "is",
    "this": "this",
    "his": "his",
    "bias": "bias",
    "gas": "gas",
    "always": "always",
    "sometimes": "sometimes",
    "lens": "lens",
    "pubis": "pubis",
    "pelvis": "pelvis",
    "iris": "iris",
    "ileus": "ileus",
    "fetus": "fetus",
    "uterus": "uterus",
    "anus": "anus",
    "bus": "bus",
    "plus": "plus",
    "thus": "thus",
    "mucus": "mucus",
    "penis": "penis",
    "herpes": "herpes",
    "diabetes": "diabetes",
    "rabies": "rabies",
    "scabies": "scabies",
    "caries": "caries",
    "facies": "facies",
    "pes": "pes",
    "lupus": "lupus",
    "status": "status",
    "sinus": "sinus",
    "virus": "virus",
    "corpus": "corpus",
    "humerus": "humerus",
    "radius": "radius",
    "hiatus": "hiatus",
    "meatus": "meatus",
    "meninges": "meninx",
    "larynges": "larynx",
    "pharynges": "pharynx",
    "ate": "eat",
    "eaten": "eat",
    "ran": "run",
    "felt": "feel",
    "slept": "sleep",
    "negativism": "negativism",  # not "negative"
    "organism": "organism",  # not "organ"
    "organisms": "organism",
    "fusion": "fus",  # "fusion of the fingers" = fused fingers
    "fusions": "fus",
    "fuse": "fus",
    "lost": "loss",  # "lost weight" = weight loss, "lost the ability to walk"
    "lose": "loss",
    "loses": "loss",
    "losing": "loss",
    "loss": "loss",
    "losses": "loss",
    "grew": "grow",
    "grown": "grow",
    "went": "go",
    "gone": "go",
    "saw": "see",
    "seen": "see",
    "threw": "throw",
    "thrown": "throw",
    "bled": "bleed",
    "swollen": "swell",
    "spoke": "speak",
    "spoken": "speak",
    "worse": "bad",
    "worst": "bad",
    "wasn't": "not",
    "isn't": "not",
    "aren't": "not",
    "weren't": "not",
    "can't": "cannot",
    "cant": "cannot",
    "couldn't": "cannot",
    "won't": "not",
    "wouldn't": "not",
    "doesn't": "not",
    "don't": "not",
    "didn't": "not",
    "hasn't": "not",
    "haven't": "not",
    "hadn't": "not",
    "shouldn't": "not",
    # adjectives of short or irregular nouns: "ptotic eyelids", "choreic/athetoid movements"
    "ptotic": "ptosis",
    "edematous": "edema",
    "choreic": "chorea",
    "choreiform": "chorea",
    "athetoid": "athetos",
}

# Derivational families, as (suffix, replacement), first match wins; applied after plural stripping.
_DERIVATIONAL: tuple[tuple[str, str], ...] = (
    ("cephalic", "cephal"),
    # adjectives of Greek nouns in -ema: edematous ≈ edema, erythematous ≈ erythema, emphysematous ≈
    # emphysema (not -omatous: "hemangiomatous" describes a look, not a hemangioma)
    ("ematous", "ema"),
    ("cephaly", "cephal"),
    ("cephalus", "cephal"),
    ("cephalies", "cephal"),
    ("plastic", "plas"),
    ("plasia", "plas"),
    ("plasty", "plasty"),
    ("trophic", "troph"),
    ("trophy", "troph"),
    ("clonus", "clon"),  # myoclonus ≈ myoclonic ≈ myoclonia
    ("ism", ""),  # dysmorphism ≈ dysmorphic ≈ dysmorphia, prognathism ≈ prognathic
    ("tonic", "ton"),
    ("tonia", "ton"),
    ("tonus", "ton"),
    ("emic", "em"),
    ("emia", "em"),
    ("otic", "os"),
    ("osis", "os"),
    ("oses", "os"),
    ("etic", "es"),
    ("esia", "es"),
    ("esis", "es"),
    ("eous", ""),  # heterogeneous ≈ heterogeneity, spontaneous ≈ spontaneity (after "-ity" → "-e")
    # nouns of action ≈ participles: dislocation ≈ dislocated, calcification ≈ calcified, retraction ≈
    # retracted, pigmentation ≈ pigmented
    ("mentation", "ment"),
    ("ification", "if"),
    ("ation", "at"),
    ("ction", "ct"),
    # nouns of state ≈ adjectives: prominence ≈ prominent, deficiency ≈ deficient, protuberance ≈
    # protuberant, persistence ≈ persistent
    ("ence", "ent"),
    ("ency", "ent"),
    ("ance", "ant"),
    ("ancy", "ant"),
    ("itis", "itis"),
    ("itic", "itis"),
    ("ities", "ity"),
    ("ically", "ic"),
    ("ical", "ic"),
)

_VOWELS = frozenset("aeiouy")
_KEEP_AS = frozenset(
    {"pancreas", "atlas", "bias", "gas", "vas", "alias", "canvas", "whereas", "has", "was", "fracas"}
)


# Session 23: letters that spell an English sound with two letters are read as those two, not stripped of
# their mark (Slavic, Baltic, Turkish and Romanian writers: "čest" is chest, "šort" short, "kašalj" kashalj);
# letters NFKD leaves whole are read as their base letter
_LETTERS_AS_ENGLISH = str.maketrans(
    {"č": "ch", "ć": "ch", "Č": "Ch", "Ć": "Ch", "š": "sh", "Š": "Sh", "ş": "sh", "Ş": "Sh", "ș": "sh",
     "Ș": "Sh", "đ": "dj", "Đ": "Dj", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"}
)  # fmt: skip


def fold(text: str) -> str:
    """Unicode-fold and lower-case: accents stripped, ligatures expanded, curly quotes straightened."""
    text = text.replace("’", "'").replace("‘", "'").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    text = text.replace("œ", "oe").replace("Œ", "OE")
    if text.isascii():
        return text.lower()
    text = text.translate(_LETTERS_AS_ENGLISH)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def us_spelling(word: str) -> str:
    if len(word) < 5:
        return word
    for pattern, replacement in _UK_PATTERNS:
        word = pattern.sub(replacement, word)
    return word


def _strip_plural(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("oses") or (word.endswith("ases") and len(word) > 6 and not word.endswith("eases")):
        return word[:-2] + "is"  # stenoses, diagnoses; metastases
    if word.endswith("ae") and len(word) > 4:
        return word[:-1]  # vertebrae, fistulae
    if word.endswith(("ss", "us", "is", "'s")):
        return word[:-2] if word.endswith("'s") else word
    if word.endswith("as") and word in _KEEP_AS:
        return word
    if word.endswith("ata") and len(word) > 7:
        return word[:-2]  # colobomata, carcinomata
    if word.endswith("s"):
        return word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in _VOWELS:
        return word[:-1]
    return word


def _restore_e(word: str) -> str:
    """A soft c keeps its silent e: "jaundiced" / "jaundicing" → jaundice (else "-ic" would be stripped as
    an adjective ending and the verb would miss its noun), "practiced" → practice."""
    return word + "e" if word.endswith("ic") and len(word) > 5 else word


def _strip_inflection(word: str) -> str:
    if len(word) <= 4:
        return word
    if word.endswith("ing") and len(word) > 5 and any(c in _VOWELS for c in word[:-3]):
        return _restore_e(_undouble(word[:-3]))
    if word.endswith("ied") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 4 and any(c in _VOWELS for c in word[:-2]):
        return _restore_e(_undouble(word[:-2]))
    if word.endswith("ness") and len(word) > 6:
        return word[:-4]
    if word.endswith("ment") and len(word) > 7:
        return word[:-4]
    if word.endswith("ly") and len(word) > 5 and not word.endswith(("aly", "ily", "ely", "tyly", "phaly")):
        return word[:-2]
    return word


@lru_cache(maxsize=100_000)
def light_stem(word: str) -> str:
    """Only plurals and British spellings folded: the strict form for single everyday words."""
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if not word.isalpha():
        return word
    return _strip_plural(us_spelling(word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The matching key of one lower-case, folded word."""
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if not word.isalpha():
        return word
    word = us_spelling(word)
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if word.startswith("intra") and len(word) > 9:
        # "intracranial meningioma" = "cranial meningioma", "intrascleral" = "scleral": the location
        # word alone says the same
        return stem(word[5:])
    word = _strip_plural(word)
    word = _strip_inflection(word)
    for suffix, replacement in _DERIVATIONAL:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    if len(word) > 5 and word.endswith("ity"):
        word = word[:-3]
        if word.endswith("il"):
            word = word[:-2] + "le"  # disability → disable
    if len(word) > 5:
        if word.endswith(("ia", "ic")) and word[-3] not in _VOWELS:
            word = word[:-2]
        elif word.endswith("y") and word[-2] not in _VOWELS and len(word) > 6:
            word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


class Token(NamedTuple):
    """One token of a text: its surface form, character span, folded form and matching key."""

    text: str
    start: int
    end: int
    lower: str
    key: str  # "" for punctuation
    stop: bool
    kind: str  # "word", "soft" (hyphen/slash), "break" (sentence/bracket), "comma"


def _classify(raw: str) -> str:
    if raw[0].isalnum():
        return "word"
    if raw in SOFT_PUNCT:
        return "soft"
    if raw == "," or raw == "&":
        return "comma"
    if raw in HARD_BREAKS:
        return "break"
    return "break"


@lru_cache(maxsize=1)
def equivalence_rows() -> tuple[tuple[str, str], ...]:
    text = resources.files("symptomdb.text").joinpath("data/word-equivalents.tsv").read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        variant, canonical = line.split("\t")[:2]
        rows.append((fold(variant.strip()), fold(canonical.strip())))
    return tuple(rows)


@lru_cache(maxsize=1)
def word_equivalents() -> dict[str, str]:
    """Stemmed word → stemmed canonical word, from data/word-equivalents.tsv (one-word variants)."""
    return {stem(variant): stem(canonical) for variant, canonical in equivalence_rows() if " " not in variant}


@lru_cache(maxsize=1)
def phrase_equivalents() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word → (words, stemmed canonical) for multi-word variants ("keeps getting" → recurrent),
    longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for variant, canonical in equivalence_rows():
        if " " in variant:
            words = tuple(variant.split())
            table.setdefault(words[0], []).append((words, stem(canonical)))
    for options in table.values():
        options.sort(key=lambda option: -len(option[0]))
    return table


def is_abbreviation_plural(raw: str) -> bool:
    """An upper-case abbreviation with a plural "s" ("UTIs", "VSDs", "ASDs")."""
    return len(raw) >= 3 and raw[-1] == "s" and raw[:-1].isupper() and raw[:-1].isalnum()


@lru_cache(maxsize=100_000)
def _word(raw: str) -> tuple[str, str, str]:
    """(folded form, form without possessive, matching key) of one word token."""
    lower = fold(raw)
    bare = lower[:-2] if lower.endswith("'s") and len(lower) > 3 else lower
    if is_abbreviation_plural(raw):
        bare = lower[:-1]  # "UTIs" → "uti" (the "-is" of "arthritis" is not a plural ending)
    key = stem(bare)
    return lower, bare, word_equivalents().get(key, key)


def word_key(lower: str) -> str:
    """The matching key of one folded word, as a token of it gets."""
    return _word(lower)[2]


_ADJECTIVE_SUFFIXES = ("al", "ar", "ic", "ac", "ous", "ary", "ine", "eal")


@lru_cache(maxsize=50_000)
def is_mapped_adjective(lower: str) -> bool:
    """An adjective that the word equivalents read as a noun ("visual" → vision, "renal" → kidney)."""
    return lower.endswith(_ADJECTIVE_SUFFIXES) and stem(lower) in word_equivalents()


_KIND_CACHE: dict[str, str] = {}


def _lone_plus(text: str, start: int, end: int) -> bool:
    """A "+" standing for "and": spaced on both sides between two words ("hard + swollen"), not "++"
    (a lot), "+ve", "21+" or "+1"."""
    before, after = text[start - 2 : start], text[end : end + 2]
    return (
        len(before) == 2
        and len(after) == 2
        and before[1] == " "
        and after[0] == " "
        and before[0].isalpha()
        and after[1].isalpha()
    )


def tokenize(text: str) -> list[Token]:
    """Tokens with spans; keys are stemmed and mapped through the word equivalents."""
    tokens: list[Token] = []
    append = tokens.append
    previous_word = ""
    needs_join = needs_merge = False
    join_prefixes = JOIN_PREFIXES
    phrases = phrase_equivalents()
    for match in TOKEN_RE.finditer(text):
        raw = match.group()
        start, end = match.span()
        if not raw[0].isalnum():
            if raw == "+" and _lone_plus(text, start, end):  # diaries and notes: "knees + wrists aching"
                append(Token(raw, start, end, "and", "and", True, "word"))
                continue
            kind = _KIND_CACHE.get(raw) or _KIND_CACHE.setdefault(raw, _classify(raw))
            append(Token(raw, start, end, raw, "", False, kind))
            continue
        lower, bare, key = _word(raw)
        if previous_word in TYPE_WORDS:
            stop = False
            key = ROMAN.get(bare, key)
        else:
            stop = bare in STOP_WORDS
        if not raw.isalpha() and len(lower) <= 5:
            m = _ALNUM_RE.match(lower)
            if m:  # "A1" → "a" "1" so that "type A1" matches "type A-1"; the pieces keep their spans
                head = m.group(1) or m.group(3)
                cut = start + len(head)
                tail = lower[len(head) :]
                append(Token(raw[: len(head)], start, cut, head, head, False, "word"))
                append(Token(raw[len(head) :], cut, end, tail, tail, False, "word"))
                previous_word = tail
                continue
        append(Token(raw, start, end, lower, key, stop, "word"))
        previous_word = bare
        if lower in join_prefixes:
            needs_join = True
        if lower in phrases:
            needs_merge = True
    if needs_join:
        tokens = _join_prefixes(tokens, word_equivalents())
    if needs_merge:
        tokens = _merge_phrases(tokens)
    return tokens


# The canonical side of a word-equivalents row whose words a phrase window skips like stop words
SKIP_CANONICAL = "-"


def _merge_phrases(tokens: list[Token]) -> list[Token]:
    """Multi-word equivalents become one token ("keeps getting" → key "recurrent")."""
    table = phrase_equivalents()
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        options = table.get(token.lower) if token.kind == "word" else None
        if options:
            for words, key in options:
                end = i + len(words)
                if end <= n and all(
                    tokens[i + k].kind == "word" and tokens[i + k].lower == w for k, w in enumerate(words)
                ):
                    last = tokens[end - 1]
                    skipped = key == SKIP_CANONICAL  # "started to", "tends to": read as a stop word
                    out.append(
                        Token(
                            " ".join(t.text for t in tokens[i:end]),
                            token.start,
                            last.end,
                            " ".join(words),
                            "_".join(words) if skipped else key,
                            skipped,
                            "word",
                        )
                    )
                    i = end
                    break
            else:
                out.append(token)
                i += 1
            continue
        out.append(token)
        i += 1
    return out


def _join_prefixes(tokens: list[Token], equivalents: dict[str, str]) -> list[Token]:
    """'pre-auricular' → one token 'preauricular' (span covering all three tokens)."""
    if len(tokens) < 3:
        return tokens
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if (
            i + 2 < n
            and token.kind == "word"
            and token.lower in JOIN_PREFIXES
            and tokens[i + 1].text in ("-", "‐", "‑")
            and tokens[i + 2].kind == "word"
            and tokens[i + 1].start == token.end
            and tokens[i + 2].start == tokens[i + 1].end
            and tokens[i + 2].lower.isalpha()
        ):
            lower = token.lower + tokens[i + 2].lower
            key = stem(lower)
            key = equivalents.get(key, key)
            out.append(
                Token(
                    token.text + tokens[i + 1].text + tokens[i + 2].text,
                    token.start,
                    tokens[i + 2].end,
                    lower,
                    key,
                    False,
                    "word",
                )
            )
            i += 3
            continue
        out.append(token)
        i += 1
    return out


_ALNUM_RE = re.compile(r"^([a-z]{1,2})(\d+)$|^(\d+)([a-z])$")
