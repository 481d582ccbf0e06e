"""Findings read from what word keys cannot carry: a measured temperature or blood pressure, a weight
change in numbers, British "be sick" and "the runs", and a fit described as stiffening then jerking.

"Temp 38.6 at 2pm", "temperature of 101.2F", "fever of 102": a reading at or above 38.0 °C (100.4 °F) is
a fever, one of 37.6-37.9 °C (99.7-100.3 °F) a low-grade fever, one between 35.5 and 37.5 °C (96-99.5 °F)
says there is none. Without a number, "a temp" and "high temps" are a fever too, and "no temp" none
(British, like "a temperature").

Other numbers (session 12): a stated heart rate of 100-250 is tachycardia (not in a text about a baby);
periods more than 35 days apart are oligomenorrhoea, less than 21 polymenorrhoea; bowels not opened for
days are constipation; passing urine every few minutes is frequent urination, getting up or waking to
pee nocturia; stopping breathing at night is sleep apnoea; "D&V" is diarrhoea and vomiting.

"BP was 168/102", "took my BP and it was 150/100", "168 over 102": a reading of 140 systolic or 90
diastolic or more is hypertension, one under 90 systolic hypotension; a normal one (100-139 systolic)
says there is no hypertension, unless the text names it (it may be treated).

"lost like 8kg", "put on 15kg in a year", "up 4kg in a week": weight loss or gain in numbers; a child's
weight that "dropped from the 50th to below the 9th centile" is failure to thrive.

"She was sick twice", "hasn't been sick", "sick x2", "no sickness": in British English to *be* sick is to
vomit, while to *feel* sick is nausea (the lexicon's "feels sick"). Every lay set written here codes it
so. "Off sick", "gets sick" and "sick with a cold" (ill) are left alone, as is "sick" as an adjective
("a sick child"). "Had the runs" is diarrhoea ("it runs in the family" is not: the word key of
"runs" alone could not tell them apart).

"had a fit, went stiff then his arms and legs were jerking": a seizure described as stiffening followed
by jerking or shaking is a tonic-clonic one (``stiff_then_jerking`` gives the description's span; the
annotator makes the seizure said before it *Bilateral tonic-clonic seizure*).

Session 16 added readings of what people do and say about a finding without naming it, each bound to
the text's subject (urine, the bowels, the skin, the vagina) where its words are ambiguous: loose stools,
scratching, flaking and dry skin, being on edge, long sleep, sight fading on standing, light that hurts,
a slow, urgent or burning stream, bowel urgency, a described vaginal discharge, a child's few words,
waking soaked and incontinence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from symptomdb.text.english import NUMBER_WORDS, a_time_of_day
from symptomdb.text.negation import word_set
from symptomdb.text.normalise import Token

FEVER = "HP:0001945"
LOW_GRADE_FEVER = "HP:0011134"
VOMITING = "HP:0002013"
DIARRHEA = "HP:0002014"
HYPERTENSION = "HP:0000822"
HYPOTENSION = "HP:0002615"
WEIGHT_LOSS = "HP:0001824"
WEIGHT_GAIN = "HP:0004324"  # Increased body weight

# round 32: the reading may come a few words on ("Temp this morning was 101.3", "fever of 102")
_TEMPERATURE_RE = re.compile(
    # session 13: misspelt too ("temprature", "tempriture", "feever", "fevor")
    r"\b(?:temp|temps|temp[a-z]{0,6}(?:ture|tures|tur)|fe{1,2}v[aeo]rs?)\b"
    r"[^.;!?\n\d]{0,25}?"
    r"(?P<value>\d{2,3}(?:[.,]\d{1,2})?)(?![\d/])\s*(?:°|º|degrees?)?\s*(?P<scale>[cf](?![a-z]))?",
    re.IGNORECASE,
)
_WEIGHT_RE = re.compile(
    r"\b(?P<verb>lost|losing|dropped|down|put on|gained|gaining|up)\s+"
    r"(?:(?:about|around|like|nearly|almost|over|roughly|another)\s+)?"
    r"(?:\d+(?:[.,]\d+)?|a|half a|two|three|four|five|six)\s*"
    r"(?P<unit>kg|kgs|kilos?|kilograms?|pounds|lbs?|stone|st)\b",
    re.IGNORECASE,
)
# round 29: the reading may come a few words later in its sentence ("took my BP and it was 150/100",
# "BP machine at work said 168 over 102", "my readings have been 110/70")
_PRESSURE_RE = re.compile(
    r"(?:\b(?:bp|blood pressures?|pressures?|readings?)\b|(?<=\d)\s+(?:to|and|then)\b)[^.;!?\n\d]{0,40}?"
    r"(?P<systolic>\d{2,3})\s*(?:/|over)\s*(?P<diastolic>\d{2,3})\b",
    re.IGNORECASE,
)
# round 30: passing urine "every 10 mins", "every half hour", "like every 40 mins" is frequent urination
# Session 15: "every hour" (sixteen times a day awake), a range ("every 30-40 minutes"), and "back and forth",
# "running" or "rushing" to the toilet as the going
_EVERY_FEW_MINUTES_RE = re.compile(
    r"\b(?:wee|wees|weeing|pee|pees|peeing|urinate|urinating|go|goes|going|toilet|loo|forth|running|rushing)\b"
    r"[^.;!?\n]{0,25}?\b(?P<every>every)\s+(?:(?:\d{1,3}\s*(?:-|to)\s*)?(?:\d{1,3}|five|ten|fifteen|twenty"
    r"|thirty|forty)\s*(?:mins?|minutes)|half\s+(?:an\s+)?hour|(?:an\s+|1\s+|one\s+)?hour)\b",
    re.IGNORECASE,
)
_URINE_WORDS_RE = re.compile(
    # (not "week", "weep", "peel", "peer", "peek")
    r"\b(?:wee(?![kp])\w*|pee(?![lrkp])\w*|urin\w*|bladder|water infection|uti|cystitis|waterworks"
    r"|passing water)\b",
    re.I,
)
POLLAKISURIA = "HP:0100515"
# round 32: a stated heart rate of 100 or more in someone who is no baby ("my heart rate jumps to 130",
# "resting rate is around 105"; round 39: "heart going 150 on my watch")
_HEART_RATE_RE = re.compile(
    r"\b(?:heart ?rate|pulse|hr|resting rate|heart (?:was |is )?(?:going|racing|beating|pounding))\b"
    r"[^.;!?\n\d]{0,25}?(?P<value>\d{2,3})\b"
    r"(?!\s*(?:/|%|kg|lbs?|mins?|minutes|seconds|secs|years|yrs|days|weeks|months))",
    re.IGNORECASE,
)
_INFANT_RE = re.compile(
    r"\b(?:baby|babies|infant|newborn|toddler|(?:weeks?|months?)[ -]old)\b", re.IGNORECASE
)
TACHYCARDIA = "HP:0001649"
# round 34: bowels not opened for days ("haven't had a poo for a week", "not opened my bowels for 3 days",
# "last poo was 4 days ago", "10 days since my last bowel movement") is constipation
_FEW = r"(?:\d+|two|three|four|five|six|seven|ten|a|over a)"
# session 16: or since a day or an event ("not had a poo since Thursday", "haven't been for a number 2 since
# the op")
_SINCE = (
    r"\bsince\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|the weekend"
    r"|(?:the|my|his|her) (?:op|operation|surgery))\b"
)
_NO_POO_RE = re.compile(
    r"\b(?:not|haven'?t|hasn'?t|havnae|have not|has not|no|still no)\s+(?:to\s+)?(?:have\s+)?"
    r"(?:had\s+|passed\s+)?(?:a\s+)?"
    r"(?:proper\s+)?(?:poo|pooed|pooped|bowel movement|opened (?:my |his |her |their )?bowels"
    r"|been for a (?:poo|number (?:2|two))|done a (?:proper )?poo|passing motions?)"
    rf"\b[^.;!?\n\d]{{0,25}}?(?:\b{_FEW}\s+(?:days?|weeks?)|{_SINCE})"
    # session 15: a care note's "bowels not opened for 6 days" (session 16: "Bowels: not opened", "bowels
    # haven't moved for 6 days")
    rf"|\bbowels:?\s+(?:not|haven'?t been|hasn'?t been|have not been|has not been|haven'?t|hasn'?t)\s+"
    rf"(?:opened|moved)\b[^.;!?\n\d]{{0,15}}?\b{_FEW}\s+(?:days?|weeks?)"
    # session 15: going fewer than three times a week (Rome IV), "only goes every 5 or 6 days"
    r"|\bonly\s+(?:goes|go|going|opens? (?:my|his|her) bowels|poos?|pooing|does a poo)\b[^.;!?\n\d]{0,12}?"
    r"\b(?:(?:about |around )?(?:once|twice) a week|every (?:[4-9]|1\d|four|five|six|seven|ten)\b"
    r"(?:\s*(?:or|-|to)\s*\w+)?\s+days)"
    rf"|\b(?:haven'?t|hasn'?t|have not|has not|not)\s+been\s+for\s+{_FEW}\s+(?:days|week)"
    # session 13: care notes' "BO" (bowels opened) and "BNO" ("No BO for 6 days", "BNO x4 days")
    rf"|\b(?:no bo|bno)\b[^.;!?\n\d]{{0,12}}?\b(?:{_FEW}|x\s?\d+)\s*(?:days?|weeks?)"
    r"|\blast (?:poo|bowel movement|proper bowel movement) was "
    r"(?:[3-9]|1\d|three|four|five|six|seven|a week)\b"
    r"|\b(?:[3-9]|1\d|three|four|five|six|seven|ten) days since (?:my|his|her) last (?:proper )?"
    r"(?:poo|bowel movement)",
    re.IGNORECASE,
)
_BOWEL_WORDS_RE = re.compile(
    r"\b(?:poo\w*|bowel\w*|constipat\w*|senna|movicol|laxative\w*|prunes|strain\w*|stool\w*|bunged)\b", re.I
)
CONSTIPATION = "HP:0002019"
_DIARRHOEA_WORDS_RE = re.compile(r"\b(?:diarrh\w*|the runs|loose|watery|runny)\b", re.I)
# round 36 (ambulance and clinic shorthand, home readings): breathing rate, oxygen saturation, Glasgow coma
# score and blood glucose as numbers
_RESP_RATE_RE = re.compile(
    r"\b(?:rr|resp(?:iratory)? rate|resps)\b[^.;!?\n\d]{0,15}?(?P<value>\d{1,2})\b", re.I
)
_SATURATION_RE = re.compile(
    r"\b(?:spo2|sp02|sats|o2 sats|oxygen sat\w*|oxygen levels?|o2 levels?|o2)\b[^.;!?\n\d]{0,20}?"
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
REDUCED_CONSCIOUSNESS, HYPOGLYCEMIA, HYPERGLYCEMIA = "HP:0004372", "HP:0001943", "HP:0003074"
BRADYCARDIA, HYPOTHERMIA = "HP:0001662", "HP:0002045"
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
# round 31: stopping breathing said of the night ("my wife says I stop breathing for ages at night",
# "he snores and then stops breathing") is sleep apnoea
# session 13: "i stop to breath for some seconds"
_STOPS_BREATHING_RE = re.compile(r"\bstop(?:s|ped|ping)? (?:breathing|to breathe?)\b", re.IGNORECASE)
_ASLEEP_RE = re.compile(r"\b(?:night|nights|sleep\w*|asleep|snor\w*|bed|overnight)\b", re.IGNORECASE)
SLEEP_APNEA = "HP:0010535"
# round 31: getting up, or waking, to pass urine at night ("I get up to pee 3 or 4 times every night", "up
# 2-3 times to pee", "I wake at 11.30 needing to pee")
_UP_TO_PEE_RE = re.compile(
    r"\b(?P<up>get|gets|getting|got|up|wake|wakes|waking|woke)\b(?:[^.;!?\n]|(?<=\d)\.(?=\d)){0,30}?"
    r"\s(?:to|for a|needing to|for|to the|for the)\s"
    r"(?P<pee>pee|wee|urinate|pass water|washroom|toilet|loo|bathroom)\b",
    re.IGNORECASE,
)
# session 13: "passing urine many times in the night", "he urinates 4-5 times at night"
_PASSING_AT_NIGHT_RE = re.compile(
    r"\b(?P<pee>(?:pass|passes|passing|passed) (?:urine|urin|water)|urinat\w*|pee\w*|wee\w*)\b"
    r"[^.;!?\n]{0,25}?\btimes?\b[^.;!?\n]{0,12}?\b(?:in|at|during) (?:the )?(?:night|nite)\b",
    re.IGNORECASE,
)
# session 15: "weeing loads at night", "peeing all the time, even at night"; "up 4 times a night" in a text
# about passing urine ("her waterworks are bad, she's up 4 times a night")
_PEEING_AT_NIGHT_RE = re.compile(
    r"\b(?:pee|pees|peeing|wee|wees|weeing|urinate|urinating|urine)\b[^.;!?\n]{0,30}?"
    r"\b(?P<when>(?:at|in the|during the) (?:night|nite))\b",
    re.IGNORECASE,
)
_UP_TIMES_A_NIGHT_RE = re.compile(
    r"\bup\s+(?:x\s?\d|\d{1,2}|two|three|four|five|six|several|a few|many)"
    r"(?:\s*(?:-|to|or)\s*(?:\d{1,2}|three|four|five|six))?\s+(?:times\s+)?"
    r"(?:a|in the|at|every|each|per)\s+night",
    re.IGNORECASE,
)
_AT_NIGHT_RE = re.compile(r"\b(?:night|nights|nightly|overnight|times)\b", re.IGNORECASE)
NOCTURIA = "HP:0000017"
# round 39: a body mass index of 30 or more is obesity of its class (HPO's definitions: 30-34.9, 35-39.9,
# 40 or more): "GP says my BMI is 33 now", "BMI 41"
_BMI_RE = re.compile(
    r"\bbmi\b[^.;!?\n\d]{0,20}?(?P<value>\d{2}(?:[.,]\d)?)\b(?!\s*(?:%|/|kg|lbs?|years|yrs|centile|percentile))",
    re.IGNORECASE,
)
_OBESITY_NAMED_RE = re.compile(r"\b(?:obes\w*|overweight)\b", re.IGNORECASE)
OBESITY_CLASSES = ((40.0, "HP:0025501"), (35.0, "HP:0025500"), (30.0, "HP:0025499"))
# round 39: 30 minutes or more to fall asleep is sleep onset insomnia (HPO's definition): "it takes me 45
# mins to an hour to drop off", "fall asleep quicker now (used to take 2 hrs)"
_TO_SLEEP = (
    r"(?:fall(?:ing)? asleep|get(?:ting)? (?:(?:him|her|them) )?(?:off )?to sleep|drop(?:ping)? off"
    r"|nod(?:ding)? off|go(?:ing)? to sleep|get(?:ting)? off)"
)
# session 16: "approx 2 hrs", "2+ hours", "takes me hours"
_TAKE = (
    r"\b(?:take|takes|took|taking)\s+(?:(?:me|him|her|them|us|about|around|over|like|at least|approx|"
    r"approximately|roughly|nearly|almost|up to|easily)\s+)*"
)
_DURATION = (
    r"(?:(?P<n>\d{1,3}|an?|half an?|one|two|three|four|forty|forty-five|fifty|ninety)\+?\s*"
    r"(?P<unit>mins?|minutes|hours?|hrs?)|(?P<hours>hours|ages))\b"
)
_WAKING_BEFORE_RE = re.compile(r"\b(?:wake|wakes|woke|waking|woken)\b", re.I)
# session 16: awake into the small hours, said by the clock ("can't drop off till 4am", "can't get off
# before two", "keeps me awake till 2am", "isn't settling until 2 or 3am", "lay until 3 or 4 without
# sleeping"); not a day sleeper's "till 2pm"
_AWAKE_UNTIL_RE = re.compile(
    r"\b(?:awake|(?:keeps?|kept|keeping) (?:me|him|her) up|lying (?:here|there)|lie there|lay(?: there)?|"
    r"(?:not|isn'?t|wasn'?t) settling|can'?t (?:drop|get|go|fall) (?:off|to sleep|asleep)|can'?t get off)"
    r"\b[^.;!?\n]{0,15}?\b(?:till|until|before|since)\s+(?:gone\s+)?"
    r"(?:(?:1[0-2]|[1-9])(?:[:.]\d\d)?(?:\s*am\b|\b)(?!\s*pm)|(?:midnight|one|two|three|four)\b)",
    re.IGNORECASE,
)
_SLEEP_LATENCY_RES = (
    re.compile(rf"{_TAKE}{_DURATION}[^.;!?\n]{{0,25}}?\bto {_TO_SLEEP}\b", re.IGNORECASE),
    re.compile(rf"\b{_TO_SLEEP}\b[^.;!?\n]{{0,40}}?{_TAKE}{_DURATION}", re.IGNORECASE),
)
_NUMBER_WORDS = NUMBER_WORDS | {"a": 1, "an": 1, "forty": 40, "forty-five": 45, "fifty": 50, "ninety": 90}
SLEEP_ONSET_INSOMNIA = "HP:0031354"
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
# round 46: two falls or more in a stated time are frequent falls ("I've fallen 3 times this month",
# "3 falls in the last 2 weeks")
_FALLS_RE = re.compile(
    r"\b(?:(?:fallen|fell|fall|falls)\s+(?P<n>\d|two|three|four|five|six|several|a few|a couple of)\s+times"
    r"|(?P<m>\d|two|three|four|five|six|several)\s+falls)\b"
    r"[^.;!?\n]{0,20}?\b(?:(?:this|last|a|per|in the (?:last|past)|in|over the (?:last|past)|the past)\s+"
    r"(?:\w+\s+)?(?:weeks?|months?|fortnight|year)|since\s+\w+)\b",
    re.IGNORECASE,
)
FREQUENT_FALLS = "HP:0002359"
_RUNS = frozenset({"runs", "trots", "squits"})  # round 34: "the squits"
_D_AND_V_RE = re.compile(r"\bd\s*(?:&|and|\+)\s*v\b", re.IGNORECASE)  # round 33: "d&v for 2 days"
_TEMP_WORDS = frozenset({"temp", "temps"})
_BEFORE_TEMP = frozenset({"a", "no", "any", "high", "v", "very"})
_CENTILE_DROP_RE = re.compile(
    r"\b(?:dropped|dropping|fallen|falling|fell|gone down|crossed)\b[^.;!?]{0,40}?\b(?P<centile>centiles?)\b",
    re.IGNORECASE,
)
_FAILURE_TO_THRIVE = "HP:0001508"
_SENTENCE_MARKS = ".;!?\n"
_LOSING = frozenset({"lost", "losing", "dropped", "down"})
_NOT_BODY_RE = re.compile(
    r"\b(?:room|water|bath|air|outside|outdoor|ambient|oven|fridge|freezer|pool|sea)\s*$", re.I
)
_BE = word_set("was is been being be were wasn't wasnt isn't isnt weren't he's she's hes shes am i'm im")
_ADVERBS = word_set(
    "really very so actually just also still even already ever not properly usually often always"
)
_MAKING = word_set("making make makes made")
_SELF = word_set("herself himself myself themselves")
_ILL_WITH = word_set("a an flu covid cold colds virus bug tonsillitis chickenpox the")
_NOT_VOMIT_AFTER = word_set("of leave note notes day days pay bay")
_COUNT_RE = re.compile(r"^x\d+$")
_COUNTS = frozenset({"twice", "x", "once"})
_SICKNESS_BEFORE = frozenset({"no", "any", "nor", "not"})
_DIARRHOEA = frozenset({"diarrhoea", "diarrhea"})
_HAVING = word_set("have has had having got get gets getting with 've 'd")
_OBJECTS = word_set("me him her us them")
_BEFORE_THE_RUNS = _HAVING | word_set(
    "given gave giving gives give and plus"
)  # round 34: "has given me the runs"
_STIFF = frozenset({"stiff", "stiffened", "stiffens", "stiffening", "rigid"})
_JERKING = ("jerk", "shak", "shook", "convuls", "twitch")
_SEQUENCE = frozenset({"then", "and", "before", "followed", ","})
_DESCRIPTION_WORDS = 12


@dataclass(frozen=True)
class Reading:
    """A finding read at tokens ``first``..``last`` (inclusive); ``absent`` when the reading rules it out."""

    first: int
    last: int
    hpo_id: str
    absent: bool = False
    temperature: bool = False  # read from a stated temperature ("temp 37.9"): the number decides


def find_readings(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Every reading of the text (see the module docstring), the word scans sharing one pass's words; a
    pattern runs only where a word it needs is in the text (most documents have none of them)."""
    lowers = [t.lower if t.kind == "word" else "" for t in tokens]
    folded = text.lower()
    found = temp_words(tokens, lowers) + vomiting(lowers) + the_runs(lowers)
    for scan, needs in _SCANS:
        if any(word in folded for word in needs):
            found += scan(text, tokens)
    return found


def temperatures(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Fever (or its absence) from each stated temperature reading."""
    readings: list[Reading] = []
    for match in _TEMPERATURE_RE.finditer(text):
        if _NOT_BODY_RE.search(text, 0, match.start()):
            continue  # "the bath water temperature was 40"
        reading = _fever(float(match["value"].replace(",", ".")), (match["scale"] or "").lower())
        if reading is not None:
            readings += [
                replace(r, temperature=True)
                for r in _read(tokens, match.start(), match.end("value"), reading[0], absent=reading[1])
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
        term = WEIGHT_LOSS if match["verb"].lower() in _LOSING else WEIGHT_GAIN
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


def frequent_urination(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Pollakisuria where passing urine, or going in a sentence about urine, comes every few minutes."""
    readings: list[Reading] = []
    for match in _EVERY_FEW_MINUTES_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        if _BOWEL_WORDS_RE.search(sentence) or _DIARRHOEA_WORDS_RE.search(sentence):
            continue  # "going every 20 minutes" of the bowels
        if not _URINE_WORDS_RE.search(text):
            continue  # of nothing said: the text must speak of urine, in this sentence or another
        readings += _read(
            tokens, match.start("every"), match.end(), POLLAKISURIA
        )  # "wees" may be a finding's
    return readings


# Session 15: waking again and again in the night is maintenance insomnia ("he's waking 3-4 times a night",
# "wakes 5 or 6 times a night", "waking every hour or two"); not when the waking is to pass urine (nocturia)
# or for a feed
_NIGHT_WAKINGS_RE = re.compile(
    r"\b(?:wake|wakes|waking|woke)\b(?:\s+up)?\s+(?:like\s+|about\s+|around\s+|at\s+least\s+)?"
    r"(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|several|a few|many|loads of|lots of)"
    r"(?:\s*(?:-|to|or)\s*(?:\d{1,2}|three|four|five|six|seven|eight))?\s+times\s+(?:a|in the|every|each|per)"
    r"\s+night|every\s+(?:hour|half hour|couple of hours|(?:\d|two|three)\s+hours))",
    re.IGNORECASE,
)
_WAKING_FOR_RE = re.compile(
    r"^[^.;!?\n]{0,25}?\b(?:to (?:pee|wee|urinate|the toilet|the loo)|for (?:a |his |her )?feeds?)\b", re.I
)
MAINTENANCE_INSOMNIA = "HP:0031355"


def night_wakings(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Maintenance insomnia where someone wakes several times a night or every hour or two, not to pass
    urine or to feed."""
    return _each_match(
        _NIGHT_WAKINGS_RE,
        text,
        tokens,
        MAINTENANCE_INSOMNIA,
        lambda m: bool(_WAKING_FOR_RE.search(text[m.end() :])),
    )


def _off_topic(
    text: str, match: re.Match[str], needed: re.Pattern[str] | None, excluded: re.Pattern[str]
) -> bool:
    """The match's sentence lacks a word the reading needs, or has one that makes it about something else
    ("my kneecap feels loose": no stool)."""
    sentence = _sentence_around(text, match.start(), match.end())
    return (needed is not None and not needed.search(sentence)) or bool(excluded.search(sentence))


def _each_match(
    pattern: re.Pattern[str],
    text: str,
    tokens: Sequence[Token],
    term: str,
    skip: Callable[[re.Match[str]], bool] = lambda match: False,
) -> list[Reading]:
    """The reading of ``term`` over each match of ``pattern`` that ``skip`` does not rule out."""
    readings: list[Reading] = []
    for match in pattern.finditer(text):
        if not skip(match):
            readings += _read(tokens, match.start(), match.end(), term)
    return readings


def sleep_apnoea(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Sleep apnoea where someone stops breathing in a sentence about the night or sleep."""
    readings: list[Reading] = []
    for match in _STOPS_BREATHING_RE.finditer(text):
        if _ASLEEP_RE.search(_sentence_around(text, match.start(), match.end())):
            readings += _read(tokens, match.start(), match.end(), SLEEP_APNEA)
    return readings


def nocturia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Nocturia where someone wakes, or gets up at night or several times, to pass urine."""
    readings: list[Reading] = []
    for match in _UP_TO_PEE_RE.finditer(text):
        waking = match["up"].lower().startswith(("wak", "wok"))
        if waking or _AT_NIGHT_RE.search(_sentence_around(text, match.start(), match.end())):
            readings += _read(tokens, match.start("pee"), match.end("pee"), NOCTURIA)
    for match in _PASSING_AT_NIGHT_RE.finditer(text):
        readings += _read(tokens, match.start("pee"), match.end("pee"), NOCTURIA)
    for match in _PEEING_AT_NIGHT_RE.finditer(text):  # the time, not the word a finding may have taken
        readings += _read(tokens, match.start("when"), match.end("when"), NOCTURIA)
    if _URINE_WORDS_RE.search(text):
        for match in _UP_TIMES_A_NIGHT_RE.finditer(text):
            readings += _read(tokens, match.start(), match.end(), NOCTURIA)
    return readings


def heart_rates(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tachycardia from a stated heart rate of 100-250 a minute, bradycardia from one of 20-49; none in a
    text about a baby or toddler (whose rates run higher)."""
    if _INFANT_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _HEART_RATE_RE.finditer(text):
        rate = int(match["value"])
        term = TACHYCARDIA if 100 <= rate <= 250 else BRADYCARDIA if 20 <= rate < 50 else None
        if term:
            readings += _read(tokens, match.start("value"), match.end("value"), term)
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


def d_and_v(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Diarrhoea and vomiting from the British shorthand "D&V"."""
    readings: list[Reading] = []
    for match in _D_AND_V_RE.finditer(text):
        for term in (DIARRHEA, VOMITING):
            readings += _read(tokens, match.start(), match.end(), term)
    return readings


# Session 15: going hurting in a text about the bowels is painful defecation ("it hurts him to go", "cries
# when she goes", "screams when he does a poo", "really sore when I go"); in a sentence about urine it is not
_HURTS_TO_GO_RE = re.compile(
    r"\b(?:hurts?|hurting|sore|painful|agony|cries|crying|cried|screams|screaming|screamed)\b"
    r"(?:\s+(?:him|her|me|them|a lot|so much|really|badly))*"
    r"\s+(?:to go\b|when (?:he|she|i|they) (?:goes|go|went|tries to go|trys to go|does (?:a|one)"
    r"|did (?:a|one))|on the (?:toilet|loo|potty))",
    re.IGNORECASE,
)
PAINFUL_DEFECATION = "HP:6000222"


def painful_defecation(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Painful defecation where going to the toilet hurts in a text about the bowels."""
    if not _BOWEL_WORDS_RE.search(text):
        return []
    return _each_match(  # not "it burns when I go" of passing water
        _HURTS_TO_GO_RE,
        text,
        tokens,
        PAINFUL_DEFECATION,
        lambda m: bool(_URINE_WORDS_RE.search(_sentence_around(text, m.start(), m.end()))),
    )


# Session 16: stools said to be loose or watery in a text about the bowels are diarrhoea ("Fri loose x4",
# "going 8 or 9 times a day, all loose", "loose, smelly poos", "2 watery nappies"); not a loose joint,
# tooth or kneecap, a runny nose or watery eyes in the same sentence
_LOOSE_RE = re.compile(
    r"\b(?:loose|looser|watery|runny)\b(?=(?:,?\s+(?:and\s+)?[a-z]+){0,2}?,?\s+(?:poos?|poops?|stools?|nappies|"
    r"nappys?|diapers?|motions|bowel movements?)\b|\s*(?:[.;!?,)\n]|$|x\s?\d|\d|and\b|with\b|again\b|"
    r"today\b|now\b|since\b|most\b|every\b|all\b|too\b|as well\b|though\b|tho\b|but\b|or\b|at\b|"
    r"for\b|after\b|when\b|sometimes\b|\d))",
    re.IGNORECASE,
)
_STOOL_TEXT_RE = re.compile(
    r"\b(?:poo\w*|bowel\w*|stools?|nappy|nappies|diapers?|toilet|loo|lav|ibs|going \d+ (?:or \d+ )?times|"
    r"motions|constipat\w*|bunged|diarrh\w*)\b",
    re.I,
)
_NOT_STOOL_RE = re.compile(
    r"\b(?:joints?|teeth|tooth|skin|kneecaps?|shoulders?|hips?|knees?|ligaments?|stitch\w*|fillings?|"
    r"crowns?|nose|eyes?|catarrh|phlegm|snot|cough\w*)\b",
    re.I,
)


def loose_stools(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Diarrhoea where the stools are said to be loose or watery in a text about the bowels."""
    if not _STOOL_TEXT_RE.search(text):
        return []
    return _each_match(_LOOSE_RE, text, tokens, DIARRHEA, lambda m: _off_topic(text, m, None, _NOT_STOOL_RE))


# Session 16: scratching is what an itch makes someone do ("scratches it till it bleeds", "can't stop
# scratching", "scratching her head all the time", "bleeding from scratching"); not a scratch made by
# something else ("scratched my eye on a branch", "anything scratches my skin"), a scratch card, or a head
# scratched over a puzzle
_SCRATCHING_RE = re.compile(
    r"\b(?:scratch|scratches|scratched|scratching|scratchin)\b(?!\s+(?:cards?|marks?|my eye|his eye|her eye|"
    r"(?:my|his|her|their|our|your) (?:head|heads) (?:over|about|trying|wondering|at)|one|a carer|the car|by|"
    r"on a|on the))"
    r"(?:(?<=\bscratching)|(?<=\bscratchin)|(?=\s+(?:it|them|at|his|her|my|their|him|himself|herself|myself|"
    r"themselves|masel|till|until|so|constantly|all|like|raw|a lot|non[- ]?stop|too|as well|(?:[\w']+ ){1,2}"
    r"(?:till|until|raw))\b))",
    re.IGNORECASE,
)
_SCRATCHED_BY_RE = re.compile(r"\b(?:anything|something|it|cat|dog|kitten)\s+$", re.I)
PRURITUS = "HP:0000989"


def scratching(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Pruritus where someone scratches (at) themselves, not where something scratched them."""
    return _each_match(
        _SCRATCHING_RE, text, tokens, PRURITUS, lambda m: bool(_SCRATCHED_BY_RE.search(text[: m.start()]))
    )


# Session 16: skin said to flake, scale or peel is scaling skin ("itchy and flaky", "a raised scaly edge",
# "the palms are peeling", "now it's starting to peel") in a text about the skin; not nails or lips, which
# peel and split otherwise, nor paint, potatoes or pastry; skin "like fish scales" is ichthyosis, more than
# scaling
_SCALING_RE = re.compile(r"\b(?:flaky|flakey|scaly|peeling|peeled|peel|peels|flaking|flakes)\b", re.I)
_SKIN_TEXT_RE = re.compile(
    r"\b(?:skin|scalp|rash\w*|patch\w*|itch\w*|toes|feet|foot|palms?|soles|elbows?|knees?|eyelids?|nipples?|"
    r"ears?|nose|eyebrows?|sunburn\w*|burnt|dandruff|shins?|hands?|fingertips|forehead|cheeks?|face|arms?|"
    r"legs?|shoulders?|groin)\b",
    re.I,
)
_NOT_SKIN_RE = re.compile(
    r"\b(?:nails?|toenails?|fingernails?|lips?|paint|potato\w*|wallpaper|pastry|sticker\w*|plaster|label|fish)\b",
    re.I,
)
SCALING_SKIN = "HP:0040189"


def scaling_skin(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Scaling skin where the skin flakes, scales or peels, in a sentence about the skin."""
    return _each_match(
        _SCALING_RE, text, tokens, SCALING_SKIN, lambda m: _off_topic(text, m, _SKIN_TEXT_RE, _NOT_SKIN_RE)
    )


# Session 16: skin said to be dry in a sentence about the skin is dry skin ("the skin on his shins is very
# dry, flaky and itchy", "dry cracked skin on her cheeks", "my hands are all dry and cracky"); not a dry
# mouth, eyes, hair, lips, throat or nose, a dry cough, a child dry by day or night (continence), or skin
# like fish scales (ichthyosis)
_DRY_RE = re.compile(
    r"\b(?:dry|drier)\b(?!\s+(?:cough\w*|mouth|eyes?|hair|lips?|throat|nose|heav\w*|spell|weather|"
    r"season|run|nappy|nappies|night|nights|day|days|all|during|by|at|in the|bed|sheets|pants|now|through))",
    re.I,
)
_DRY_SKIN_TEXT_RE = re.compile(
    r"\b(?:skin|patch\w*|shins?|heels?|knuckles|elbows?|cheeks?|hands?|feet|soles|scalp|eczema)\b", re.I
)
_NOT_DRY_SKIN_RE = re.compile(
    r"\b(?:mouth|eyes?|hair|lips|throat|nose|tongue|cough\w*|nappy|nappies|wet\w*|bed|toilet|potty|fish)\b",
    re.I,
)
DRY_SKIN = "HP:0000958"


def dry_skin(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dry skin where the skin, or a part of it, is said to be dry."""
    return _each_match(
        _DRY_RE, text, tokens, DRY_SKIN, lambda m: _off_topic(text, m, _DRY_SKIN_TEXT_RE, _NOT_DRY_SKIN_RE)
    )


# Session 16: a person "on edge" is anxious ("I'm on edge constantly", "feel permanently on edge"); not "on
# the edge of the bed" or "on edge of"
_ON_EDGE_RE = re.compile(r"\bon\s+e(?:dge|gde)\b(?!\s+of\b)", re.IGNORECASE)
ANXIETY = "HP:0000739"


def on_edge(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anxiety where someone is on edge."""
    return _each_match(_ON_EDGE_RE, text, tokens, ANXIETY)


# Session 16: sleeping eleven hours or more a day or night is hypersomnia ("sleeping 12 hours a night and
# still need a nap", "sleeps 14 hrs a day", "sleeping 16-18 hrs a day"); the past "slept 12 hours" (after a
# night shift) is not read
_LONG_SLEEP_RE = re.compile(
    r"\b(?:sleep|sleeps|sleeping)\s+(?:like\s+|about\s+|around\s+|for\s+|up to\s+)?"
    r"(?P<hours>\d{2})(?:\s*(?:-|to)\s*\d{2})?\+?\s*(?:hours|hrs|h)\b",
    re.IGNORECASE,
)
HYPERSOMNIA = "HP:0100786"


def long_sleep(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypersomnia where someone sleeps eleven hours or more."""
    return _each_match(_LONG_SLEEP_RE, text, tokens, HYPERSOMNIA, lambda m: not 11 <= int(m["hours"]) <= 22)


# Session 16: sight that goes grey, black or fuzzy for a moment is a near faint, presyncope ("every time I
# stand up too fast everything goes black", "everything went black round the edges"); the colour is no
# pallor of the skin (data/figures-of-speech.tsv)
_VISION_FADES_RE = re.compile(
    r"\b(?:everything|it all|my vision|vision|things|my eyes)\s+"
    r"(?:goes|go|went|going|turns|turned|gets|got)\s+(?:all\s+)?(?:black|grey|gray|dark|dim|fuzzy)\b",
    re.IGNORECASE,
)
PRESYNCOPE = "HP:0031972"


_FAINTED_RE = re.compile(
    r"(?<!not )(?<!never )(?<!n't )(?<!nt )(?<!actually )\b(?:fainted|passed out|blacked out|came round)\b",
    re.I,
)


def vision_fades(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Presyncope where everything goes grey or black for a moment, in a sentence where no one fainted (the
    faint is the finding then: "I fainted at work, went hot and clammy then everything went black")."""
    return _each_match(
        _VISION_FADES_RE,
        text,
        tokens,
        PRESYNCOPE,
        lambda m: bool(_FAINTED_RE.search(_sentence_around(text, m.start(), m.end()))),
    )


# Session 17: a collapse someone came round from by themselves, or was "out for" seconds or a minute or
# two, is a faint, Syncope ("collapsed at the bus stop, came to after 20 seconds", "was out for maybe 10
# secs"). Not when the text names a fit or a stiffening (the coming round is the fit's end), a blow to the
# head (knocked out, out cold), sleep, or an operation (coming round from the anaesthetic), and "came
# round" must end its clause ("came round for tea" is a visit).
_OUT_FOR_RE = re.compile(
    r"(?:\b(?:was|were|is|been|only|i'm|went)\s+|,\s*)out\s+(?:cold\s+)?(?:for\s+)?"
    r"(?:about\s+|maybe\s+|approx\.?\s+|around\s+|roughly\s+|like\s+|only\s+|under\s+|less than\s+|~\s*)?"
    r"(?:\d+|a few|a couple(?: of)?|half a|a|one|two|few)\s*(?:secs?|seconds?|mins?|minutes?)\b",
    re.IGNORECASE,
)
_CAME_ROUND_RE = re.compile(
    r"\b(?:came|comes|come|coming)\s+(?:round|around|to)\b(?=\s*(?:[.,;!)]|$|after\b|in\b|within\b|quick|"
    r"straight|on\b|by\b|and\b|but\b|then\b|again\b|a few\b|about\b|pretty\b|fine\b|ok\b|okay\b))",
    re.IGNORECASE,
)
_COLLAPSED_RE = re.compile(
    r"\b(?:collaps\w*|(?:went|go|goes|gone|going)\s+down|dropped|slump\w*|keel\w* over|crumpl\w*|"
    r"on the floor|hit the (?:floor|deck|ground)|passed out|pass out|fainted|faint|blacked out|went limp|"
    r"fell)\b",
    re.IGNORECASE,
)
_NOT_A_FAINT_RE = re.compile(
    r"\b(?:fits?|fitting|seizures?|convuls\w*|knock\w*|out cold|asleep|went (?:rigid|stiff)|"
    r"hit (?:his|her|my) head|banged (?:his|her|my) head|head injury|anaesthetic|anesthetic|operation|op|"
    r"surgery|sedat\w*|holds? (?:his|her) breath|breath[- ]holding)\b",
    re.IGNORECASE,
)
SYNCOPE = "HP:0001279"


def came_round(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Syncope from a collapse that someone came round from, or was out for a short while."""
    if _NOT_A_FAINT_RE.search(text):
        return []
    readings = _each_match(_OUT_FOR_RE, text, tokens, SYNCOPE)
    if _COLLAPSED_RE.search(text):
        readings += _each_match(_CAME_ROUND_RE, text, tokens, SYNCOPE)
    return readings


# Session 17: a spell of staring or not answering with automatisms, the lips smacking, chewing, picking at
# or fiddling with things, is a focal impaired awareness seizure as an eyewitness tells it ("stared at the
# wall, smacking his lips and fiddling with his pen, didn't answer when we said his name")
_AUTOMATISM_RE = re.compile(
    r"\b(?:smack\w*\s+(?:(?:his|her|my|their)\s+)?lips|lip[- ]?smack\w*|chew(?:s|ed|ing)?|"
    r"pick(?:s|ed|ing)\s+at|fiddl\w*\s+with|fumbl\w*|pluck\w*\s+at)\b",
    re.IGNORECASE,
)
_UNAWARE_RE = re.compile(
    r"\b(?:star(?:e|es|ed|ing)|blank|vacant|glazed|zon(?:e|es|ed|ing) out|"
    r"(?:didn't|doesn't|don't|did not|does not|do not|not|wouldn't|won't|couldn't)\s+"
    r"(?:answer\w*|respond\w*|react\w*)|unresponsive)\b",
    re.IGNORECASE,
)
FOCAL_IMPAIRED_AWARENESS_SEIZURE = "HP:0002384"


def automatisms(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A focal impaired awareness seizure from automatisms where someone stares or does not answer."""
    if not _UNAWARE_RE.search(text):
        return []
    return _each_match(_AUTOMATISM_RE, text, tokens, FOCAL_IMPAIRED_AWARENESS_SEIZURE)


# Session 17: not knowing where one is, who someone is or what day it is, and getting lost, is confusion
# (disorientation) as the authors code it ("doesnt know where she is", "didn't know who I was for twenty
# minutes", "barely knows what year it is", "got lost driving home from the shop he's used for 30 years")
_DISORIENTED_RE = re.compile(
    r"\b(?:didn't|didnt|doesn't|doesnt|don't|dont|did not|does not|do not|not|no|barely|hardly|couldn't|"
    r"couldnt|couldnae|can't|cant|cannot|unable to)\s+(?:know|knows|knowing|knowin|tell(?:\s+(?:me|us))?|"
    r"say|remember|work out)\s+(?:(?:his|her|my) (?:own )?name or\s+)?"
    r"(?:who (?:i|she|he|we|they) (?:was|is|am|were|are)"
    r"|where (?:she|he|i|they|we) (?:was|is|am|were|are|lived|lives|live)"
    r"|what (?:day|year|month|time|day of the week) it (?:is|was))\b",
    re.IGNORECASE,
)
_GETS_LOST_RE = re.compile(r"\b(?:get|gets|got|getting|gone)\s+lost\b", re.IGNORECASE)
CONFUSION = "HP:0001289"


def disoriented(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Confusion from not knowing where, who or when, and from getting lost."""
    return _each_match(_DISORIENTED_RE, text, tokens, CONFUSION) + _each_match(
        _GETS_LOST_RE, text, tokens, CONFUSION
    )


# Session 17: forgetting, said as a habit or of what memory loses ("forgets everything", "forgetting the
# grandchildren's names", "went upstairs and forgot what for", "has forgotten how to work the remote"), is
# memory impairment. Not forgetting to do something ("forget to eat when I'm gaming", "forgot to take the
# tablets": a lapse, or appetite), not "I'd rather forget" or "forget it"
_FORGETS_RE = re.compile(
    r"(?<!rather )(?<!never )\b(?:forget|forgets|forgetting)\b(?!['’]?\s+(?:to|it|about it)\b)"
    r"|\b(?:forgot|forgotten)\s+(?:what|why|where|how|who|that|names?|words?|things|everything|"
    r"(?:(?:his|her|my|our|the)\s+)?\w+'s)\b",
    re.IGNORECASE,
)
MEMORY_IMPAIRMENT = "HP:0002354"


def forgets(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Memory impairment from forgetting said as a habit or of what is lost."""
    return _each_match(_FORGETS_RE, text, tokens, MEMORY_IMPAIRMENT)


# Session 17: seeing people, children or creatures that are not there, or that a reader knows are not
# ("keeps seeing bugs crawling on the walls", "sees children playing in the garden at dusk that arent
# there", "he says there's children sat on the end of his bed") is a visual hallucination. People or
# children need "not there" or what they are doing ("seeing people at the weekend" is company)
_NOT_THERE = (
    r"(?=[^.!?\n]{0,40}\b(?:aren't|arent|are not|weren't|werent|isn't|isnt|wasn't|wasnt|not) there\b)"
)
_DOING = r"(?=\s+(?:crawling|playing|sitting|sat|standing|stood|walking|running)\b)"
_CREATURES = r"(?:bugs|insects|spiders|soldiers|figures|animals|faces|small people|little people)"
_PLACED = r"(?=\s+(?:crawling|playing|sitting|sat|standing|in the|on the|under the|in corners)\b)"
_SAID_TO_BE_THERE = r"(?:people|children|kids|a man|a woman|men|someone|a dog|a cat|" + _CREATURES[3:]
_SEES_THINGS_RE = re.compile(
    r"\b(?:see|sees|seeing|saw|seen|seing)\s+(?:"
    r"(?:things|people|children|kids|faces|a man|a woman|someone)\b" + f"(?:{_NOT_THERE}|{_DOING})"
    r"|(?:(?:small|little|tiny)\s+)?" + _CREATURES + r"\b" + _PLACED + r"|things\b(?=\s*[-,–—:]))"
    r"|\b(?:says|said|states|stated|telling me|told me|convinced|insists)\s+(?:that\s+)?"
    r"there(?:'s| is| are| was| were)\s+(?:(?:small|little)\s+)?"
    + _SAID_TO_BE_THERE
    + r"\b"
    + f"(?:{_PLACED}|{_DOING})",
    re.IGNORECASE,
)
VISUAL_HALLUCINATION = "HP:0002367"


def sees_things(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A visual hallucination: people or creatures seen that are not there."""
    return _each_match(_SEES_THINGS_RE, text, tokens, VISUAL_HALLUCINATION)


# Session 17: coughing on drinks or food ("coughs and chokes on drinks every time", "coughing + spluttering
# after every drink", "I keep coughing when I have a drink, it goes down the wrong way") is how a swallow
# that fails is told: dysphagia, not a cough (11 of 13 such texts over the read sets code Dysphagia, none
# Cough). The reading stands on the cough word and takes its place (``annotate._READ_MORE_SPECIFICALLY``).
_SWALLOWING = r"(?:drinks?|drinking|drank|swallow\w*|food|lumps|mouthfuls?|wrong way|thin fluids|fluids)"
_COUGHS_ON_DRINKS_RE = re.compile(
    r"\b(?P<cough>cough(?:s|ing|ed)?)\b[^.!?\n;]{0,40}?\b" + _SWALLOWING + r"\b"
    r"|\b(?:drinks?|drinking|swallow\w*|chok\w*)\b[^.!?\n;]{0,25}?\b(?P<cough2>cough(?:s|ing|ed)?)\b",
    re.IGNORECASE,
)
_NOT_SWALLOWING_RE = re.compile(
    r"\b(?:cold|flu|smok\w*|phlegm|mucus|sputum|blood|eating and drinking"
    r"|drinking (?:ok|okay|fine|normally|well))\b",
    re.IGNORECASE,
)
DYSPHAGIA = "HP:0002015"


def coughs_on_drinks(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dysphagia from coughing on drinks or food, over the cough word."""
    readings: list[Reading] = []
    for match in _COUGHS_ON_DRINKS_RE.finditer(text):
        if _NOT_SWALLOWING_RE.search(_sentence_around(text, match.start(), match.end())):
            continue  # "a cold, coughing, drinking lots of water"
        group = "cough" if match["cough"] else "cough2"
        readings += _read(tokens, match.start(group), match.end(group), DYSPHAGIA)
    return readings


# Session 17: stiffness of the whole person in the morning ("every morning I'm stiff for at least an hour",
# "Stiff as a board first thing", "everything's stiff first thing", "am stiffness approx 2 hrs") is
# generalized morning stiffness. Not a part's ("my knees are stiff first thing": a stiff knee; "stiff for an
# hour every morning" after the joints: the authors code those Joint stiffness)
_MORNING_STIFFNESS_RE = re.compile(r"\b(?:morning|am|a\.m\.)\s+stiffness\b", re.IGNORECASE)
_STIFF_RE = re.compile(r"\bstiff(?:ness)?\b", re.IGNORECASE)
_IN_THE_MORNING_RE = re.compile(
    r"\b(?:first thing|in the mornings?|every morning|mornings|when i (?:get|wake) up|on waking"
    r"|after i get up)\b",
    re.IGNORECASE,
)
_STIFF_PERSON_RE = re.compile(
    r"\b(?:i'm|i am|im|i feel|i get|everything's|everything is|everything|she's|he's|she is|he is)\b"
    r"[^,;]{0,20}$",
    re.IGNORECASE,
)
_STIFF_AS_A_WHOLE_RE = re.compile(r"\s+(?:as a board|all over)\b", re.IGNORECASE)
GENERALIZED_MORNING_STIFFNESS = "HP:0005197"


def morning_stiffness(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Generalized morning stiffness from a person stiff in the morning."""
    readings = _each_match(_MORNING_STIFFNESS_RE, text, tokens, GENERALIZED_MORNING_STIFFNESS)
    for match in _STIFF_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in (",", ";", ".", "!", "?", "\n"))
        before = text[clause_start + 1 : match.start()]
        # a person is stiff ("I'm stiff", "everything's stiff"), or the clause opens on "Stiff as a board"
        whole = bool(_STIFF_PERSON_RE.search(before)) or (
            not before.strip() and bool(_STIFF_AS_A_WHOLE_RE.match(text, match.end()))
        )
        if whole and _IN_THE_MORNING_RE.search(sentence):
            readings += _read(tokens, match.start(), match.end(), GENERALIZED_MORNING_STIFFNESS)
    return readings


# Session 16: light that hurts or worsens it is photophobia ("the light off my phone makes it so much worse",
# "bright light is agony", "can't stand the light", "have to lie in a dark room", "screws his eyes up in the
# sun", "wants the lights off")
_LIGHT_HURTS_RE = re.compile(
    r"\b(?P<light>lights?)\b[^.;!?\n]{0,30}?\b(?:hurt\w*|agony|killing|unbearable|too bright|painful"
    r"|makes? (?:it|them|the \w+|my \w+) (?:\w+ ){0,2}worse|makes? (?:it|them|my head) (?:hurt|pound))"
    r"|\b(?:can'?t|cannot|cannae|couldn'?t) (?:stand|bear|thole|look at|take) (?:the |any |a )?"
    r"(?:bright )?lights?\b"
    r"|\blie (?:down )?in (?:a|the) dark(?: room)?\b|\bscrews? (?:his|her|my|their) eyes up in (?:the )?"
    r"(?:sun|sunlight|sunshine)\b|\bwants? the lights? off\b",
    re.IGNORECASE,
)
PHOTOPHOBIA = "HP:0000613"


def light_hurts(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Photophobia where light hurts, or someone must shut it out; read on the word "light" when the words
    after it may be another finding's ("the light makes the headache worse")."""
    readings: list[Reading] = []
    for match in _LIGHT_HURTS_RE.finditer(text):
        group = "light" if match["light"] else 0
        readings += _read(tokens, match.start(group), match.end(group), PHOTOPHOBIA)
    return readings


# Session 16: in a text about urine, a stream slow to start is urinary hesitancy ("takes ages to get going",
# "I stand there an age before anything happens", "struggling to get my water going") and a need that cannot
# wait is urinary urgency ("when I need to go I need to go", "when it comes it comes NOW", "can't get to the
# loo in time")
_SLOW_START = r"(?:ages|forever|an age|a long time|long time|a while)"
_HESITANCY_RE = re.compile(
    rf"\b(?:takes?|taking|took)\s+(?:me\s+|him\s+|her\s+)?{_SLOW_START}\b"
    r"[^.;!?\n]{0,25}?\b(?:to (?:get )?(?:start\w*|going|flowing)|before anything happens)"
    r"|\b(?:wait|waiting|stand there|stood there)\b[^.;!?\n]{0,20}?"
    r"\b(?:ages|an age|forever|long time|like a lemon)"
    r"|\b(?:struggl\w*|hard|difficult|trouble)\s+(?:to\s+|getting\s+|to get\s+)?"
    r"(?:start(?:ing)?\s+(?:peeing|to pee|to wee|weeing)"
    r"|(?:my|the|his|her)\s+(?:wee|water|stream|flow|pee)\s+(?:going|started))\b",
    re.IGNORECASE,
)
_HAVING_TO = r"(?:need|needs|have|has|'ve got|'s got|got|really need) to go"
_URGENCY_RE = re.compile(
    rf"\bwhen (?:i|he|she|you) {_HAVING_TO},? (?:i|he|she|you) (?:really )?{_HAVING_TO}\b"
    r"|\bwhen it comes,? it comes\b|\bcan'?t (?:get|make it) to the (?:loo|toilet|bathroom) in time\b",
    re.IGNORECASE,
)
URINARY_HESITANCY, URINARY_URGENCY = "HP:0000019", "HP:0000012"


def urinary_hesitancy_and_urgency(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Urinary hesitancy and urgency said by what happens, in a text about urine and not the bowels."""
    if not _URINE_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text):
        return []
    return _each_match(_HESITANCY_RE, text, tokens, URINARY_HESITANCY) + _each_match(
        _URGENCY_RE, text, tokens, URINARY_URGENCY
    )


# Session 16: in a text about the bowels and not urine, a need to go that cannot wait is bowel urgency
# ("needing to poo urgently", "desperate for a poo", "I have to run for it", "running to the loo after meals")
_BOWEL_URGENCY_RE = re.compile(
    r"\b(?:poo|go|going)\s+urgently\b|\bdesperate (?:for|to) (?:a )?poo\b|\b(?:have|had|has) to run for it\b"
    r"|\brunning to the (?:loo|toilet|bathroom)\b",
    re.IGNORECASE,
)
BOWEL_URGENCY = "HP:0012701"


def bowel_urgency(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Bowel urgency where the need to go cannot wait, in a text about the bowels and not about urine."""
    if _URINE_WORDS_RE.search(text) or not (_BOWEL_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text)):
        return []
    return _each_match(_BOWEL_URGENCY_RE, text, tokens, BOWEL_URGENCY)


# Session 16: passing urine that burns or stings is dysuria, however far the words run ("it burns like hell
# when I wee", "stings like nettles when I wee", "wee burns", "my water's burnin like fire"); "when I go"
# only in a text about urine and not the bowels
_BURNS_WHEN_RE = re.compile(
    r"\b(?:burn|burns|burning|burnin|sting|stings|stinging)\b[^.;!?\n]{0,20}?\bwhen (?:i|he|she|they|you) "
    r"(?P<what>wee|wees|pee|pees|go|goes|pass water|passes water|urinate)\b"
    r"|\b(?:wee|pee|urine|water)(?:'s| is| has been)?\s+(?:burns|stings|burning|stinging|burnin)\b",
    re.IGNORECASE,
)
DYSURIA = "HP:0100518"


def burning_urine(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dysuria where passing urine burns or stings."""
    about_urine = bool(_URINE_WORDS_RE.search(text)) and not _BOWEL_WORDS_RE.search(text)
    return _each_match(
        _BURNS_WHEN_RE,
        text,
        tokens,
        DYSURIA,
        lambda m: m["what"] is not None and m["what"].lower() in ("go", "goes") and not about_urine,
    )


# Session 16: a discharge described (thick, white, watery, frothy, smelly …) in a text about the vagina is an
# abnormal vaginal discharge ("thrush again, itchy down there and a thick white discharge"); not an ear's,
# eye's, nipple's, wound's or penis's discharge
_DISCHARGE_RE = re.compile(
    r"\b(?:thick|white|watery|yellow\w*|green\w*|grey|gray|frothy|smelly|fishy|bloodstained|brown|clear|"
    r"lumpy|heavy)\b[^.;!?\n]{0,20}?\bdischarge\b|\bdischarge (?:is|was|that|with|like)\b",
    re.IGNORECASE,
)
_VAGINAL_TEXT_RE = re.compile(
    r"\b(?:down (?:below|there)|vagina\w*|thrush|periods?|smear|coil|pregnan\w*|sex|knickers|pants|weeks?|"
    r"partner|bv|itch\w*)\b",
    re.IGNORECASE,
)
_NOT_VAGINAL_RE = re.compile(
    r"\b(?:ears?|eyes?|nipples?|breasts?|wound|scar|stitches|nose|penis|willy|tip)\b", re.IGNORECASE
)
VAGINAL_DISCHARGE = "HP:0034269"


def vaginal_discharge(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Abnormal vaginal discharge where a discharge is described in a text about the vagina."""
    if not _VAGINAL_TEXT_RE.search(text):
        return []
    return _each_match(
        _DISCHARGE_RE, text, tokens, VAGINAL_DISCHARGE, lambda m: _off_topic(text, m, None, _NOT_VAGINAL_RE)
    )


# Session 16: a child who "only says about 5 words" (or has, uses, knows only a few) is delayed in speech: the
# writer's "only" says the count is behind the child's age
_FEW_WORDS_RE = re.compile(
    r"\b(?:only|just)\s+(?:says|has|uses|knows|said|got|saying|using)\s+(?:about |around |maybe |like )?"
    r"(?:\d{1,2}|a few|a handful of|a couple of|one|two|three|four|five|six|ten|single)\s+(?:\w+\s+)?words\b",
    re.IGNORECASE,
)
DELAYED_SPEECH = "HP:0000750"


def few_words(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Delayed speech and language development where a child only says a few words."""
    return _each_match(_FEW_WORDS_RE, text, tokens, DELAYED_SPEECH)


# Session 16: waking soaked, or sheets and pyjamas soaked, is night sweats ("soaking the sheets at night",
# "waking up soaked", "wringing wet, had to change my top"); not a wet bed or nappy (urine)
_SOAKED_RE = re.compile(r"\b(?:soak\w*|drench\w*|wringing wet|wet with sweat|wet through)\b", re.IGNORECASE)
_NIGHT_RE = re.compile(
    r"\b(?:nights?|bed|sheets?|pyjamas|pjs|nightie|nightdress|wak\w*|woke|top|t-shirt)\b", re.IGNORECASE
)
_NOT_SWEAT_RE = re.compile(
    r"\b(?:wee|pee|urine|wet (?:myself|herself|himself|the bed)|wetting|nappy|nappies|pads?|rain|bath"
    r"|blood)\b",
    re.IGNORECASE,
)
NIGHT_SWEATS = "HP:0030166"


def night_sweats(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Night sweats where someone wakes soaked, or the sheets or night clothes are."""
    return _each_match(
        _SOAKED_RE, text, tokens, NIGHT_SWEATS, lambda m: _off_topic(text, m, _NIGHT_RE, _NOT_SWEAT_RE)
    )


# Session 16: leaking poo or not making it to the toilet is incontinence: of the bowel in a text about the
# bowels, of urine in a text about urine ("I leak poo when I pass wind", "pooed myself in my sleep", "didn't
# make it to the toilet in time", "a couple of accidents"); a text about both or neither says nothing
_LEAKED_POO_RE = re.compile(
    r"\b(?:leak\w*|soil\w*)\s+(?:a (?:little )?bit of |some )?poo\b"
    r"|\bpoo(?:ed|ped)?\s+(?:myself|herself|himself|themselves|(?:my|his|her) (?:pants|trousers|knickers))\b",
    re.IGNORECASE,
)
_NOT_IN_TIME_RE = re.compile(
    r"\b(?:didn'?t|doesn'?t|don'?t|not always|never|can'?t|couldn'?t|won'?t|not)\s+(?:quite\s+|always\s+)?"
    r"mak(?:e|es|ing) it\s+(?:to the (?:toilet|loo|bathroom)|in time)\b"
    r"|\b(?:had|having|has|a couple of|a few|an?)\s+(?:little\s+)?accidents?\b",
    re.IGNORECASE,
)
BOWEL_INCONTINENCE, URINARY_INCONTINENCE = "HP:0002607", "HP:0000020"


def incontinence(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Bowel or urinary incontinence where poo leaks or the toilet is not reached in time, by what the
    text is about."""
    about_urine = bool(_URINE_WORDS_RE.search(text))
    about_bowels = bool(_BOWEL_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text))
    found = _each_match(_LEAKED_POO_RE, text, tokens, BOWEL_INCONTINENCE)
    if about_urine != about_bowels:
        found += _each_match(
            _NOT_IN_TIME_RE, text, tokens, URINARY_INCONTINENCE if about_urine else BOWEL_INCONTINENCE
        )
    return found


# Session 15: pleasure lost in what used to give it is anhedonia ("I don't enjoy football anymore", "nothing I
# used to enjoy interests me", "gaming isn't fun anymore", "no joy in anything"; "can't be bothered with
# anything" tried: the authors mostly code it as low mood alone); the span starts at the negator, so it
# denies nothing
_ANHEDONIA_RE = re.compile(
    r"\b(?:don'?t|doesn'?t|didn'?t|can'?t|cannot|no longer|not)\s+(?:really\s+|even\s+)?"
    r"(?:enjoy|find (?:any )?(?:joy|pleasure) in|get (?:any )?(?:joy|pleasure) (?:out of|from))\b"
    r"[^.;!?\n]{0,40}?\b(?:any ?more|used to)\b"
    r"|\bnothing (?:i|he|she|we) used to (?:enjoy|love)\b"
    r"|\b(?:isn'?t|aren'?t|is not|are not|nothing (?:feels|is)) (?:fun|enjoyable) any ?more\b"
    r"|\bno (?:interest|joy|pleasure) in (?:anything|things|doing anything)\b",
    re.IGNORECASE,
)
ANHEDONIA = "HP:0012154"
# Session 15: a rash or redness that the sun brings on or makes worse is cutaneous photosensitivity ("a red
# rash across her cheeks whenever she's out in the sun", "the sun makes it worse", "burn faster in the sun")
_IN_THE_SUN_RE = re.compile(
    r"\b(?:in|into|out in|after being in|after a day in|from|with|when|whenever)\b[^.;!?\n]{0,20}?"
    r"\bthe (?P<sun>sun(?:light|shine)?)\b|\b(?P<makes>sun(?:light)?) makes? (?:it |them )?worse\b",
    re.IGNORECASE,
)
_SKIN_REACTION_RE = re.compile(
    r"\b(?:rash\w*|red|redness|burn|burns|burnt|burned|blister\w*|itch\w*|blotch\w*)\b", re.I
)
PHOTOSENSITIVITY = "HP:0000992"


def anhedonia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anhedonia where what used to give pleasure no longer does."""
    return _each_match(_ANHEDONIA_RE, text, tokens, ANHEDONIA)


def photosensitivity(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Cutaneous photosensitivity where the sun brings on or worsens a rash, redness or burning in its
    sentence."""
    readings: list[Reading] = []
    for match in _IN_THE_SUN_RE.finditer(text):
        group = "sun" if match["sun"] else "makes"
        sentence = _sentence_around(text, match.start(), match.end())
        if _SKIN_REACTION_RE.search(sentence) and "sunburn" not in sentence.lower():
            readings += _read(tokens, match.start(group), match.end(group), PHOTOSENSITIVITY)
    return readings


def bowels_not_opened(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Constipation where the bowels have not been opened for days ("haven't been for 6 days" counts only
    in a text about the bowels)."""
    readings: list[Reading] = []
    for match in _NO_POO_RE.finditer(text):
        said = match.group().lower()
        if " been for " in said and not re.search(r"poo|number", said) and not _BOWEL_WORDS_RE.search(text):
            continue  # "haven't been for 6 days" of work or the gym
        readings += _read(tokens, match.start(), match.end(), CONSTIPATION)
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
        term = _glucose_term(match["value"], match["word"])
        if term:
            group = "value" if match["value"] else "word"
            readings += _read(tokens, match.start(group), match.end(group), term)
    return readings


def _glucose_term(value: str | None, word: str | None) -> str | None:
    if word:
        return HYPERGLYCEMIA if word.lower() in ("hi", "high") else HYPOGLYCEMIA
    level = float((value or "0").replace(",", "."))
    if 0.5 <= level < 4.0:
        return HYPOGLYCEMIA
    if 11.1 <= level < 40:
        return HYPERGLYCEMIA
    if 40 <= level < 70:
        return HYPOGLYCEMIA
    if 200 <= level <= 900:
        return HYPERGLYCEMIA
    return None


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


def sleep_latencies(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Sleep onset insomnia where falling asleep takes 30 minutes or more."""
    readings: list[Reading] = []
    for pattern in _SLEEP_LATENCY_RES:
        for match in pattern.finditer(text):
            if match["hours"] or _minutes(match["n"].lower(), match["unit"].lower()) >= 30:
                readings += _read(tokens, match.start(), match.end(), SLEEP_ONSET_INSOMNIA)
    return (
        readings
        + _each_match(  # not after a waking: "I wake at 3am and lie there till 6"
            _AWAKE_UNTIL_RE,
            text,
            tokens,
            SLEEP_ONSET_INSOMNIA,
            lambda m: bool(_WAKING_BEFORE_RE.search(re.split(r"[.;!?\n]", text[: m.start()])[-1])),
        )
    )


def _minutes(number: str, unit: str) -> float:
    """'45' 'mins' → 45; 'half an' 'hour' → 30; '2' 'hrs' → 120."""
    if number.startswith("half"):
        count = 0.5
    else:
        count = float(_NUMBER_WORDS.get(number, number if number.isdigit() else 0))
    return count * 60 if unit.startswith("h") else count


def _sentence_around(text: str, start: int, end: int) -> str:
    first = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    ends = [i for i in (text.find(mark, end) for mark in _SENTENCE_MARKS) if i >= 0]
    return text[first : min(ends, default=len(text))]


def _read(tokens: Sequence[Token], start: int, end: int, term: str, absent: bool = False) -> list[Reading]:
    """The reading of ``term`` over the tokens within [start, end), if any token lies there."""
    covered = _covered(tokens, start, end)
    return [Reading(covered[0], covered[-1], term, absent=absent)] if covered else []


def _covered(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]


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


def vomiting(lowers: list[str]) -> list[Reading]:
    """Vomiting where "sick"/"sickness" means it (see the module docstring); ``lowers`` are the tokens'
    lower-case words ("" for punctuation)."""
    return [
        Reading(i, i, VOMITING)
        for i, word in enumerate(lowers)
        if (word == "sick" and _been_sick(lowers, i)) or (word == "sickness" and _sickness(lowers, i))
    ]


def the_runs(lowers: list[str]) -> list[Reading]:
    """Diarrhoea where someone has, had or got "the runs" (or "the trots")."""
    return [
        Reading(i - 1, i, DIARRHEA)
        for i, word in enumerate(lowers)
        if word in _RUNS
        and i >= 2
        and lowers[i - 1] == "the"
        and (
            lowers[i - 2] in _BEFORE_THE_RUNS
            or (
                i >= 3 and lowers[i - 2] in _OBJECTS and lowers[i - 3] in _BEFORE_THE_RUNS
            )  # "given me the runs"
        )
    ]


def _having(word: str) -> bool:
    return word in _HAVING or word.endswith(("'ve", "'d"))


def _been_sick(lowers: list[str], i: int) -> bool:
    after = lowers[i + 1] if i + 1 < len(lowers) else ""
    if after == "of" and a_time_of_day(lowers, i + 2):
        after = ""  # session 14: British "sick of a morning" (in the mornings) is vomiting, not "sick of it"
    if after in _NOT_VOMIT_AFTER or (after == "and" and lowers[i + 2 : i + 3] == ["tired"]):
        return False
    if after == "with" and lowers[i + 2 : i + 3] and lowers[i + 2] in _ILL_WITH:
        return False  # "sick with a cold": ill
    if _COUNT_RE.match(after) or after in _COUNTS:
        return True  # a diary's "sick x2"
    j = i - 1
    if j >= 0 and lowers[j] in _SELF:
        return j >= 1 and lowers[j - 1] in _MAKING  # "making herself sick"
    while j >= 0 and lowers[j] in _ADVERBS:
        j -= 1
    return j >= 0 and lowers[j] in _BE


def _sickness(lowers: list[str], i: int) -> bool:
    before = lowers[i - 1] if i else ""
    after = lowers[i + 1 : i + 3]
    return (
        before in _SICKNESS_BEFORE
        or (after[:1] == ["and"] and after[1:] and after[1] in _DIARRHOEA)
        or (before == "and" and i >= 2 and lowers[i - 2] in _DIARRHOEA)
    )


def stiff_then_jerking(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans (first, last token) of "went stiff then … jerking" descriptions within one sentence."""
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.lower not in _STIFF:
            continue
        in_sequence = False
        for j in range(i + 1, min(len(tokens), i + 1 + _DESCRIPTION_WORDS)):
            word = tokens[j]
            if word.kind == "break":
                break
            in_sequence = in_sequence or word.lower in _SEQUENCE
            if in_sequence and word.kind == "word" and word.lower.startswith(_JERKING):
                spans.append((i, j))
                break
    return spans


# Each text scan with the (lower-case) words without which its pattern cannot match.
_SCANS: tuple[tuple[Callable[[str, Sequence[Token]], list[Reading]], tuple[str, ...]], ...] = (
    (temperatures, ("temp", "fev", "feev")),
    (blood_pressures, ("bp", "pressure", "reading")),
    (frequent_falls, ("fall", "fell")),
    (weight_changes, ("lost", "losing", "dropped", "down", "put on", "gain", "up ")),
    (centile_drops, ("centile",)),
    (frequent_urination, ("every",)),
    (sleep_apnoea, ("breath",)),
    (night_wakings, ("wak", "woke")),
    (heart_rates, ("rate", "pulse", "hr", "heart")),
    (cycle_lengths, ("period", "cycle")),
    (d_and_v, ("v",)),
    (bowels_not_opened, ("poo", "bowel", "been for", "bo ", "bno", "motion")),
    (painful_defecation, ("poo", "bowel", "constipat", "stool", "pellet")),
    (loose_stools, ("loose", "watery", "runny")),
    (scratching, ("scratch",)),
    (scaling_skin, ("flak", "scal", "peel")),
    (dry_skin, ("dry", "drier")),
    (on_edge, ("edge", "egde")),
    (long_sleep, ("sleep",)),
    (vision_fades, ("black", "grey", "gray", "dark", "dim", "fuzzy")),
    (came_round, ("out ", "round", "came to", "come to", "comes to", "coming to")),
    (automatisms, ("smack", "chew", "pick", "fiddl", "fumbl", "pluck")),
    (disoriented, ("who ", "where ", "what ", "lost")),
    (forgets, ("forg",)),
    (sees_things, ("see", "saw", "seing", "there")),
    (coughs_on_drinks, ("cough",)),
    (morning_stiffness, ("stiff",)),
    (light_hurts, ("light", "dark")),
    (urinary_hesitancy_and_urgency, ("wee", "pee", "urin", "bladder", "water")),
    (bowel_urgency, ("urgent", "desperate", "run for it", "running to")),
    (burning_urine, ("burn", "sting")),
    (vaginal_discharge, ("discharge",)),
    (few_words, ("words",)),
    (night_sweats, ("soak", "drench", "wringing", "wet")),
    (incontinence, ("poo", "make it", "accident")),
    (anhedonia, ("enjoy", "used to", "fun", "interest", "joy", "pleasure")),
    (photosensitivity, ("sun",)),
    (breathing_rates, ("rr", "resp")),
    (saturations, ("spo2", "sp02", "sats", "o2", "oxygen")),
    (coma_scores, ("gcs",)),
    (glucose_levels, ("bm", "sugar", "glucose", "cbg")),
    (nocturia, ("pee", "wee", "urin", "pass water", "washroom", "toilet", "loo", "bathroom", "waterworks")),
    (body_mass_indices, ("bmi",)),
    (sleep_latencies, ("asleep", "sleep", "drop off", "nod off", "get off", "till", "until", "before")),
)
