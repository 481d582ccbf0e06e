"""Readings of vital signs: temperatures, blood pressures, heart and breathing rates, oxygen saturations,
Glasgow coma scores and blood glucose.

"Temp 38.6 at 2pm", "temperature of 101.2F", "fever of 102": a reading at or above 38.0 °C (100.4 °F) is
a fever, one of 37.6-37.9 °C (99.7-100.3 °F) a low-grade fever, one between 35.5 and 37.5 °C (96-99.5 °F)
says there is none. Without a number, "a temp" and "high temps" are a fever too, and "no temp" none
(British, like "a temperature").

"BP was 168/102", "took my BP and it was 150/100", "168 over 102": a reading of 140 systolic or 90
diastolic or more is hypertension, one under 90 systolic hypotension; a normal one (100-139 systolic)
says there is no hypertension, unless the text names it (it may be treated).

A stated heart rate of 100-250 is tachycardia (not in a text about a baby).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from symptomdb.text.normalise import Token

from ._base import Reading, _read, _sentence_around
from .diabetes import fasting_said, fasting_term, sugar_term
from .heart_and_lungs import climbs_on_standing

FEVER = "HP:0001945"
LOW_GRADE_FEVER = "HP:0011134"
HYPERTENSION = "HP:0000822"
HYPOTENSION = "HP:0002615"

# round 32: the reading may come a few words on ("Temp this morning was 101.3", "fever of 102")
_TEMPERATURE_RE = re.compile(
    # session 13: misspelt too ("temprature", "tempriture", "feever", "fevor")
    # session 19: "fewer 39", a fever spelt with w, only right before its number ("fewer than 40" is none)
    # session 23: "fiver 38,5", "temperaturu 37,8" (a Slavic case ending)
    r"\b(?:temp|temps|temp[a-z]{0,6}(?:ture|tures|tur[aeu]?)|f[ei]{1,2}v[aeo]rs?|fewer(?=\s+(?:of\s+)?\d)"
    r"|thermometer)\b"
    r"[^.;!?\n\d]{0,25}?"
    r"(?P<value>\d{2,3}(?:[.,]\d{1,2})?)(?![\d/])\s*(?:°|º|degrees?)?\s*(?P<scale>[cf](?![a-z]))?",
    re.IGNORECASE,
)
# session 23: a temperature said bare, with its decimal, after have or with ("I have 37,9", "with 38.6"),
# after "hot", "it was", "up to" or "spiking", or before "on the thermometer" ("a bit hot, 38.2 this
# morning", "it was 100.8 last night"); never a weight, a length, a lab value or a measure of anything else
_BARE_TEMPERATURE_RE = re.compile(
    r"(?<!\bbmi )(?<!\bbmi was )(?<!\bbmi is )"
    r"(?:\b(?:have|has|had|got|with|hot,?|it was|up to|spiking|spiked|hit|reached)\s+"
    r"(?P<value>(?:3[6-9]|4[01])[.,]\d|(?:99|10[0-6])[.,]\d)"
    r"|\b(?P<value2>(?:3[6-9]|4[01])[.,]\d|(?:99|10[0-6])[.,]\d)(?=\s+on the thermometer\b))"
    r"(?![\d.,/])\s*(?:°|º|degrees?)?\s*(?P<scale>[cf](?![a-z]))?"
    r"(?!\s*(?:kg|kilos?|%|cm|mm|weeks?|lbs?|years?|mmol|l\b|litres?|liters?|hours?|mins?|minutes|bpm|mg))",
    re.IGNORECASE,
)
# round 29: the reading may come a few words later in its sentence ("took my BP and it was 150/100",
# "BP machine at work said 168 over 102", "my readings have been 110/70")
_PRESSURE_RE = re.compile(
    # session 19: misspelt and as Romance and South Asian writers say it ("presure", "presion", "tension")
    # session 23: spelt by ear and as Balkan writers say it ("preshur", "pritisak")
    r"(?:\b(?:bp|blood pressures?|pressures?|presure|presion|pression|tension|preshure?|pritisak|readings?"
    r"|measured)\b"
    r"|(?<=\d)\s+(?:to|and|then)\b)[^.;!?\n\d]{0,40}?"
    r"(?P<systolic>\d{2,3})\s*(?:/|over)\s*(?P<diastolic>\d{2,3})\b",
    re.IGNORECASE,
)
# round 32: a stated heart rate of 100 or more in someone who is no baby ("my heart rate jumps to 130",
# "resting rate is around 105"; round 39: "heart going 150 on my watch")
_HEART_RATE_RE = re.compile(
    r"\b(?:heart ?rate|pulse|hr|resting rate|heart (?:was |is )?(?:going|racing|beating|pounding))\b"
    r"[^.;!?\n\d]{0,25}?(?P<value>\d{2,3})(?:s\b|\b)"  # session 21: "in the 40s"
    r"(?!\s*(?:/|%|kg|lbs?|mins?|minutes|seconds|secs|years|yrs|days|weeks|months))",
    re.IGNORECASE,
)
_A_CHANGE_RE = re.compile(r"\b(?:by|of)(?: about| around| over| nearly)? $", re.IGNORECASE)
_INFANT_RE = re.compile(
    r"\b(?:baby|babies|infant|newborn|toddler|(?:weeks?|months?)[ -]old)\b", re.IGNORECASE
)
TACHYCARDIA = "HP:0001649"
# round 36 (ambulance and clinic shorthand, home readings): breathing rate, oxygen saturation, Glasgow coma
# score and blood glucose as numbers
_RESP_RATE_RE = re.compile(
    r"\b(?:rr|resp(?:iratory)? rate|resps)\b[^.;!?\n\d]{0,15}?(?P<value>\d{1,2})\b", re.I
)
_SATURATION_RE = re.compile(
    r"\b(?:spo2|sp02|sats|o2 sats|oxygen sat\w*|oxygen levels?|o2 levels?|o2|"
    r"oxygen(?=[^.;!?\n\d]{0,20}?\d{2,3}\s*%))\b[^.;!?\n\d]{0,20}?"  # session 21: "oxygen 89%"
    r"(?P<value>\d{2,3})\s*%?(?!\s*(?:/|mg|mmol|bpm|kg|l\b|litres|liters))",
    re.IGNORECASE,
)
_GCS_RE = re.compile(r"\bgcs\b[^.;!?\n\d]{0,10}?(?P<value>\d{1,2})\b(?!\s*/\s*1[0-4]\b)", re.IGNORECASE)
_GLUCOSE_RE = re.compile(
    r"\b(?P<key>bm|bms|blood sugars?|sugars?|sugar levels?|glucose|cbg)\b(?![-\s]*a1c)[^.;!?\n\d]{0,25}?"
    r"(?:(?P<value>\d{1,3}(?:[.,]\d)?)\b(?!\s*(?:%|/|kg|lbs?|years|yrs|days|weeks|months|times|x\b))"
    r"|(?P<word>hi|high|lo|low)\b)",
    re.IGNORECASE,
)
TACHYPNEA, BRADYPNEA, HYPOXEMIA = "HP:0002789", "HP:0046507", "HP:0012418"
REDUCED_CONSCIOUSNESS = "HP:0004372"
BRADYCARDIA, HYPOTHERMIA = "HP:0001662", "HP:0002045"
# session 13: lying (or sitting) and standing blood pressures ("BP lying 138/80, standing 104/62")
_POSTURAL_RE = re.compile(
    r"\b(?:lying|sitting|supine|seated)\b\D{0,12}(?P<s1>\d{2,3})\s*/\s*(?P<d1>\d{2,3})"
    r"[^.;!?\n\d]{0,20}?\bstanding\b\D{0,12}(?P<s2>\d{2,3})\s*/\s*(?P<d2>\d{2,3})",
    re.IGNORECASE,
)
# ... or the drop stated ("did my blood pressure lying and standing and it dropped by 30")
_POSTURAL_DROP_RE = re.compile(
    r"\b(?:lying and standing|sitting and standing|on standing|when (?:i|he|she) stand)\b[^.;!?\n\d]{0,30}?"
    r"\b(?:dropped|drops|fell|falls|went down)\s+(?:by\s+)?(?P<drop>\d{2})\b",
    re.IGNORECASE,
)
ORTHOSTATIC_HYPOTENSION = "HP:0001278"
_TEMP_WORDS = frozenset({"temp", "temps"})
_BEFORE_TEMP = frozenset({"a", "no", "any", "high", "v", "very"})
_NOT_BODY_RE = re.compile(
    r"\b(?:room|water|bath|air|outside|outdoor|ambient|oven|fridge|freezer|pool|sea)\s*$", re.I
)


def temperatures(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Fever (or its absence) from each stated temperature reading."""
    return _temperature_readings(text, tokens, _TEMPERATURE_RE)


def bare_temperatures(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Session 23: fever (or its absence) from a temperature said bare, after its cue ("I have 37,9", "a bit
    hot, 38.2", "it was 100.8") or before "on the thermometer"."""
    return _temperature_readings(text, tokens, _BARE_TEMPERATURE_RE)


def _temperature_readings(text: str, tokens: Sequence[Token], pattern: re.Pattern[str]) -> list[Reading]:
    readings: list[Reading] = []
    for match in pattern.finditer(text):
        if _NOT_BODY_RE.search(text, 0, match.start()):
            continue  # "the bath water temperature was 40"
        group = "value" if match["value"] else "value2"
        reading = _fever(float(match[group].replace(",", ".")), (match["scale"] or "").lower())
        if reading is not None:
            readings += [
                replace(r, temperature=True)
                for r in _read(tokens, match.start(), match.end(group), reading[0], absent=reading[1])
            ]
    return readings


def temp_words(tokens: Sequence[Token], lowers: list[str]) -> list[Reading]:
    """Fever where "temp" is said as a finding ("had a temp", "no temp", "high temps"), not a reading."""
    readings: list[Reading] = []
    for i, word in enumerate(lowers):
        if word not in _TEMP_WORDS or i == 0 or lowers[i - 1] not in _BEFORE_TEMP:
            continue
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if not after[:1].isdigit():  # "temp 38.4" is a reading (``temperatures``)
            readings.append(Reading(i, i, FEVER))
    return readings


def blood_pressures(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypertension or hypotension from each stated blood pressure reading; a fall of 20 systolic or 10
    diastolic from lying or sitting to standing is orthostatic hypotension (and then no reading of the pair
    says there is no hypertension)."""
    drop = _POSTURAL_DROP_RE.search(text)
    if drop and int(drop["drop"]) >= 20:
        return _read(tokens, drop.start(), drop.end(), ORTHOSTATIC_HYPOTENSION)
    postural = _POSTURAL_RE.search(text)
    if postural:
        first = int(postural["s1"]), int(postural["d1"])
        standing = int(postural["s2"]), int(postural["d2"])
        if first[0] - standing[0] >= 20 or first[1] - standing[1] >= 10:
            return _read(tokens, postural.start(), postural.end(), ORTHOSTATIC_HYPOTENSION)
    readings: list[Reading] = []
    for match in _PRESSURE_RE.finditer(text):
        systolic, diastolic = int(match["systolic"]), int(match["diastolic"])
        if not 40 <= diastolic < systolic <= 300:
            continue  # not a blood pressure ("pressure 3/4")
        high = systolic >= 140 or diastolic >= 90
        low = systolic < 90 and not high
        normal = not high and systolic >= 100  # a lowish 90/60 is noted for itself, not as no hypertension
        if high or low or normal:  # a normal reading: no hypertension (unless the text names it: treated)
            term = HYPOTENSION if low else HYPERTENSION
            readings += _read(tokens, match.start("systolic"), match.end(), term, absent=normal)
    if any(not r.absent for r in readings):  # "my BP swings from 90/60 to 180/100"
        return [r for r in readings if not r.absent]
    return readings


def heart_rates(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tachycardia from a stated heart rate of 100-250 a minute, bradycardia from one of 20-49; none in a
    text about a baby or toddler (whose rates run higher)."""
    if _INFANT_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _HEART_RATE_RE.finditer(text):
        if _A_CHANGE_RE.search(text, max(match.start("value") - 12, 0), match.start("value")):
            continue  # session 19: "shoots up by 40 beats" is a change, not a rate
        if climbs_on_standing(_sentence_around(text, match.start(), match.end())):
            continue  # session 19: a rate on standing is orthostatic (``heart_and_lungs.racing_on_standing``)
        rate = int(match["value"])
        term = TACHYCARDIA if 100 <= rate <= 250 else BRADYCARDIA if 20 <= rate < 50 else None
        if term:
            readings += _read(tokens, match.start("value"), match.end("value"), term)
    return readings


def breathing_rates(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tachypnoea from a breathing rate of 25-80 a minute, bradypnoea from one of 3-9; none in a text about
    a baby or toddler."""
    if _INFANT_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _RESP_RATE_RE.finditer(text):
        rate = int(match["value"])
        term = TACHYPNEA if 25 <= rate <= 80 else BRADYPNEA if 3 <= rate <= 9 else None
        if term:
            readings += _read(tokens, match.start("value"), match.end("value"), term)
    return readings


def saturations(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypoxaemia from an oxygen saturation of 50-93 %."""
    readings: list[Reading] = []
    for match in _SATURATION_RE.finditer(text):
        if 50 <= int(match["value"]) <= 93:
            readings += _read(tokens, match.start("value"), match.end("value"), HYPOXEMIA)
    return readings


def coma_scores(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Reduced consciousness from a Glasgow coma score of 3-14."""
    readings: list[Reading] = []
    for match in _GCS_RE.finditer(text):
        if 3 <= int(match["value"]) <= 14:
            readings += _read(tokens, match.start(), match.end(), REDUCED_CONSCIOUSNESS)
    return readings


def glucose_levels(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypo- or hyperglycaemia from a blood glucose: under 4.0 or 11.1 and over (mmol/L), under 70 or 200
    and over (mg/dL, read from values of 40 and more), or a meter's "HI"/"LO"."""
    readings: list[Reading] = []
    for match in _GLUCOSE_RE.finditer(text):
        if (
            match["key"].lower().startswith("bm")
            and match["value"]
            and match["value"].isdigit()
            and int(match["value"]) < 10
        ):
            continue  # "BM 2 today" may be bowel movements; a meter's reading of under 10 has a decimal
        term = sugar_term(match["value"], match["word"])
        if (
            term is None
            and match["value"]
            and fasting_said(_sentence_around(text, match.start(), match.end()))
        ):
            term = fasting_term(match["value"])  # session 19: "180 … before breakfast"
        if term:
            group = "value" if match["value"] else "word"
            readings += _read(tokens, match.start(group), match.end(group), term)
    return readings


def _fever(value: float, scale: str) -> tuple[str, bool] | None:
    """(term, absent) for a body temperature: a fever at 38.0 °C (100.4 °F) or more, a low-grade fever
    at 37.6-37.9 °C (99.7-100.3 °F; round 34: eight of eight lay readings there are coded so, HPO's "mild
    fever"), no fever at 35.5-37.5 °C (96-99.5 °F); None for anything else."""
    if scale != "f" and 30 <= value <= 45:
        celsius = value
    elif scale != "c" and 90 <= value <= 110:
        celsius = (value - 32) * 5 / 9
    else:
        return None
    if celsius >= 37.99:
        return FEVER, False
    if celsius >= 37.55:
        return LOW_GRADE_FEVER, False
    if 35.5 <= celsius <= 37.5:
        return FEVER, True
    if 25 <= celsius < 35.0:
        return HYPOTHERMIA, False  # round 36: "tympanic temp 34.6"
    return None
