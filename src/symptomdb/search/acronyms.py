"""Acronyms from the parts of compound words: "phenylketonuria" -> PKU, "adrenoleukodystrophy" -> ALD.

Medical abbreviations often take the initial of each combining form of a compound word rather than of
each word: PKU (phenyl|keton|uria), MPS (muco|poly|saccharidosis), FSHD (facio|scapulo|humeral dystrophy),
HLH (hemophagocytic lympho|histiocytosis). A word is split at the forms listed in
`data/combining-forms.txt` (longest first), or, for a form the list lacks, where it ends in a linking "o",
the rest is a word of the index's own vocabulary ("cerebro|tendinous") and the form leads at least two
such words. Each word of a name then gives
either its own initial or the initials of its parts; the plain word-initial acronym is not one of these
(the index has it already), so every acronym here splits at least one word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from symptomdb.search.normalise import FILLER, tokens

FORMS_FILE = Path(__file__).with_name("data") / "combining-forms.txt"
MAX_LETTERS = 8  # longer acronyms are not typed
MIN_PART = 4  # the part left after a form: "uria" of "phenylketonuria", not "al" of "adrenal"
MIN_VOCABULARY_PART = 5  # a vocabulary word after an unlisted "-o" form: "tendinous"
MAX_SPLITS_PER_WORD = 4
# Endings that make a word of a form, not a second part: "neur|itis" is not two parts.
SUFFIXES = frozenset(
    {"itis", "osis", "oses", "emia", "aemia", "ism", "isms", "ation", "ology", "ogy", "ical"}
)
# "X-linked adrenoleukodystrophy" is X-ALD as often as XL-ALD: "linked" after X or Y may give no letter.
SILENT_AFTER = {"linked": frozenset({"x", "y"})}
VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def combining_forms() -> frozenset[str]:
    forms = set()
    for line in FORMS_FILE.read_text(encoding="utf-8").splitlines():
        form = line.split("#", 1)[0].strip().lower()
        if len(form) >= 3 and form.isalpha():
            forms.add(form)
    return frozenset(forms)


class CompoundSplitter:
    """Splits words into combining forms and acronyms names from their parts' initials."""

    def __init__(self, forms: Iterable[str], vocabulary: Iterable[str]) -> None:
        self.forms = sorted(set(forms), key=lambda f: (-len(f), f))
        self.by_start: dict[str, list[str]] = {}
        for form in self.forms:  # longest first within each start
            self.by_start.setdefault(form[:3], []).append(form)
        words = frozenset(w for w in vocabulary if w.isalpha())
        self.vocabulary = frozenset(w for w in words if len(w) >= MIN_VOCABULARY_PART)
        # An unlisted "-o" form counts where it leads at least two words of the vocabulary: "cerebro"
        # (cerebrotendinous, cerebrofacial, ...), not "dislo" of "dislo|cation" or "deterio|ration".
        leading: dict[str, int] = {}
        for word in words:
            for cut in self._o_cuts(word):
                leading[word[:cut]] = leading.get(word[:cut], 0) + 1
        self.o_forms = frozenset(form for form, count in leading.items() if count >= 2)
        self._cache: dict[str, tuple[str, ...]] = {}

    def _o_cuts(self, word: str) -> Iterator[int]:
        for cut in range(4, len(word) - MIN_VOCABULARY_PART + 1):
            if word[cut - 1] == "o" and word[cut:] in self.vocabulary:
                yield cut

    def _first_part(self, word: str) -> str | None:
        """The leading form of a word, leaving a plausible second part; None if the word is not a compound."""
        for form in self.by_start.get(word[:3], []):
            rest = word[len(form) :]
            if word.startswith(form) and _plausible_part(rest):
                return form
        # An unlisted form: a linking "o" before a word the index knows ("cerebro|tendinous").
        for cut in self._o_cuts(word):
            if word[:cut] in self.o_forms:
                return word[:cut]
        return None

    def part_initials(self, word: str) -> tuple[str, ...]:
        """Initials of the word's splits, coarsest first: "lymphohistiocytosis" -> ("lh", ...)."""
        if word in self._cache:
            return self._cache[word]
        found: list[str] = []
        prefix = ""
        rest = word
        while len(found) < MAX_SPLITS_PER_WORD and len(rest) >= 2 * 3 and rest.isalpha():
            first = self._first_part(rest)
            if first is None:
                break
            prefix += first[0]
            rest = rest[len(first) :]
            found.append(prefix + rest[0])
        self._cache[word] = result = tuple(dict.fromkeys(found))
        return result

    def acronyms(self, name: str) -> set[str]:
        """Acronyms of a name that split at least one word into parts (at most MAX_LETTERS letters)."""
        words = [t for t in tokens(name) if t not in FILLER and not any(c.isdigit() for c in t)]
        options: list[tuple[tuple[str, bool], ...]] = []
        split_any = False
        for position, word in enumerate(words):
            choices: list[tuple[str, bool]] = [(word[0], False)]
            choices += [(initials, True) for initials in self.part_initials(word)]
            if position > 0 and words[position - 1] in SILENT_AFTER.get(word, frozenset()):
                choices.append(("", False))
            split_any = split_any or len(choices) > 1
            options.append(tuple(choices))
        if not split_any:
            return set()
        return set(_combine(options, "", False))


def _plausible_part(rest: str) -> bool:
    return len(rest) >= MIN_PART and rest not in SUFFIXES and bool(VOWELS & set(rest))


def _combine(options: list[tuple[tuple[str, bool], ...]], sofar: str, changed: bool) -> Iterator[str]:
    if len(sofar) > MAX_LETTERS:
        return
    if not options:
        if changed:
            yield sofar
        return
    for letters, split in options[0]:
        # Dropping a silent word changes the acronym as much as a split does.
        yield from _combine(options[1:], sofar + letters, changed or split or not letters)
