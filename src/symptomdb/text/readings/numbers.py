"""Other findings stated in numbers: weight changes, centiles, body mass indices, cycle lengths and
counted falls.

"lost like 8kg", "put on 15kg in a year", "up 4kg in a week": weight loss or gain in numbers; a child's
weight that "dropped from the 50th to below the 9th centile" is failure to thrive.

Periods more than 35 days apart are oligomenorrhoea, less than 21 polymenorrhoea.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.english import NUMBER_WORDS
from symptomdb.text.normalise import Token

from ._base import Reading, _read, _sentence_around

WEIGHT_LOSS = "HP:0001824"
WEIGHT_GAIN = "HP:0004324"  # Increased body weight
_WEIGHT_RE = re.compile(
    # session 23: "I lose 5 kg" told as done, as writers whose language marks no tense say it; not a goal
    r"\b(?P<verb>lost|losing|dropped|down|put on|piled on|gained|gaining|up"
    r"|(?:^|(?<=[.!?] )|(?<=\bi ))lose)\s+"
    r"(?:(?:about|around|like|nearly|almost|over|roughly|another|maybe|approx\.?|approximately)\s+)?"
    r"(?:\d+(?:[.,]\d+)?|a|half a|a few|a couple of|two|three|four|five|six)\s*"
    r"(?P<unit>kg|kgs|kilos?|kilograms?|pounds|lbs?|stone|st)\b"
    # session 17: the amount first ("scales show 4 kg down since last visit", "2kg lighter than")
    r"|\b\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|pounds|lbs?|stone)\s+(?P<after>down|lighter)\b",
    re.IGNORECASE,
)
# round 33: periods that come more than 35 days apart are oligomenorrhoea, less than 21 polymenorrhoea (HPO's
# definitions): "periods every 40-50 days", "6-8 weeks between them", "cycles are 40-60 days long",
# "only about 4 periods a year"
_CYCLE_RE = re.compile(
    r"(?:\b(?:period|periods)\b[^.;!?\n\d]{0,30}?\bevery|\b(?:cycle|cycles)\b[^.;!?\n\d]{0,30}?\b(?:every|are|is|of))"
    r"\s+(?:about\s+|around\s+)?"
    r"(?P<n>\d{1,2})(?:\s*(?:-|–|to|or)\s*\d{1,2})?\s*(?P<unit>days?|weeks?|months?)\b"
    r"|\b(?P<n2>\d{1,2})(?:\s*(?:-|–|to)\s*\d{1,2})?\s*(?P<unit2>days?|weeks?)"
    r"\s+(?:apart|between (?:them|periods))"
    r"|\b(?P<count>\d|two|three|four|five|six) periods a year\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
OLIGOMENORRHEA, POLYMENORRHEA = "HP:0000876", "HP:0400007"
# round 39: a body mass index of 30 or more is obesity of its class (HPO's definitions: 30-34.9, 35-39.9,
# 40 or more): "GP says my BMI is 33 now", "BMI 41"
_BMI_RE = re.compile(
    r"\bbmi\b[^.;!?\n\d]{0,20}?(?P<value>\d{2}(?:[.,]\d)?)\b(?!\s*(?:%|/|kg|lbs?|years|yrs|centile|percentile))",
    re.IGNORECASE,
)
_OBESITY_NAMED_RE = re.compile(r"\b(?:obes\w*|overweight)\b", re.IGNORECASE)
OBESITY_CLASSES = ((40.0, "HP:0025501"), (35.0, "HP:0025500"), (30.0, "HP:0025499"))
# round 46: two falls or more in a stated time are frequent falls ("I've fallen 3 times this month",
# "3 falls in the last 2 weeks")
_FALLS_RE = re.compile(
    r"\b(?:(?:fallen|fell|fall|falls)(?:\s+(?:over|down))?\s+(?P<n>\d|two|three|four|five|six|several|a few|"
    r"a couple of)\s+times"
    r"|(?P<m>\d|two|three|four|five|six|several)\s+falls)\b"
    r"[^.;!?\n]{0,20}?\b(?:(?:this|last|a|per|in the (?:last|past)|in|over the (?:last|past)|the past)\s+"
    r"(?:\w+\s+)?(?:weeks?|months?|fortnight|year|day)|since\s+\w+)\b",
    re.IGNORECASE,
)
FREQUENT_FALLS = "HP:0002359"
_CENTILE_DROP_RE = re.compile(
    r"\b(?:dropped|dropping|fallen|falling|fell|gone down|crossed)\b[^.;!?]{0,40}?\b(?P<centile>centiles?)\b",
    re.IGNORECASE,
)
_FAILURE_TO_THRIVE = "HP:0001508"
_LOSING = frozenset({"lost", "losing", "dropped", "down", "lose"})


def frequent_falls(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Frequent falls from two falls or more counted in a stated time."""
    readings: list[Reading] = []
    for match in _FALLS_RE.finditer(text):
        count = (match["n"] or match["m"]).lower()
        if count not in ("1", "0"):
            readings += _read(tokens, match.start(), match.end(), FREQUENT_FALLS)
    return readings


def weight_changes(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Weight loss or gain stated as an amount ("lost like 8kg", "up 4kg in a week")."""
    readings: list[Reading] = []
    for match in _WEIGHT_RE.finditer(text):
        term = WEIGHT_LOSS if match["after"] or match["verb"].lower() in _LOSING else WEIGHT_GAIN
        readings += _read(tokens, match.start(), match.end(), term)
    return readings


def centile_drops(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Failure to thrive where a weight has dropped across centiles (the sentence says weight, not
    height, length or head)."""
    readings: list[Reading] = []
    for match in _CENTILE_DROP_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end()).lower()
        if "weigh" not in sentence or re.search(r"\b(?:height|length|head)\b", sentence):
            continue
        readings += _read(tokens, match.start("centile"), match.end("centile"), _FAILURE_TO_THRIVE)
    return readings


def cycle_lengths(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Oligomenorrhoea or polymenorrhoea from the days between periods (or the periods in a year)."""
    readings: list[Reading] = []
    for match in _CYCLE_RE.finditer(text):
        if match["count"]:
            count = match["count"].lower()
            days = 365 / int(NUMBER_WORDS.get(count, count))
        else:
            number, unit = (match["n"], match["unit"]) if match["n"] else (match["n2"], match["unit2"])
            if not match["n"] and not _CYCLE_WORDS_RE.search(
                _sentence_around(text, match.start(), match.end())
            ):
                continue  # "6-8 weeks between them" of something other than periods
            days = int(number) * _UNIT_DAYS[unit.lower().rstrip("s")]
        term = OLIGOMENORRHEA if days > 35 else POLYMENORRHEA if days < 21 else None
        if term:
            readings += _read(tokens, match.start(), match.end(), term)
    return readings


_CYCLE_WORDS_RE = re.compile(r"\b(?:period|periods|cycle|cycles)\b", re.IGNORECASE)


def body_mass_indices(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Obesity of its class from a stated BMI of 30 or more, unless the text names the obesity itself (the
    named finding is what is coded then)."""
    if _OBESITY_NAMED_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _BMI_RE.finditer(text):
        value = float(match["value"].replace(",", "."))
        term = next((term for floor, term in OBESITY_CLASSES if value >= floor), None)
        if term and value < 100:
            readings += _read(tokens, match.start(), match.end("value"), term)
    return readings


# Session 22: a milestone reached late, in months ("walked at 22 months", "didn't walk until 20 months", "sat
# up at 11 months"): walking after 18 months and sitting after 9 are delayed (the WHO's windows for healthy
# children close about then); earlier ages read nothing
_MILESTONE_RE = re.compile(
    r"\b(?P<skill>walk(?:ed|ing)?|sat|sit(?:ting)?)\s+(?:up\s+|on (?:his|her) own\s+)?"
    r"(?:at|until|till|til|from|by)\s+(?:about\s+|around\s+|nearly\s+)?(?P<months>\d{1,2})\s*"
    r"(?:months?|mths?|mo)\b",
    re.IGNORECASE,
)
_LATE_FROM_MONTHS = {"walk": (18, "HP:0031936"), "sit": (9, "HP:0025336")}  # Delayed ability to walk / sit
# a development said to be delayed as a whole: the milestones are its evidence, not findings of their own (as
# ID-68's curators code them)
_GLOBAL_DELAY_RE = re.compile(
    r"\bdevelopment\w*\b[^.;!?\n]{0,40}\bdelay|\bdelay\w*\b[^.;!?\n]{0,20}\bdevelopment|\bgdd\b",
    re.IGNORECASE,
)


def late_milestones(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Delayed ability to walk or sit where the age the child reached it is past the usual window, in a text
    that does not call the whole development delayed."""
    if _GLOBAL_DELAY_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _MILESTONE_RE.finditer(text):
        skill = "walk" if match["skill"].lower().startswith("walk") else "sit"
        late_from, term = _LATE_FROM_MONTHS[skill]
        if int(match["months"]) > late_from:
            readings += _read(tokens, match.start(), match.end(), term)
    return readings
