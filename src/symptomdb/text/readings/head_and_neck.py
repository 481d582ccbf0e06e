"""Readings about the head and neck: coughing on drinks (dysphagia), a child pulling at an ear (ear pain),
food that tastes wrong (parageusia), eyes that water (epiphora) and a lump on the side of the neck.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import Reading, _each_match, _each_match_on, _read, _sentence_around

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
    return _each_match_on(
        _COUGHS_ON_DRINKS_RE,
        text,
        tokens,
        DYSPHAGIA,
        ("cough", "cough2"),
        # "a cold, coughing, drinking lots of water"
        lambda m: bool(_NOT_SWALLOWING_RE.search(_sentence_around(text, m.start(), m.end()))),
    )


# Session 17: a child pulling at, holding or rubbing an ear is telling of ear pain, as parents say it and the
# authors code it ("pulling at her right ear and screaming all night", "woke screaming and holding his ear")
_PULLS_AT_EAR_RE = re.compile(
    r"\b(?:pull\w*|tugg?\w*|hold\w*|grabb?\w*|rubb?\w*|clutch\w*)\s+(?:at\s+)?(?:his|her|their|the|my)\s+"
    r"(?:right |left |r |l )?(?:ears?|eer|year)\b",
    re.IGNORECASE,
)
EAR_PAIN = "HP:0030766"


def pulls_at_ear(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Ear pain from a child pulling at or holding an ear."""
    return _each_match(_PULLS_AT_EAR_RE, text, tokens, EAR_PAIN)


# Session 17: food or drink that tastes of metal, coins, cardboard or tin, or tastes off, wrong or bitter, is
# parageusia ("everything tastes of metal since the chemo", "my taste has gone funny", "a bitter taste in
# my mouth"); not taste that is lost or faint ("doesn't taste of much": hypogeusia)
_TASTES_WRONG_RE = re.compile(
    r"\b(?:tastes?|tasted|tasting)\b(?! of much)[^.;!?\n]{0,25}?\b(?:metal\w*|coins?|cardboard|tin|off|weird|"
    r"wrong|funny|strange|bitter|salty)\b"
    r"|\b(?:metallic|bitter|horrible|funny|strange|weird|bad|disgusting) taste\b",
    re.IGNORECASE,
)
PARAGEUSIA = "HP:0031249"


def tastes_wrong(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Parageusia: food that tastes of metal or cardboard, or tastes off or bitter."""
    return _each_match(_TASTES_WRONG_RE, text, tokens, PARAGEUSIA)


# Session 17: an eye that waters or streams ("red and watering since yesterday", "itchy and all watery",
# "red, itchy and streaming") is epiphora; read on the water word, past the other adjectives of the eye;
# not "my water" (urine: "yellow in the eyes, and my water is dark")
_EYE_WATERS_RE = re.compile(
    r"\beyes?\b(?! drops)[^.;!?\n]{0,40}?(?<!my )(?<!his )(?<!her )(?<!the )"
    r"\b(?P<water>water(?:s|ing|y|ed)?|waterin|streaming|full of tears)\b",
    re.IGNORECASE,
)
EPIPHORA = "HP:0009926"


def eyes_water(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Epiphora: an eye that waters or streams."""
    return _each_match_on(_EYE_WATERS_RE, text, tokens, EPIPHORA, ("water",))


# Session 22: an eye said red or bloodshot past the eye's other adjectives ("a red itchy eye", "red watery
# eyes", "my eye is all red", "eyes get sore and bloodshot") is Red eye, read on the colour word; not an
# eyelid's edges, a red mark near the eye or the red of a blotch on the white (a haemorrhage)
_RED_EYE_RE = re.compile(
    r"\b(?P<red>red|bloodshot)\b(?:,? (?:and )?(?:\w{2,}(?:y|ing|ful|ed|ish)|sore|pink))?(?:,? and)? eyes?\b"
    r"|\beyes?\b(?! ?lid| drops| mask)(?P<between>[^.;!?\n,]{0,25}?)"
    r"\b(?:all |so |really |very |quite |a bit |bit )?(?P<colour>red|bloodshot)\b"
    r"(?! (?:mark|blotch|spot|patch|dot|line|ring|circle))",
    re.IGNORECASE,
)
_NOT_BETWEEN_RE = re.compile(  # a negator ("aren't", "not"); not any "-nt" ("my eyes went red")
    r"\b(?:not|no|never|(?:is|are|was|were|do|does|did|have|has|had|wo)n'?t)\b", re.IGNORECASE
)
_HAEMORRHAGE_RE = re.compile(r"\b(?:white of|whites of|blood vessel|burst)\b", re.IGNORECASE)
RED_EYE = "HP:0025337"


def red_eye(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Red eye: an eye said red or bloodshot ("my eyes aren't sore or red" rules it out)."""
    readings: list[Reading] = []
    for match in _RED_EYE_RE.finditer(text):
        if _HAEMORRHAGE_RE.search(_sentence_around(text, match.start(), match.end())):
            continue
        group = "red" if match["red"] else "colour"
        denied = bool(match["between"] and _NOT_BETWEEN_RE.search(match["between"]))
        readings += _read(tokens, match.start(group), match.end(group), RED_EYE, absent=denied)
    return readings


# Session 17: a lump on the side of the neck, or under the jaw or an ear, is a lateral neck mass, as the
# authors code what a person finds ("a lump on the side of her neck that has been there 3 weeks"); what the
# lump is (a gland) is not said, so it takes the place of Cervical lymphadenopathy
_NECK_LUMP_RE = re.compile(
    r"\b(?:lumps?|lupm|lunp|swelling)\b[^.;!?\n]{0,25}?\b(?:(?:left |right )?side of (?:my|his|her|the) "
    r"(?:neck|nek)|(?:neck|nek)\b[^.;!?\n]{0,20}?(?:under (?:my|his|her|the) (?:left |right )?(?:jaw|ear)|"
    r"on the (?:left|right)|(?:left|right) side))",
    re.IGNORECASE,
)
LATERAL_NECK_MASS = "HP:6000174"


def neck_lump(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A lateral neck mass: a lump on the side of the neck or under the jaw or an ear."""
    return _each_match(_NECK_LUMP_RE, text, tokens, LATERAL_NECK_MASS)


# Session 20: a pain "at the back of" a part is that part's ("sore at the back of my throat", "it hurts at
# the back of my neck"); the back itself is not named (data/figures-of-speech.tsv keeps it from Back pain)
_AT_THE_BACK_OF_RE = re.compile(
    r"\b(?:sore|soreness|pain|painful|hurts?|hurting|aches?|aching|achy|burning|raw|scratchy|tender)\b"
    r"[^.;!?\n]{0,20}?\b(?:at|in) the back of (?:my|his|her|the|your) (?P<part>throat|neck|knees?|eyes?)\b",
    re.IGNORECASE,
)
_PAINS_AT_THE_BACK_OF = {
    "throat": "HP:0033050",  # Pharyngalgia
    "neck": "HP:0030833",  # Neck pain
    "knee": "HP:0030839",  # Knee pain
    "eye": "HP:0200026",  # Ocular pain
}


def pain_at_the_back_of(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """The pain of the part whose back hurts (throat, neck, knee, eye)."""
    readings: list[Reading] = []
    for match in _AT_THE_BACK_OF_RE.finditer(text):
        term = _PAINS_AT_THE_BACK_OF[match["part"].lower().removesuffix("s")]
        readings += _read(tokens, match.start(), match.end(), term)
    return readings


# Session 21: a head held in a tight band or a vice is a tension-type headache, the pressing, band-like pain
# HPO defines it by ("headaches most afternoons, like a tight band round my head"; "both temples squeezed
# like a vice"); a band round the chest is not
_BAND_ROUND_THE_HEAD_RE = re.compile(
    r"\b(?P<band>band)\b[^.;!?\n]{0,15}?\b(?:round|around|across|over|on)\s+(?:my|his|her|the|your)\s+"
    r"(?:head|forehead|temples?|skull|brow)\b|"
    r"\b(?:head|forehead|temples?)\b[^.;!?\n]{0,25}?\b(?:(?:like|in) a (?P<vice>vice|vise)|"
    r"(?P<squeezed>squeezed|squeezing))\b|"
    r"\b(?:forehead|temples?)\b[^.;!?\n]{0,25}?\b(?P<band2>band)\b",
    re.IGNORECASE,
)
TENSION_TYPE_HEADACHE = "HP:0012228"


def band_round_the_head(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tension-type headache, read on the band or vice that holds the head."""
    return _each_match_on(
        _BAND_ROUND_THE_HEAD_RE, text, tokens, TENSION_TYPE_HEADACHE, ("band", "vice", "squeezed", "band2")
    )
