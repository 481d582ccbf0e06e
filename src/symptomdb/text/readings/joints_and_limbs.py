"""Readings about the joints and limbs: a person stiff in the morning (generalized morning stiffness), a
joint that clicks or grinds (crepitus), pain from the back down the leg (sciatica), and hands or feet
said cold (coldness).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import (
    Reading,
    _absent,
    _each_match,
    _each_match_on,
    _in_a_sentence_with,
    _read,
    _sentence_around,
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


# Session 17: an arm that cannot be lifted above the head, or reach behind the back, in a text about the
# shoulder is limited shoulder movement ("can't lift my arm above my head to peg out the washing", "can't
# reach behind my back", "cannae lift ma arm above ma heid")
_SHOULDER_LIMITED_RE = re.compile(
    r"\b(?:can'?t|cannot|cannae|can barely|can hardly|unable to|struggle to|struggling to)\s+"
    r"(?:lift|get|raise|put)\s+(?:ma |my |his |her |the |both )?(?:arms?|hands?)\s+(?:up\b|above|over)"
    r"|\b(?:can'?t|cannot|cannae|unable to)\s+reach\s+(?:up\s+)?behind\s+(?:my|his|her)\s+back\b",
    re.IGNORECASE,
)
LIMITED_SHOULDER_MOVEMENT = "HP:0006467"


def shoulder_limited(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Limited shoulder movement: an arm that cannot go above the head, in a text about the shoulder."""
    if "shoulder" not in text.lower():
        return []
    return _each_match(_SHOULDER_LIMITED_RE, text, tokens, LIMITED_SHOULDER_MOVEMENT)


# Session 18: a calf or leg that cramps or hurts after walking a distance, and eases on stopping, is
# intermittent claudication ("I can only walk about 50 yards before my calves cramp up and I have to stop",
# "a cramping pain in my calf when I walk about 100 yards, have to stop and then it goes off"); the rest
# that eases it is what tells it from a cramp or a leg pain
_CALF_PAIN_RE = re.compile(
    r"\b(?:calf|calfs|calves|carf|legs?)\b[^.;!?\n]{0,25}?\b(?P<pain>cramp\w*|pain\w*|ache\w*|achy|hurts?)\b"
    r"|\b(?P<pain2>cramp\w*|pain\w*|ache\w*|hurts?)\b[^.;!?\n]{0,20}?\b(?:calf|calfs|calves|carf|legs?)\b",
    re.IGNORECASE,
)
_WALKING_A_DISTANCE_RE = re.compile(r"\bwalk\w*\b", re.IGNORECASE)
_EASES_ON_STOPPING_RE = re.compile(r"\b(?:stop|stops|stopping|rest|rests|resting)\b", re.IGNORECASE)
INTERMITTENT_CLAUDICATION = "HP:0004417"


def claudication(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Intermittent claudication where a calf or leg pain or cramp is said with walking and stopping."""

    def without_walking(match: re.Match[str]) -> bool:
        sentence = _sentence_around(text, match.start(), match.end())
        return not (_WALKING_A_DISTANCE_RE.search(sentence) and _EASES_ON_STOPPING_RE.search(sentence))

    # read on the whole match, so that the calf pain or cramp read there gives way to it
    return _each_match(_CALF_PAIN_RE, text, tokens, INTERMITTENT_CLAUDICATION, without_walking)


# Session 18: the back said low ("lower back", "low down", "across the bottom of my back", "lower side", "the
# low bit") in a text that says it hurts ("killing me", "did my back in", "stiff and sore first thing") is
# low back pain, which the lay authors code rather than Back pain (26 texts where it was missed)
_LOW_BACK_RE = re.compile(
    r"\b(?:lower|low)[ -](?:back|bakc|bak)\b"
    r"|\b(?:back|bakc|bak)\b[^.;!?\n]{0,40}?\b(?:low down|lower down|at the bottom|bottom of it|"
    r"lower side|the low bit|belt line)\b"
    r"|\bbottom of (?:my|his|her|the) (?:back|bakc|bak)\b",
    re.IGNORECASE,
)
_BACK_HURTS_RE = re.compile(
    r"\b(?:pain\w*|pane|ache\w*|achy|sore|hurt\w*|killing|grief|bad|twinge|agony|wrecked|grumbling|spasms?|"
    r"stiff|did my back in|done my (?:back|bakc|bak) in|put my back out|go|went|gone)\b",
    re.IGNORECASE,
)
_NOT_THE_BACKS_RE = re.compile(r"\b(?:teeth|tooth|legs? of|seat|garden|door)\b", re.IGNORECASE)
LOW_BACK_PAIN = "HP:0003419"


def low_back_pain(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Low back pain where the back said low hurts."""
    if not _BACK_HURTS_RE.search(text):
        return []

    return _each_match(
        _LOW_BACK_RE, text, tokens, LOW_BACK_PAIN, _in_a_sentence_with(_NOT_THE_BACKS_RE, text)
    )


# Session 18: a knee said to hurt further on in its clause ("Right knee now grinds and hurts when I kneel",
# "Mason's knee keeps hurting after every session", "twisted my knee, it kills going down stairs", "my knee
# swoll up and its still sore") is knee pain; not past a comma unless "it" or "they" go on, and not beside
# other joints (several joints' pains are Arthralgia, session 16)
_KNEE_HURTS_RE = re.compile(
    r"\bknees?\b(?:[^.;!?\n,]|,\s*(?=(?:it|it's|its|they|they're|and)\b)){0,50}?"
    r"\b(?P<pain>hurts?|hurting|sore|aches?|aching|achy|painful|painfull|kills|killing|agony)\b",
    re.IGNORECASE,
)
_OTHER_JOINTS_RE = re.compile(
    r"\b(?:hips?|ankles?|wrists?|elbows?|shoulders?|joints|back|feet|foot|legs?|thighs?|calf|calves|shins?)\b",
    re.IGNORECASE,
)
KNEE_PAIN = "HP:0030839"


def knee_hurts(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Knee pain, read on the word that says it hurts."""
    return _each_match_on(
        _KNEE_HURTS_RE, text, tokens, KNEE_PAIN, ("pain",), _in_a_sentence_with(_OTHER_JOINTS_RE, text)
    )


# Session 19: swelling denied in a text about a joint ("Pain at the front of my knee when I run. There's no
# swelling.", "my shoulder hurts when I throw - no swelling", "Limping - no; swelling - no") rules out joint
# swelling, as the lay authors code it; not in a text about an ankle, a leg, the face or a gland, whose
# swelling has terms of its own
_JOINT_TEXT_RE = re.compile(
    r"\b(?:knees?|hips?|elbows?|shoulders?|wrists?|fingers?|knuckles?|joints?|thumbs?)\b", re.IGNORECASE
)
_OTHER_SWELLING_RE = re.compile(
    r"\b(?:ankles?|legs?|feet|foot|calf|calves|face|lips?|eyes?|glands?|neck|tummy|belly|stomach|throat|"
    r"tongue|scrotum|testicle|breasts?)\b",
    re.IGNORECASE,
)
_SWELLING_DENIED_RE = re.compile(
    r"\b(?:no|nae|not any|without|never any)\s+(?P<swelling>swelling)\b"
    r"|\b(?:not|isn't|isnt|wasn't|never)\s+(?:been\s+)?(?P<swollen>swollen)\b"
    r"|\b(?P<said>swelling)\s*[-:]\s*no\b",
    re.IGNORECASE,
)
JOINT_SWELLING = "HP:0001386"


def joint_swelling_denied(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Joint swelling excluded where swelling is denied in a text about a joint and no other part."""
    if not _JOINT_TEXT_RE.search(text) or _OTHER_SWELLING_RE.search(text):
        return []
    groups = ("swelling", "swollen", "said")
    return _absent(_each_match_on(_SWELLING_DENIED_RE, text, tokens, JOINT_SWELLING, groups))


# Session 20: a knee or a big toe that swells, said with words the joint's own reading does not reach ("the
# right one swells up like a balloon after five-a-side", "my knee has blown up overnight", "big toe red hot
# and swollen, can't bear the sheet on it"): Joint swelling, as the lay authors code it (28 read texts); in
# a text that says gout a big toe is left to the lexicon's Podagra (the authors: 6 of 10)
_KNEE = r"(?:knees?|kne|knew|kinee|kness|knee joint)"
_BIG_TOE = r"(?:big toe|big tow|big toe joint|joint at the base of (?:my|his|her|the) big toe)"
_SWELLS = (
    r"(?:swells?|swelled|swelling|swollen|swolen|swolllen|swole|sullen|puffs? up|puffed up|puffy|blown up|"
    r"blew up|balloons|up like a balloon)"
)
_OTHER_PART = (
    r"\b(?:ankles?|ankels?|anckles?|feet|foot|legs?|hands?|face|fingers?|wrists?|elbows?|eyes?|tummy|belly|"
    r"(?:toe)?nails?)\b"
)
_JOINT_SWELLS_RE = re.compile(
    rf"\b(?P<joint>{_KNEE}|{_BIG_TOE})\b(?P<between>[^.;!?\n]{{0,60}}?)\b(?P<swells>{_SWELLS})\b",
    re.IGNORECASE,
)
_ONE_SWELLS_RE = re.compile(  # "knees ache … and the right one swells up"
    rf"\b(?:right|left|other|bad|worse) one\b[^.;!?\n]{{0,20}}?\b(?P<swells>{_SWELLS})\b", re.IGNORECASE
)
_KNEE_RE = re.compile(rf"\b{_KNEE}\b", re.IGNORECASE)
_GOUT_RE = re.compile(r"\bgout\b", re.IGNORECASE)
_NAIL_RE = re.compile(r"\b(?:toe)?nails?\b", re.IGNORECASE)


def joints_swell(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Joint swelling for a knee or big toe said to swell."""
    readings: list[Reading] = []
    for match in _JOINT_SWELLS_RE.finditer(text):
        if re.search(_OTHER_PART, match["between"], re.IGNORECASE):
            continue  # "my knee aches and my ankles swell up": the ankles'
        toe = "toe" in match["joint"].lower() or "tow" in match["joint"].lower()
        if toe and (
            _GOUT_RE.search(text) or _NAIL_RE.search(_sentence_around(text, match.start(), match.end()))
        ):
            continue  # the lexicon's Podagra where gout is said; an ingrown toenail's redness
        readings += _read(tokens, match.start("swells"), match.end("swells"), JOINT_SWELLING)
    if _KNEE_RE.search(text):
        readings += _each_match_on(_ONE_SWELLS_RE, text, tokens, JOINT_SWELLING, ("swells",))
    return readings


# Session 20: a bone said broken ("I broke my wrist stepping off a kerb", "Broke two ribs in the last one",
# "3 months on from breaking the neck of my femur", "broke her hip"): the fracture of that bone (lay-text
# authors: a wrist 4 of 5 a forearm or radius fracture, a hip a femur fracture, two ribs multiple rib
# fractures). A nose or a toe is left: the authors code neither. Broken twice or more is recurrent
# fractures, as the authors code it without the bone ("broke my wrist twice this yr", "he's broken his arm
# twice and his leg once").
_BONES: dict[str, str] = {
    "wrist": "HP:0003961",  # Fractured forearm bone
    "forearm": "HP:0003961",
    "radius": "HP:0003978",
    "ulna": "HP:0003987",
    "arm": "HP:0041118",  # Fractured upper limb segment
    "upper arm": "HP:0041055",  # Fractured humerus
    "humerus": "HP:0041055",
    "elbow": "HP:0041219",
    "shoulder": "HP:0041217",
    "collarbone": "HP:0041144",
    "collar bone": "HP:0041144",
    "clavicle": "HP:0041144",
    "leg": "HP:0025736",  # Long-bone fracture: a leg's bones are long bones
    "hip": "HP:0031846",  # Femur fracture: a broken hip is the top of the femur
    "femur": "HP:0031846",
    "thigh bone": "HP:0031846",
    "neck of femur": "HP:6000655",
    "neck of my femur": "HP:6000655",
    "neck of the femur": "HP:6000655",
    "neck of her femur": "HP:6000655",
    "neck of his femur": "HP:6000655",
    "kneecap": "HP:0041237",
    "ankle": "HP:0041153",
    "pelvis": "HP:0041161",
    "rib": "HP:0041159",
    "jaw": "HP:0041234",
}
MULTIPLE_RIB_FRACTURES = "HP:0006640"
RECURRENT_FRACTURES = "HP:0002757"
_BONE_NAMES = "|".join(sorted((re.escape(name) + "s?" for name in _BONES), key=len, reverse=True))
_BROKEN_BONE_RE = re.compile(
    r"\b(?:broke|broken|breaking|break|breaks|fractured|fracturing|cracked)\s+(?:(?:my|his|her|their|the|a|"
    r"both|another)\s+)?(?P<count>two|2|three|3|several|four|4)?\s*(?:(?:left|right|l|r)\s+)?"
    rf"(?P<bone>{_BONE_NAMES})\b"
    r"|\b(?:broken|fractured|cracked)\s+(?P<bone2>wrist|arm|leg|hip|ankle|ribs?|collarbone|kneecap|pelvis)\b",
    re.IGNORECASE,
)
_RECURRENT_RE = re.compile(r"\b(?:twice|(?:two|three|four|five|\d) times)\b", re.IGNORECASE)


def broken_bones(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """The fracture of each bone said broken; a bone broken twice or more is recurrent fractures."""
    readings: list[Reading] = []
    for match in _BROKEN_BONE_RE.finditer(text):
        bone = (match["bone"] or match["bone2"]).lower()
        if _RECURRENT_RE.search(_sentence_around(text, match.start(), match.end())):
            term = RECURRENT_FRACTURES
        elif bone.startswith("rib") and (bone.endswith("s") or match["count"]):
            term = MULTIPLE_RIB_FRACTURES
        else:
            term = _BONES.get(bone, _BONES.get(bone.removesuffix("s"), ""))
        readings += _read(tokens, match.start(), match.end(), term) if term else []
    return readings


# Session 20: a part that cannot bear the bedclothes touching it ("big toe red hot and swollen, can't even
# bear the sheet on it", "my feet burn at night and I can't stand the duvet touching them") hurts: the pain
# of the toe or the feet, as the lay authors code it (13 read texts)
_CANNOT_BEAR_COVERS_RE = re.compile(
    r"\b(?:can'?t|cant|cannot|couldn'?t|couldnt|could not|won'?t)\s+(?:even\s+)?(?:bear|stand|have|tolerate|"
    r"stick)\s+(?:even\s+)?(?:the\s+|a\s+|my\s+|any\s+)?(?:bed ?sheets?|sheets?|duvet|blankets?|covers|"
    r"bedclothes|quilt)\b",
    re.IGNORECASE,
)
_COVERED_PARTS = (
    (re.compile(r"\b(?:big toe|big tow|toes?|big finger of the foot)\b", re.IGNORECASE), "HP:0030841"),  # Toe
    (re.compile(r"\b(?:feet|foot|soles?)\b", re.IGNORECASE), "HP:0025238"),  # Foot pain
    (re.compile(r"\bknees?\b", re.IGNORECASE), "HP:0030839"),  # Knee pain
)


def cannot_bear_the_covers(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """The pain of the toe, foot or knee that cannot bear the bedclothes, named in the sentence or before."""
    readings: list[Reading] = []
    for match in _CANNOT_BEAR_COVERS_RE.finditer(text):
        before = _sentence_around(text, match.start(), match.end()) + text[: match.start()]
        term = next((term for part, term in _COVERED_PARTS if part.search(before)), None)
        readings += _read(tokens, match.start(), match.end(), term) if term else []
    return readings
