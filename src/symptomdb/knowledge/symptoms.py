"""A symptom (an HPO phenotype term) as a page: plain name, definition, synonyms, and the conditions
where it is frequent.

The term -> conditions index is derived from the knowledge snapshot once per data version
(keyed by `knowledge.checksum`) and kept in memory; a lookup never scans all conditions.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import NamedTuple

from pydantic import BaseModel, Field

from symptomdb.knowledge.answer import TermRef, frequency_label, slugify, xref_url
from symptomdb.knowledge.store import Knowledge, Release, Term, UnknownIdError

PHENOTYPE_ROOT = "HP:0000118"  # "Phenotypic abnormality": symptoms and signs live below it
FREQUENT = 0.3  # "frequent" (30-79%) and above


class SynonymInfo(BaseModel):
    text: str
    scope: str
    layperson: bool


class ConditionWithSymptom(BaseModel):
    id: str
    name: str
    slug: str
    frequency: float | None = Field(description="Fraction of patients, where the source states it.")
    frequency_label: str
    via: TermRef | None = Field(
        default=None, description="The more specific term the condition is annotated with."
    )


class SymptomInfo(BaseModel):
    id: str
    name: str
    plain_name: str
    slug: str
    definition: str | None
    comment: str | None
    synonyms: list[SynonymInfo]
    is_phenotype: bool = Field(
        description="False for terms outside 'Phenotypic abnormality' (onset, frequency, ...)."
    )
    categories: list[TermRef]
    parents: list[TermRef]
    children: list[TermRef]
    xrefs: list[str]
    url: str | None
    frequent_in: list[ConditionWithSymptom] = Field(
        description="Conditions where the sources say this feature (or a more specific one) is frequent, "
        "most frequent first."
    )
    frequent_total: int
    annotated_total: int = Field(description="Conditions annotated with this feature at any frequency.")
    sources: list[Release]


class _Annotated(NamedTuple):
    condition_id: str
    hpo_id: str
    frequency: float | None
    frequency_raw: str | None


_index_lock = threading.Lock()
_index_cache: dict[str, dict[str, list[_Annotated]]] = {}


def _direct_index(knowledge: Knowledge) -> dict[str, list[_Annotated]]:
    """term id -> (condition, frequency) of every positive phenotype annotation, per data version."""
    cached = _index_cache.get(knowledge.checksum)
    if cached is not None:
        return cached
    with _index_lock:
        cached = _index_cache.get(knowledge.checksum)
        if cached is not None:
            return cached
        index: dict[str, list[_Annotated]] = defaultdict(list)
        for record in knowledge.conditions.values():
            best: dict[str, _Annotated] = {}
            for a in record.annotations:
                if a.aspect != "P" or a.negated:
                    continue
                previous = best.get(a.hpo_id)
                if previous is None or (a.frequency or -1.0) > (previous.frequency or -1.0):
                    best[a.hpo_id] = _Annotated(record.id, a.hpo_id, a.frequency, a.frequency_raw)
            for hpo_id, item in best.items():
                index[hpo_id].append(item)
        _index_cache.clear()  # one data version per process
        _index_cache[knowledge.checksum] = dict(index)
        return _index_cache[knowledge.checksum]


def _ref(knowledge: Knowledge, term_id: str) -> TermRef:
    term = knowledge.terms.get(term_id)
    if term is None:
        return TermRef(id=term_id, name=term_id, plain_name=term_id)
    return TermRef(id=term.id, name=term.name, plain_name=term.plain_name)


def _sorted_refs(knowledge: Knowledge, ids: list[str]) -> list[TermRef]:
    refs = [_ref(knowledge, i) for i in ids if i in knowledge.terms and not knowledge.terms[i].is_obsolete]
    return sorted(refs, key=lambda r: r.plain_name.casefold())


def _best_per_condition(knowledge: Knowledge, tid: str, minimum: float | None) -> dict[str, _Annotated]:
    index = _direct_index(knowledge)
    best: dict[str, _Annotated] = {}
    for descendant in knowledge.descendants(tid):
        for item in index.get(descendant, ()):
            if minimum is not None and (item.frequency is None or item.frequency < minimum):
                continue
            previous = best.get(item.condition_id)
            if (
                previous is None
                or (item.frequency or -1.0) > (previous.frequency or -1.0)
                or (item.frequency == previous.frequency and item.hpo_id == tid)
            ):
                best[item.condition_id] = item
    return best


_COUNT = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def _evidence_weighted(item: _Annotated) -> float:
    """The frequency for ordering: a count from few patients ("1 of 1") is shrunk towards one half
    (Laplace), so "37 of 37" comes before it; stated frequencies and categories are used as they are."""
    if item.frequency is None:
        return -1.0
    counted = _COUNT.match(item.frequency_raw or "")
    if counted:
        seen, total = int(counted.group(1)), int(counted.group(2))
        return (seen + 1) / (total + 2)
    return item.frequency


def conditions_with_symptom(
    knowledge: Knowledge, term_id: str, minimum: float | None = FREQUENT, limit: int | None = None
) -> list[ConditionWithSymptom]:
    """Conditions annotated with the term or a more specific one, with at least `minimum` frequency
    (None: any frequency, stated or not), most frequent first; one row per condition."""
    tid = knowledge.primary_term_id(term_id)
    best = _best_per_condition(knowledge, tid, minimum)

    def order(item: _Annotated) -> tuple[float, bool, str]:
        frequency = _evidence_weighted(item)
        return (-frequency, item.hpo_id != tid, knowledge.conditions[item.condition_id].name.casefold())

    chosen = sorted(best.values(), key=order)
    if limit is not None:
        chosen = chosen[:limit]
    rows = []
    for item in chosen:
        record = knowledge.conditions[item.condition_id]
        rows.append(
            ConditionWithSymptom(
                id=record.id,
                name=record.name,
                slug=slugify(record.name),
                frequency=item.frequency,
                frequency_label=frequency_label(item.frequency_raw, item.frequency),
                via=None if item.hpo_id == tid else _ref(knowledge, item.hpo_id),
            )
        )
    return rows


def is_phenotype(knowledge: Knowledge, term: Term) -> bool:
    return PHENOTYPE_ROOT in knowledge.ancestors(term.id)


def symptom_info(knowledge: Knowledge, term_id: str, limit: int = 100) -> SymptomInfo:
    """Everything a symptom page shows (raises UnknownIdError for an unknown HPO id)."""
    tid = knowledge.primary_term_id(term_id)
    term = knowledge.terms[tid]
    if not tid.startswith("HP:"):
        raise UnknownIdError(f"unknown HPO term {term_id!r}")
    frequent_total = len(_best_per_condition(knowledge, tid, FREQUENT))
    annotated_total = len(_best_per_condition(knowledge, tid, None))
    return SymptomInfo(
        id=term.id,
        name=term.name,
        plain_name=term.plain_name,
        slug=slugify(term.plain_name),
        definition=term.definition,
        comment=term.comment,
        synonyms=[
            SynonymInfo(text=s.text, scope=s.scope, layperson=s.kind == "layperson") for s in term.synonyms
        ],
        is_phenotype=is_phenotype(knowledge, term),
        categories=[_ref(knowledge, c) for c in term.categories],
        parents=_sorted_refs(knowledge, term.parents),
        children=_sorted_refs(knowledge, knowledge.children.get(tid, [])),
        xrefs=list(term.xrefs),
        url=xref_url(term.id),
        frequent_in=conditions_with_symptom(knowledge, tid, FREQUENT, limit=limit),
        frequent_total=frequent_total,
        annotated_total=annotated_total,
        sources=[r for r in knowledge.releases if r.source == "hpo"],
    )
