"""Readings of diabetes and of the blood tests people quote: a low said of the blood sugar, readings of a
meter or a sensor, the type of diabetes said of the writer, HbA1c and ketones (other blood tests:
``blood_tests``).

Session 19: people with diabetes write "went low at 3am", "more lows than usual", "keeps going low after
football", "Type 1 here", "T1 for 30 years", "HbA1c came back at 71", "Blood ketones 2.4", "CGM showed 2.5"
or "Meter just says HI". In a text about the blood sugar a low is a hypo, not a low mood (the lexicon's
"feeling low" and the low-mood reading give way to it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from symptomdb.text.normalise import Token

from ._base import Reading, _read, _sentence_around

HYPOGLYCEMIA, HYPERGLYCEMIA = "HP:0001943", "HP:0003074"
IMPAIRED_FASTING_GLUCOSE = "HP:0025691"
TYPE_1_DIABETES, TYPE_2_DIABETES = "HP:0100651", "HP:0005978"
ELEVATED_HBA1C = "HP:0040217"
HYPERKETONEMIA, KETONURIA = "HP:0410175", "HP:0002919"

# what makes a text one about the blood sugar
_ABOUT_SUGAR_RE = re.compile(
    r"\b(?:sugars?|glucose|hypos?|hypoing|hypo'?d|diabet\w*|insulin|mmol|mg/dl|cgm|libre|dexcom|"
    r"a1c|hba1c|ketones?|metformin|gliclazide|jelly babies|lucozade|bms?|t1d?|t2d?|type [12])\b",
    re.IGNORECASE,
)
# "went low at 3am", "keeps going low", "had a low", "more lows than usual", "don't feel low at all"; not
# "low carb", "low down", "low dose", "running low on strips"
_LOW_RE = re.compile(
    r"\b(?:(?:went|go|goes|going|gone|goin|ran|run|runs|running|dropped|dropping|dipped|dipping|been|feel|"
    r"feels|feeling|felt|had a|having a|get|getting|a bad)\s+(?:really\s+|very\s+|so\s+|a bit\s+|quite\s+)?"
    r"(?P<low>low)\b(?!\s*(?:carb|fat|sugar diet|dose|down|on|in (?:iron|mood)|mood|grade)\b)"
    r"|(?P<lows>lows)\b)",
    re.IGNORECASE,
)
# a meter, sensor or finger prick and its number ("meter said 2.9", "CGM showed 2.5 at 4am", "finger
# prick, 19.4", "Meter just says HI"), or a number given in the units of a blood sugar ("up to 24 mmol")
_METER_RE = re.compile(
    r"\b(?:meter|cgm|libre|dexcom|sensor|finger ?pricks?|finger ?sticks?|fingerstick)\b[^.;!?\n\d]{0,25}?"
    r"(?:(?P<value>\d{1,3}(?:[.,]\d)?)\b(?!\s*(?:%|/|kg|lbs?|years|yrs|days|weeks|months|times|x\b|am|pm))"
    r"|\b(?P<word>hi|lo)\b)",
    re.IGNORECASE,
)
_UNIT_RE = re.compile(
    r"\b(?P<value>\d{1,3}(?:[.,]\d)?)(?:\s*-\s*\d{1,3}(?:[.,]\d)?)?\s*(?P<unit>mmol|mg/dl|mg ?dl)\b",
    re.IGNORECASE,
)
_OTHER_ANALYTE_RE = re.compile(r"\b(?:ketones?|calcium|potassium|sodium|cholesterol|a1c|hba1c)\b", re.I)
# "fasting sugars around 9-10", "my fasting sugar was 6.4", "Fasting is 5.5 every morning", "fasting 130"
_FASTING_RE = re.compile(
    r"\bfasting\b[^.;!?\n\d]{0,25}?(?P<value>\d{1,3}[.,]\d|\d{1,3})\b(?!\s*(?:%|hours|hrs|days))",
    re.IGNORECASE,
)
_FASTING_SAID_RE = re.compile(r"\b(?:fasting|before (?:breakfast|eating)|first thing)\b", re.IGNORECASE)
# "Type 1 here", "T1 for 30 years", "my son is 14 and type 1", "since being diagnosed type 2"
_TYPE_RE = re.compile(
    r"\b(?:type\s*(?P<one>1|one)|type\s*(?P<two>2|two)|(?P<t1>t1d?|t1dm)|(?P<t2>t2d?|t2dm))\b"
    r"(?!\s*(?:diabet\w*|error|reaction|hypersensitivity|allergy|collagen|fibres?|fibers?|muscle)\b)",
    re.IGNORECASE,
)
_HBA1C_RE = re.compile(
    r"\b(?:hba1c|hb a1c|a1c|glycated)\b[^.;!?\n\d]{0,25}?(?P<value>\d{1,3}(?:[.,]\d)?)\b(?!\s*(?:years|yrs))",
    re.IGNORECASE,
)
# "Blood ketones 2.4", "Ketones 4.8", "No ketones on the blood meter though, 0.1"; urine ketones by
# pluses ("++ ketones") are ketonuria
_KETONES_RE = re.compile(
    r"\bketones?\b[^.;!?\n\d+]{0,30}?(?P<value>\d{1,2}[.,]\d{1,2}|\d)\b(?!\s*(?:%|days|hours|times))",
    re.IGNORECASE,
)
_URINE_KETONES_RE = re.compile(
    r"(?:\+{2,4}|\b(?:large|moderate|high)\b)\s*(?:of\s+)?(?P<ketones>ketones?)\b|"
    r"\b(?P<ketones2>ketones?)\b[^.;!?\n]{0,20}?(?:\+{2,4}|\b(?:large|moderate)\b)",
    re.IGNORECASE,
)
_URINE_RE = re.compile(r"\b(?:urine|wee|pee|sticks?|strips?|dipstick\w*)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def about_blood_sugar(text: str) -> bool:
    """The text speaks of the blood sugar (where a low is a hypo); cached, as three scans ask of one text."""
    return bool(_ABOUT_SUGAR_RE.search(text))


def blood_sugar_lows(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypoglycaemia from a low said in a text about the blood sugar."""
    if not about_blood_sugar(text):
        return []
    readings: list[Reading] = []
    for match in _LOW_RE.finditer(text):
        group = "low" if match["low"] else "lows"
        readings += _read(tokens, match.start(group), match.end(group), HYPOGLYCEMIA)
    return readings


def meter_readings(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypo- or hyperglycaemia from a meter's or a sensor's number, a number in the units of a blood sugar,
    or a fasting sugar (7.0 mmol/L and over: hyperglycaemia; 5.6-6.9: impaired fasting glucose), in a text
    about the blood sugar."""
    if not about_blood_sugar(text):
        return []
    readings: list[Reading] = []
    for match in _METER_RE.finditer(text):
        term = sugar_term(match["value"], match["word"])
        group = "value" if match["value"] else "word"
        if term:
            readings += _read(tokens, match.start(group), match.end(group), term)
    for match in _UNIT_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        if not _OTHER_ANALYTE_RE.search(sentence):
            term = sugar_term(match["value"], None, mg=match["unit"].lower() != "mmol")
            if term:
                readings += _read(tokens, match.start("value"), match.end("value"), term)
    for match in _FASTING_RE.finditer(text):
        term = fasting_term(match["value"])
        if term:
            readings += _read(tokens, match.start("value"), match.end("value"), term)
    return readings


def sugar_term(value: str | None, word: str | None, mg: bool | None = None) -> str | None:
    """Hypo- or hyperglycaemia for a blood glucose: under 4.0 or 11.1 and over (mmol/L), under 70 or 200
    and over (mg/dL; without a unit, values of 40 and more are read so), or a meter's "HI"/"LO"."""
    if word:
        return HYPERGLYCEMIA if word.lower() in ("hi", "high") else HYPOGLYCEMIA
    level = float((value or "0").replace(",", "."))
    if mg is None:
        mg = level >= 40
    if not mg:
        return HYPOGLYCEMIA if 0.5 <= level < 4.0 else HYPERGLYCEMIA if 11.1 <= level < 40 else None
    return HYPOGLYCEMIA if 20 <= level < 70 else HYPERGLYCEMIA if 200 <= level <= 900 else None


def fasting_said(sentence: str) -> bool:
    """The sentence says the sugar was taken fasting ("fasting", "before breakfast")."""
    return bool(_FASTING_SAID_RE.search(sentence))


def fasting_term(value: str) -> str | None:
    """A fasting blood glucose: 7.0 mmol/L (126 mg/dL) and over is hyperglycaemia, 5.6-6.9 (100-125)
    impaired fasting glucose."""
    level = float(value.replace(",", "."))
    if level >= 40:  # mg/dL
        return HYPERGLYCEMIA if 126 <= level <= 900 else IMPAIRED_FASTING_GLUCOSE if level >= 100 else None
    return HYPERGLYCEMIA if 7.0 <= level < 30 else IMPAIRED_FASTING_GLUCOSE if 5.6 <= level < 7.0 else None


def diabetes_types(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Type 1 or type 2 diabetes from "type 1", "T2" and the like in a text about the blood sugar."""
    if not _TYPE_RE.search(text) or not _ABOUT_SUGAR_RE.search(_TYPE_RE.sub(" ", text)):
        return []  # "type 1" alone does not make a text about diabetes
    readings: list[Reading] = []
    for match in _TYPE_RE.finditer(text):
        term = TYPE_1_DIABETES if match["one"] or match["t1"] else TYPE_2_DIABETES
        readings += _read(tokens, match.start(), match.end(), term)
    return readings


def hba1c_levels(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """An elevated HbA1c: 42 mmol/mol (6.0 %) and over; under 39 (5.7 %) rules it out."""
    readings: list[Reading] = []
    for match in _HBA1C_RE.finditer(text):
        level = float(match["value"].replace(",", "."))
        percent = level < 20
        if (percent and level >= 6.0) or (not percent and 42 <= level <= 200):
            readings += _read(tokens, match.start("value"), match.end("value"), ELEVATED_HBA1C)
        elif (percent and 3.5 <= level < 5.7) or (not percent and 20 <= level < 39):
            readings += _read(tokens, match.start("value"), match.end("value"), ELEVATED_HBA1C, absent=True)
    return readings


def ketone_levels(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Ketones in the blood (0.6 mmol/L and over is hyperketonaemia, under it none) or pluses of ketones
    in the urine (ketonuria)."""
    readings: list[Reading] = []
    for match in _URINE_KETONES_RE.finditer(text):
        group = "ketones" if match["ketones"] else "ketones2"
        readings += _read(tokens, match.start(group), match.end(group), KETONURIA)
    for match in _KETONES_RE.finditer(text):
        if _URINE_RE.search(_sentence_around(text, match.start(), match.end())):
            continue
        level = float(match["value"].replace(",", "."))
        if level <= 12:
            absent = level < 0.6
            readings += _read(tokens, match.start("value"), match.end("value"), HYPERKETONEMIA, absent=absent)
    return readings
