"""``Reading`` and the helpers every scan of the package uses: a reading over the tokens of a span, over
each match of a pattern, and the sentence around a match."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from symptomdb.text.normalise import Token

_SENTENCE_MARKS = ".;!?\n"
SENTENCE_RE = re.compile(r"[^.;!?\n]+")  # each sentence of a text, between the marks above


@dataclass(frozen=True)
class Reading:
    """A finding read at tokens ``first``..``last`` (inclusive); ``absent`` when the reading rules it out."""

    first: int
    last: int
    hpo_id: str
    absent: bool = False
    temperature: bool = False  # read from a stated temperature ("temp 37.9"): the number decides


def _off_topic(
    text: str, match: re.Match[str], needed: re.Pattern[str] | None, excluded: re.Pattern[str]
) -> bool:
    """The match's sentence lacks a word the reading needs, or has one that makes it about something else
    ("my kneecap feels loose": no stool)."""
    sentence = _sentence_around(text, match.start(), match.end())
    return (needed is not None and not needed.search(sentence)) or bool(excluded.search(sentence))


def _in_a_sentence_with(pattern: re.Pattern[str], text: str) -> Callable[[re.Match[str]], bool]:
    """A skip for the ``_each_match`` helpers: the match's sentence has a word of ``pattern`` ("white patches
    on her tongue": the mouth's, not the skin's)."""
    return lambda match: _off_topic(text, match, None, pattern)


def _said_of(pattern: re.Pattern[str], text: str, reach: int = 40) -> Callable[[re.Match[str]], bool]:
    """A skip for the ``_each_match`` helpers: the ``reach`` characters before the match end on what it is
    said of (``pattern`` ends with ``$``: "her temperature fell", "my sugar was low")."""
    return lambda match: bool(pattern.search(text, max(match.start() - reach, 0), match.start()))


def _absent(readings: list[Reading]) -> list[Reading]:
    """The readings as statements that rule their finding out ("No burning or stinging": no dysuria)."""
    return [replace(reading, absent=True) for reading in readings]


def _each_match(
    pattern: re.Pattern[str],
    text: str,
    tokens: Sequence[Token],
    term: str,
    skip: Callable[[re.Match[str]], bool] = lambda match: False,
) -> list[Reading]:
    """The reading of ``term`` over each match of ``pattern`` that ``skip`` does not rule out."""
    return _each_match_on(pattern, text, tokens, term, (), skip)


def _each_match_on(
    pattern: re.Pattern[str],
    text: str,
    tokens: Sequence[Token],
    term: str,
    groups: tuple[str, ...],
    skip: Callable[[re.Match[str]], bool] = lambda match: False,
) -> list[Reading]:
    """The reading of ``term`` over the first of ``groups`` that took part in each match ``skip`` does not
    rule out (the whole match when none did): read on the word that says the finding, so that the match's
    other words stay free for findings of their own ("the light makes the headache worse")."""
    readings: list[Reading] = []
    for match in pattern.finditer(text):
        if not skip(match):
            group = next((g for g in groups if match[g]), 0)
            readings += _read(tokens, match.start(group), match.end(group), term)
    return readings


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
