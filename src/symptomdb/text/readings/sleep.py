"""Readings of sleep: stopping breathing at night is sleep apnoea; waking again and again in the night,
long sleep, a long time to fall asleep and waking soaked are read from what people say of their nights.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.english import NUMBER_WORDS
from symptomdb.text.normalise import Token

from ._base import (
    Reading,
    _each_match,
    _each_match_on,
    _in_a_sentence_with,
    _off_topic,
    _read,
    _sentence_around,
)

# round 31: stopping breathing said of the night ("my wife says I stop breathing for ages at night",
# "he snores and then stops breathing") is sleep apnoea
# session 13: "i stop to breath for some seconds"
_STOPS_BREATHING_RE = re.compile(r"\bstop(?:s|ped|ping)? (?:breathing|to breathe?)\b", re.IGNORECASE)
_ASLEEP_RE = re.compile(r"\b(?:night|nights|sleep\w*|asleep|snor\w*|bed|overnight)\b", re.IGNORECASE)
SLEEP_APNEA = "HP:0010535"
# round 39: 30 minutes or more to fall asleep is sleep onset insomnia (HPO's definition): "it takes me 45
# mins to an hour to drop off", "fall asleep quicker now (used to take 2 hrs)"
_TO_SLEEP = (
    r"(?:fall(?:ing)? asleep|get(?:ting)? (?:(?:him|her|them) )?(?:off )?to sleep|drop(?:ping)? off"
    r"|nod(?:ding)? off|go(?:ing)? to sleep|get(?:ting)? off)"
)
# session 16: "approx 2 hrs", "2+ hours", "takes me hours"
_TAKE = (
    r"\b(?:take|takes|took|taking)\s+(?:(?:me|him|her|them|us|about|around|over|like|at least|approx|"
    r"approximately|roughly|nearly|almost|up to|easily|a good|a solid|well over)\s+)*"
)
_DURATION = (
    r"(?:(?P<n>\d{1,3}|an?|half an?|one|two|three|four|forty|forty-five|fifty|ninety)\+?"
    # session 22: a range ("2 to 3 hours", "1-2 hrs")
    r"(?:\s*(?:-|to|or)\s*(?:\d{1,3}|two|three|four))?\s*"
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


def sleep_apnoea(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Sleep apnoea where someone stops breathing in a sentence about the night or sleep."""
    readings: list[Reading] = []
    for match in _STOPS_BREATHING_RE.finditer(text):
        if _ASLEEP_RE.search(_sentence_around(text, match.start(), match.end())):
            readings += _read(tokens, match.start(), match.end(), SLEEP_APNEA)
    return readings


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


# Session 19: sweating said with words between it and the night ("I swet too much at night", "sweating
# really badly in the night"): the rows read only the phrase said together
_SWEATING_AT_NIGHT_RE = re.compile(
    r"\b(?:sweat\w*|swet\w*)\b[^.;!?\n]{0,25}?"
    r"\b(?:at night|in the night|during the night|every night|at nite)\b",
    re.IGNORECASE,
)


def night_sweats(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Night sweats where someone wakes soaked, or the sheets or night clothes are, or sweats at night."""
    soaked = _each_match(
        _SOAKED_RE, text, tokens, NIGHT_SWEATS, lambda m: _off_topic(text, m, _NIGHT_RE, _NOT_SWEAT_RE)
    )
    return soaked + _each_match(_SWEATING_AT_NIGHT_RE, text, tokens, NIGHT_SWEATS)


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


# Session 17: legs that feel crawly, fizzy or jumpy, or won't keep still, eased only by getting up and moving,
# are restless legs ("legs crawly from 10pm, have to get up + walk", "like someone poured lemonade in my
# calves, and i have to get up and pace the landing"); read on the legs' feeling
_LEGS_FEEL_RE = re.compile(
    r"\b(?:legs?|calves|calf)\b[^.;!?\n]{0,50}?\b(?P<feeling>crawly|creepy|fizzy|fizz|ants|jumpy|"
    r"restless|lemonade|won'?t keep still|will not keep still|go crazy|uncomfortable|awful)\b"
    r"|\b(?P<feeling2>creepy crawly|crawly|fizzy|jumpy) (?:feeling )?(?:deep )?in (?:my|his|her) "
    r"(?:legs|calves)\b",
    re.IGNORECASE,
)
_MOVING_EASES_RE = re.compile(
    r"\b(?:(?:have|has|had|got) to (?:get up|keep moving|move|walk|pace|keep)"
    r"|walking (?:about |around )?helps|eases? (?:off )?(?:when|once) (?:i|he|she)(?:'m)? mov\w*"
    r"|keep moving them|pace the landing|paced the landing|get up and (?:walk|move|pace))\b",
    re.IGNORECASE,
)
RESTLESS_LEGS = "HP:0012452"


def restless_legs(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Restless legs: legs that feel crawly or won't keep still, eased by getting up and moving."""
    if not _MOVING_EASES_RE.search(text):
        return []
    return _each_match_on(_LEGS_FEEL_RE, text, tokens, RESTLESS_LEGS, ("feeling", "feeling2"))


# Session 20: waking early and staying awake ("waking at 4am every day and can't get back off", "I wake at
# three and lie there till it's light", "wide awake at 4.30am every single day", "can't sleep past 4am") is
# terminal insomnia, as the lay authors code it (23 read texts, none read before); not a waking to pass
# urine, to feed or with a symptom alone ("woke at 3am with chest pain")
_EARLY_HOUR = r"(?:[2-5](?:[.:][0-5]\d)?\s*(?:am|a\.m\.)?|three|four|five|half four|0[2-5][0-5]0)"
_STAYS_AWAKE = (
    r"(?:\b(?:can'?t|cant|cannot|cannae|couldn'?t|unable to|never)\s+(?:\w+\s+){0,2}?(?:get|go|drop)\s+"
    r"(?:back|off)\b|\bback (?:to sleep|off)\b|\b(?:every|each)\s+(?:single\s+)?(?:morning|day|night)\b"
    r"|\blie there\b|\blying there\b|\bwide awake\b)"
)
_WAKING_EARLY_RE = re.compile(
    rf"\b(?P<waking>wake|wakes|waking|woke|woken|awake|up)\s+(?:up\s+)?(?:at\s+|by\s+)?(?:about\s+|around\s+)?"
    rf"{_EARLY_HOUR}\b(?!\s*(?:(?:or|-|to)\s*\d+\s*)?times)(?=[^.;!?\n]{{0,50}}?{_STAYS_AWAKE})"
    rf"|\b(?:can'?t|cannot|cant)\s+sleep\s+(?:past|after|beyond)\s+{_EARLY_HOUR}\b",
    re.IGNORECASE,
)
TERMINAL_INSOMNIA = "HP:0031356"
_WAKING_FOR_A_NEED_RE = re.compile(r"\b(?:pee|wee|poo|urinate|toilet|loo|feeds?|bottle)\b", re.IGNORECASE)


def waking_early(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Terminal insomnia where someone wakes in the small hours and stays awake, or every morning."""
    for_a_need = _in_a_sentence_with(_WAKING_FOR_A_NEED_RE, text)  # "up 3 times a night for a wee"
    return _each_match(_WAKING_EARLY_RE, text, tokens, TERMINAL_INSOMNIA, for_a_need)
