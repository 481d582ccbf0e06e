"""Readings that belong to no larger group: coughing on drinks or food (dysphagia), a person stiff in the
morning (generalized morning stiffness) and a described vaginal discharge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import Reading, _each_match, _each_match_on, _off_topic, _read, _sentence_around

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


# Session 17: a joint that clicks, creaks, cracks, grinds or crunches is joint crepitus ("knee clicks on
# stairs", "kneecap grinds", "knees crack and ache going down stairs", "crunch getting up out of a chair");
# not fingers clicked for attention, cracked skin or a cracked bone, nor a jaw that clicks (the authors code
# the jaw joint, not crepitus)
_CREPITUS_RE = re.compile(
    r"\b(?:knees?|kneecaps?|hips?|wrists?|ankles?|shoulders?|elbows?|thumbs?|joints?|neck)\b"
    r"[^.;!?\n]{0,40}?\b(?P<sound>clicks?|clicking|creak\w*|cracks|cracking|crack(?= and)|grinds?|grinding|"
    r"crunch\w*|clunk\w*)\b",
    re.IGNORECASE,
)
_NOT_CREPITUS_RE = re.compile(
    r"\bclick\w* (?:my|his|her|their) fingers\b|\bcrack\w* (?:a|my|his|her) (?:rib|bone|wrist|ankle)\b"
    r"|\bskin\b",
    re.IGNORECASE,
)
JOINT_CREPITUS = "HP:0034431"


def joint_crepitus(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Joint crepitus where a joint clicks, creaks, cracks, grinds or crunches (read on the sound word)."""
    return _each_match_on(
        _CREPITUS_RE,
        text,
        tokens,
        JOINT_CREPITUS,
        ("sound",),
        lambda m: bool(_NOT_CREPITUS_RE.search(_sentence_around(text, m.start(), m.end()))),
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


# Session 17: pain from the back or buttock that shoots, goes or runs down the back of the leg is sciatica
# ("lower back pain shooting down R leg to foot", "it shoots down the back of my left leg right to my
# foot"), said beside the back
_DOWN_THE_LEG_RE = re.compile(
    r"\b(?:shoot\w*|go(?:es|ing)?|run\w*|travel\w*|radiat\w*|it go)\s+(?:right\s+|all the way\s+)?down\s+"
    r"(?:the back of\s+)?(?:(?:my|his|her|the|mi|di)\s+)?(?:left |right |l |r )?(?:legs?|buttock|thigh)\b"
    r"|\bdown (?:the )?back of (?:my |his |her |the )?(?:l |r |left |right )?(?:legs?|thigh)\b",
    re.IGNORECASE,
)
_BACK_RE = re.compile(r"\b(?:back|buttock|bum|lumbar|sciatic\w*)\b", re.IGNORECASE)
SCIATICA = "HP:0011868"


def sciatica(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Sciatica: pain from the back that shoots down the back of the leg."""
    if not _BACK_RE.search(text):
        return []
    return _each_match(_DOWN_THE_LEG_RE, text, tokens, SCIATICA)


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


# Session 17: hands, feet or a leg said to be cold, freezing or like ice, or a person cold to touch, is
# coldness of that part, not cold intolerance (which is feeling the cold); it takes Cold intolerance's place
_COLD_PART_RE = re.compile(
    r"\b(?:hands?|feet|foot|legs?|toes|fingers)\b(?:\s+(?:and|&)\s+(?:feet|hands))?"
    r"(?:\s+(?:are|is|feel|feels|always|so|really|gone|go|goes|has gone|have gone|freezing|ice))*\s+"
    r"(?:cold|freezing|like ice|icy|like blocks of ice)\b|\bcold to (?:the )?touch\b",
    re.IGNORECASE,
)
COLDNESS = "HP:0033850"


def cold_parts(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Coldness: hands, feet or a leg that are cold, or a person cold to touch."""
    return _each_match(_COLD_PART_RE, text, tokens, COLDNESS)
