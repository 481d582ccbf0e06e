"""Read-only listings the site and the API share: conditions A–Z and by organ system, and the rule for
when a search is confident enough to go straight to a page.

Plain functions over the knowledge snapshot returning pydantic models (no HTML, no requests). The
derived catalogue is built once per data version (`knowledge.checksum`).
"""

from __future__ import annotations

import string
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pydantic import BaseModel, Field

from symptomdb.knowledge.answer import slugify
from symptomdb.knowledge.store import Knowledge

DIGITS = "0-9"
LETTERS = [*string.ascii_uppercase, DIGITS]
MAX_PER_PAGE = 200
CONFIDENT_SCORE = 95.0
CONFIDENT_MARGIN = 10.0

# Plain-language names for HPO's organ-system categories (the top-level terms under "Phenotypic abnormality").
SYSTEM_LABELS: dict[str, str] = {
    "HP:0000707": "Brain and nerves",
    "HP:0033127": "Muscles, bones and joints",
    "HP:0040064": "Arms and legs",
    "HP:0001939": "Metabolism and laboratory tests",
    "HP:0000119": "Kidneys, bladder and genitals",
    "HP:0001626": "Heart and blood vessels",
    "HP:0000152": "Head and neck",
    "HP:0002715": "Immune system",
    "HP:0000478": "Eyes and vision",
    "HP:0001574": "Skin, hair and nails",
    "HP:0001871": "Blood",
    "HP:0025031": "Digestive system",
    "HP:0002664": "Tumours and growths",
    "HP:0002086": "Breathing and lungs",
    "HP:0000818": "Hormones (endocrine system)",
    "HP:0025354": "Cells",
    "HP:0000598": "Ears and hearing",
    "HP:0001197": "Before and at birth",
    "HP:0025142": "Whole-body symptoms",
    "HP:0001507": "Growth",
    "HP:0000769": "Breasts",
    "HP:0001608": "Voice",
    "HP:0045027": "Chest cavity",
}


class InvalidListingError(ValueError):
    """A listing was asked for with an unknown letter, organ system or page."""


class ConditionSummary(BaseModel):
    id: str
    name: str
    slug: str
    symptom_count: int


class LetterCount(BaseModel):
    letter: str
    count: int


class OrganSystem(BaseModel):
    id: str
    label: str = Field(description="Plain-language name.")
    name: str = Field(description="HPO term name.")
    condition_count: int


class ConditionPage(BaseModel):
    items: list[ConditionSummary]
    total: int
    page: int
    per_page: int
    pages: int
    letter: str | None = None
    system: OrganSystem | None = None


@dataclass(frozen=True)
class _Entry:
    sort_key: str
    letter: str
    summary: ConditionSummary
    systems: tuple[str, ...]


@dataclass(frozen=True)
class _Catalogue:
    entries: list[_Entry]
    systems: list[OrganSystem]


_lock = threading.Lock()
_cache: dict[str, _Catalogue] = {}


def sort_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return "".join(ch for ch in text if ch.isalnum() or ch == " ").strip()


def letter_of(name: str) -> str:
    key = sort_key(name)
    if not key:
        return DIGITS
    first = key[0].upper()
    return first if first in string.ascii_uppercase else DIGITS


def condition_systems(knowledge: Knowledge, condition_id: str) -> tuple[str, ...]:
    """The organ systems a condition mainly affects: the category holding most of its symptoms, and any
    other holding at least a quarter of them (at least two symptoms)."""
    record = knowledge.conditions[condition_id]
    counts: Counter[str] = Counter()
    for a in record.annotations:
        if a.aspect == "P" and not a.negated:
            term = knowledge.terms.get(a.hpo_id)
            for category in term.categories if term else ():
                counts[category] += 1
    if not counts:
        return ()
    total = sum(counts.values())
    ranked = counts.most_common()
    top = ranked[0][1]
    return tuple(c for c, n in ranked if n == top or (n >= 2 and n >= 0.25 * total))


def _catalogue(knowledge: Knowledge) -> _Catalogue:
    cached = _cache.get(knowledge.checksum)
    if cached is not None:
        return cached
    with _lock:
        cached = _cache.get(knowledge.checksum)
        if cached is not None:
            return cached
        entries = []
        system_counts: Counter[str] = Counter()
        for record in knowledge.conditions.values():
            symptoms = {a.hpo_id for a in record.annotations if a.aspect == "P" and not a.negated}
            systems = condition_systems(knowledge, record.id)
            system_counts.update(systems)
            summary = ConditionSummary(
                id=record.id, name=record.name, slug=slugify(record.name), symptom_count=len(symptoms)
            )
            entries.append(_Entry(sort_key(record.name), letter_of(record.name), summary, systems))
        entries.sort(key=lambda e: (e.sort_key, e.summary.id))
        systems_list = [
            OrganSystem(
                id=sid,
                label=SYSTEM_LABELS.get(sid) or knowledge.terms[sid].plain_name,
                name=knowledge.terms[sid].name,
                condition_count=n,
            )
            for sid, n in system_counts.items()
            if sid in knowledge.terms
        ]
        systems_list.sort(key=lambda s: s.label.casefold())
        _cache.clear()  # one data version per process
        _cache[knowledge.checksum] = _Catalogue(entries, systems_list)
        return _cache[knowledge.checksum]


def letters(knowledge: Knowledge) -> list[LetterCount]:
    counts = Counter(e.letter for e in _catalogue(knowledge).entries)
    return [LetterCount(letter=letter, count=counts.get(letter, 0)) for letter in LETTERS]


def organ_systems(knowledge: Knowledge) -> list[OrganSystem]:
    return list(_catalogue(knowledge).systems)


def organ_system(knowledge: Knowledge, system_id: str) -> OrganSystem:
    sid = system_id.strip().upper().replace("_", ":").replace("-", ":", 1)
    for system in _catalogue(knowledge).systems:
        if system.id == sid:
            return system
    raise InvalidListingError(f"unknown organ system {system_id!r}; see the list of organ systems")


def normalise_letter(letter: str) -> str:
    value = letter.strip().upper()
    if value in {"0", "#", "0-9", "DIGITS"}:
        return DIGITS
    if value not in LETTERS:
        raise InvalidListingError(f"letter must be one of A–Z or 0-9, not {letter[:20]!r}")
    return value


def list_conditions(
    knowledge: Knowledge,
    letter: str | None = None,
    system: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> ConditionPage:
    """One page of conditions in alphabetical order, optionally by first letter and/or organ system."""
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidListingError(f"per_page must be between 1 and {MAX_PER_PAGE}")
    if page < 1:
        raise InvalidListingError("page must be 1 or more")
    entries = _catalogue(knowledge).entries
    chosen_letter = normalise_letter(letter) if letter else None
    chosen_system = organ_system(knowledge, system) if system else None
    if chosen_letter:
        entries = [e for e in entries if e.letter == chosen_letter]
    if chosen_system:
        entries = [e for e in entries if chosen_system.id in e.systems]
    total = len(entries)
    pages = max(1, -(-total // per_page))
    if page > pages:
        raise InvalidListingError(f"page {page} is past the last page ({pages})")
    start = (page - 1) * per_page
    return ConditionPage(
        items=[e.summary for e in entries[start : start + per_page]],
        total=total,
        page=page,
        per_page=per_page,
        pages=pages,
        letter=chosen_letter,
        system=chosen_system,
    )


class Scored(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def score(self) -> float: ...


def _equivalents(knowledge: Knowledge, condition_id: str) -> set[str]:
    record = knowledge.conditions.get(condition_id)
    return set(record.equivalent_ids) if record else set()


S = TypeVar("S", bound=Scored)


def confident_match(knowledge: Knowledge, matches: Sequence[S]) -> S | None:
    """The match a search can go straight to: a top score of at least 95 and no rival within 10 points,
    where a rival is any match that is not the same disease under another id (OMIM vs ORPHA)."""
    if not matches or matches[0].score < CONFIDENT_SCORE:
        return None
    top = matches[0]
    for other in matches[1:]:
        if other.score < top.score - CONFIDENT_MARGIN or other.id == top.id:
            continue
        if other.id in _equivalents(knowledge, top.id) or top.id in _equivalents(knowledge, other.id):
            continue
        return None
    return top
