"""The differential-diagnosis service: observed and excluded findings → ranked, explained conditions.

    diagnose(knowledge, present, absent=(), sex=None, onset=None, limit=20) -> DiagnosisResult

Ids may be alternative or obsolete HPO ids (mapped to the current term); an unknown id raises
`UnknownIdError`. Equivalent entries of one disease (an OMIM and an Orphanet entry that MONDO says are
the same) are ranked once, under the best-scoring entry, with the others in `equivalent_ids`.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, Field

from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.explain import Explanation, explain
from symptomdb.diagnosis.families import LookAlikeGroup, look_alike_groups
from symptomdb.diagnosis.model import ONSET_CLASSES, DiagnosisModel, ExtraCase, get_model, onset_class_of
from symptomdb.diagnosis.rank import Engine, Query
from symptomdb.diagnosis.train import fold_of
from symptomdb.knowledge.store import UnknownIdError

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge

MAX_TERMS = 200
MAX_LIMIT = 1000
# findings given by at least this many published cases are built when an engine loads (`_frequent_terms`)
WARM_MIN_CASES = 2
LOOK_ALIKE_RANKS = 10  # numbered forms of one condition are pointed out among this many first results


class QueryTerm(BaseModel):
    id: str  # the current HPO id
    name: str
    plain_name: str
    given: str  # as given (an alternative or obsolete id maps to `id`)


class DiagnosisQuery(BaseModel):
    present: list[QueryTerm]
    absent: list[QueryTerm]
    sex: Literal["male", "female"] | None = None
    onset: str | None = None  # as given (HPO onset id or ISO 8601 age)
    onset_class: str | None = None  # e.g. "infantile"
    notes: list[str] = Field(default_factory=list)


class RankedCondition(BaseModel):
    rank: int
    id: str
    name: str
    score: float  # higher is better; differences are log-odds
    probability: float | None = None  # P(this condition | findings) under the learned model, if learned
    equivalent_ids: list[str] = Field(default_factory=list)
    source: Literal["knowledge base", "published cases"] = "knowledge base"
    published_cases: int = 0
    explanation: Explanation


class ModelInfo(BaseModel):
    name: str
    description: str
    conditions: int
    published_cases: int
    hpo_version: str | None = None


class DiagnosisResult(BaseModel):
    query: DiagnosisQuery
    results: list[RankedCondition]
    model: ModelInfo
    # numbered forms of one condition among the first results (`families.py`), with their HPO genes
    look_alikes: list[LookAlikeGroup] = Field(default_factory=list)


# --- engines (one per data version, and per held-out fold for benchmarks) ---------------------------------

_ENGINES: dict[tuple[str, int | None, str], Engine] = {}
_ENGINE_LOCK = threading.Lock()


def get_engine(
    knowledge: Knowledge,
    cache_dir: Path | None = None,
    held_out_fold: int | None = None,
    data_dir: Path = bundle.DATA_DIR,
    warm: bool = False,
) -> Engine:
    """The ranking engine for this knowledge base (built once per process; the model cached on disk).

    With `warm` (a server, a batch, a benchmark), the per-term vectors of the findings published cases
    use most are built now (`Engine.warm`, about 3 s), once per engine, even if it was built cold
    before; a one-off query leaves them to be built on first use.

    With `held_out_fold`, published cases of that fold's publications are left out of the profiles, and
    the weights fitted without them are used: that is how the benchmark scores a case it was trained on.
    """
    weights = bundle.load_weights(data_dir)
    cases: Sequence[ExtraCase] = bundle.load_cases(data_dir)
    fold_key = held_out_fold if held_out_fold is not None and weights.fold_weights else None
    key = (knowledge.checksum, fold_key, str(data_dir))
    with _ENGINE_LOCK:
        engine = _ENGINES.get(key)
    if engine is not None and (engine.warmed or not warm):
        return engine
    withheld: frozenset[str] = frozenset()
    if fold_key is not None:
        withheld = held_out_sources(fold_key, data_dir)
        cases = tuple(c for c in cases if c.source not in withheld)
    if engine is None:
        built = _build_engine(knowledge, cache_dir, weights, cases, withheld, fold_key, data_dir)
        with _ENGINE_LOCK:
            engine = _ENGINES.setdefault(key, built)
    if warm and not engine.warmed:
        engine.warm(*_frequent_terms(engine.model, cases))
        engine.warmed = True
    return engine


def held_out_sources(fold: int, data_dir: Path = bundle.DATA_DIR) -> frozenset[str]:
    """The publications of one fold of the bundle's published cases: what that fold's engine (and the
    benchmark's baseline for its cases) holds out, as cases and as the knowledge base's references."""
    n_folds = bundle.load_weights(data_dir).n_folds
    return frozenset(c.source for c in bundle.load_cases(data_dir) if fold_of(c.source, n_folds) == fold)


def _build_engine(
    knowledge: Knowledge,
    cache_dir: Path | None,
    weights: bundle.Weights,
    cases: Sequence[ExtraCase],
    withheld: frozenset[str],
    fold_key: int | None,
    data_dir: Path,
) -> Engine:
    """The engine for the shipped bundle or, with `fold_key`, for one held-out fold: without that fold's
    publications, neither as published cases nor as the knowledge base's references (`build_model`)."""
    chosen = weights.weights
    second = weights.rerank
    temperature = weights.temperature
    if fold_key is not None:
        chosen = weights.fold_weights[fold_key]
        second = weights.rerank_fold[fold_key] if len(weights.rerank_fold) > fold_key else None
        # fitted without this fold's predictions
        if len(weights.temperature_fold) > fold_key:
            temperature = weights.temperature_fold[fold_key]
    key = f"cases:{len(cases)}:{fold_key}:{_digest(data_dir)}:withheld:{len(withheld)}"
    model = get_model(knowledge, cache_dir, cases, key=key, withheld_sources=withheld)
    engine = Engine(
        model,
        weights.params,
        chosen,
        rerank=second,
        rerank_k=weights.rerank_k,
        rerank_coverage=weights.rerank_coverage,
        temperature=temperature,
        temperature_by_findings=weights.temperature_by_findings(fold_key),
        ranker=bundle.load_ranker(data_dir, fold_key, cache_dir),
    )
    engine.learned = weights.learned
    engine.description = _describe(weights, len(cases), engine.ranker is not None)
    return engine


def _frequent_terms(model: DiagnosisModel, cases: Sequence[ExtraCase]) -> tuple[list[int], list[int]]:
    """The findings (present, excluded) that at least WARM_MIN_CASES published cases give: the terms
    queries use most, built at start-up (the engine's own cases only: a held-out fold's engine warms
    with the other folds' terms)."""
    present = Counter(t for c in cases for t in set(c.present))
    excluded = Counter(t for c in cases for t in set(c.excluded))

    def rows(counts: Counter[str]) -> list[int]:
        frequent = [t for t, n in counts.most_common() if n >= WARM_MIN_CASES]
        return [model.term_index[t] for t in frequent if t in model.term_index]

    return rows(present), rows(excluded)


def _digest(data_dir: Path) -> str:
    parts = []
    for name in (bundle.CASES_FILE, bundle.WEIGHTS_FILE):
        path = data_dir / name
        parts.append(f"{path.stat().st_size}-{int(path.stat().st_mtime)}" if path.is_file() else "none")
    return "_".join(parts)


def _describe(weights: bundle.Weights, n_cases: int, ranker: bool = False) -> str:
    if not weights.learned:
        return "Likelihood ratios against the knowledge base's annotations (hand-set weights)."
    info = weights.info
    learned = (
        "; the best candidates re-ordered by a gradient-boosted ranker that cannot count a finding "
        "stated absent for a condition that has it very frequently"
        if ranker
        else ""
    )
    return (
        "Likelihood ratios against the knowledge base's annotations and against profiles of "
        f"{n_cases:,} published cases (GA4GH phenopacket-store), combined with weights learned on "
        f"{info.get('cases', n_cases):,} cases from {info.get('sources', '?')} publications{learned}."
    )


# --- the service ------------------------------------------------------------------------------------------


def diagnose(
    knowledge: Knowledge,
    present: Sequence[str],
    absent: Sequence[str] = (),
    sex: str | None = None,
    onset: str | None = None,
    limit: int = 20,
    cache_dir: Path | None = None,
    engine: Engine | None = None,
) -> DiagnosisResult:
    """Rank every condition for the findings and explain the first `limit`.

    `cache_dir` keeps the model on disk between processes; `engine` replaces the shipped one (tests,
    benchmarks). Raises UnknownIdError for an id that is not an HPO term, ValueError for a bad sex,
    onset or limit.
    """
    if not 0 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 0 and {MAX_LIMIT}")
    if len(present) + len(absent) > MAX_TERMS:
        raise ValueError(f"too many findings ({len(present) + len(absent)}; at most {MAX_TERMS})")
    engine = engine or get_engine(knowledge, cache_dir)
    query, dquery = build_query(knowledge, engine, present, absent, sex, onset)
    info = ModelInfo(
        name="learned-lr" if engine.learned else "lr",
        description=engine.description,
        conditions=engine.model.n_conditions,
        published_cases=int(engine.model.case_present.shape[0]),
        hpo_version=(release.version if (release := knowledge.release("hpo")) else None),
    )
    if not query.present:
        dquery.notes.append("No finding to rank by: give at least one finding the person has.")
        return DiagnosisResult(query=dquery, results=[], model=info)
    ranked = rank(engine, query, limit)
    results = []
    for position, (row, score, probability, equivalents) in enumerate(ranked, start=1):
        model = engine.model
        results.append(
            RankedCondition(
                rank=position,
                id=model.condition_ids[row],
                name=model.condition_names[row],
                score=round(float(score), 3),
                probability=round(float(probability), 4) if engine.learned else None,
                equivalent_ids=[model.condition_ids[e] for e in equivalents],
                source="knowledge base" if model.in_knowledge[row] else "published cases",
                published_cases=int(engine.n_cases[row]),
                explanation=explain(knowledge, engine, row, query),
            )
        )
    first = [(r.rank, r.id, r.name) for r in results[:LOOK_ALIKE_RANKS]]
    look_alikes = look_alike_groups(first, lambda cid: _genes(knowledge, cid))
    return DiagnosisResult(query=dquery, results=results, model=info, look_alikes=look_alikes)


def _genes(knowledge: Knowledge, condition_id: str) -> list[str]:
    condition = knowledge.conditions.get(condition_id)
    return [symbol for symbol, _ in condition.genes] if condition is not None else []


def rank(engine: Engine, query: Query, limit: int) -> list[tuple[int, float, float, list[int]]]:
    """The best `limit` diseases: (row, score, probability, equivalent rows), one row per MONDO group."""
    scores = engine.score(query)
    group = engine.model.group
    order = np.argsort(-scores, kind="stable")
    _, first = np.unique(group[order], return_index=True)
    best_rows = order[np.sort(first)]  # the best member of each group, best group first
    top = best_rows[:limit]
    # probability of a disease = softmax over all entries, summed over its equivalent entries
    shifted = np.exp(scores - scores.max())
    by_group = np.bincount(group, weights=shifted)
    total = by_group.sum()
    out = []
    for row in top:
        members = np.flatnonzero(group == group[row])
        out.append(
            (
                int(row),
                float(scores[row]),
                float(by_group[group[row]] / total),
                [int(m) for m in members if m != row],
            )
        )
    return out


def build_query(
    knowledge: Knowledge,
    engine: Engine,
    present: Sequence[str],
    absent: Sequence[str],
    sex: str | None,
    onset: str | None,
) -> tuple[Query, DiagnosisQuery]:
    notes: list[str] = []
    present_terms = _terms(knowledge, present)
    absent_terms = _terms(knowledge, absent)
    present_ids = {t.id for t in present_terms}
    clash = [t for t in absent_terms if t.id in present_ids]
    if clash:
        notes.append(
            "Given as both present and absent, counted as present: "
            + ", ".join(f"{t.name} ({t.id})" for t in clash)
        )
        absent_terms = [t for t in absent_terms if t.id not in present_ids]
    index = engine.model.term_index
    for t in present_terms + absent_terms:
        if t.id not in index:
            notes.append(f"{t.name} ({t.id}) is obsolete with no replacement and was left out.")
    sex_value = normalise_sex(sex)
    onset_index = onset_class_of(knowledge, onset) if onset else None
    query = Query(
        present=tuple(index[t.id] for t in present_terms if t.id in index),
        excluded=tuple(index[t.id] for t in absent_terms if t.id in index),
        sex=sex_value,
        onset=onset_index,
    )
    dquery = DiagnosisQuery(
        present=present_terms,
        absent=absent_terms,
        sex=sex_value,  # type: ignore[arg-type]
        onset=onset,
        onset_class=ONSET_CLASSES[onset_index][1] if onset_index is not None else None,
        notes=notes,
    )
    return query, dquery


def _terms(knowledge: Knowledge, ids: Sequence[str]) -> list[QueryTerm]:
    terms: dict[str, QueryTerm] = {}
    for given in ids:
        if not isinstance(given, str) or not given.strip():
            raise UnknownIdError(f"empty HPO term id {given!r}")
        try:
            tid = knowledge.primary_term_id(given)
        except UnknownIdError:
            release = knowledge.release("hpo")
            version = f" {release.version}" if release else ""
            raise UnknownIdError(
                f"unknown HPO term id {given.strip()[:40]!r}: not a term (or alternative id) of HPO{version}"
            ) from None
        if tid not in terms:
            term = knowledge.terms[tid]
            terms[tid] = QueryTerm(id=tid, name=term.name, plain_name=term.plain_name, given=given.strip())
    return list(terms.values())


def normalise_sex(sex: str | None) -> str | None:
    if sex is None:
        return None
    value = sex.strip().lower()
    if value in ("", "unknown", "unknown_sex", "other", "other_sex", "none"):
        return None
    if value in ("male", "m", "man", "boy"):
        return "male"
    if value in ("female", "f", "woman", "girl"):
        return "female"
    raise ValueError(f"sex must be 'male' or 'female' (or left out), not {sex!r}")
