"""An in-memory, read-only snapshot of the knowledge tables, loaded once per data version.

Services read conditions and terms from this snapshot instead of querying the database per
condition; it is cached on disk (pickle) under a name keyed by the data checksum.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from symptomdb.db import models

CACHE_FORMAT = 2


class UnknownIdError(LookupError):
    """No condition or term has this id."""


class Synonym(NamedTuple):
    text: str
    scope: str
    kind: str | None


@dataclass
class Term:
    id: str
    name: str
    definition: str | None
    comment: str | None
    is_obsolete: bool
    replaced_by: str | None
    categories: list[str]
    parents: list[str] = field(default_factory=list)
    synonyms: list[Synonym] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)

    @property
    def layperson_names(self) -> list[str]:
        return [s.text for s in self.synonyms if s.kind == "layperson"]

    @property
    def plain_name(self) -> str:
        """The lay name where HPO has one that differs from the clinical name, else the name."""
        for name in self.layperson_names:
            if name.casefold() != self.name.casefold():
                return name
        return self.name


class AnnotationRecord(NamedTuple):
    hpo_id: str
    aspect: str
    negated: bool
    frequency_raw: str | None
    frequency: float | None
    onset_id: str | None
    sex: str | None
    modifiers: str | None
    evidence: str | None
    references: tuple[str, ...]


class ConditionName(NamedTuple):
    name: str
    source: str
    kind: str


class MedicalActionRecord(NamedTuple):
    maxo_id: str
    maxo_label: str
    relation: str
    hpo_id: str | None
    evidence: str | None
    reference: str | None
    extension_label: str | None


class ReportedSymptom(NamedTuple):
    """A Disease Ontology symptom (Symptom Ontology term); the source states no frequency."""

    symptom_id: str
    label: str
    source_id: str


class DiagnosticProcedure(NamedTuple):
    predicate: str
    maxo_id: str
    maxo_label: str


@dataclass
class ConditionRecord:
    id: str
    database: str
    name: str
    mondo_id: str | None
    annotation_source: str = "hpo"  # the release its annotations come from (a Release.source)
    names: list[ConditionName] = field(default_factory=list)
    xrefs: list[tuple[str, str]] = field(default_factory=list)
    annotations: list[AnnotationRecord] = field(default_factory=list)
    genes: list[tuple[str, str | None]] = field(default_factory=list)
    medical_actions: list[MedicalActionRecord] = field(default_factory=list)
    reported_symptoms: list[ReportedSymptom] = field(default_factory=list)

    @property
    def equivalent_ids(self) -> list[str]:
        """Other condition ids (OMIM/ORPHA) that MONDO says are the same disease."""
        return [x for x, relation in self.xrefs if relation == "sameMondo"]


@dataclass(frozen=True)
class Release:
    source: str
    title: str
    version: str
    licence: str
    url: str
    imported_at: str


class Knowledge:
    """Terms, conditions and data releases, with the ontology walks the services need."""

    def __init__(
        self,
        checksum: str,
        terms: dict[str, Term],
        alt_ids: dict[str, str],
        conditions: dict[str, ConditionRecord],
        releases: list[Release],
        diagnostics: dict[str, list[DiagnosticProcedure]] | None = None,
    ) -> None:
        self.diagnostics = diagnostics or {}
        self.checksum = checksum
        self.terms = terms
        self.alt_ids = alt_ids
        self.conditions = conditions
        self.releases = releases

    # --- terms -------------------------------------------------------------------------------
    def primary_term_id(self, term_id: str) -> str:
        """Map an alt id or obsolete id to the current primary id; raise UnknownIdError if unknown."""
        tid = term_id.strip().upper().replace("_", ":")
        tid = self.alt_ids.get(tid, tid)
        term = self.terms.get(tid)
        if term is None:
            raise UnknownIdError(f"unknown HPO term {term_id!r}")
        if term.is_obsolete and term.replaced_by and term.replaced_by in self.terms:
            return term.replaced_by
        return tid

    def term(self, term_id: str) -> Term:
        return self.terms[self.primary_term_id(term_id)]

    @cached_property
    def children(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for term in self.terms.values():
            for parent in term.parents:
                result[parent].append(term.id)
        return dict(result)

    def ancestors(self, term_id: str, include_self: bool = True) -> set[str]:
        seen: set[str] = set()
        stack = [term_id]
        while stack:
            tid = stack.pop()
            if tid in seen:
                continue
            seen.add(tid)
            term = self.terms.get(tid)
            if term:
                stack.extend(term.parents)
        if not include_self:
            seen.discard(term_id)
        return seen

    def descendants(self, term_id: str, include_self: bool = True) -> set[str]:
        seen: set[str] = set()
        stack = [term_id]
        while stack:
            tid = stack.pop()
            if tid not in seen:
                seen.add(tid)
                stack.extend(self.children.get(tid, []))
        if not include_self:
            seen.discard(term_id)
        return seen

    # --- conditions --------------------------------------------------------------------------
    @cached_property
    def _condition_id_index(self) -> dict[str, str]:
        """Normalised id -> condition id: the ids themselves, 'ORPHA-1183' forms, MONDO ids and the
        Disease Ontology ids of conditions merged with a DO disease (DOID:14323 -> Marfan syndrome)."""
        index: dict[str, str] = {}
        for cid, record in self.conditions.items():
            index[cid] = cid
            if record.mondo_id:
                index.setdefault(record.mondo_id, cid)
        for doid, cid in same_disease_ontology_ids(self.conditions.values(), index):
            index.setdefault(doid, cid)
        for alias, prefix in (("ORPHANET", "ORPHA"), ("MIM", "OMIM")):
            for cid in list(index):
                if cid.startswith(prefix + ":"):
                    index.setdefault(alias + cid[len(prefix) :], index[cid])
        return index

    def normalise_condition_id(self, condition_id: str) -> str | None:
        text = condition_id.strip().upper().replace("_", ":")
        if ":" not in text and "-" in text:
            text = text.replace("-", ":", 1)
        return self._condition_id_index.get(text)

    def condition(self, condition_id: str) -> ConditionRecord:
        cid = self.normalise_condition_id(condition_id)
        if cid is None:
            raise UnknownIdError(f"unknown condition id {condition_id!r}")
        return self.conditions[cid]

    def release(self, source: str) -> Release | None:
        return next((r for r in self.releases if r.source == source), None)


def same_disease_ontology_ids(
    records: Iterable[ConditionRecord], ids: dict[str, str]
) -> Iterator[tuple[str, str]]:
    """(DOID, condition id) for each DO disease the MONDO mappings call the same as a condition (exact
    match), pointing where the condition's MONDO id points in `ids` (one page for OMIM/ORPHA twins)."""
    for record in records:
        for xref, relation in record.xrefs:
            if xref.startswith("DOID:") and relation == "exactMatch":
                yield xref, ids.get(record.mondo_id or "", record.id)


def data_fingerprint(engine: Engine) -> str | None:
    """One checksum for all imported data (None when nothing is imported): keys every derived cache."""
    with Session(engine) as session:
        rows = sorted(
            (source, checksum)
            for source, checksum in session.execute(
                select(models.DataRelease.source, models.DataRelease.checksum)
            )
        )
    if not any(source == "hpo" for source, _ in rows):
        return None
    return hashlib.sha256("\n".join(f"{s}:{c}" for s, c in rows).encode()).hexdigest()


def load_knowledge(engine: Engine, cache_dir: Path | None = None) -> Knowledge:
    """Load the snapshot, from the on-disk cache when it matches the imported data."""
    checksum = data_fingerprint(engine)
    if checksum is None:
        raise LookupError("the knowledge base is empty: run `symptomdb data import`")
    cache_file = cache_dir / f"knowledge-v{CACHE_FORMAT}-{checksum[:16]}.pickle" if cache_dir else None
    if cache_file and cache_file.is_file():
        try:
            with open(cache_file, "rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, Knowledge) and cached.checksum == checksum:
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is rebuilt below
    knowledge = _load_from_database(engine, checksum)
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(knowledge, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache_file)
    return knowledge


def _load_from_database(engine: Engine, checksum: str) -> Knowledge:
    with Session(engine) as s:
        terms = {
            r.id: Term(
                r.id, r.name, r.definition, r.comment, r.is_obsolete, r.replaced_by, list(r.categories or [])
            )
            for r in s.execute(select(models.HpoTerm)).scalars()
        }
        for child, parent in s.execute(select(models.HpoIsA.child_id, models.HpoIsA.parent_id)):
            terms[child].parents.append(parent)
        for term_id, text, scope, kind in s.execute(
            select(
                models.HpoSynonym.term_id,
                models.HpoSynonym.text,
                models.HpoSynonym.scope,
                models.HpoSynonym.kind,
            ).order_by(models.HpoSynonym.id)
        ):
            terms[term_id].synonyms.append(Synonym(text, scope, kind))
        for term_id, xref in s.execute(select(models.HpoXref.term_id, models.HpoXref.xref)):
            terms[term_id].xrefs.append(xref)
        alt_ids: dict[str, str] = {
            a: t for a, t in s.execute(select(models.HpoAltId.alt_id, models.HpoAltId.term_id))
        }

        conditions = {
            r.id: ConditionRecord(r.id, r.database, r.name, r.mondo_id, r.annotation_source or "hpo")
            for r in s.execute(select(models.Condition).order_by(models.Condition.id)).scalars()
        }
        for cid, name, source, kind in s.execute(
            select(
                models.ConditionName.condition_id,
                models.ConditionName.name,
                models.ConditionName.source,
                models.ConditionName.kind,
            ).order_by(models.ConditionName.id)
        ):
            conditions[cid].names.append(ConditionName(name, source, kind))
        for cid, xref, relation in s.execute(
            select(
                models.ConditionXref.condition_id, models.ConditionXref.xref, models.ConditionXref.relation
            ).order_by(models.ConditionXref.condition_id, models.ConditionXref.xref)
        ):
            conditions[cid].xrefs.append((xref, relation))
        a = models.Annotation
        for row in s.execute(
            select(
                a.condition_id,
                a.hpo_id,
                a.aspect,
                a.negated,
                a.frequency_raw,
                a.frequency,
                a.onset_id,
                a.sex,
                a.modifiers,
                a.evidence,
                a.references,
            ).order_by(a.id)
        ):
            refs = tuple(ref for ref in (row[10] or "").split(";") if ref)
            conditions[row[0]].annotations.append(AnnotationRecord(*row[1:10], refs))
        for cid, symbol, ncbi in s.execute(
            select(
                models.ConditionGene.condition_id,
                models.ConditionGene.gene_symbol,
                models.ConditionGene.ncbi_gene_id,
            ).order_by(models.ConditionGene.condition_id, models.ConditionGene.gene_symbol)
        ):
            conditions[cid].genes.append((symbol, ncbi))
        for action in s.execute(
            select(
                models.MedicalAction.condition_id,
                models.MedicalAction.maxo_id,
                models.MedicalAction.maxo_label,
                models.MedicalAction.relation,
                models.MedicalAction.hpo_id,
                models.MedicalAction.evidence,
                models.MedicalAction.reference,
                models.MedicalAction.extension_label,
            ).order_by(models.MedicalAction.id)
        ):
            conditions[action[0]].medical_actions.append(MedicalActionRecord(*action[1:]))
        for cid, symptom_id, label, source_id in s.execute(
            select(
                models.ConditionSymptom.condition_id,
                models.ConditionSymptom.symptom_id,
                models.ConditionSymptom.symptom_label,
                models.ConditionSymptom.source_id,
            ).order_by(models.ConditionSymptom.condition_id, models.ConditionSymptom.symptom_label)
        ):
            conditions[cid].reported_symptoms.append(ReportedSymptom(symptom_id, label, source_id))
        diagnostics: dict[str, list[DiagnosticProcedure]] = defaultdict(list)
        for hpo_id, predicate, maxo_id, maxo_label in s.execute(
            select(
                models.DiagnosticObservation.hpo_id,
                models.DiagnosticObservation.predicate,
                models.DiagnosticObservation.maxo_id,
                models.DiagnosticObservation.maxo_label,
            ).order_by(models.DiagnosticObservation.hpo_id, models.DiagnosticObservation.maxo_id)
        ):
            diagnostics[hpo_id].append(DiagnosticProcedure(predicate, maxo_id, maxo_label))
        releases = [
            Release(
                r.source, r.title, r.version, r.licence, r.url, r.imported_at.isoformat(timespec="seconds")
            )
            for r in s.execute(select(models.DataRelease).order_by(models.DataRelease.source)).scalars()
        ]
    return Knowledge(checksum, terms, alt_ids, conditions, releases, dict(diagnostics))
