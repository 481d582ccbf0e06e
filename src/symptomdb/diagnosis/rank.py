"""Vectorised ranking of every condition: a log-linear model over likelihood-ratio style features.

Each feature is a vector over all conditions, computed from a handful of sparse columns per query term
(no per-condition Python loop). The score of a condition is the weighted sum of its features; the
weights are learned on published cases (see `train.py`), with hand-set defaults that work without them.

Features (one value per condition):

- ``lr_kb``: ``obs_kb + excl_kb``, the knowledge base's log likelihood ratio.
- ``obs_kb``: Σ over observed terms of log LR against the knowledge-base annotations, LIRICAL-like:
  P(t | d) is the frequency of the condition's annotation that implies ``t`` (``t`` or a descendant of
  it annotated), else a penalised match through a shared ancestor ``a``
  (``kappa · (bg(t)/bg(a))^gamma``), else a floor; divided by the background frequency bg(t) of the term
  across conditions.
- ``excl_kb``: Σ over excluded terms of log(1 − eta · f), f the frequency with which the condition implies it.
- ``excl_rel``: the number of excluded terms the condition has, but not very frequently (< 80 %). A
  pertinent negative is usually a feature of a condition that was considered, so in published cases it
  is evidence *for* conditions that have it sometimes; ``excl_vfreq`` counts the excluded terms that
  are very frequent or obligate in the condition, and may only count against it.
- ``neg_obs`` / ``neg_excl``: observed terms contradicting, and excluded terms agreeing with, NOT annotations.
- ``unrep``: Σ log(1 − zeta · f) over the condition's features that the observed terms do not cover.
- ``log_nannot``, ``no_kb``: size of the annotation list, and "known only from published cases".
- ``onset_match``, ``onset_mismatch``, ``sex_mismatch``, ``xlr_female``: optional onset and sex.
- ``obs_case`` / ``excl_case``: the same likelihood ratios against profiles built from published cases.
- ``knn_max`` / ``knn_mean`` / ``knn_excl`` / ``knn_conflict``: similarity to individual published cases.
- ``rank_kb`` / ``rank_case``: the rank of the condition under the hand-set knowledge-base score and under
  the case similarity.

Two stages: the first score (``weights``) ranks every condition; with ``rerank`` weights, its best
``rerank_k`` conditions are ordered again by a second weighted sum of the same features, fitted on those
candidates only (the close competitors), and stay above the others. With a ``ranker`` (a LightGBM
lambdarank model, `ranker.py`) the candidates are ordered by it instead, from each candidate's FEATURES
plus the query's size and the first score (``RANKER_FEATURES``, `candidate_features`); a candidate the
query speaks against (an excluded finding it has very frequently, a contradicted NOT annotation) is
kept at or below its first-stage position among them (`hold_back`). The final scores are divided by a
calibration temperature (`calibrate.py`), so that their softmax is as confident as the engine is right.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from symptomdb.diagnosis.model import ONSET_CLASSES, DiagnosisModel

FEATURES: tuple[str, ...] = (
    "lr_kb",
    "obs_kb",
    "excl_kb",
    "excl_rel",
    "excl_vfreq",
    "neg_obs",
    "neg_excl",
    "unrep",
    "log_nannot",
    "no_kb",
    "onset_match",
    "onset_mismatch",
    "sex_mismatch",
    "xlr_female",
    "obs_case",
    "excl_case",
    "knn_max",
    "knn_mean",
    "knn_excl",
    "knn_conflict",
    "rank_kb",
    "rank_case",
)
FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}

# Hand-set weights: a pure likelihood-ratio model over the knowledge base (used when no learned weights).
DEFAULT_WEIGHTS: dict[str, float] = {
    "lr_kb": 1.0,
    "excl_rel": 1.5,
    "excl_vfreq": 0.0,
    "neg_obs": -4.0,
    "neg_excl": 0.5,
    "no_kb": -5.0,
    "onset_match": 0.3,
    "onset_mismatch": -1.0,
    "sex_mismatch": -5.0,
    "xlr_female": -1.0,
    "obs_case": 1.0,
    "excl_case": 1.0,
}


# The knowledge-base part of the default weights, for the rank_kb feature (features up to no_kb).
KB_RANK_WEIGHTS = np.array([DEFAULT_WEIGHTS.get(f, 0.0) for f in FEATURES[: FEATURES.index("no_kb") + 1]])
# Features that are sums over the query's terms (cached per term); the others depend on the whole query.
PER_TERM: tuple[str, ...] = (
    "lr_kb",
    "obs_kb",
    "excl_kb",
    "excl_rel",
    "excl_vfreq",
    "neg_obs",
    "neg_excl",
    "obs_case",
    "excl_case",
)
KB_QUERY_LEVEL = {f for f in FEATURES[: len(KB_RANK_WEIGHTS)] if f not in PER_TERM and DEFAULT_WEIGHTS.get(f)}


# The learned second stage (`ranker`, see `ranker.py`) sees each candidate's FEATURES and these. Not the
# number of excluded findings: it changes for every candidate when one is added, and through its
# interactions an absent finding could raise a condition that has it (see `ranker.RANKER_MONOTONE`).
RANKER_FEATURES: tuple[str, ...] = (
    *FEATURES,
    "n_present",
    "stage1",  # the first stage's score
    "stage1_gap",  # ... minus the best candidate's
    "stage1_rank",  # log1p of the rank among the candidates under the first score
    # how the observed findings are spread over the candidate (a sum hides one badly missed finding)
    "n_explained",  # observed findings it accounts for better than the background (log LR > 0)
    "n_unexplained",  # ... it does not account for at all (at the floor)
    "min_obs_kb",  # the worst-explained finding's log LR
    "ic_explained",  # the information content of the findings it accounts for, as a share of all
    "n_case_seen",  # observed findings its published cases make likelier than the background
)


RANKER_INDEX = {name: i for i, name in enumerate(RANKER_FEATURES)}


class Ranker(Protocol):
    """A learned second stage: one score per candidate from its RANKER_FEATURES row (`ranker.py`)."""

    def predict(self, matrix: np.ndarray) -> np.ndarray: ...


# Calibration by confidence: the raw top-1 probability's logit is bounded to ± this.
CONFIDENCE_LOGIT_BOUND = 8.0

# The second stage re-orders this many conditions of the first score.
RERANK_K = 100
# ... together with the best this many by similarity to published cases (`case_candidates`): a
# condition whose knowledge-base profile misses the patient's findings may still have published
# patients who look alike, and the second stage can only lift what is among its candidates.
CASE_CANDIDATES = 20
RERANK_MARGIN = 1.0  # the re-ordered conditions stay at least this far above the others

VERY_FREQUENT = 0.8  # HPO's "very frequent" (80-99 %) and "obligate"
HOLD_BACK_MARGIN = 1e-3  # a held-back candidate's score below the lowest one above it (`hold_back`)
# Similarities to single published cases count fully from this many findings on (less for fewer).
FULL_EVIDENCE_PRESENT = 5
FULL_EVIDENCE_EXCLUDED = 8


@dataclass(frozen=True)
class EngineParams:
    floor: float = 0.01  # LR of an observed term the condition does not account for at all
    kappa: float = 0.1  # penalty for a match through a shared ancestor (not the term itself)
    gamma: float = 2.0  # ... scaled by (bg(term) / bg(ancestor)) ** gamma
    eta: float = 0.95  # an excluded feature of frequency f counts log(1 - eta * f)
    zeta: float = 0.5  # an unreported feature of frequency f counts log(1 - zeta * f)
    beta: float = 1.0  # pseudo-cases smoothing a published-case profile towards the background
    kappa_case: float = 0.1
    gamma_case: float = 2.0
    centre: bool = True  # centre the published-case similarities over the conditions that have cases


@dataclass(frozen=True)
class Query:
    """Term row indices into the model, and the optional patient facts."""

    present: tuple[int, ...]
    excluded: tuple[int, ...] = ()
    sex: str | None = None  # "male" / "female"
    onset: int | None = None  # index into ONSET_CLASSES


@dataclass(frozen=True)
class TermVectors:
    """A vector over conditions stored as its most common value plus the entries that differ."""

    base: float
    rows: np.ndarray
    values: np.ndarray
    default_base: float
    default_rows: np.ndarray
    default_values: np.ndarray
    rerank_base: float = 0.0
    rerank_rows: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))
    rerank_values: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.float32))

    @classmethod
    def of(cls, weighted: np.ndarray, default: np.ndarray, rerank: np.ndarray | None = None) -> TermVectors:
        second = _sparse_around_mode(rerank) if rerank is not None else ()
        return cls(*_sparse_around_mode(weighted), *_sparse_around_mode(default), *second)

    @property
    def nbytes(self) -> int:
        arrays = (self.rows, self.values, self.default_rows, self.default_values, self.rerank_rows)
        return sum(a.nbytes for a in (*arrays, self.rerank_values))


def _sparse_around_mode(vector: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """(base, rows, values): vector = base everywhere except vector[rows] = base + values.

    The base is the most common value of a sample of entries (the value of the many conditions the
    term says nothing about), so that the stored part is small."""
    single = vector.astype(np.float32)
    base = _common_value(single)
    rows = np.flatnonzero(single != base).astype(np.int32)
    return float(base), rows, (vector[rows] - float(base)).astype(np.float32)


def _common_value(single: np.ndarray) -> np.float32:
    """The most common value of a sample of about 100 entries (the smallest of equally common ones)."""
    values, counts = np.unique(single[:: max(1, len(single) // 97)], return_counts=True)
    return np.float32(values[np.argmax(counts)]) if len(values) else np.float32(0.0)


@dataclass(frozen=True)
class SparseVector:
    """A float32 vector over conditions: `base` everywhere except `values` (exact) at `rows`."""

    base: np.float32
    rows: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, vector: np.ndarray) -> SparseVector:
        single = np.asarray(vector, dtype=np.float32)
        base = _common_value(single)
        rows = np.flatnonzero(single != base).astype(np.int32)
        values = single[rows]
        values.setflags(write=False)
        return cls(base, rows, values)

    def dense(self, size: int) -> np.ndarray:
        out = np.full(size, self.base, dtype=np.float32)
        out[self.rows] = self.values
        out.setflags(write=False)
        return out

    @property
    def part(self) -> tuple[np.ndarray, np.ndarray, np.float32]:
        """(rows, values, base), as `_gather` takes it."""
        return self.rows, self.values, self.base


def _gather(
    parts: Sequence[tuple[np.ndarray, np.ndarray, np.float32]], slot: np.ndarray, k: int
) -> np.ndarray:
    """(len(parts) × k) float32: part i's value at each of k candidates, where a part is a vector over
    conditions given as (rows, values, base) and slot[condition] is its candidate position (or -1)."""
    out = np.empty((len(parts), k), dtype=np.float32)
    out[:] = np.array([base for _, _, base in parts], dtype=np.float32)[:, None]
    rows = np.concatenate([r for r, _, _ in parts])
    values = np.concatenate([v for _, v, _ in parts])
    which = np.repeat(np.arange(len(parts)), [len(r) for r, _, _ in parts])
    position = slot[rows]
    inside = position >= 0
    out[which[inside], position[inside]] = values[inside]
    return out


class Engine:
    """Precomputed, parameter-dependent arrays over a DiagnosisModel, and the scoring of a query."""

    def __init__(
        self,
        model: DiagnosisModel,
        params: EngineParams | None = None,
        weights: Mapping[str, float] | None = None,
        term_cache_size: int = 12000,
        vector_cache_size: int = 8000,
        rerank: Mapping[str, float] | None = None,
        rerank_k: int = RERANK_K,
        rerank_coverage: float | None = None,
        temperature: float = 1.0,
        temperature_by_findings: Sequence[tuple[int, float] | tuple[int, float, float]] = (),
        ranker: Ranker | None = None,
        case_k: int = CASE_CANDIDATES,
    ) -> None:
        if not temperature > 0.0 or not all(b[1] > 0.0 for b in temperature_by_findings):
            raise ValueError(
                f"temperatures must be positive, not {temperature!r}, {temperature_by_findings!r}"
            )
        self.model = model
        self.params = p = params or EngineParams()
        self.weights = np.array([float((weights or DEFAULT_WEIGHTS).get(f, 0.0)) for f in FEATURES])
        # second stage: the best `rerank_k` conditions of the first score are ordered again by
        # `rerank` weights, fitted on those candidates only (hard negatives); None: one stage
        self.rerank_weights = (
            np.array([float(rerank.get(f, 0.0)) for f in FEATURES]) if rerank and ranker is None else None
        )
        # ... or a learned ranker over RANKER_FEATURES (LightGBM lambdarank), in their place
        self.ranker = ranker
        self.rerank_k = rerank_k
        self.case_k = case_k
        # the share of training cases whose truth was among the candidates: the probability mass the
        # candidates get together (the second stage's softmax was fitted given the truth is among them)
        self.rerank_coverage = rerank_coverage
        # calibration: the final scores are divided by this (fitted on held-out predictions, see
        # `calibrate.py`), so that the softmax's probabilities match how often the engine is right
        self.temperature = float(temperature)
        # ... by the number of observed findings: (from this many on, T, slope), the last that applies
        # wins; with a slope, T also follows the raw confidence (`confidence_temperature`)
        self.temperature_by_findings = tuple(
            sorted(
                (int(b[0]), float(b[1]), float(b[2]) if len(b) > 2 else 0.0) for b in temperature_by_findings
            )
        )
        n_cond = model.n_conditions
        known = model.in_knowledge
        n_known = max(int(known.sum()), 1)

        # knowledge base: implied frequencies (a finding implies its ancestors), background, IC
        self.implied = propagate(model.anc, model.freq).tocsc()
        implied_known = self.implied[np.flatnonzero(known)] if not known.all() else self.implied
        self.bg = (np.asarray(implied_known.sum(axis=0)).ravel() + 1.0) / (n_known + 1.0)
        self.col_max = _column_max(self.implied)
        self.negated = model.negated.tocsc()
        # negated_by_term[t, d] = 1: d has a NOT annotation on t or an ancestor of t (T × D)
        self.negated_by_term = (model.anc @ model.negated.T).tocsr()
        self.negated_by_term.data[:] = 1.0
        freq = model.freq.tocsr()
        self.freq_csr = freq
        self.stated_csr = model.freq_stated.tocsr()
        self.learned = False  # weights learned from cases (scores are then log-odds, softmax = probability)
        self.description = ""
        self.warmed = False  # `warm` has built the frequent terms (service.get_engine)
        self.unrep = freq.copy()
        self.unrep.data = np.log1p(-p.zeta * np.minimum(freq.data, 1.0) * 0.999).astype(np.float32)
        self.unrep_total = np.asarray(self.unrep.sum(axis=1)).ravel()
        self.unrep_by_term = ColumnSums(self.unrep)
        n_annot = np.diff(freq.indptr)
        self.static = np.zeros((n_cond, 2))
        self.static[:, 0] = np.log1p(n_annot)
        self.static[:, 1] = ~known

        # published cases: per-condition counts, background, per-case matrices sorted by condition
        n_cases = model.case_present.shape[0]
        self.has_cases = n_cases > 0
        order = np.argsort(model.case_condition, kind="stable")
        self.case_present = model.case_present[order].tocsr()
        self.case_excluded = model.case_excluded[order].tocsr()
        self.case_present_by_term = ColumnSums(self.case_present)
        self.case_excluded_by_term = ColumnSums(self.case_excluded)
        self.case_condition = model.case_condition[order]
        starts: np.ndarray = (
            np.flatnonzero(np.r_[True, self.case_condition[1:] != self.case_condition[:-1]])
            if n_cases
            else np.empty(0, dtype=np.int64)
        )
        self.case_starts = np.asarray(starts, dtype=np.int64)
        self.case_rows = self.case_condition[self.case_starts] if n_cases else np.empty(0, dtype=np.int64)
        self.n_cases = np.bincount(model.case_condition, minlength=n_cond).astype(np.float64)
        self.with_cases = self.n_cases > 0
        membership = sp.csr_matrix(
            (np.ones(n_cases, dtype=np.float32), (model.case_condition, np.arange(n_cases))),
            shape=(n_cond, n_cases),
        )
        absent = (model.case_excluded @ model.anc.T).tocsr()  # an excluded finding excludes its descendants
        absent.data[:] = 1.0
        self.case_counts = (membership @ model.case_present).tocsc()
        self.case_absent = (membership @ absent).tocsc()
        total = max(n_cases, 1)
        self.bgc = (np.asarray(model.case_present.sum(axis=0)).ravel() + 1.0) / (total + 2.0)
        self.bge = (np.asarray(absent.sum(axis=0)).ravel() + 1.0) / (total + 2.0)
        self.icc = -np.log(self.bgc)
        self.case_norm = np.sqrt(self.case_present @ self.icc) + 1e-9
        self.case_n_excluded = np.diff(self.case_excluded.indptr).astype(np.float64)
        self.inv_cases = np.where(self.with_cases, 1.0 / (self.n_cases + p.beta), 0.0)

        self._term_cache: OrderedDict[tuple[str, int], SparseVector] = OrderedDict()
        self._vector_cache: OrderedDict[tuple[str, int], TermVectors] = OrderedDict()
        self._vector_cache_size = vector_cache_size
        self._cache_size = term_cache_size
        self._lock = threading.Lock()

    # --- per-term vectors (cached) -----------------------------------------------------------------
    def _cached(self, kind: str, term: int, build: object) -> np.ndarray:
        """A per-term vector over all conditions (dense; cached sparsely, see `_cached_sparse`)."""
        return self._cached_sparse(kind, term, build).dense(self.model.n_conditions)

    def _cached_sparse(self, kind: str, term: int, build: object) -> SparseVector:
        """A per-term vector as its common value plus the entries that differ: most conditions share
        one value (the term says nothing about them), so a cache of thousands of terms stays small."""
        key = (kind, term)
        with self._lock:
            hit = self._term_cache.get(key)
            if hit is not None:
                self._term_cache.move_to_end(key)
                return hit
        value = SparseVector.of(build(term))  # type: ignore[operator]
        with self._lock:
            self._term_cache[key] = value
            if len(self._term_cache) > self._cache_size:
                self._term_cache.popitem(last=False)
        return value

    def obs_kb(self, t: int) -> np.ndarray:
        """log LR of observing term t, for every condition, against the knowledge-base annotations."""
        return self._cached("obs_kb", t, self._obs_kb)

    def _obs_kb(self, t: int) -> np.ndarray:
        p, imp, bg = self.params, self.implied, self.bg
        v = np.full(self.model.n_conditions, p.floor)
        for a in self.model.ancestors_of(t):
            factor = 1.0 / bg[t] if a == t else p.kappa * (bg[t] / bg[a]) ** p.gamma / bg[t]
            if factor * self.col_max[a] <= p.floor:
                continue  # a generic ancestor: cannot beat the floor
            s, e = imp.indptr[a], imp.indptr[a + 1]
            rows = imp.indices[s:e]
            v[rows] = np.maximum(v[rows], imp.data[s:e] * factor)
        return np.log(v).astype(np.float32)

    def obs_case(self, t: int) -> np.ndarray:
        return self._cached("obs_case", t, self._obs_case)

    def _obs_case(self, t: int) -> np.ndarray:
        p, cc, bgc, inv = self.params, self.case_counts, self.bgc, self.inv_cases
        v = p.beta * bgc[t] * inv  # the profile's smoothed estimate where no case had the term
        for a in self.model.ancestors_of(t):
            s, e = cc.indptr[a], cc.indptr[a + 1]
            if s == e:
                continue
            rows = cc.indices[s:e]
            estimate = (cc.data[s:e] + p.beta * bgc[a]) * inv[rows]
            if a != t:
                estimate = estimate * (p.kappa_case * (bgc[t] / bgc[a]) ** p.gamma_case)
            v[rows] = np.maximum(v[rows], estimate)
        out = np.zeros(self.model.n_conditions, dtype=np.float32)
        out[self.with_cases] = np.log(v[self.with_cases] / bgc[t])
        return out

    def excl_case(self, x: int) -> np.ndarray:
        return self._cached("excl_case", x, self._excl_case)

    def _excl_case(self, x: int) -> np.ndarray:
        p, ca, bge, inv = self.params, self.case_absent, self.bge, self.inv_cases
        v = p.beta * bge[x] * inv
        s, e = ca.indptr[x], ca.indptr[x + 1]
        rows = ca.indices[s:e]
        v[rows] = (ca.data[s:e] + p.beta * bge[x]) * inv[rows]
        out = np.zeros(self.model.n_conditions, dtype=np.float32)
        out[self.with_cases] = np.log(v[self.with_cases] / bge[x])
        # a finding the condition has very frequently, stated absent, never counts for it, however
        # often its published cases report it absent (their authors looked for it)
        against = self._very_frequent_rows(x)
        out[against] = np.minimum(out[against], 0.0)
        return out

    def _very_frequent_rows(self, x: int) -> np.ndarray:
        """Conditions that have finding x (or a descendant of it) very frequently or obligately (an
        OMIM entry and its Orphanet equivalent share their annotations, see `model._pool`)."""
        imp = self.implied
        s, e = imp.indptr[x], imp.indptr[x + 1]
        return imp.indices[s:e][imp.data[s:e] >= VERY_FREQUENT]

    def _negated_rows(self, t: int) -> np.ndarray:
        """Conditions with a NOT annotation on t or one of its ancestors."""
        m = self.negated_by_term
        return m.indices[m.indptr[t] : m.indptr[t + 1]]

    def warm(self, present: Iterable[int], excluded: Iterable[int] = ()) -> None:
        """Build the per-term vectors of these terms now (at start-up: a term met for the first time
        costs about a millisecond), so that queries using them find them cached."""
        for t in present:
            self._term_vectors("present", int(t))
            if self.has_cases:  # the candidates' features read it whatever the first stage's weights
                self._cached_sparse("obs_case", int(t), self._obs_case)
        for x in excluded:
            self._term_vectors("excluded", int(x))
            if self.has_cases:
                self._cached_sparse("excl_case", int(x), self._excl_case)

    def clear_cache(self) -> None:
        with self._lock:
            self._term_cache.clear()
            self._vector_cache.clear()

    def negated_rows_contain(self, t: int, row: int) -> bool:
        return bool(np.isin(row, self._negated_rows(t)))

    # --- a whole query -----------------------------------------------------------------------------
    def features(self, query: Query, which: Sequence[str] | None = None) -> np.ndarray:
        """The (conditions × FEATURES) matrix for a query (used to learn the weights)."""
        present, excluded = _terms(query)
        rows = np.zeros((len(FEATURES), self.model.n_conditions))
        for t in present:
            self._add_term(rows, "present", t)
        for x in excluded:
            self._add_term(rows, "excluded", x)
        self._add_query_level(rows, query, present, excluded, set(FEATURES if which is None else which))
        if present:
            kb_score = KB_RANK_WEIGHTS @ rows[: len(KB_RANK_WEIGHTS)]
            rows[FEATURE_INDEX["rank_kb"]] = -np.log1p(_ranks(kb_score))
        return rows.T

    def score(self, query: Query) -> np.ndarray:
        """One score per condition (higher is better; differences are log-odds): `raw_score` divided by
        the query's calibration temperature (monotone: the ranking is the same)."""
        return self.scores_and_temperature(query)[0]

    def scores_and_temperature(self, query: Query) -> tuple[np.ndarray, float]:
        """`score(query)`, and the temperature that divided the raw scores."""
        raw = self.raw_score(query)
        temperature = self.temperature_for(query, raw)
        return (raw if temperature == 1.0 else raw / temperature), temperature

    def temperature_for(self, query: Query, raw: np.ndarray) -> float:
        """The calibration temperature for a query: by its number of observed findings and, where fitted
        so, by how confident its raw scores are (`confidence_temperature`)."""
        n = len(set(query.present))
        chosen, slope = self.temperature, 0.0
        for least, temperature, confidence_slope in self.temperature_by_findings:
            if n >= least:
                chosen, slope = temperature, confidence_slope
        if slope == 0.0:
            return chosen
        return float(confidence_temperature(chosen, slope, np.array(top1_probability(raw, self.model.group))))

    def raw_score(self, query: Query) -> np.ndarray:
        """One score per condition before calibration: ``features(query) @ weights``, computed faster:
        the features that add up over the query's terms come from one cached, weighted vector per term.

        With a second stage, the best `rerank_k` conditions of that score are ordered again, by
        ``features(query) @ rerank_weights`` or by the learned ranker, and stay above all the others."""
        present, excluded = _terms(query)
        n_cond = self.model.n_conditions
        total, total2, base2, rows, rank_kb = self._first_stage(query, present, excluded)
        k = min(self.rerank_k, n_cond)
        if (self.rerank_weights is None and self.ranker is None) or k <= 0 or k >= n_cond:
            return total
        top, held = self._candidates(total, rows, k, present, excluded)
        if self.ranker is not None:
            matrix = self._candidate_matrix(present, excluded, rows, rank_kb, total, top)
            s2 = hold_back(self.ranker.predict(matrix), total[top], held, self.model.group[top])
        else:
            second = self.rerank_weights
            assert second is not None and total2 is not None
            s2 = base2 + total2[top] + second @ rows[:, top]
            if rank_kb is not None:
                s2 += second[FEATURE_INDEX["rank_kb"]] * rank_kb[top]
        total[top] = s2 + self._lift(total, top, s2)
        return total

    def first_score(self, query: Query) -> np.ndarray:
        """The first stage's score of every condition (what the second stage's candidates come from)."""
        present, excluded = _terms(query)
        return self._first_stage(query, present, excluded)[0]

    def _spoken_against(self, present: list[int], excluded: list[int], top: np.ndarray) -> np.ndarray:
        """Candidates the query speaks against, which the learned stage may not lift (`hold_back`): the
        condition, or an equivalent entry of it (OMIM and Orphanet may give other frequencies), has an
        excluded finding very frequently or obligately, or a NOT annotation that an observed finding
        contradicts."""
        rows = [self._negated_rows(t) for t in present]
        rows += [self._very_frequent_rows(x) for x in excluded]
        if not rows:
            return np.zeros(len(top), dtype=bool)
        group = self.model.group
        return _among(group[top], group[np.concatenate(rows)], int(group.max()) + 1)

    def _lift(self, total: np.ndarray, top: np.ndarray, s2: np.ndarray) -> float:
        """What the second stage's scores are shifted by: the candidates stay above all the others, and
        together get the probability `rerank_coverage` (how often the truth was among them in training)."""
        rest = total.copy()
        rest[top] = -np.inf
        rest_max = float(rest.max())
        lift = max(0.0, rest_max - float(s2.min()) + RERANK_MARGIN)
        coverage = self.rerank_coverage
        if coverage is not None and 0.0 < coverage < 1.0:
            # P(candidates) = coverage: log Σ_top exp(s2 + c) - log Σ_rest exp(total) = logit(coverage)
            log_rest = rest_max + float(np.log(np.exp(rest - rest_max).sum()))
            s2_max = float(s2.max())
            log_top = s2_max + float(np.log(np.exp(s2 - s2_max).sum()))
            lift = max(lift, float(np.log(coverage / (1.0 - coverage))) + log_rest - log_top)
        return lift

    def candidate_features(
        self, query: Query, k: int | None = None, case_k: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The first stage's best `k` conditions (`rerank_k`), those joining by published-case similarity
        (`case_k`, default the engine's), and their (candidates × RANKER_FEATURES) matrix: what the
        gradient-boosted second stage sees, computed as at query time (used to train it)."""
        present, excluded = _terms(query)
        total, _, _, rows, rank_kb = self._first_stage(query, present, excluded, every_feature=True)
        k = min(self.rerank_k if k is None else k, self.model.n_conditions - 1)
        top, _ = self._candidates(total, rows, k, present, excluded, case_k)
        return top, self._candidate_matrix(present, excluded, rows, rank_kb, total, top)

    def _candidates(
        self,
        total: np.ndarray,
        rows: np.ndarray,
        k: int,
        present: list[int],
        excluded: list[int],
        case_k: int | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The second stage's candidates, and which of them the query speaks against (`hold_back`): the
        first score's best `k`, then (with observed findings) the best `case_k` by published-case
        similarity that are not among them, unless spoken against: joining would lift such a condition
        past the first stage's other conditions."""
        top = np.argpartition(-total, k - 1)[:k]
        if present and self.has_cases:
            m = self.case_k if case_k is None else case_k
            extra = case_candidates(rows[FEATURE_INDEX["rank_case"]], self.case_rows, m)
            top = np.concatenate([top, np.setdiff1d(extra, top, assume_unique=True)])
        held = self._spoken_against(present, excluded, top)
        if len(top) > k and held[k:].any():
            keep = np.r_[np.ones(k, dtype=bool), ~held[k:]]
            top, held = top[keep], held[keep]
        return top, held

    def _first_stage(
        self, query: Query, present: list[int], excluded: list[int], every_feature: bool = False
    ) -> tuple[np.ndarray, np.ndarray | None, float, np.ndarray, np.ndarray | None]:
        """The first score of every condition (from the cached per-term vectors), the linear second
        stage's per-term part, and the query-level feature rows (all of them for the ranker)."""
        n_cond = self.model.n_conditions
        second = self.rerank_weights
        vectors = [
            self._term_vectors(kind, t)
            for kind, terms in (("present", present), ("excluded", excluded))
            for t in terms
        ]
        # one bincount over all terms' entries adds them in the same order as one term after another
        total = _sum_sparse(n_cond, [(v.rows, v.values) for v in vectors])
        total += sum(v.base for v in vectors)
        kb_default = _sum_sparse(n_cond, [(v.default_rows, v.default_values) for v in vectors])
        kb_default += sum(v.default_base for v in vectors)
        total2 = None
        base2 = 0.0
        if second is not None:
            total2 = _sum_sparse(n_cond, [(v.rerank_rows, v.rerank_values) for v in vectors])
            base2 = sum(v.rerank_base for v in vectors)
        used = self.weights != 0.0
        if second is not None:
            used |= second != 0.0
        if every_feature or self.ranker is not None:
            used |= True
        wanted = {f for f, u in zip(FEATURES, used, strict=True) if u} - set(PER_TERM)
        wanted |= KB_QUERY_LEVEL
        rows = np.zeros((len(FEATURES), n_cond))
        self._add_query_level(rows, query, present, excluded, wanted)
        total += self.weights @ rows
        rank_kb = None
        if present and "rank_kb" in wanted:
            kb_default += KB_RANK_WEIGHTS @ rows[: len(KB_RANK_WEIGHTS)]
            rank_kb = -np.log1p(_ranks(kb_default))
            total += self.weights[FEATURE_INDEX["rank_kb"]] * rank_kb
        return total, total2, base2, rows, rank_kb

    def _candidate_matrix(
        self,
        present: list[int],
        excluded: list[int],
        rows: np.ndarray,
        rank_kb: np.ndarray | None,
        total: np.ndarray,
        top: np.ndarray,
    ) -> np.ndarray:
        """(candidates × RANKER_FEATURES): the features of the candidates only (the per-term ones
        gathered from the cached raw vectors), then the query's size and the first stage's score."""
        out = np.zeros((len(top), len(RANKER_FEATURES)))
        features = out[:, : len(FEATURES)]
        features[:] = rows[:, top].T
        if rank_kb is not None:
            features[:, FEATURE_INDEX["rank_kb"]] = rank_kb[top]
        slot = self._slots(top)  # each condition's position among the candidates
        self._add_present_features(out, present, top, slot)
        self._add_excluded_features(features, excluded, top, slot)
        first = total[top]
        col = RANKER_INDEX
        out[:, col["n_present"]] = len(present)
        out[:, col["stage1"]] = first
        out[:, col["stage1_gap"]] = first - first.max()
        out[:, col["stage1_rank"]] = np.log1p(_ranks(first))
        return out

    def _add_present_features(
        self, out: np.ndarray, present: list[int], top: np.ndarray, slot: np.ndarray
    ) -> None:
        """The observed findings' per-term features of the candidates, and how they spread (`out`:
        candidates × RANKER_FEATURES), from one (findings × candidates) matrix per kind."""
        if not present:
            return
        col = RANKER_INDEX
        lr = _gather([self._cached_sparse("obs_kb", t, self._obs_kb).part for t in present], slot, len(top))
        total = lr.sum(axis=0, dtype=np.float64)
        out[:, col["obs_kb"]] += total
        out[:, col["lr_kb"]] += total
        if self.has_cases:
            parts = [self._cached_sparse("obs_case", t, self._obs_case).part for t in present]
            case = _gather(parts, slot, len(top))
            out[:, col["obs_case"]] += case.sum(axis=0, dtype=np.float64)
            out[:, col["n_case_seen"]] += (case > 0.0).sum(axis=0)
        out[:, col["neg_obs"]] += self._negated_counts(present)[top]
        explained = lr > 0.0
        out[:, col["n_explained"]] += explained.sum(axis=0)
        out[:, col["n_unexplained"]] += (lr <= float(np.log(np.float32(self.params.floor))) + 1e-6).sum(
            axis=0
        )
        ic = -np.log(self.bg[present])
        if ic.sum() > 0.0:
            out[:, col["ic_explained"]] += (ic[:, None] * explained).sum(axis=0) / ic.sum()
        out[:, col["min_obs_kb"]] = lr.min(axis=0)

    def _add_excluded_features(
        self, features: np.ndarray, excluded: list[int], top: np.ndarray, slot: np.ndarray
    ) -> None:
        if not excluded:
            return
        col, imp = FEATURE_INDEX, self.implied
        columns = [
            (imp.indices[imp.indptr[x] : imp.indptr[x + 1]], imp.data[imp.indptr[x] : imp.indptr[x + 1]])
            for x in excluded
        ]
        freq = _gather([(rows, values, np.float32(-1.0)) for rows, values in columns], slot, len(top))
        hit = freq >= 0.0
        penalty = np.where(hit, np.log1p(-self.params.eta * np.maximum(freq, 0.0)), 0.0).sum(
            axis=0, dtype=np.float64
        )
        features[:, col["excl_kb"]] += penalty
        features[:, col["lr_kb"]] += penalty
        features[:, col["excl_rel"]] += (hit & (freq < VERY_FREQUENT)).sum(axis=0)
        features[:, col["excl_vfreq"]] += (hit & (freq >= VERY_FREQUENT)).sum(axis=0)
        features[:, col["neg_excl"]] += self._negated_counts(excluded)[top]
        if self.has_cases:
            parts = [self._cached_sparse("excl_case", x, self._excl_case).part for x in excluded]
            features[:, col["excl_case"]] += _gather(parts, slot, len(top)).sum(axis=0, dtype=np.float64)

    def _slots(self, top: np.ndarray) -> np.ndarray:
        """Each condition's position among the candidates `top`, -1 for the others."""
        slot = np.full(self.model.n_conditions, -1, dtype=np.int64)
        slot[top] = np.arange(len(top))
        return slot

    def _negated_counts(self, terms: list[int]) -> np.ndarray:
        """For each condition, how many of the terms its NOT annotations cover."""
        rows = [self._negated_rows(t) for t in terms]
        return np.bincount(np.concatenate(rows), minlength=self.model.n_conditions)

    def _term_vectors(self, kind: str, t: int) -> TermVectors:
        """The weighted per-term features of one term, and its default knowledge-base score (cached)."""
        key = ("vectors-" + kind, t)
        with self._lock:
            hit = self._vector_cache.get(key)
            if hit is not None:
                self._vector_cache.move_to_end(key)
                return hit
        weighted, default = self._weighted_term(kind, t, self.weights)
        rerank = None
        if self.rerank_weights is not None:
            rerank = self._weighted_term(kind, t, self.rerank_weights)[0]
        value = TermVectors.of(weighted, default, rerank)
        with self._lock:
            self._vector_cache[key] = value
            if len(self._vector_cache) > self._vector_cache_size:
                self._vector_cache.popitem(last=False)
        return value

    def _weighted_term(self, kind: str, t: int, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """weights @ (the term's per-term features), and the same with the default KB weights."""
        w = {f: weights[FEATURE_INDEX[f]] for f in PER_TERM}
        d = {f: DEFAULT_WEIGHTS.get(f, 0.0) for f in PER_TERM}
        n_cond = self.model.n_conditions
        if kind == "present":
            lr = self.obs_kb(t).astype(np.float64)
            weighted = (w["obs_kb"] + w["lr_kb"]) * lr
            default = (d["obs_kb"] + d["lr_kb"]) * lr
            if self.has_cases and w["obs_case"]:
                weighted += w["obs_case"] * self.obs_case(t)
            negated = self._negated_rows(t)
            weighted[negated] += w["neg_obs"]
            default[negated] += d["neg_obs"]
            return weighted, default
        weighted = np.zeros(n_cond)
        default = np.zeros(n_cond)
        imp = self.implied
        s, e = imp.indptr[t], imp.indptr[t + 1]
        hit, freq = imp.indices[s:e], imp.data[s:e].astype(np.float64)
        penalty = np.log1p(-self.params.eta * freq)
        very_frequent = freq >= VERY_FREQUENT
        for target, c in ((weighted, w), (default, d)):
            target[hit] += (c["excl_kb"] + c["lr_kb"]) * penalty + np.where(
                very_frequent, c["excl_vfreq"], c["excl_rel"]
            )
            target[self._negated_rows(t)] += c["neg_excl"]
        if self.has_cases and w["excl_case"]:
            weighted += w["excl_case"] * self.excl_case(t)
        return weighted, default

    def _add_term(self, rows: np.ndarray, kind: str, t: int) -> None:
        """Add one observed ("present") or excluded term's contributions to the per-term features."""
        col = FEATURE_INDEX
        if kind == "present":
            lr = self.obs_kb(t)
            rows[col["obs_kb"]] += lr
            rows[col["lr_kb"]] += lr
            if self.has_cases:
                rows[col["obs_case"]] += self.obs_case(t)
            rows[col["neg_obs"]][self._negated_rows(t)] += 1.0
            return
        imp = self.implied
        s, e = imp.indptr[t], imp.indptr[t + 1]
        hit, freq = imp.indices[s:e], imp.data[s:e]
        penalty = np.log1p(-self.params.eta * freq)
        rows[col["excl_kb"]][hit] += penalty
        rows[col["lr_kb"]][hit] += penalty
        very_frequent = freq >= VERY_FREQUENT
        rows[col["excl_rel"]][hit[~very_frequent]] += 1.0
        rows[col["excl_vfreq"]][hit[very_frequent]] += 1.0
        rows[col["neg_excl"]][self._negated_rows(t)] += 1.0
        if self.has_cases:
            rows[col["excl_case"]] += self.excl_case(t)

    def _add_query_level(
        self, rows: np.ndarray, query: Query, present: list[int], excluded: list[int], wanted: set[str]
    ) -> None:
        """The features that depend on the query as a whole (not a sum over its terms)."""
        model = self.model
        f = {name: rows[i] for i, name in enumerate(FEATURES)}
        closure = np.empty(0, dtype=np.int64)
        if present:
            closure = np.unique(np.concatenate([model.ancestors_of(t) for t in present]))
        if "unrep" in wanted:
            f["unrep"][:] = self.unrep_total - self.unrep_by_term.sums(closure)
        f["log_nannot"][:] = self.static[:, 0]
        f["no_kb"][:] = self.static[:, 1]
        if query.onset is not None:
            bits = model.onset_terms
            near = 0
            for k in (query.onset - 1, query.onset, query.onset + 1):
                if 0 <= k < len(ONSET_CLASSES):
                    near |= 1 << k
            f["onset_match"][:] = (bits & (1 << query.onset)) > 0
            f["onset_mismatch"][:] = (bits != 0) & ((bits & near) == 0)
        if query.sex in ("male", "female"):
            only = model.sex_only
            f["sex_mismatch"][:] = only == (2 if query.sex == "male" else 1)
            if query.sex == "female":
                f["xlr_female"][:] = only == 3
        if not (self.has_cases and len(self.case_rows)):
            return
        case_rows, starts = self.case_rows, self.case_starts
        knn = {"knn_max", "knn_mean", "knn_conflict", "rank_case"}
        if present and wanted & knn:
            g = self.icc[closure]
            sim = self.case_present_by_term.sums(closure, g) / (self.case_norm * np.sqrt(g.sum()) + 1e-9)
            sim *= min(1.0, len(present) / FULL_EVIDENCE_PRESENT)  # a few findings match many cases
            f["knn_max"][case_rows] = np.maximum.reduceat(sim, starts)
            counts = np.diff(np.r_[starts, len(sim)])
            f["knn_mean"][case_rows] = np.add.reduceat(sim, starts) / counts
            conflict = self.case_excluded_by_term.sums(closure) / len(present)
            f["knn_conflict"][case_rows] = np.maximum.reduceat(conflict, starts)
        if excluded and wanted & {"knn_excl", "rank_case"}:
            shared = self.case_excluded_by_term.sums(np.unique(excluded))
            shared /= np.sqrt(len(excluded) * (self.case_n_excluded + 1.0))
            shared *= min(1.0, len(excluded) / FULL_EVIDENCE_EXCLUDED)  # one or two absent findings: weak
            f["knn_excl"][case_rows] = np.maximum.reduceat(shared, starts)
        if self.params.centre:
            # centred over the conditions that have cases, so that having cases is no bonus in itself
            for name in ("knn_max", "knn_mean", "knn_excl", "knn_conflict"):
                values = f[name][case_rows]
                f[name][case_rows] = values - values.mean()
        if excluded:  # as in `_excl_case`: sharing an absent very frequent feature is no evidence for
            against = np.concatenate([self._very_frequent_rows(x) for x in excluded])
            f["knn_excl"][against] = np.minimum(f["knn_excl"][against], 0.0)
        if "rank_case" in wanted:
            case_score = f["knn_max"][case_rows] + f["knn_excl"][case_rows]
            f["rank_case"][:] = -np.log1p(len(case_rows))
            f["rank_case"][case_rows] = -np.log1p(_ranks(case_score))


def case_candidates(rank_case: np.ndarray, case_rows: np.ndarray, m: int) -> np.ndarray:
    """The rows of `case_rows` (conditions with published cases) among the best `m` by published-case
    similarity (``rank_case`` = -log1p(rank), rank 0 the best; ties share a rank), at most `m` of them."""
    if m <= 0 or not len(case_rows):
        return np.empty(0, dtype=np.int64)
    best = case_rows[rank_case[case_rows] > -np.log1p(m)]
    if len(best) > m:
        best = best[np.argpartition(-rank_case[best], m - 1)[:m]]
    return best


def top1_probability(scores: np.ndarray, group: np.ndarray, temperature: float = 1.0) -> float:
    """The probability of the first-ranked disease (its MONDO group), as `service.rank` computes it."""
    best = int(np.argmax(scores))
    shifted = np.exp((scores - scores[best]) / temperature)
    return float(shifted[group == group[best]].sum() / shifted.sum())


def confidence_temperature(base: float, slope: float, raw_top1: np.ndarray) -> np.ndarray:
    """T = base · exp(slope · logit(p)), p the raw probability of the first condition (bounded). With a
    negative slope a confident query is sharpened and an unsure one flattened: a temperature by number of
    findings alone left the engine under-confident where it was sure and over-confident where it was not
    (fitted in `calibrate.fit_confidence`)."""
    p = np.clip(np.asarray(raw_top1, dtype=np.float64), 1e-12, 1.0 - 1e-12)
    z = np.clip(np.log(p) - np.log1p(-p), -CONFIDENCE_LOGIT_BOUND, CONFIDENCE_LOGIT_BOUND)
    return np.asarray(base * np.exp(slope * z))


def hold_back(scores: np.ndarray, first: np.ndarray, held: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """The candidates marked `held` may not move up: each keeps at least as many other conditions
    (equivalence `groups`, ranked once) above it as the first stage (`first`) put there. The learned
    stage (`scores`) may move them down, never up; the other candidates keep their scores.

    The conditions are placed best first by `scores`; a held one waits until as many others as the
    first stage put above it are placed, and its score goes just below the one placed before it."""
    if not held.any():
        return scores
    _, group = np.unique(groups, return_inverse=True)
    n_groups = int(group.max()) + 1
    best = np.full(n_groups, -np.inf)
    np.maximum.at(best, group, scores)
    best_first = np.full(n_groups, -np.inf)
    np.maximum.at(best_first, group, first)
    held_group = np.zeros(n_groups, dtype=bool)
    held_group[group[held]] = True
    # other conditions the first stage put above each condition
    above = (best_first[None, :] > best_first[:, None]).sum(axis=1).tolist()
    new = best.copy()
    order: list[int] = []  # the conditions as placed, best first
    waiting: list[int] = []  # held conditions not yet allowed, best score first

    def place_ready() -> None:
        while (ready := next((w for w in waiting if above[w] <= len(order)), None)) is not None:
            waiting.remove(ready)
            order.append(ready)

    for g in np.argsort(-best, kind="stable").tolist():
        if waiting:
            place_ready()
        if held_group[g] and above[g] > len(order):
            waiting.append(g)
        else:
            order.append(g)
    place_ready()  # all others are placed: the first stage put none of them below these
    order += waiting  # (not reached: the one of them first under `first` is always ready)
    # scores in the order placed: a condition placed below one with a lower score goes just below it
    previous = np.inf
    for g in order:
        new[g] = previous = min(best[g], previous - HOLD_BACK_MARGIN) if best[g] >= previous else best[g]
    lowered = new < best
    if not lowered.any():
        return scores
    return np.where(lowered[group], np.minimum(scores, new[group]), scores)


def _terms(query: Query) -> tuple[list[int], list[int]]:
    present = list(dict.fromkeys(query.present))
    seen = set(present)
    return present, [x for x in dict.fromkeys(query.excluded) if x not in seen]


def propagate(anc: sp.csr_matrix, freq: sp.csr_matrix) -> sp.csr_matrix:
    """implied[d, a] = the largest frequency of an annotation of d on a or on a descendant of a."""
    coo = freq.tocoo()
    lengths = np.diff(anc.indptr)[coo.col]
    total = int(lengths.sum())
    rows = np.repeat(coo.row, lengths)
    vals = np.repeat(coo.data, lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    cols = anc.indices[np.repeat(anc.indptr[coo.col], lengths) + offsets]
    n_terms = freq.shape[1]
    key = rows.astype(np.int64) * n_terms + cols
    order = np.lexsort((-vals, key))
    key, vals = key[order], vals[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, vals = key[first], vals[first]
    return sp.csr_matrix((vals.astype(np.float32), (key // n_terms, key % n_terms)), shape=freq.shape)


def _sum_sparse(size: int, parts: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Σ of vectors given as (rows, values), as float64, adding in the order given."""
    if not parts:
        return np.zeros(size)
    rows = np.concatenate([r for r, _ in parts])
    values = np.concatenate([v for _, v in parts]).astype(np.float64)
    return np.bincount(rows, weights=values, minlength=size).astype(np.float64, copy=False)


class ColumnSums:
    """``matrix @ x`` for an x that is nonzero on a query's terms only, from those columns only.

    The densest columns (terms most published cases have: *Phenotypic abnormality*, *Abnormality of the
    nervous system*, ...) are in almost every query and would be most of the entries gathered, so they
    are kept as dense rows and summed by one matrix-vector product."""

    DENSE_SHARE = 0.2  # a column with entries in more than this share of the rows is kept dense

    def __init__(self, matrix: sp.spmatrix) -> None:
        csc = sp.csc_matrix(matrix)
        n_rows, n_columns = csc.shape
        dense = np.flatnonzero(np.diff(csc.indptr) > self.DENSE_SHARE * n_rows)
        self.position = np.full(n_columns, -1, dtype=np.int64)
        self.position[dense] = np.arange(len(dense))
        self.dense = np.asarray(csc[:, dense].T.toarray(), dtype=np.float64)  # (dense columns × rows)
        keep = np.ones(n_columns)
        keep[dense] = 0.0
        self.sparse = sp.csc_matrix(csc @ sp.diags(keep.astype(csc.dtype)))
        self.sparse.eliminate_zeros()
        self.shape = csc.shape

    def sums(self, columns: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """Σ over `columns` (sorted, distinct) of weights[i] (or 1) × column i."""
        position = self.position[columns]
        is_dense = position >= 0
        sparse_weights = None if weights is None else weights[~is_dense]
        sums = _column_sums(self.sparse, columns[~is_dense], sparse_weights)
        if is_dense.any():
            dense_weights = np.ones(int(is_dense.sum())) if weights is None else weights[is_dense]
            sums += np.asarray(dense_weights, dtype=np.float64) @ self.dense[position[is_dense]]
        return sums


def _column_sums(matrix: sp.csc_matrix, columns: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """``matrix @ x`` for an x that is `weights` (or 1) on `columns` (sorted) and 0 elsewhere, from those
    columns only: a query covers a few hundred of the ~19,000 terms."""
    starts = matrix.indptr[columns]
    lengths = matrix.indptr[columns + 1] - starts
    at = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    values = matrix.data[at].astype(np.float64)
    if weights is not None:
        values *= np.repeat(weights, lengths)
    sums = np.bincount(matrix.indices[at], weights=values, minlength=matrix.shape[0])
    return sums.astype(np.float64, copy=False)  # (int64 when no column has an entry)


def _among(values: np.ndarray, members: np.ndarray, size: int) -> np.ndarray:
    """np.isin for small non-negative ints below `size`, without its sorting (called per term per query)."""
    if len(members) == 0:
        return np.zeros(len(values), dtype=bool)
    mask = np.zeros(size, dtype=bool)
    mask[members] = True
    return mask[values]


def _ranks(scores: np.ndarray) -> np.ndarray:
    """0 for the best score, then the number of better scores (ties share a rank; scores are compared
    to 4 decimals, so that float noise does not split a tie)."""
    order, keys = _sorted_keys(scores)  # keys: the rounded scores, best first
    starts = np.empty(len(keys), dtype=bool)
    starts[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    positions = np.where(starts, np.arange(len(keys)), 0)
    ranks = np.empty(len(scores))
    ranks[order] = np.maximum.accumulate(positions)
    return ranks


_INDEX_BITS = 20  # conditions per ranking packed with their score (2^20 > 13,300 with room)


def _sorted_keys(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The order of `scores`, best first, and the scores (×10^4, rounded, negated) in that order.

    Each key is packed with its index into one int64 and sorted with `np.sort`, which NumPy
    vectorises (x86-simd-sort) and `np.argsort` does not: about 2x faster on 13,300 conditions. Ties
    come out in any order, as with a quicksort."""
    keys = np.rint(scores * -1e4)
    n = len(keys)
    if n and np.isfinite(keys).all() and n < 1 << _INDEX_BITS:
        low, high = keys.min(), keys.max()
        if high - low < 2.0 ** (62 - _INDEX_BITS):
            packed = ((keys - low).astype(np.int64) << _INDEX_BITS) | np.arange(n)
            packed.sort()
            return packed & ((1 << _INDEX_BITS) - 1), packed >> _INDEX_BITS
    order = np.argsort(keys)  # infinite, NaN or huge scores
    return order, keys[order]


def _column_max(matrix: sp.csc_matrix) -> np.ndarray:
    result = np.zeros(matrix.shape[1])
    nonempty = np.flatnonzero(np.diff(matrix.indptr))
    if len(nonempty):
        result[nonempty] = np.maximum.reduceat(matrix.data, matrix.indptr[nonempty])
    return result
