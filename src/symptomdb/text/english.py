"""Ordinary English words, for spelling tolerance: pyspellchecker's English word-frequency list (MIT
licence; bundled with the package, no network), loaded once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata

# The list's counts: 50 is its floor (103,000 of its 160,000 words: rare and inflected forms, "seizers",
# "allelic"); a word at the floor may still be a typo of a symptom word.
RARE_ENGLISH = 50
# English words at least this frequent whose key the lexicon uses are spelling targets ("lethargic").
COMMON_ENGLISH = 100
# Times of day, as in British "sick of a morning" (in the mornings), which is no "sick of it".
TIMES_OF_DAY = frozenset(
    {"morning", "mornings", "evening", "evenings", "night", "nights", "afternoon", "day"}
)


def a_time_of_day(words: Sequence[str], k: int) -> bool:
    """``words[k:k + 2]`` is "a"/"an" and a time of day ("of a morning")."""
    return k + 1 < len(words) and words[k] in ("a", "an") and words[k + 1] in TIMES_OF_DAY


# Number words, read as numbers in texts ("born eight weeks early") and in names ("type two diabetes").
NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen", "twenty")
    )
}  # fmt: skip


@lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """Word → frequency count."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def english_version() -> str:
    try:
        return metadata.version("pyspellchecker")
    except metadata.PackageNotFoundError:
        return "none"
