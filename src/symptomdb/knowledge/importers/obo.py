"""A small, strict reader for the OBO 1.2 flat-file format as used by hp.obo."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_SYNONYM = re.compile(
    r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|BROAD|NARROW)(?:\s+([\w:]+))?\s*(?:\[.*\])?\s*$'
)
_DEF = re.compile(r'^"((?:[^"\\]|\\.)*)"')


class OboFormatError(ValueError):
    """The file is not OBO as we know it; the message says where."""


@dataclass
class OboSynonym:
    text: str
    scope: str
    kind: str | None


@dataclass
class OboTerm:
    id: str
    name: str = ""
    definition: str | None = None
    comment: str | None = None
    synonyms: list[OboSynonym] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    is_obsolete: bool = False
    replaced_by: str | None = None


@dataclass
class OboDocument:
    header: dict[str, list[str]]
    terms: list[OboTerm]

    @property
    def data_version(self) -> str | None:
        values = self.header.get("data-version")
        return values[0] if values else None


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", " ").replace("\\\\", "\\")


def parse_obo(lines: Iterable[str]) -> OboDocument:
    header: dict[str, list[str]] = {}
    terms: list[OboTerm] = []
    current: OboTerm | None = None
    stanza: str | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line or line.startswith("!"):
            continue
        if line.startswith("["):
            stanza = line.strip()
            current = None
            continue
        if ":" not in line:
            raise OboFormatError(f"line {number}: expected 'tag: value', got {line[:80]!r}")
        tag, value = line.split(":", 1)
        value = value.strip()
        if stanza is None:
            header.setdefault(tag, []).append(value)
            continue
        if stanza != "[Term]":
            continue
        if tag == "id":
            current = OboTerm(id=value)
            terms.append(current)
            continue
        if current is None:
            raise OboFormatError(f"line {number}: {tag!r} before the term's id")
        _apply_tag(current, tag, value, number)
    if not terms:
        raise OboFormatError("no [Term] stanzas found: is this an OBO file?")
    return OboDocument(header=header, terms=terms)


def _apply_tag(term: OboTerm, tag: str, value: str, number: int) -> None:
    if tag == "name":
        term.name = value
    elif tag == "def":
        match = _DEF.match(value)
        term.definition = _unescape(match.group(1)) if match else value
    elif tag == "comment":
        term.comment = value
    elif tag == "synonym":
        match = _SYNONYM.match(value)
        if not match:
            raise OboFormatError(f"line {number}: malformed synonym {value[:80]!r}")
        term.synonyms.append(OboSynonym(_unescape(match.group(1)), match.group(2), match.group(3)))
    elif tag == "is_a":
        term.parents.append(value.split("!")[0].split("{")[0].strip())
    elif tag == "alt_id":
        term.alt_ids.append(value)
    elif tag == "xref":
        term.xrefs.append(value.split(" ")[0])
    elif tag == "is_obsolete":
        term.is_obsolete = value == "true"
    elif tag == "replaced_by":
        term.replaced_by = value


def iter_lines(text: str) -> Iterator[str]:
    yield from text.splitlines()
