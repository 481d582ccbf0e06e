"""Words that name no finding where they stand: figures of speech and people's names.

"put on the spot", "a kettle coming to the boil", "my fingers ache in the cold", "fit and well": each
word can name a finding, but not in that phrase (``data/figures-of-speech.tsv``). "Amelia, 16, has
fainted twice": a name that is also a term (Amelia, the absence of a limb), said of a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from symptomdb.text.english import NUMBER_WORDS, a_time_of_day
from symptomdb.text.normalise import Token

FIGURES_FILE = "data/figures-of-speech.tsv"


class FigureFormatError(ValueError):
    """A line of the figures-of-speech file without exactly one word in brackets."""


@lru_cache(maxsize=1)
def read_figures() -> tuple[tuple[tuple[str, ...], int], ...]:
    """Each phrase as its lower-case words and the position of the bracketed word."""
    text = resources.files("symptomdb.text").joinpath(FIGURES_FILE).read_text(encoding="utf-8")
    figures: list[tuple[tuple[str, ...], int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split("\t")[0].lower().split()
        marked = [i for i, w in enumerate(words) if w.startswith("[") and w.endswith("]")]
        if len(marked) != 1:
            raise FigureFormatError(f"{FIGURES_FILE}:{number}: mark exactly one word with [brackets]")
        words[marked[0]] = words[marked[0]][1:-1]
        figures.append((tuple(words), marked[0]))
    return tuple(figures)


@lru_cache(maxsize=1)
def _figures_by_word() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for words, marked in read_figures():
        by_word.setdefault(words[marked], []).append((words, marked))
    return {word: tuple(figures) for word, figures in by_word.items()}


def figure_positions(tokens: Sequence[Token]) -> frozenset[int]:
    """Positions of words that stand in a figure of speech or name a person (see the module docstring)."""
    return (
        phrase_positions(tokens)
        | {i for i in range(len(tokens)) if _names_a_person(tokens, i)}
        | {i for i in range(len(tokens) - 1) if _can_in_pidgin(tokens, i)}
    )


# Session 22: West African Pidgin "fit" is "can" before a verb ("I no fit sleep", "I no fit swallow even
# water", "she no fit hold cup"): no seizure, and "no" before it denies none. English puts no bare verb
# after a seizure's "fit"
_PIDGIN_CAN_VERBS = frozenset(
    {"sleep", "eat", "chop", "swallow", "walk", "waka", "hold", "raise", "lift", "carry", "go", "see",
     "put", "breathe", "breath", "stand", "sit", "talk", "work", "bend", "move", "do", "get", "reach",
     "pass", "wear", "read", "hear", "drink", "stop", "remember", "climb", "lie", "open", "close",
     "catch", "feel", "use", "bath", "run", "play", "wake", "push", "cook", "turn", "straighten",
     "kneel", "sabi", "tell", "piss", "pee", "urinate", "poo", "shit", "focus", "concentrate", "cope",
     "bear", "manage", "find"}
)  # fmt: skip


def _can_in_pidgin(tokens: Sequence[Token], i: int) -> bool:
    return tokens[i].lower == "fit" and tokens[i + 1].lower in _PIDGIN_CAN_VERBS


def phrase_positions(tokens: Sequence[Token]) -> frozenset[int]:
    """Positions of the marked words of the figures of speech (``data/figures-of-speech.tsv``)."""
    by_word = _figures_by_word()
    found: set[int] = set()
    lowers = [t.lower for t in tokens]
    for i, lower in enumerate(lowers):
        for words, marked in by_word.get(lower, ()):
            start = i - marked
            end = start + len(words)
            if (
                start >= 0
                and tuple(lowers[start:end]) == words
                and not _a_duration_follows(words, lowers, end)
            ):
                found.add(i)
    return frozenset(found)


# Session 14: "a headache for the school" is a figure, "a headache for 3 days" the finding (the figure had
# hidden every headache said with how long it lasted). Words that open a length of time after "for".
_DURATION_OPENERS = frozenset(
    {"about", "over", "nearly", "almost", "around", "roughly", "like", "ages", "hours", "days",
     "weeks", "months", "years", "most", "several", "many", "some", "few", "couple", "half", "at", "well"}
) | frozenset(NUMBER_WORDS)  # fmt: skip
_THE_DURATION = frozenset({"last", "past", "whole", "entire", "rest", "best", "next", "first"})
_A_DURATION = frozenset(
    {"day", "week", "month", "year", "hour", "minute", "fortnight", "while", "couple", "few", "long", "good"}
)


# British "sick of a morning" is being sick in the mornings, not "sick of it"
_TIMES_OF_DAY = frozenset(
    {"morning", "mornings", "evening", "evenings", "night", "nights", "afternoon", "day"}
)


def _a_duration_follows(words: tuple[str, ...], lowers: list[str], end: int) -> bool:
    """A figure that ends in "for" followed by a length of time ("headache for 3 days"), or in "of"
    followed by a time of day ("sick of a morning"), is no figure."""
    if words[-1] not in ("for", "of") or end >= len(lowers):
        return False
    if words[-1] == "of":
        return a_time_of_day(lowers, end)
    after = lowers[end]
    following = lowers[end + 1] if end + 1 < len(lowers) else ""
    if after.isdigit() or after in _DURATION_OPENERS:
        return True
    return (after == "the" and following in _THE_DURATION) or (
        after in ("a", "an") and following in _A_DURATION
    )


# Round 25: verbs of a clinic letter before a name ("I saw Amelia today", "bringing Amelia") and verbs
# of a story after one ("Amelia came up in hives"); a finding named by the word reads otherwise
# ("amelia of the left arm", "Amelia was present in two fetuses" keep theirs).
_BEFORE_A_NAME = frozenset(
    {"saw", "see", "seen", "seeing", "bringing", "brought", "bring", "examined", "met"}
)
_AFTER_A_NAME = frozenset({"came", "comes", "went", "goes", "said", "says", "told", "tells"})
_HOW_FINDINGS_GO = frozenset({"on", "back", "worse", "better", "again", "more", "less", "away", "off", "and"})


_FACULTY_ENDINGS = ("ing", "ion", "ight")  # hearing, swallowing, vision, eyesight; hardly a first name


def _names_a_person(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word followed by an age ("Amelia, 16,", "Amelia (16)") or in the possessive
    ("Amelia's mum"): a person's name, however the word reads as a term."""
    if not capitalised(tokens[i].text):
        return False
    if tokens[i].text.endswith(("'s", "’s")):
        # round 29: "Hearing's fine", "Vision's gone blurry": a faculty opening the sentence, with "is"/"has"
        return not tokens[i].text[:-2].lower().endswith(_FACULTY_ENDINGS)
    following = tokens[i + 1 : i + 3]
    return len(following) == 2 and following[0].text in (",", "(") and following[1].text.isdigit()


def called_by_name(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word after a verb of seeing or bringing someone ("I saw Amelia today") or before a
    verb of a story ("Amelia came up in hives"): a person, when the word alone is the finding's name
    (the annotator asks only for one-word findings: "Fingers went white" is about fingers)."""
    if not capitalised(tokens[i].text):
        return False
    if i > 0 and tokens[i - 1].lower in _BEFORE_A_NAME:
        return True
    if tokens[i].lower.endswith("s") or i + 1 >= len(tokens) or tokens[i + 1].lower not in _AFTER_A_NAME:
        return False
    # a finding comes on, back or worse ("Vomiting got worse", "Ataxia came on at 3"); a person does not
    return i + 2 >= len(tokens) or tokens[i + 2].lower not in _HOW_FINDINGS_GO


def capitalised(text: str, min_length: int = 3) -> bool:
    """A word written as a name is ("Amelia", "Len", "Amelia's"): a capital, then lower case."""
    rest = text[1:].replace("'", "").replace("’", "")
    return len(text) >= min_length and text[0].isupper() and rest.islower()
