"""Readings of the skin: scratching, flaking or scaling skin, dry skin (session 16), and a rash or redness
that the sun brings on (session 15), each bound to a sentence about the skin where its words are
ambiguous.
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
    _off_topic,
    _read,
    _said_of,
    _sentence_around,
)

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


# Session 17: sweating that stopped ("I'd basically stopped sweating", "stopped sweating from the waist
# down") is anhidrosis; not "can't stop sweating" (a lexicon row could not tell them apart: one key)
_STOPPED_SWEATING_RE = re.compile(r"(?<!n't )(?<!not )(?<!never )\bstopped sweating\b", re.IGNORECASE)
ANHIDROSIS = "HP:0000970"


def stopped_sweating(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anhidrosis from sweating that stopped."""
    return _each_match(_STOPPED_SWEATING_RE, text, tokens, ANHIDROSIS)


# Session 17: toes, fingers or knuckles that go purple or red, itchy or swollen in the cold are chilblains
# ("my toes go purple and itchy and swollen whenever it's cold", "every winter I get purple itchy swellings
# on them"); the itch and swelling are the chilblains' (``annotate._PART_OF_ANOTHER``)
_CHILBLAINS_RE = re.compile(
    r"\b(?:toes?|fingers?|knuckles)\b[^.;!?\n]{0,40}?\b(?P<colour>purple|red|reddish)\b[^.;!?\n]{0,30}?"
    r"\b(?:itch\w*|swell\w*|swollen|sausages?)\b"
    r"|\b(?P<colour2>purple|red) (?:itchy |swollen |painful )*(?:swellings|bumps|lumps) on "
    r"(?:my |his |her |the(?:ir)? )?(?:toes|fingers|them)\b",
    re.IGNORECASE,
)
_COLD_RE = re.compile(r"\b(?:cold|winter\w*|snow|frost\w*|chilly|freezing)\b", re.IGNORECASE)
CHILBLAINS = "HP:0009710"


def chilblains(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Chilblains: toes or fingers gone purple and itchy or swollen, in a text about the cold."""
    if not _COLD_RE.search(text):
        return []
    # read on the colour: the itch and the swelling have words of their own
    return _each_match_on(_CHILBLAINS_RE, text, tokens, CHILBLAINS, ("colour", "colour2"))


# Session 17: an ulcer on the leg, shin, ankle or foot, or a sore there that won't heal, is a skin ulcer
# ("an ulcer on my left shin that won't heal", "a sore on the sole that won't heal", "my leg ulcer is weeping
# through the dressing"); the reading takes the place of the site's pain that "sore" had read
_SKIN_ULCER_RE = re.compile(
    r"\b(?:ulcers?|ulcwr|ulser)\s+(?:on|by|near|at)\s+(?:the\s+)?(?:my|his|her|their|the)?\s*"
    r"(?:left |right |lower )?(?:legs?|shins?|ankles?|feet|foot|heels?|toes?|sole)\b"
    r"|\b(?:leg|shin|ankle|foot|venous) (?:ulcers?|ulcwr|ulser)\b"
    r"|\bsores?\b[^.;!?\n]{0,40}?\b(?:won'?t|wont|not|doesn'?t|didn'?t|never|isn'?t)\s+(?:heal\w*|heel)\b"
    r"|\bopen (?:ulcer|sore)\b",
    re.IGNORECASE,
)
SKIN_ULCER = "HP:0200042"


def skin_ulcer(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A skin ulcer on the leg or foot, or a sore that won't heal."""
    return _each_match(_SKIN_ULCER_RE, text, tokens, SKIN_ULCER)


# Session 17: nails or toenails gone yellow ("my toenails have gone thick and yellow and crumbly", "nails
# going yellowish") are yellow nails
_YELLOW_NAILS_RE = re.compile(
    r"\b(?:nails?|toe ?nails?|nials|fingernails?)\b[^.;!?\n]{0,40}?\b(?P<yellow>yel+ow\w*|yellw)\b",
    re.IGNORECASE,
)
YELLOW_NAILS = "HP:0011367"


def yellow_nails(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Yellow nails, read on the colour."""
    return _each_match_on(_YELLOW_NAILS_RE, text, tokens, YELLOW_NAILS, ("yellow",))


# Session 17: hair said to be thinning, or gone thin on top or all over, is sparse scalp hair ("my hair is
# thinning badly on top", "her hair has got very thin all over"): the lay "thin hair" is less hair, not
# finer hair; the reading takes the place of Fine hair
_THINNING_HAIR_RE = re.compile(
    r"\bhair(?:'s)?\b(?:(?!\band\b)[^.;!?\n]){0,25}?\b(?:thinning|thinned"
    r"|thin(?:ner)? (?:on top|at the crown|all over)|(?:got|gone|become|getting|going) (?:very |really |so )?"
    r"thin(?:ner)?)\b"
    r"|\bthinning (?:hair|on (?:the )?(?:top|crown))\b",
    re.IGNORECASE,
)
SPARSE_SCALP_HAIR = "HP:0002209"


def thinning_hair(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Sparse scalp hair: hair said to be thinning."""
    return _each_match(_THINNING_HAIR_RE, text, tokens, SPARSE_SCALP_HAIR)


# Session 18: patches of skin lighter than the rest ("white patches coming up on the backs of my hands",
# "lighter patches on his cheeks", "large light patches on my back") are hypopigmented skin patches, and
# darker patches ("dark patches over my knuckles") hyperpigmentation, and dark marks or spots ("dark marks
# from old bites") hypermelanotic macules;
# not in the mouth, on the nails, teeth or eyes, not light brown (café-au-lait) or leaf-shaped (ash-leaf)
# patches, and not velvety ones (acanthosis nigricans): the lexicon names those
_LIGHT_PATCHES_RE = re.compile(
    r"\b(?P<colour>pale|paler|white|whitish|lighter|light)(?: white)? (?:patch\w*|areas?)\b"
    r"|\b(?P<colour2>pale|paler|white|whitish|lighter)(?: white)? spots? on (?:the |my |his |her )?skin\b"
    r"|\b(?:patch\w*|spots?)\b[^.;!?\n]{0,30}?\b(?P<colour3>lighter|paler) than\b",
    re.IGNORECASE,
)
_DARK_PATCHES_RE = re.compile(r"\b(?P<colour>dark|darker)(?: brown)? (?:patch\w*|areas?)\b", re.IGNORECASE)
_DARK_MARKS_RE = re.compile(r"\b(?P<colour>dark|darker)(?: brown)? (?:marks?|spots?)\b", re.IGNORECASE)
_NOT_THE_SKINS_RE = re.compile(
    r"\b(?:mouth|tongue|tounge|tung|tonsils?|tonsills|thraot|gums?|lips?|teeth|tooth|nails?|fingernails?|"
    r"eyes?|throat|thrush|leaf|velvety|light brown|milky coffee|coffee|bruis\w*|tissue|spotting|hair|"
    r"vitiligo|purple|blood)\b",
    re.IGNORECASE,
)
HYPOPIGMENTED_PATCHES = "HP:0001053"
HYPERPIGMENTATION = "HP:0000953"
HYPERMELANOTIC_MACULE = "HP:0001034"


def skin_colour_patches(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hypopigmented skin patches, hyperpigmentation of the skin and hypermelanotic macules, read on the
    colour word."""

    not_the_skins = _in_a_sentence_with(_NOT_THE_SKINS_RE, text)
    light = ("colour", "colour2", "colour3")
    return (
        _each_match_on(_LIGHT_PATCHES_RE, text, tokens, HYPOPIGMENTED_PATCHES, light, not_the_skins)
        + _each_match_on(_DARK_PATCHES_RE, text, tokens, HYPERPIGMENTATION, ("colour",), not_the_skins)
        + _each_match_on(_DARK_MARKS_RE, text, tokens, HYPERMELANOTIC_MACULE, ("colour",), not_the_skins)
    )


# Session 18: a person or a face gone grey or ashen ("my husband says I look grey", "went all clammy and
# grey", "her face went grey, eyes rolled up", "my skin has gone sort of grey and dull all over") is pallor,
# as on brown and black skin it shows; and so is looking washed out ("he looks washed out, kind of grey"),
# where feeling washed out is fatigue. Not sight going grey, greying hair, grey-blue lips or a grey patch,
# rash or toe
_GREY_RE = re.compile(
    r"\b(?:i|he|she|you|face|skin|complexion|look|looks|looked|looking|goes|gone|go|went|turned|turns)\b"
    r"(?:\s+(?:all|really|very|quite|a bit|a little|sort of|kind of|literally|so|completely|pale and|"
    r"sweaty and|clammy and|dull and))*\s+(?P<grey>grey|gray|greyish|grayish|ashen)\b"
    r"(?!\s*(?:-|and |/)?\s*(?:blue|bluish|brown|black|scaly|waxy|round|hair))"
    r"|\b(?:look|looks|looked|looking)\s+(?:really |very |so |a bit |quite |pale and )*"
    r"(?P<washed>washed[- ]out)\b",
    re.IGNORECASE,
)
_GREY_THING_BEFORE_RE = re.compile(
    r"\b(?:vision|sight|everything|colours?|colors?|lips?|hair|toes?|fingers?|fingertips|nails?|eyes?|"
    r"whites|patch\w*|spots?|cheeks|rash|blisters?|there|bruises?|it|they|them|sky|screen)\b[^,;.]{0,25}$",
    re.IGNORECASE,
)
PALLOR = "HP:0000980"


def looks_grey(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Pallor, read on "grey" or "washed out" said of a person, a face or the skin."""

    of_a_thing = _said_of(_GREY_THING_BEFORE_RE, text)
    return _each_match_on(_GREY_RE, text, tokens, PALLOR, ("grey", "washed"), of_a_thing)


# Session 18: the skin round a nail gone red, puffy or swollen, throbbing or with pus ("skin round my
# fingernails is red, swollen and throbbing", "the side of it is red and puffy and there's pus") is
# paronychia, as the lay authors code it (5 of 5), taking the place of the Erythema read on "red"
_ROUND_A_NAIL_RE = re.compile(
    r"\b(?:round|around|side of|sides of|beside|next to|at the side of)\s+"
    r"(?:the\s+|my\s+|his\s+|her\s+|one\s+|a\s+)?(?:finger|toe)?nails?\b[^.;!?\n]{0,40}?"
    r"\b(?P<sign>red|puffy|swollen|throbbing|pus|oozing)\b"
    r"|\b(?:finger|toe)?nails?\b[^.;!?\n]{0,40}?\bside of it\b[^.;!?\n]{0,15}?"
    r"\b(?P<sign2>red|puffy|swollen|pus|oozing)\b",
    re.IGNORECASE,
)
PARONYCHIA = "HP:0001818"


def paronychia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Paronychia, read on the sign said of the skin round a nail."""
    return _each_match_on(_ROUND_A_NAIL_RE, text, tokens, PARONYCHIA, ("sign", "sign2"))


# Session 18: skin that cracks or splits ("my hands are so dry it's cracking and bleeding", "hard skin on
# both heels that splits open", "nipples are cracked and sore", "the skin on my knuckles splits and bleeds")
# is a skin fissure, as the lay authors code it; not lips or the corners of the mouth (chapped lips, angular
# cheilitis), teeth, bones, a voice, nails or a screen
_CRACKS_RE = re.compile(r"\b(?P<crack>crack(?:s|ed|ing|y)?|splits?|splitting|fissures?)\b", re.IGNORECASE)
_SKIN_PARTS_RE = re.compile(
    r"\b(?:skin|skins|hands?|heels?|knuckles?|palms?|soles?|fingers?|fingertips?|feet|nipples?|toes?)\b",
    re.IGNORECASE,
)
_NOT_A_FISSURE_RE = re.compile(
    r"\b(?:lips?|mouth|corners|teeth|tooth|ribs?|bones?|voice|nails?|toenails?|screen|phone|joints?|knees?|"
    r"cracked on|cracking on|crack of dawn|head|skull|egg)\b",
    re.IGNORECASE,
)
SKIN_FISSURE = "HP:0031057"


def skin_cracks(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Skin fissure, read on the word that says the skin cracks or splits."""

    def not_the_skins(match: re.Match[str]) -> bool:
        sentence = _sentence_around(text, match.start(), match.end())
        return not _SKIN_PARTS_RE.search(sentence) or bool(_NOT_A_FISSURE_RE.search(sentence))

    return _each_match_on(_CRACKS_RE, text, tokens, SKIN_FISSURE, ("crack",), not_the_skins)


# Session 18: red said of a patch or of the skin ("red scaly patches behind her ears", "a red, hot, swollen
# patch on my lower leg", "red raw shiny skin in the nappy area", "red blotchy skin", "skin's a bit red over
# it", "gone a bit red around them") is erythema, as the lay authors code it; not red eyes, throat, lips,
# urine, stools or blood
_RED_PATCH_RE = re.compile(
    r"\b(?P<red>red)(?:,?\s+(?:and\s+)?(?:hot|raw|itchy|itvhy|scaly|blotchy|shiny|swollen|angry|sore|painful|"
    r"flaky|dry|rough))*,?\s+(?:patch\w*|skin|areas?|blotch\w*)\b"
    r"|\b(?:skin|skin's|patch\w*)\b[^.;!?\n]{0,20}?\b(?:is|are|was|gone|went|goes|looks?|turned)\s+"
    r"(?:(?:a bit|bit|bright|really|very|quite|all|a little)\s+)?(?P<red2>red)\b"
    r"|\bgone (?:a bit |bit |slightly )?(?P<red3>red) (?:around|round)\b",
    re.IGNORECASE,
)
_NOT_THE_SKINS_REDNESS_RE = re.compile(
    r"\b(?:eyes?|eyelids?|throat|tonsils?|lips?|tongue|tounge|mouth|gums?|dentures|wee|pee|urine|poo\w*|"
    r"stools?|blood|period\w*|nose|face|cheeks?|flush\w*|heel|pressure)\b",
    re.IGNORECASE,
)
ERYTHEMA = "HP:0010783"


def red_skin(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Erythema, read on "red" said of a patch or of the skin."""
    not_the_skins = _in_a_sentence_with(_NOT_THE_SKINS_REDNESS_RE, text)
    return _each_match_on(_RED_PATCH_RE, text, tokens, ERYTHEMA, ("red", "red2", "red3"), not_the_skins)


# Session 20: bruises. Unexplained or many ("bruises on his shins he can't remember getting", "covered in
# bruises", "new bruises I can't explain", "I bruise if anyone so much as brushes past") are easy bruising;
# a bruise from an injury or an operation ("rolled my ankle … big purple bruise down the outside", "the
# bruising down my thigh after the hip replacement"), or an injured part gone purple or blue ("ankle's
# puffed up and gone purple"), is the bruise itself, Ecchymosis (read sets: 24 and 25 missed, 9 read as the
# other)
BRUISING_SUSCEPTIBILITY, ECCHYMOSIS = "HP:0000978", "HP:0031364"
_BRUISE_RE = re.compile(r"\b(?<!like )(?<!like a )(?:bruis\w*|brues\w*|bruse\w*|bruz\w*)\b", re.IGNORECASE)
_UNEXPLAINED_CUES = (
    r"can'?t explain|cannot explain|can'?t account|unexplained|no idea how|no reason|out of nowhere",
    r"(?:don'?t|doesn'?t|didn'?t|can'?t|cant|cannot) (?:remember|recall)|not knocked|hasn'?t knocked",
    r"without (?:hitting|knocking|banging|bumping|falling|a knock|any reason)",
    r"(?:hasn'?t|has not|not) (?:fallen|had a fall|hurt (?:himself|herself|myself))",
    r"so much as|all over|all up|covered in|keeps? appearing|turning up|appearing|easily|slightest",
    r"loads of|lots of|new bruises",
)
_UNEXPLAINED_RE = re.compile(r"\b(?:" + "|".join(_UNEXPLAINED_CUES) + r")\b", re.IGNORECASE)
_INJURY_RE = re.compile(
    r"\b(?:rolled|rolling|sprain\w*|twisted|went over|gone over|fell|fall|falling|fallen|landed|knocked|"
    r"banged|hit|tripped|slipped|crashed|tackle\w*|kicked|dropped|came off|went over the bars|"
    r"post[- ]?op|operation|surgery|repair|replacement|injection|jab|cannula|collided|walked into|"
    r"trampoline|netball|football|rugby)\b",
    re.IGNORECASE,
)
_PART_GONE_PURPLE_RE = re.compile(
    r"\b(?:ankle|ankel|wrist|rist|foot|toe|knee|hand|thigh|arm|leg|scrotum|it|it's|its)\b[^.;!?\n]{0,40}?"
    r"\b(?P<colour>purple|black and blue|blue)\b",
    re.IGNORECASE,
)


def bruises(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Easy bruising for bruises without a cause (or many); Ecchymosis for the bruise of an injury."""
    injured = bool(_INJURY_RE.search(text))
    readings: list[Reading] = []
    for match in _BRUISE_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        if _UNEXPLAINED_RE.search(sentence):
            term = BRUISING_SUSCEPTIBILITY
        elif injured:
            term = ECCHYMOSIS
        elif match[0].lower().endswith("es"):  # "bruises on her shins and arms"
            term = BRUISING_SUSCEPTIBILITY
        else:
            continue
        readings += _read(tokens, match.start(), match.end(), term)
    if injured and not readings:
        readings += _each_match_on(_PART_GONE_PURPLE_RE, text, tokens, ECCHYMOSIS, ("colour",))
    return readings


# Session 20: a person said gone yellow without the eyes ("my wife says I've gone yellow", "he's turned a bit
# yellow") is Jaundice; a person said not yellow ("not tired, not yellow", "Not yellow at least") rules it
# out, where nothing else in the sentence may be what is not yellow (phlegm, pus, nails, stools, urine).
# The eyes' yellow is `yellowing`'s.
_PERSON_GONE_YELLOW_RE = re.compile(
    r"\b(?:i'?ve|i have|i'?m|i am|im|ive|he'?s|she'?s|hes|shes|he has|she has|you'?re|i|he|she|baby)\s+"
    r"(?:(?:has|have|is|been|just|now|really|gone|going|goin|turned|turning|looks?|looking|looked|went|am)\s+)"
    r"{1,3}(?:(?:a|bit|little|really|quite|very|slightly|so|more|all)\s+)*(?P<yellow>yel+ow\w*|yelow\w*)\b",
    re.IGNORECASE,
)
_NOT_YELLOW_RE = re.compile(
    r"(?:^|[,.;!?]\s*|\b(?:i'?m|i am|im|he'?s|she'?s|and|but)\s+)(?P<not>not)\s+(?:(?:gone|been|turned|going|"
    r"looking|at all|even a bit)\s+)?(?P<yellow>yel+ow|yelow)\b",
    re.IGNORECASE,
)
_YELLOW_THINGS_RE = re.compile(
    r"\b(?:eyes?|whites?|phlegm|snot|mucus|pus|gunk|discharge|nails?|toenails?|teeth|tongue|poo\w*|stools?|"
    r"wee|pee|urine|sick|vomit|crust\w*|skin|bruis\w*)\b",
    re.IGNORECASE,
)
JAUNDICE = "HP:0000952"


def person_yellow(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Jaundice for a person gone yellow, ruled out for a person said not yellow."""
    skip = _in_a_sentence_with(_YELLOW_THINGS_RE, text)
    gone = _each_match_on(_PERSON_GONE_YELLOW_RE, text, tokens, JAUNDICE, ("yellow",))  # a person's, said so
    return gone + _absent(_each_match_on(_NOT_YELLOW_RE, text, tokens, JAUNDICE, ("not",), skip))


# Session 21: clammy skin is Hyperhidrosis, as the read sets code it beside a near faint, chest pain or
# a bleed (7 texts); the clamminess just before a faint that happened is the faint's (3 texts code
# nothing: "went hot and clammy, then the next thing I knew I was on the floor")
_CLAMMY_RE = re.compile(r"\b(?:clammy|clamy|clammey)\b", re.IGNORECASE)
_A_FAINT_HAPPENED_RE = re.compile(
    r"(?<!n't )(?<!not )(?<!didnt )(?<!never )\b(?:fainted|pass(?:ed)? out|blacked out|came round|"
    r"come round|on the floor|went black)\b",
    re.IGNORECASE,
)
HYPERHIDROSIS = "HP:0000975"


def clammy(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hyperhidrosis, read on the word clammy, unless the text tells of a faint that happened."""
    if _A_FAINT_HAPPENED_RE.search(text):
        return []
    return _each_match(_CLAMMY_RE, text, tokens, HYPERHIDROSIS)
