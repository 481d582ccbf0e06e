"""Readings of the heart and the breath: a heartbeat felt racing or pounding, stopping to catch one's
breath, phlegm brought up, blood coughed up and a peak flow below its best."""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import SENTENCE_RE, Reading, _each_match_on, _read, _sentence_around

# Session 18: the heart felt beating fast, hard or unevenly is palpitations, however the words run ("my
# heart - out of nowhere it starts pounding really fast", "my heart feels like it's racing", "heart going
# really fast and bumpy", "my heart goes like the clappers"); not a heart attack, heart surgery or tablets,
# and not a heart rate given as a number (vital_signs reads that)
_HEART_FELT_RE = re.compile(
    r"\b(?:heart|hart|harts|hearts)\b(?![- ](?:attack|surgery|op|operation|tablets?|pills?|failure|"
    r"condition|problems?|murmur|rate|disease|valve))[^.;!?\n]{0,30}?\b(?P<felt>racing|racin|races|raced|"
    r"pounding|poundin|pounds|pounded|thumping|thumpin|thumps|banging|bangin|fluttering|flutterring|"
    r"flutterin|flutters|fluttery|fluttrey|jumping|skipping|skips|bumpy|beat very hard|"
    r"beating (?:very |really |so )?(?:quick|fast|hard)|going (?:really |very |so |too )?fast|"
    r"like the clappers|like a train"
    # session 19: the bare verbs of a list ("heart beat funny, jump, flutter, sometime miss beat")
    r"|beat funny|flutter|miss(?:es|ed)? (?:a )?beats?"
    # session 21: a heart that thuds or stops and bangs ("heart thudding so hard I can see my shirt move")
    r"|thudding|thuds|thuddin|stops for a second|missing (?:a )?(?:beats?|beets?))\b",
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


# Session 21: phlegm or sputum brought up is a productive cough, as the authors code it whether or not the
# text says "cough" ("bringing up grey phlegm every morning", "hacking up a fair bit of muck with it"; 12
# read texts had missed it); "no phlegm" rules it out
_PHLEGM_RE = re.compile(
    r"\b(?P<phlegm>phlegm|phlem|flem|flegm|flegma|phlegma|phelgm|sputum|sputem)\b|"  # session 23: "flegma"
    r"\b(?:hacking|coughing|coughin|coughed) up (?:a (?:fair )?bit of |loads of |some )?"
    r"(?P<muck>muck|gunk|mucus|stuff|gunge|green|yellow)\b|"
    # what is brought up, not said coughed, is the chest's only as muck or mucus ("bringing up green stuff"
    # may be a vomit)
    r"\b(?:bringing|bringin|brought) up (?:a (?:fair )?bit of |loads of |some )?(?P<muck2>muck|gunk|mucus)\b",
    re.IGNORECASE,
)
_NOT_THE_CHEST_RE = re.compile(r"\b(?:nose|nasal|sinus\w*|snot|back of (?:my|his|her|the) throat)\b", re.I)
PRODUCTIVE_COUGH = "HP:0031245"


def phlegm_brought_up(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Productive cough, read on the word for the phlegm, unless its sentence is about the nose."""
    readings: list[Reading] = []
    for match in _PHLEGM_RE.finditer(text):
        if _NOT_THE_CHEST_RE.search(_sentence_around(text, match.start(), match.end())):
            continue
        group = next(g for g in ("phlegm", "muck", "muck2") if match[g])
        readings += _read(tokens, match.start(group), match.end(group), PRODUCTIVE_COUGH)
    return readings


# Session 21: blood coughed up, however the words run, is haemoptysis ("coughed up bright red blood",
# "coughing up little streaks of blood in my morning phlegm", "pink froth"), not the productive cough the
# word "coughed" reads
_BLOOD_COUGHED_UP_RE = re.compile(
    r"\bcough(?:ed|ing|in|s)? up\b[^.;!?\n]{0,30}?\b(?P<blood>blood|bloody|pink froth|pink frothy)\b|"
    r"\b(?:streaks?|specks?|flecks?|bits?|spots?) of (?P<blood2>blood)\b[^.;!?\n]{0,20}?\b(?:phlegm|sputum|"
    r"spit|mucus)\b",
    re.IGNORECASE,
)
HEMOPTYSIS = "HP:0002105"


def blood_coughed_up(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hemoptysis, read over the words from the cough to the blood (the cough read on them gives way)."""
    return _each_match_on(_BLOOD_COUGHED_UP_RE, text, tokens, HEMOPTYSIS, ())


# Session 21: a peak flow said down, low or dropping, or under 80 % of the person's best ("Peak flow has
# been sitting around 280 all week when my best is 450", "down to about 60% of my best"), is a decreased
# peak expiratory flow; one said fine, normal or as usual rules it out
_PEAK_FLOW_RE = re.compile(r"\bpeak ?flows?(?:'s)?\b(?P<rest>[^.;!?\n]{0,60})", re.IGNORECASE)
_PEAK_FLOW_DOWN_RE = re.compile(
    r"\b(?:down|drops?|dropping|dropped|low|lower|falling|fallen|only|worse|reduced)\b", re.IGNORECASE
)
_PEAK_FLOW_FINE_RE = re.compile(r"\b(?:fine|normal|ok|okay|good|as usual|steady|stable)\b", re.IGNORECASE)
_PERCENT_OF_BEST_RE = re.compile(r"(?P<percent>\d{2})\s*%\s*of (?:my |his |her )?best", re.IGNORECASE)
_VALUE_AND_BEST_RE = re.compile(
    r"(?P<value>\d{2,3})\b[^.;!?\n\d]{0,30}?\bbest\b[^.;!?\n\d]{0,10}?(?P<best>\d{2,3})\b", re.IGNORECASE
)
DECREASED_PEAK_FLOW = "HP:0032355"


def peak_flows(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Decreased peak expiratory flow (or its absence), read on the words "peak flow"."""
    readings: list[Reading] = []
    for match in _PEAK_FLOW_RE.finditer(text):
        rest = match["rest"]
        below = _below_best(rest)
        if below is None and _PEAK_FLOW_DOWN_RE.search(rest):
            below = True
        if below is None and _PEAK_FLOW_FINE_RE.search(rest):
            below = False
        if below is not None:
            readings += _read(
                tokens, match.start(), match.start("rest"), DECREASED_PEAK_FLOW, absent=not below
            )
    return readings


def _below_best(words: str) -> bool | None:
    """Whether the words put a peak flow under 80 % of the best, when they give a percentage or both
    numbers ("280 … when my best is 450"; "430-470, personal best 480" is not)."""
    if percent := _PERCENT_OF_BEST_RE.search(words):
        return int(percent["percent"]) < 80
    if pair := _VALUE_AND_BEST_RE.search(words):
        return int(pair["value"]) < 0.8 * int(pair["best"])
    return None


# Session 21: waking at night gasping or unable to breathe is paroxysmal nocturnal dyspnoea ("woke up at
# 3am gasping, had to sit on the edge of the bed", "wake up coughing and gasping for air 2 or 3 times a
# night"), not where the text tells of snoring, choking or breathing that stops (a sleep apnoea's waking)
_WAKES_GASPING_RE = re.compile(
    r"\b(?:wak\w*|woke|woken)\b[^.;!?\n]{0,30}?\b(?P<gasp>gasping|gaspping|unable to breathe|can'?t breathe|"
    r"couldn'?t breathe|fighting for (?:breath|air)|struggling to breathe)\b",
    re.IGNORECASE,
)
_APNOEA_RE = re.compile(
    r"\b(?:snor\w*|chok\w*|throat|stop(?:s|ped)? breathing|apnoea|apnea|altitude|camp)\b", re.IGNORECASE
)
PAROXYSMAL_NOCTURNAL_DYSPNEA = "HP:0034807"


def wakes_gasping(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Paroxysmal nocturnal dyspnea, read on the gasp."""
    if _APNOEA_RE.search(text):
        return []
    return _each_match_on(_WAKES_GASPING_RE, text, tokens, PAROXYSMAL_NOCTURNAL_DYSPNEA, ("gasp",))
