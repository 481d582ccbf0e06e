"""Readings of the ears and the balance (session 21): spinning that is the room's, a head that is turning
(session 19, from ``head_and_neck``), dizziness that is not spinning, noises heard in the ears, hearing gone
muffled, sounds that hurt or are too loud, a world that bounces, and the low or high notes lost on a hearing
test."""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import Reading, _each_match_on, _read, _sentence_around

VERTIGO = "HP:0002321"
NON_SPINNING_VERTIGO = "HP:4000033"
TINNITUS = "HP:0000360"
PULSATILE_TINNITUS = "HP:0008629"
HEARING_IMPAIRMENT = "HP:0000365"
PHONOPHOBIA = "HP:0002183"
HYPERACUSIS = "HP:0010780"
OSCILLOPSIA = "HP:0034773"
LOW_FREQUENCY_HEARING_LOSS = "HP:0008542"
HIGH_FREQUENCY_HEARING_IMPAIRMENT = "HP:0005101"

# "Spinning" is the room's or the head's in a text about dizziness ("the spinning attacks", "everything
# spinning violently", "a violent spin for 20 seconds", "I feel sick and spinny"); HPO's own Spinning, a
# person turning round and round ("I still spin round on my office chair"), and a spin class are not
_SPIN_RE = re.compile(r"\b(?P<spin>spin|spins|spinning|spinnin|spinnig|spinny|spinns|spun)\b", re.IGNORECASE)
_DIZZY_TEXT_RE = re.compile(
    r"\b(?:dizz\w*|dizy|giddy\w*|vertig\w*|room|world|everything|ceiling|balance|woozy|queasy|nause\w*|"
    r"sick|vomit\w*|attacks?|episodes?|spells?|lying|in bed|roll(?:ed)? over|turn(?:ed)? over|head|wobbl\w*|"
    r"unsteady|off balance)\b",
    re.IGNORECASE,
)
_NOT_DIZZY_SPIN_RE = re.compile(
    r"^\s*(?:class|classes|bike|cycle|cycles|cycling|instructor|the bottle|dry|drier|dryer|cycle|doctor)\b|"
    r"^\s*(?:round|around|in circles)\b(?!\s*(?:and round|me|us))",
    re.IGNORECASE,
)

_THE_ROOM_BEFORE_RE = re.compile(r"\b(?:room|world|everything|head|ceiling|things)\b[^.;!?\n]*$", re.I)


def spinning(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Vertigo, read on the spinning word of a text about dizziness."""
    if not _DIZZY_TEXT_RE.search(text):
        return []
    readings: list[Reading] = []
    for match in _SPIN_RE.finditer(text):
        after = text[match.end() : match.end() + 20]
        before = text[max(match.start() - 25, 0) : match.start()]
        if _NOT_DIZZY_SPIN_RE.search(after) and not _THE_ROOM_BEFORE_RE.search(before):
            continue
        readings += _read(tokens, match.start("spin"), match.end("spin"), VERTIGO)
    return readings


# Session 19: "my head is turning" is a spinning head in West African and South Asian English ("my head is
# turning anytime I stand up", "head keeps turning"); not a head turned to one side ("turns her head")
_HEAD_TURNING_RE = re.compile(
    r"\b(?:my|his|her|the) head (?:is |was |keeps |kept |dey |de )?(?P<turning>turning|spinning round)\b"
    r"(?!\s+(?:to|towards|round to|away|left|right)\b)",
    re.IGNORECASE,
)


def head_turning(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Vertigo, read on the word that says the head turns."""
    return _each_match_on(_HEAD_TURNING_RE, text, tokens, VERTIGO, ("turning",))


# Dizziness that is not spinning: rocking as on a boat, swaying, the floor tilting or moving, walking on a
# trampoline, a swimmy feeling or everything gone swimmy ("since the cruise I feel like I'm still on the
# boat, gently rocking"); not the "feel swimmy" of a near faint, and walking on cotton wool is the numbness
# of the feet
_NOT_SPINNING_RE = re.compile(
    r"\b(?:(?:like|as if|as though|i'?m|i am|feel|felt) (?:i'?m |i am |i was |i'?ve been |being )?(?:still )?"
    r"(?:on|in) (?:a|the) (?:boat|ship|ferry)|(?P<rocking>rocking)|"
    r"(?P<swaying>swaying)|(?P<swimmy>swimmy|swimmey)(?= (?:feeling|sensation|head|in my head))|"
    r"(?:everything|things|it all) (?:goes|went|go|gets) (?P<swimmy2>swimmy)|"
    r"(?:floor|ground|pavement)\b[^.;!?\n]{0,25}?\b(?P<tilt>tilts?|tilting|moving|moves|sways|swaying|"
    r"coming up)|"
    r"walking on (?P<walking_on>a trampoline|(?:a )?(?:soft )?mattress|a bouncy castle)|"
    r"(?P<bouncy>bouncy) (?:castle|feeling))",
    re.IGNORECASE,
)
_NOT_A_FEELING_RE = re.compile(r"\b(?:rocks?|rocking) (?:back|himself|herself|to sleep)\b", re.IGNORECASE)
_ABOUT_TO_FAINT_RE = re.compile(
    r"\b(?:keel over|faint\w*|pass(?:ing)? out|black(?:ing)? out|going to (?:drop|go down)|stand\w*|stood)\b",
    re.IGNORECASE,
)
_AT_SEA_RE = re.compile(r"\b(?:boat|ship|ferry|sea|cruise|dizz\w*|giddy|balance)\b", re.IGNORECASE)


def _not_a_feeling(match: re.Match[str], sentence: str) -> bool:
    """A rocking that the person does ("rocks back and forth") or one said far from a boat or dizziness, or
    the swimmy head of a near faint ("I go all swimmy like I'm about to keel over")."""
    return (
        bool(_NOT_A_FEELING_RE.search(sentence))
        or bool(match["rocking"] and not _AT_SEA_RE.search(sentence))
        or bool(match["swimmy"] and _ABOUT_TO_FAINT_RE.search(sentence))
    )


_A_FEELING_RE = re.compile(
    r"\b(?:feel|felt|feels|feeling|like|dizz\w*|balance|giddy|head|everything)\b", re.I
)


def not_spinning(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Non-spinning vertigo: the rocking, swaying or tilting that a dizzy person feels."""
    if not _A_FEELING_RE.search(text):
        return []
    return _each_match_on(
        _NOT_SPINNING_RE,
        text,
        tokens,
        NON_SPINNING_VERTIGO,
        ("rocking", "swaying", "swimmy", "swimmy2", "tilt", "walking_on", "bouncy"),
        lambda match: _not_a_feeling(match, _sentence_around(text, match.start(), match.end())),
    )


# A noise heard in the ears, said without "in my ears" in a text about the ears or hearing ("a faint
# ringing", "a roaring in it before the spinning attacks", "a constant hiss on the right", "my ear goes full
# and roars"); a noise in time with the pulse is Pulsatile tinnitus ("I can hear my pulse in my left ear")
_EAR_TEXT_RE = re.compile(r"\b(?:ears?|hearing|deaf\w*|audiolog\w*|tinnitus|hear)\b", re.IGNORECASE)
_EAR_NOISE_RE = re.compile(
    r"\b(?:(?:a|the|no|any|some|constant|constantly|faint|high|loud|low|odd|slight|occasional|this|that|"
    r"terrible|horrible|awful|bad|bit of|high-pitched|high pitched|continuous|permanent)\s+)+"
    r"(?P<noise>ringing|hissing|hiss|roaring|roar|whooshing|whoosh|buzzing|buzz|humming|hum|whistling|"
    r"whistle|whining|whine)\b(?!\s+(?:the|them|him|her|you|back|round|up|111|999|my|bird|kettle|of the "
    r"fridge))|"
    r"\b(?P<noise2>ringing|hissing|roaring|whooshing|buzzing|humming|whistling|whining)\s+(?:noise|sound)|"
    r"\bears?\b[^.;!?\n]{0,30}?\b(?P<verb>rings|ring|roars|roar|hisses|buzzes|whistles|whooshes|hums)\b|"
    r"\b(?P<noise3>ringing|hissing|roaring|buzzing|humming|whistling)\b(?=\s+(?:only\s+)?in\s+(?:it|both|one))",
    re.IGNORECASE,
)
_PULSE_IN_EAR_RE = re.compile(
    r"\b(?:hear|feel) my (?P<pulse>pulse|heartbeat|heart beat|heart beating)\b[^.;!?\n]{0,20}?\bin (?:my|the|"
    r"both|one) (?:left |right )?ears?\b|"
    r"\b(?P<whoosh>whooshing|whoosh|thumping|pulsing|throbbing)\b[^.;!?\n]{0,40}?\bin time with (?:my )?"
    r"(?:pulse|heartbeat|heart beat|heart)",
    re.IGNORECASE,
)
# a noise with no "ear" in its own sentence is the ear's only when it cannot be the chest's or the nerves'
_SENTENCE_NEEDS_EAR = {"buzz", "buzzing", "hum", "humming", "whistling", "whistle", "whining", "whine"}


def ear_noises(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tinnitus, read on the noise word of a text about the ears; Pulsatile tinnitus on a heard pulse."""
    readings: list[Reading] = []
    for match in _PULSE_IN_EAR_RE.finditer(text):
        group = "pulse" if match["pulse"] else "whoosh"
        readings += _read(tokens, match.start(group), match.end(group), PULSATILE_TINNITUS)
    if not _EAR_TEXT_RE.search(text):
        return readings
    pulsatile = bool(readings)
    for match in _EAR_NOISE_RE.finditer(text):
        group = next(g for g in ("noise", "noise2", "verb", "noise3") if match[g])
        word = match[group].lower()
        if pulsatile and word.startswith("whoosh"):
            continue  # the whoosh of a heard pulse is that Pulsatile tinnitus
        sentence = _sentence_around(text, match.start(), match.end())
        if word in _SENTENCE_NEEDS_EAR and not _EAR_TEXT_RE.search(sentence):
            continue
        if re.search(r"\b(?:chest|breath\w*|wheez\w*|phone|doorbell|alarm|bell)\b", sentence, re.IGNORECASE):
            continue
        readings += _read(tokens, match.start(group), match.end(group), TINNITUS)
    return readings


# Hearing gone muffled, dull or as if under water ("everything's muffled", "my left ear has gone dull,
# like cotton wool stuffed in it", "I hear like under water"); not the sounds that fade as a faint comes on
_MUFFLED_RE = re.compile(
    r"\b(?P<muffled>muffled|muffly|muffeld|mufled)\b|"
    r"\bears?\b[^.;!?\n]{0,20}?\b(?:gone|going|is|feels?|went) (?P<dull>dull)\b|"
    r"\b(?:hear|sounds?|everything sounds|voices sound)\b[^.;!?\n]{0,20}?\b(?:like|as if|as though) "
    r"(?:i'?m |i am |i was )?(?P<under>under ?(?:the )?water|in a tunnel|in a barrel)",
    re.IGNORECASE,
)
_FAINTING_RE = re.compile(
    r"\b(?:stand\w*|stood|faint(?:ed|ing|s)|(?:feel|felt|going to|about to) faint|pass(?:ed)? out|"
    r"black\w* out|grey|gray)\b",
    re.IGNORECASE,
)


def muffled_hearing(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hearing impairment, read on the word that says the hearing is muffled."""
    if not _EAR_TEXT_RE.search(text) and not re.search(r"\bsounds?\b|\beverything\b", text, re.IGNORECASE):
        return []
    return _each_match_on(
        _MUFFLED_RE,
        text,
        tokens,
        HEARING_IMPAIRMENT,
        ("muffled", "dull", "under"),
        lambda match: bool(_FAINTING_RE.search(_sentence_around(text, match.start(), match.end()))),
    )


# Sounds that are too loud or hurt: beside a headache or migraine that is Phonophobia ("I can't stand the
# light and any noise makes it worse"); otherwise everyday noises that hurt or are too much are Hyperacusis
# ("cutlery on plates feels like it's stabbing my ears", 9 read texts against 6 coding Auditory
# hypersensitivity)
_NOISE = r"(?:noises?|sounds?|loud (?:music|voices|noises?|sounds?)|every (?:little )?(?:noise|sound))"
_TOO_MUCH = (
    r"(?:unbearable|too loud|too much|painfully loud|painful|physically hurts?|hurts?|hurting|stabbing|"
    r"makes? (?:it|them|the (?:headache|pain|migraine)|my (?:head|headache|migraine)) worse)"
)
_NOISE_INTOLERANCE_RE = re.compile(
    rf"\b(?P<noise>{_NOISE})\b[^.;!?\n]{{0,40}}?\b(?:(?:is|are|feels?|feel|sounds?|seems?|was|were|becomes?|"
    rf"gets?|goes|go|like)\b[^.;!?\n]{{0,25}}?\b)?{_TOO_MUCH}|"
    rf"\bcan'?t (?:stand|bear|tolerate|cope with) (?:the |any |loud )*(?P<noise2>{_NOISE})\b",
    re.IGNORECASE,
)
_HEADACHE_RE = re.compile(r"\b(?:headaches?|migraines?|head (?:day|pain)|head ?ache)\b", re.IGNORECASE)


def noise_intolerance(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Phonophobia or Hyperacusis, read on the noise word (see above)."""
    readings: list[Reading] = []
    for match in _NOISE_INTOLERANCE_RE.finditer(text):
        group = "noise" if match["noise"] else "noise2"
        term = PHONOPHOBIA if _HEADACHE_RE.search(text) else HYPERACUSIS
        readings += _read(tokens, match.start(group), match.end(group), term)
    return readings


# The world seen bouncing or jumping as one walks or turns the head ("when I walk the world bounces up and
# down", "turning my head makes everything jump and jiggle")
_OSCILLOPSIA_RE = re.compile(
    r"\b(?:world|everything|things|vision|eyesight|signs?|view)\b[^.;!?\n]{0,10}?\b(?P<moves>bounces?|bouncing|"
    r"jumps?|jumping|jiggles?|jiggling|judders?|juddering|jolts?|wobbles?|wobbling|bobs?|bobbing)\b",
    re.IGNORECASE,
)


def oscillopsia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Oscillopsia, read on the word that says the world moves, in a sentence about walking or turning."""
    return _each_match_on(
        _OSCILLOPSIA_RE,
        text,
        tokens,
        OSCILLOPSIA,
        ("moves",),
        lambda match: (
            not re.search(
                r"\b(?:walk\w*|turn\w*|mov\w*|running|jog\w*|head|car|bus)\b",
                _sentence_around(text, match.start(), match.end()),
                re.IGNORECASE,
            )
        ),
    )


# The low or high notes lost on a hearing test ("the low tones have dropped in my left ear", "the hearing
# test showed I've lost the high notes"); "low tone" alone is a child's floppiness
_PITCH_LOST_RE = re.compile(
    r"\b(?:(?:lost|losing|lose|dropped|drop|gone|missing|can'?t hear|cannot hear|reduced|down)\b"
    r"[^.;!?\n]{0,15}?"
    r"\b(?P<pitch>low|high|higher|lower)(?:-| )(?:tones|notes|frequencies|pitches|pitched sounds)|"
    r"\b(?P<pitch2>low|high|higher|lower)(?:-| )(?:tones|notes|frequencies|pitches)\b[^.;!?\n]{0,25}?"
    r"\b(?:have |has |had )?(?:dropped|gone|lost|reduced|down|worse|dipped))",
    re.IGNORECASE,
)


def pitch_lost(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Low-frequency hearing loss or High-frequency hearing impairment, read on the notes lost."""
    readings: list[Reading] = []
    for match in _PITCH_LOST_RE.finditer(text):
        pitch = (match["pitch"] or match["pitch2"]).lower()
        term = LOW_FREQUENCY_HEARING_LOSS if pitch.startswith("low") else HIGH_FREQUENCY_HEARING_IMPAIRMENT
        readings += _read(tokens, match.start(), match.end(), term)
    return readings
