"""Readings of the heart and the breath: a heartbeat felt racing or pounding, and stopping to catch one's
breath."""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import SENTENCE_RE, Reading, _each_match_on, _read

# Session 18: the heart felt beating fast, hard or unevenly is palpitations, however the words run ("my
# heart - out of nowhere it starts pounding really fast", "my heart feels like it's racing", "heart going
# really fast and bumpy", "my heart goes like the clappers"); not a heart attack, heart surgery or tablets,
# and not a heart rate given as a number (vital_signs reads that)
_HEART_FELT_RE = re.compile(
    r"\b(?:heart|hart|harts|hearts)\b(?![- ](?:attack|surgery|op|operation|tablets?|pills?|failure|"
    r"condition|problems?|murmur|rate|disease|valve))[^.;!?\n]{0,30}?\b(?P<felt>racing|racin|races|raced|"
    r"pounding|poundin|pounds|pounded|thumping|thumpin|thumps|banging|bangin|fluttering|flutterring|"
    r"flutterin|flutters|fluttery|fluttrey|jumping|skipping|skips|bumpy|beat very hard|beating (?:quick|"
    r"fast|hard)|going (?:really |very |so |too )?fast|like the clappers|like a train"
    # session 19: the bare verbs of a list ("heart beat funny, jump, flutter, sometime miss beat")
    r"|beat funny|flutter|miss(?:es|ed)? (?:a )?beats?)\b",
    re.IGNORECASE,
)
PALPITATIONS = "HP:0001962"

# Session 18: stopping on the way to catch one's breath is breathlessness on exertion ("stopping 3 times to
# catch my breath", "I have to stop every few steps to get my breath")
_STOPS_FOR_BREATH_RE = re.compile(
    r"\bstop\w*\b[^.;!?\n]{0,30}?\b(?:to (?:catch|get) (?:my|his|her|their|me|your) (?P<breath>breath)|for "
    r"(?:a )?(?P<breath2>breath))\b",
    re.IGNORECASE,
)
EXERTIONAL_DYSPNEA = "HP:0002875"


def heart_felt(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Palpitations, read on the word that says how the heart felt."""
    return _each_match_on(_HEART_FELT_RE, text, tokens, PALPITATIONS, ("felt",))


def stops_for_breath(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Exertional dyspnea, read on "breath"."""
    return _each_match_on(_STOPS_FOR_BREATH_RE, text, tokens, EXERTIONAL_DYSPNEA, ("breath", "breath2"))


# Session 19: the heart racing or its rate climbing on standing is orthostatic tachycardia, however the
# words run ("my heart goes from 70 to 130 when I stand up", "a racing heart just from standing up", "HR
# sitting 70, standing 125", "can't stand long enough to cook without my heart going to 150"); 10 of 11
# such texts in the read lay sets are coded so
_HEART_RE = re.compile(r"\b(?:heart|hart|hr|pulse)\b", re.IGNORECASE)
STANDING_RE = re.compile(r"\b(?:stand|stands|standing|stood)\b", re.IGNORECASE)
_CLIMBS_RE = re.compile(
    r"\b(?:rac\w*|shoots?|shot|jumps?|jumping|hits?|goes (?:from|to|up)|going (?:to|up)|up to|up by|"
    r"[1-2]\d\d)\b",
    re.IGNORECASE,
)
# a rate at rest, or one that does not change ("my heart rate barely changes when I stand")
_STEADY_RE = re.compile(r"\b(?:resting|at rest|barely|hardly|settled|doesn't|does not|didn't)\b", re.I)
ORTHOSTATIC_TACHYCARDIA = "HP:0012173"


def racing_on_standing(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Orthostatic tachycardia over the sentence's words from the heart to the standing (so that the
    palpitation or the rate read inside it give way)."""
    readings: list[Reading] = []
    for sentence in SENTENCE_RE.finditer(text):
        words = sentence[0]
        heart, standing = _HEART_RE.search(words), STANDING_RE.search(words)
        if heart and standing and climbs_on_standing(words):
            start = sentence.start() + min(heart.start(), standing.start())
            end = sentence.start() + max(heart.end(), standing.end(), _last_climb_end(words))
            readings += _read(tokens, start, end, ORTHOSTATIC_TACHYCARDIA)
    return readings


def climbs_on_standing(sentence: str) -> bool:
    """The sentence says the heart races or its rate climbs on standing (not at rest, not "barely")."""
    return bool(
        _HEART_RE.search(sentence)
        and STANDING_RE.search(sentence)
        and _CLIMBS_RE.search(sentence)
        and not _STEADY_RE.search(sentence)
    )


def _last_climb_end(words: str) -> int:
    return max(match.end() for match in _CLIMBS_RE.finditer(words))
