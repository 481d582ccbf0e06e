"""Session 18: yellow said of the eyes is *Conjunctival icterus*, yellow said of the skin or of the person is
*Jaundice*, and a text may say both ("his skin has gone yellow and so have the whites of his eyes", "she
looks yellow, especially the whites of her eyes"). The lexicon's yellow phrases read one term for the
whole phrase; this step, over the mentions, gives each part of the sentence its own. Over the read lay
sets the authors code yellow eyes alone as Conjunctival icterus in 26 of 28 texts; where the skin or the
person is yellow too, 31 of 44 code Jaundice and 25 icterus (both are read here)."""

from __future__ import annotations

import re

from symptomdb.text.lexicon import Lexicon
from symptomdb.text.mention import Mention
from symptomdb.text.readings._base import SENTENCE_RE

CONJUNCTIVAL_ICTERUS = "HP:0032106"
JAUNDICE = "HP:0000952"

_YELLOW_RE = re.compile(r"\b(?:yel+o\w*|yelow\w*|yellw\w*)\b", re.IGNORECASE)
_EYES_RE = re.compile(r"\b(?:eyes?|eys|eyez|whites)\b", re.IGNORECASE)
# yellow matter from the eyes is a discharge, not a colour of the eye
_DISCHARGE_RE = re.compile(
    r"\b(?:gunk|goo|gloop|glue\w*|sticky|stuck|discharge|secretion|muck|crust\w*|pus|stuff|lashes|snot|phlegm|"
    r"mucus|sleep)\b",
    re.IGNORECASE,
)
_SKIN_RE = re.compile(r"\b(?:skin|face|complexion)\b", re.IGNORECASE)
# a person gone yellow ("he's gone really yellow", "she looks a bit yellow", "been goin yellow"), not a
# thing ("his eyes are still yellow", "poos are still yellow")
_PERSON_YELLOW_RE = re.compile(
    r"\b(?P<verb>look(?:s|ing|ed)?|gone|going|goin|went|turned|turning|is|was|still|very|quite)\s+"
    r"(?:(?:a|bit|little|really|quite|very|funny|slightly|so|more)\s+)*(?:yel+o\w*|yelow\w*|yellw\w*)\b",
    re.IGNORECASE,
)
_THING_BEFORE_RE = re.compile(
    r"\b(?:eyes?|eys|whites?|poos?|poops?|stools?|wee|pee|urine|nails?|toenails?|teeth|tongue|phlegm|sick|"
    r"vomit|discharge|gunk|snot|mucus|skin|bruises?|it|they|them)\b[^,]{0,25}$",
    re.IGNORECASE,
)
_DENIAL_BEFORE_RE = re.compile(r"\b(?:no|not|never|without|any)\b|n't\b", re.IGNORECASE)


def icterus_and_jaundice(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """Each sentence that says yellow eyes reads *Conjunctival icterus*; its *Jaundice* stays only where
    the skin or the person is yellow too, and is added where a person is said to be yellow."""
    if not _YELLOW_RE.search(text) or CONJUNCTIVAL_ICTERUS not in lexicon.scope:
        return mentions
    result = list(mentions)
    for sentence in SENTENCE_RE.finditer(text):
        words = sentence[0]
        yellow = _YELLOW_RE.search(words)
        if not yellow or not _EYES_RE.search(words) or _DISCHARGE_RE.search(words):
            continue
        result = _read_sentence(lexicon, text, sentence.start(), sentence.end(), result)
    return sorted(result, key=lambda m: (m.start, m.end))


def _read_sentence(
    lexicon: Lexicon, text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    jaundice = [m for m in inside if m.hpo_id == JAUNDICE and _YELLOW_RE.search(m.text)]
    icterus = [m for m in inside if m.hpo_id == CONJUNCTIVAL_ICTERUS]
    words = text[start:end]
    skin_or_person = _skin_yellow(words) or _person_yellow(words)
    said: Mention | None = (jaundice or icterus)[0] if jaundice or icterus else None
    if said is None:
        yellow = _YELLOW_RE.search(words)
        if yellow is None or _DENIAL_BEFORE_RE.search(words[: yellow.start()]):
            return mentions  # "no yellow eyes": negation reads that where the lexicon names it
        eyes = _EYES_RE.search(words)
        assert eyes is not None
        said = _new_mention(lexicon, text, start + eyes.start(), start + eyes.end(), CONJUNCTIVAL_ICTERUS)
    added = [] if icterus else [lexicon.as_term(said, CONJUNCTIVAL_ICTERUS)]
    if not skin_or_person:
        return [*(m for m in mentions if m not in jaundice), *added]
    if not jaundice and JAUNDICE in lexicon.scope:
        added.append(lexicon.as_term(said, JAUNDICE))
    return [*mentions, *added]


def _skin_yellow(words: str) -> bool:
    """The skin is said in the same clause as a yellow ("skin and the whites of his eyes have gone yellow");
    not "itchy skin, and the whites of my eyes went yellow"."""
    return any(_SKIN_RE.search(clause) and _YELLOW_RE.search(clause) for clause in words.split(","))


def _person_yellow(words: str) -> bool:
    return any(
        not _THING_BEFORE_RE.search(words[: match.start()]) for match in _PERSON_YELLOW_RE.finditer(words)
    )


def _new_mention(lexicon: Lexicon, text: str, start: int, end: int, term: str) -> Mention:
    return Mention(
        hpo_id=term,
        label=lexicon.labels.get(term, term),
        start=start,
        end=end,
        text=text[start:end],
        excluded=False,
        family=False,
        uncertain=False,
    )
