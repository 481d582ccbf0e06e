"""Readings that belong to no larger group: a described vaginal discharge, eating what is not food
(pica), a baby that feeds with trouble, and a crash after doing too much.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import Reading, _each_match, _off_topic

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
    return _discharge_of(_VAGINAL_TEXT_RE, _DISCHARGE_RE, _NOT_VAGINAL_RE, VAGINAL_DISCHARGE, text, tokens)


def _discharge_of(
    about: re.Pattern[str],
    discharge: re.Pattern[str],
    elsewhere: re.Pattern[str],
    term: str,
    text: str,
    tokens: Sequence[Token],
) -> list[Reading]:
    """``term`` over each ``discharge`` in a text ``about`` its part, outside a sentence about another."""
    if not about.search(text):
        return []
    return _each_match(discharge, text, tokens, term, lambda m: _off_topic(text, m, None, elsewhere))


# Session 22: a discharge in a text about the penis is an abnormal penile discharge ("a discharge from the
# tip"; "no discharge" is excluded by the negation, as any finding), not a vagina's or an eye's
_PENIS_TEXT_RE = re.compile(
    r"\b(?:penis|willy|foreskin|bellend|helmet|knob|dick|cock|urethra)\b", re.IGNORECASE
)
_NOT_PENILE_RE = re.compile(
    r"\b(?:vagina\w*|vulva|girlfriend'?s|wife'?s|partner'?s|her|she|eyes?|ears?|nipples?|wound)\b",
    re.IGNORECASE,
)
_A_DISCHARGE_RE = re.compile(r"\bdischarge\b", re.IGNORECASE)
PENILE_DISCHARGE = "HP:6000108"


def penile_discharge(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Abnormal penile discharge where a discharge is named in a text about the penis."""
    return _discharge_of(_PENIS_TEXT_RE, _A_DISCHARGE_RE, _NOT_PENILE_RE, PENILE_DISCHARGE, text, tokens)


# Session 22: spotting is bleeding between periods (Metrorrhagia: 8 read texts), or in pregnancy an abnormal
# vaginal bleeding and after the menopause a postmenopausal one; spotting after sex is the postcoital rows'
_SPOTTING_RE = re.compile(
    r"(?<!day of )\bspotting\b(?![^.;!?\n]{0,25}\bafter\b[^.;!?\n]{0,15}\b(?:sex|intercourse)\b)",
    re.IGNORECASE,
)
_PREGNANT_RE = re.compile(
    r"\b(?:pregnan\w*|lmp|\d{1,2}/40|(?:i'?m|am|at|she'?s|now) \d{1,2} ?(?:weeks|wks)\b)", re.IGNORECASE
)
_AFTER_MENOPAUSE_RE = re.compile(r"\b(?:menopause|post-?menopausal|periods stopped \w+ years ago)\b", re.I)
METRORRHAGIA, VAGINAL_BLEEDING, POSTMENOPAUSAL_BLEEDING = "HP:0100608", "HP:0034263", "HP:0033840"


def spotting(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Metrorrhagia, a pregnancy's vaginal bleeding or a postmenopausal bleeding where a woman spots."""
    if _PREGNANT_RE.search(text):
        term = VAGINAL_BLEEDING
    elif _AFTER_MENOPAUSE_RE.search(text):
        term = POSTMENOPAUSAL_BLEEDING
    else:
        term = METRORRHAGIA
    return _each_match(_SPOTTING_RE, text, tokens, term)


# Session 17: eating or craving what is not food (soil, sand, paint, plaster, chalk, stones, paper, stuffing)
# or ice to crunch is pica ("eats soil and bits of plaster off the wall", "craving ice, crunching it all
# day", "chewing ice cubes all day for weeks"); not ice cream or an ice lolly
_PICA_RE = re.compile(
    r"\b(?:eat|eats|eating|ate|eaten|chew\w*|crav\w*|crunch\w*|puts? \w+ in (?:his|her|their) mouth)\b"
    r"[^.;!?\n]{0,30}?\b(?:soil|dirt|sand|paint|plaster|chalk|stones|clay|paper|carpet|stuffing|"
    r"ice(?! cream| lolly| lollies|d\b)(?: cubes)?)\b",
    re.IGNORECASE,
)
PICA = "HP:0011856"


def pica(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Pica: eating or craving what is not food, or ice to crunch."""
    return _each_match(_PICA_RE, text, tokens, PICA)


# Session 18: a baby that feeds with trouble ("feeds take 1hr+", "falls asleep on the bottle", "takes
# forever to finish them", "won't take her bottle", "not interested in feeding", "fussing at the breast",
# "not latching", "comes off every few minutes", "not waking for feeds", "worn out halfway through the
# bottle") has feeding difficulties in infancy, as the lay authors code it; in a text about a baby only
_BABY_RE = re.compile(
    r"\b(?:baby|babies|newborn|infant|lo|ds|dd|\d+\s*(?:wks?|weeks?|mo|months?)(?:\s*old)?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven) (?:weeks?|months?) old"
    r"|bottles?|breastfe\w*|breast|formula)\b",
    re.IGNORECASE,
)
_FEEDS_BADLY_RE = re.compile(
    r"\bfeeds? (?:take|takes|taking) (?:an hour|over an hour|1 ?hr|\d+\+? ?(?:min|mins|minutes)|forever|ages)"
    r"|\btakes? (?:forever|ages|\d+ ?(?:min|mins|minutes)) to finish\b"
    r"|\bfalls? asleep (?:on|at|during) the (?:bottle|breast)\b"
    r"|\b(?:won'?t|wont|doesn'?t want to|not|isn'?t) (?:take|taking|suck|sucking) (?:her|his|the) "
    r"(?:bottle|breast)"
    r"|\b(?:not|isn'?t|wasn'?t) interested in (?:feeding|her feeds|his feeds|the bottle)\b"
    r"|\bturning away from the (?:bottle|breast)\b"
    r"|\bfuss(?:y|ing) (?:feeding|at the breast|on the bottle|with feeds)\b|\bnot latching\b"
    r"|\bcomes off every few\b|\bpulls off during\b|\bnot waking for (?:her |his )?feeds\b|\bslower to feed\b"
    r"|\bworn out (?:halfway through|during) (?:the|her|his) (?:bottle|feeds?)\b"
    r"|\b(?:gets|got) tired (?:\+|and) stops\b|\bdoesn'?t feed well\b",
    re.IGNORECASE,
)
FEEDING_DIFFICULTIES_IN_INFANCY = "HP:0008872"


def infant_feeding(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Feeding difficulties in infancy where a baby feeds with trouble."""
    if not _BABY_RE.search(text):
        return []
    return _each_match(_FEEDS_BADLY_RE, text, tokens, FEEDING_DIFFICULTIES_IN_INFANCY)


# Session 19: in a text about pacing, long covid, ME or doing too much, a crash is the worsening after an
# exertion ("Day 4 of a crash after my niece's party", "crashed so badly I was bedbound", "the 2-3 day
# crashes after anything social"); not a car or a bike crash
_CRASH_RE = re.compile(r"\b(?:crash|crashes|crashed|crashing)\b", re.IGNORECASE)
_EXERTION_TEXT_RE = re.compile(
    r"\b(?:pacing|paced|pace|spoons?|pem|overdo\w*|overdid|too much|covid|lc|post-?viral|me|cfs|m\.e\.|"
    r"chronic fatigue|fibro\w*|bedbound|housebound|exertion|boom and bust)\b",
    re.IGNORECASE,
)
_VEHICLE_RE = re.compile(
    r"\b(?:car|cars|bike|bikes|motorbike|cycling|motorway|road|lorry|van|bus|accident|collision|crashed into|"
    r"drove|driving|driver|m\d+|helmet|airbag|computer|laptop|phone|sugar|blood sugar)\b",
    re.IGNORECASE,
)
POSTEXERTIONAL_EXACERBATION = "HP:0030973"


def crashes(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Postexertional symptom exacerbation from a crash in a text about exertion and pacing."""
    if not _EXERTION_TEXT_RE.search(text):
        return []
    return _each_match(
        _CRASH_RE, text, tokens, POSTEXERTIONAL_EXACERBATION, lambda m: _off_topic(text, m, None, _VEHICLE_RE)
    )
