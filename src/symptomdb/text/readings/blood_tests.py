"""Readings of the blood tests people quote by name: a number ("CRP came back at 86", "Potassium was 6.8",
"eGFR is down to 12", "creatinine has crept up from 110 to 160") or a word ("uric acid was high", "my PTH is
sky high", "liver tests came back raised", "liver bloods were normal").

Session 20: kidney, liver and rheumatology patients quote their results this way (lay-text-75 and -76 code
16 such results; 1 was read before, 16 now). Each test has its reference limits in the units people are
given (UK mmol/L or µmol/L, and US mg/dL where the numbers cannot be mistaken for them); a number beyond a
limit reads the abnormal finding, and a word reads it as said. A test said normal rules out its raised
finding where only a raised one is a finding of its own (CRP, liver tests, creatine kinase …); a number
within the limits reads nothing, since people quote the number that worried them, not the ones that did
not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from symptomdb.text.normalise import Token

from ._base import Reading, _read


@dataclass(frozen=True)
class BloodTest:
    """A test people name, with its raised (and lowered) finding and the limits of its numbers: a value in
    ``high_from`` [from, to) or ``low_below`` [from, to) reads the finding; each range also fixes the unit
    (a creatinine of 160 is µmol/L, one of 1.9 mg/dL)."""

    names: str  # a regular expression of the test's names
    high: str | None
    low: str | None = None
    high_from: tuple[tuple[float, float], ...] = ()
    low_below: tuple[tuple[float, float], ...] = ()


ELEVATED_CRP = "HP:0011227"
ELEVATED_ESR = "HP:0003565"
HYPERURICEMIA = "HP:0002149"
ELEVATED_CREATININE = "HP:0003259"
INCREASED_UREA = "HP:0003138"
DECREASED_GFR = "HP:0012213"
HYPERKALEMIA, HYPOKALEMIA = "HP:0002153", "HP:0002900"
HYPERNATREMIA, HYPONATREMIA = "HP:0003228", "HP:0002902"
ELEVATED_PTH = "HP:0003165"
ELEVATED_PSA = "HP:0025020"
ELEVATED_ALT, ELEVATED_AST = "HP:0031964", "HP:0031956"
ELEVATED_TRANSAMINASES = "HP:0002910"
ELEVATED_CK = "HP:0003236"
HIGH_TSH, LOW_TSH = "HP:0002925", "HP:0031098"
HYPERCALCEMIA, HYPOCALCEMIA = "HP:0003072", "HP:0002901"

BLOOD_TESTS: tuple[BloodTest, ...] = (
    BloodTest(r"crp|c[- ]reactive protein", ELEVATED_CRP, high_from=((10, 700),)),
    BloodTest(r"esr|sed rate|sedimentation rate|plasma viscosity", ELEVATED_ESR, high_from=((30, 160),)),
    BloodTest(r"uric acid|urate", HYPERURICEMIA, high_from=((7.0, 20), (420, 1500))),
    BloodTest(r"creatinine|creat", ELEVATED_CREATININE, high_from=((1.3, 20), (120, 2000))),
    BloodTest(r"urea|bun", INCREASED_UREA, high_from=((7.8, 80),)),
    BloodTest(r"e?gfr|kidney function", None, DECREASED_GFR, low_below=((1, 60),)),
    BloodTest(r"potassium", HYPERKALEMIA, HYPOKALEMIA, high_from=((5.5, 10),), low_below=((1.5, 3.5),)),
    BloodTest(r"sodium", HYPERNATREMIA, HYPONATREMIA, high_from=((146, 190),), low_below=((100, 135),)),
    BloodTest(r"pth|parathyroid hormone|parathyroid levels?", ELEVATED_PTH),
    BloodTest(r"psa", ELEVATED_PSA, high_from=((4.0, 5000),)),
    BloodTest(r"alt", ELEVATED_ALT, high_from=((56, 10000),)),
    BloodTest(r"ast", ELEVATED_AST, high_from=((50, 10000),)),
    BloodTest(
        r"liver (?:function )?(?:tests?|bloods?|enzymes|results|numbers|levels|function)|lfts?",
        ELEVATED_TRANSAMINASES,
    ),
    BloodTest(r"ck|creatine kinase|cpk", ELEVATED_CK, high_from=((320, 100000),)),
    BloodTest(r"tsh", HIGH_TSH, LOW_TSH, high_from=((4.5, 500),), low_below=((0, 0.3),)),
    BloodTest(
        r"calcium",
        HYPERCALCEMIA,
        HYPOCALCEMIA,
        high_from=((2.65, 4.0), (10.5, 16)),
        low_below=((1.0, 2.1), (5.0, 8.5)),
    ),
)

_HIGH_WORDS = (
    r"high|higher|raised|up|elevated|sky ?high|through the roof|off the (?:scale|charts?)|abnormal|deranged|"
    r"too high|very high|a bit high|slightly high|up again"
)
_LOW_WORDS = r"low|lower|down|too low|very low|a bit low|slightly low"
_NORMAL_WORDS = r"normal|fine|ok|okay|clear|all clear|good"
# between the name and the number or word: a verb and a few words, no other number ("CRP came back at
# 86", "Potassium was 6.8 on Monday", "eGFR is down to 12", "creatinine has crept up from 110 to 160")
_BETWEEN = r"[^.;!?\n\d]{0,30}?"
_UNITS_NOT_OF_A_RESULT = (
    r"%|years?|yrs?|days?|weeks?|wks?|months?|mins?|hours?|times|x\b|am\b|pm\b|mg\b(?!\s*/)|tablets?|kg|lbs?|"
    r"stone|st\b|litres?|ml\b|o'?clock"
)
_FILLERS = (
    r"is|was|were|are|'s|has been|have been|came back|come back|comes back|showed|shows|went|gone|going|"
    r"all|a bit|still|now|levels?|results?|and it|and it's|and they|and they're|which|which was|which were"
)
_DEGREES = r"very|really|quite|so|slightly|a bit|a little|a touch|mildly|extremely"


def _pattern(test: BloodTest) -> re.Pattern[str]:
    number = r"\d{1,5}(?:[.,]\d{1,2})?"
    said_with_a_number = (
        rf"{_BETWEEN}(?:from {number}\s+(?:up\s+)?to\s+)?(?P<value>{number})\b"
        rf"(?!\s*(?:{_UNITS_NOT_OF_A_RESULT}))"
    )
    said_with_a_word = (
        rf"\s+(?:(?:{_FILLERS})\s+)*(?:(?:{_DEGREES})\s+)?"
        rf"(?P<word>{_HIGH_WORDS}|{_LOW_WORDS}|{_NORMAL_WORDS})\b"
    )
    return re.compile(
        rf"\b(?:(?P<before>{_HIGH_WORDS}|{_LOW_WORDS})\s+)?(?:(?:my|his|her|the)\s+)?(?:{test.names})\b"
        rf"(?!\s*(?:diet|foods?|salt|tablets?|supplements?|dose))"
        rf"(?:\s+(?:levels?|results?|count|tests?|bloods?|reading))?"
        rf"(?:{said_with_a_number}|{said_with_a_word})?",
        re.IGNORECASE,
    )


_PATTERNS = tuple(
    (test, re.compile(rf"\b(?:{test.names})\b", re.IGNORECASE), _pattern(test)) for test in BLOOD_TESTS
)
# any test's name: most texts name none, and one scan for all is far cheaper than a pattern for each
_ANY_TEST_RE = re.compile(r"\b(?:" + "|".join(test.names for test in BLOOD_TESTS) + r")\b", re.IGNORECASE)


def _in_ranges(value: float, ranges: tuple[tuple[float, float], ...]) -> bool:
    return any(low <= value < high for low, high in ranges)


def _term(test: BloodTest, match: re.Match[str]) -> tuple[str, bool] | None:
    """The finding a match reads and whether it is ruled out, or None."""
    if match["value"]:
        value = float(match["value"].replace(",", "."))
        if test.high and _in_ranges(value, test.high_from):
            return test.high, False
        if test.low and _in_ranges(value, test.low_below):
            return test.low, False
        return None
    word = (match["word"] or match["before"] or "").lower()
    if not word:
        return None
    if re.fullmatch(_NORMAL_WORDS, word):
        return (test.high, True) if test.high and not test.low else None
    if re.fullmatch(_LOW_WORDS, word):
        return (test.low, False) if test.low else None
    return (test.high, False) if test.high else None


def blood_test_results(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Each blood test named with a number beyond its limits, or said high, low or normal."""
    readings: list[Reading] = []
    if not _ANY_TEST_RE.search(text):
        return readings
    for test, name, pattern in _PATTERNS:
        if not name.search(text):
            continue
        for match in pattern.finditer(text):
            found = _term(test, match)
            if found:
                term, absent = found
                readings += _read(tokens, match.start(), match.end(), term, absent=absent)
    return readings
