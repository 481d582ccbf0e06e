"""Words for people whose findings are not the writer's or the patient's (``data/people.tsv``).

"my bf has sores", "his maternal aunt had seizures", "a mate of mine has asthma": negation.py's
family-history context reads these words. The file is reviewed data: one word per line with its kind
(``KINDS``) and a note saying why it is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

PEOPLE_FILE = "data/people.tsv"

# the kinds of word, as the file's second column names them
KINDS = ("relative", "informal", "modifier", "sibling-order", "tail", "capitalised-parent")
# the kind whose words keep their case (matched against the word as written)
CASED_KIND = "capitalised-parent"


class PeopleFormatError(ValueError):
    """A line of the people file without a single word and a known kind, or in the wrong case."""


def people_words(kind: str) -> frozenset[str]:
    """The words of one kind in ``data/people.tsv`` (the file is read once per process)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of people word {kind!r} (one of {', '.join(KINDS)})")
    return _read_people()[kind]


@lru_cache(maxsize=1)
def _read_people() -> Mapping[str, frozenset[str]]:
    text = resources.files("symptomdb.text").joinpath(PEOPLE_FILE).read_text(encoding="utf-8")
    return MappingProxyType(parse_people(text, PEOPLE_FILE))


def parse_people(text: str, name: str = PEOPLE_FILE) -> dict[str, frozenset[str]]:
    """Each kind → its words, from the text of a people file (``name`` for the errors' messages).

    Blank lines and lines starting with ``#`` are comments. Raises PeopleFormatError naming the file
    and line of the first line that is not ``word<TAB>kind[<TAB>note]``."""
    words: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = _parse_line(line, f"{name}:{number}")
        if word in words[kind]:
            raise PeopleFormatError(f"{name}:{number}: {word!r} is already a {kind} word")
        words[kind].add(word)
    return {kind: frozenset(found) for kind, found in words.items()}


def _parse_line(line: str, where: str) -> tuple[str, str]:
    """(word, kind) of one line; ``where`` ("file:line") starts the error's message."""
    fields = line.split("\t")
    word = fields[0]
    kind = fields[1].strip() if len(fields) > 1 else ""
    if not word.strip():
        raise PeopleFormatError(f"{where}: no word before the kind")
    if word.split() != [word]:
        raise PeopleFormatError(f"{where}: {word!r} is not one word (no spaces: one word a line)")
    if not kind:
        raise PeopleFormatError(f"{where}: no kind after {word!r} (word<TAB>kind<TAB>note)")
    if kind not in KINDS:
        raise PeopleFormatError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    _check_case(word, kind, where)
    return word, kind


def _check_case(word: str, kind: str, where: str) -> None:
    """Capitalised parents are written capitalised ("Mother"), every other word in lower case."""
    if kind == CASED_KIND and not word[0].isupper():
        raise PeopleFormatError(f"{where}: a {kind} is written as at a sentence start ({word.title()!r})")
    if kind != CASED_KIND and word != word.lower():
        raise PeopleFormatError(f"{where}: a {kind} word is written in lower case ({word.lower()!r})")
