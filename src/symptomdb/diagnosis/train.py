"""Learning the feature weights of the ranking model from published cases, held out by publication.

Cases are split into folds by their source (the PMID of the publication), with a fixed hash so that any
case, including one we have never seen, falls in a known fold. To score a case of fold f the engine
uses case profiles built without fold f, and weights fitted without fold f (`fold_weights`); the
weights for unseen publications (`weights`) are fitted on every fold. Within training, each case's
features come from profiles built without its own fold as well (out-of-fold stacking), so that the
weights do not learn to trust profiles that contain the case itself.

The fit is a conditional logit: softmax over candidate conditions, the truth's probability maximised,
L2-regularised, with L-BFGS.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.optimize

from symptomdb.diagnosis.model import DiagnosisModel, ExtraCase, build_model, onset_class_of
from symptomdb.diagnosis.rank import (
    DEFAULT_WEIGHTS,
    FEATURES,
    RANKER_FEATURES,
    RERANK_K,
    Engine,
    EngineParams,
    Query,
)

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge

N_FOLDS = 5


def fold_of(source: str, n_folds: int = N_FOLDS) -> int:
    """The fold of a publication (stable across runs and machines)."""
    digest = hashlib.sha1(source.strip().upper().encode()).digest()
    return int.from_bytes(digest[:4], "big") % n_folds


@dataclass
class LabelledQuery:
    query: Query
    truth: frozenset[int]  # condition rows that count as correct (equivalent entries included)
    source: str


@dataclass
class Example:
    features: np.ndarray  # (candidates × FEATURES)
    truth: np.ndarray  # (candidates,) bool


ModelBuilder = Callable[[Sequence[ExtraCase]], DiagnosisModel]
QueryMaker = Callable[[DiagnosisModel, ExtraCase], LabelledQuery | None]


def make_examples(
    engine: Engine,
    queries: Sequence[LabelledQuery],
    n_top: int = 100,
    n_per_feature: int = 40,
    n_random: int = 200,
    seed: int = 0,
) -> list[Example]:
    """Candidate sets for the fit: the truth, the top conditions by the default score and by each
    evidence feature (hard negatives from every source), and random others."""
    rng = np.random.default_rng(seed)
    base = np.array([DEFAULT_WEIGHTS.get(f, 0.0) for f in FEATURES])
    n_cond = engine.model.n_conditions
    examples = []
    for lq in queries:
        if not lq.truth:
            continue
        feats = engine.features(lq.query)
        parts = [
            _top(feats @ base, n_top),
            rng.integers(0, n_cond, n_random),
            np.fromiter(lq.truth, dtype=np.int64),
        ]
        for name in MINED_FEATURES:
            parts.append(_top(feats[:, FEATURES.index(name)], n_per_feature))
        rows = np.unique(np.concatenate(parts))
        examples.append(Example(feats[rows].astype(np.float32), np.isin(rows, list(lq.truth))))
    return examples


# The features the fit uses: the knowledge base's likelihood ratio counts observed and excluded terms
# alike (`lr_kb`), the other features are free.
ACTIVE_FEATURES: tuple[str, ...] = tuple(f for f in FEATURES if f not in ("obs_kb", "excl_kb"))

# Bounds on the weights (in feature units) that keep the model's meaning: an absent frequent feature
# counts against a condition (at least log(1 - eta f)), contradictions never help, matches never hurt.
WEIGHT_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "lr_kb": (0.0, None),
    "obs_kb": (0.0, None),
    "obs_case": (0.0, None),
    "excl_kb": (0.0, None),
    "neg_obs": (None, 0.0),
    "excl_vfreq": (None, 0.0),
    "onset_mismatch": (None, 0.0),
    "sex_mismatch": (None, 0.0),
    "xlr_female": (None, 0.0),
}

MINED_FEATURES = ("obs_kb", "excl_rel", "obs_case", "knn_max", "knn_mean", "knn_excl")


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    n = min(n, len(scores) - 1)
    return np.argpartition(-scores, n)[:n]


def fit_weights(
    examples: Sequence[Example], l2: float = 1e-3, active: Sequence[str] | None = None
) -> dict[str, float]:
    """Maximise Σ log P(truth | candidates) under a softmax of the weighted features."""
    if not examples:
        return dict(DEFAULT_WEIGHTS)
    stacked = np.vstack([e.features for e in examples]).astype(np.float64)
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    used = (scale > 1e-9) & np.isin(FEATURES, list(active or ACTIVE_FEATURES))
    scale[~used] = 1.0
    xs = [((e.features - mean) / scale)[:, used] for e in examples]
    ts = [e.truth for e in examples]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total = 0.0
        grad = np.zeros_like(w)
        for x, t in zip(xs, ts, strict=True):
            s = x @ w
            s -= s.max()
            e = np.exp(s)
            z = e.sum()
            et = e[t]
            zt = et.sum()
            total -= float(np.log(zt / z))
            grad += x.T @ (e / z) - x[t].T @ (et / zt)
        n = len(xs)
        return total / n + l2 * float(w @ w), grad / n + 2 * l2 * w

    names = [f for f, u in zip(FEATURES, used, strict=True) if u]
    bounds = [
        tuple(
            b * scale[FEATURES.index(n)] if b is not None else None
            for b in WEIGHT_BOUNDS.get(n, (None, None))
        )
        for n in names
    ]
    start = np.array([lo if lo is not None and lo > 0 else 0.0 for lo, _ in bounds])
    result = scipy.optimize.minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    weights = np.zeros(len(FEATURES))
    weights[used] = result.x / scale[used]
    return {f: float(w) for f, w in zip(FEATURES, weights, strict=True) if w != 0.0}


def top_candidates(
    examples: Sequence[Example], weights: dict[str, float], k: int = RERANK_K
) -> list[Example]:
    """Each example cut to its `k` best candidates under `weights` (the first stage), for the second
    stage: examples whose truth is not among them are left out (the second stage cannot help them)."""
    w = np.array([weights.get(f, 0.0) for f in FEATURES])
    out = []
    for e in examples:
        scores = e.features.astype(np.float64) @ w
        keep = np.argsort(-scores, kind="stable")[:k]
        if e.truth[keep].any():
            out.append(Example(e.features[keep], e.truth[keep]))
    return out


def fit_two_stages(
    examples: Sequence[Example], l2: float, active: Sequence[str] | None, k: int = RERANK_K
) -> tuple[dict[str, float], dict[str, float], float]:
    """First-stage weights over all candidates, then second-stage weights over their best `k`; and the
    share of examples whose truth is among those `k` (the probability the candidates get together)."""
    first = fit_weights(examples, l2, active)
    second = top_candidates(examples, first, k)
    coverage = len(second) / max(sum(1 for e in examples if e.truth.any()), 1)
    return first, fit_weights(second, l2, active), coverage


def short_query(lq: LabelledQuery, rng: np.random.Generator) -> LabelledQuery:
    """A few of a case's findings, as someone typing them would give: 1-5 present, 0-2 absent."""
    q = lq.query
    n_present = min(len(q.present), int(rng.integers(1, 6)))
    n_absent = min(len(q.excluded), int(rng.integers(0, 3)))
    present = (
        tuple(int(x) for x in rng.choice(q.present, n_present, replace=False)) if n_present else q.present
    )
    absent = tuple(int(x) for x in rng.choice(q.excluded, n_absent, replace=False)) if n_absent else ()
    return LabelledQuery(Query(present, absent, q.sex, q.onset), lq.truth, lq.source)


@dataclass
class TrainedWeights:
    weights: dict[str, float]  # for publications outside the training set
    fold_weights: list[dict[str, float]]  # fold_weights[f]: fitted without fold f (nested)
    n_folds: int
    params: EngineParams
    rerank: dict[str, float] | None = None  # second stage over the first stage's best `rerank_k`
    rerank_fold: list[dict[str, float]] | None = None
    rerank_k: int = RERANK_K
    rerank_coverage: float | None = None


def train(
    cases: Sequence[ExtraCase],
    build: ModelBuilder,
    make_query: QueryMaker,
    params: EngineParams | None = None,
    n_folds: int = N_FOLDS,
    nested: bool = True,
    l2: float = 1e-3,
    active: Sequence[str] | None = None,
    augment: int = 1,
    log: Callable[[str], None] = lambda _: None,
    rerank_k: int | None = RERANK_K,
) -> TrainedWeights:
    """Fit the weights with out-of-fold features; with `nested`, also one set per held-out fold."""
    params = params or EngineParams()
    folds = [fold_of(c.source, n_folds) for c in cases]

    def examples_for(held: frozenset[int], target: int) -> list[Example]:
        train_cases = [c for c, f in zip(cases, folds, strict=True) if f not in held and f != target]
        engine = Engine(build(train_cases), params)
        queries = []
        rng = np.random.default_rng(target)
        for c, f in zip(cases, folds, strict=True):
            if f == target:
                lq = make_query(engine.model, c)
                if lq is not None:
                    queries.append(lq)
                    queries += [short_query(lq, rng) for _ in range(augment)]
        return make_examples(engine, queries, seed=target)

    def fit(examples: list[Example]) -> tuple[dict[str, float], dict[str, float] | None, float | None]:
        if rerank_k is None:
            return fit_weights(examples, l2, active), None, None
        return fit_two_stages(examples, l2, active, rerank_k)

    fold_weights: list[dict[str, float]] = []
    rerank_fold: list[dict[str, float]] = []
    if nested:
        for outer in range(n_folds):
            examples: list[Example] = []
            for inner in range(n_folds):
                if inner != outer:
                    examples += examples_for(frozenset({outer}), inner)
            first, second, _ = fit(examples)
            fold_weights.append(first)
            if second is not None:
                rerank_fold.append(second)
            log(f"fold {outer}: fitted on {len(examples)} cases")
    examples = []
    for target in range(n_folds):
        examples += examples_for(frozenset(), target)
    weights, rerank, coverage = fit(examples)
    log(f"all folds: fitted on {len(examples)} cases")
    return TrainedWeights(
        weights,
        fold_weights,
        n_folds,
        params,
        rerank=rerank,
        rerank_fold=rerank_fold if rerank is not None else None,
        rerank_k=rerank_k or RERANK_K,
        rerank_coverage=coverage,
    )


# --- cases of the knowledge base ---------------------------------------------------------------------------


def term_rows(knowledge: Knowledge, model: DiagnosisModel, ids: Iterable[str]) -> tuple[int, ...]:
    """Model rows of HPO ids (alternative and obsolete ids mapped; unknown ids left out)."""
    from symptomdb.knowledge.store import UnknownIdError

    rows: dict[int, None] = {}
    for tid in ids:
        try:
            primary = knowledge.primary_term_id(tid)
        except UnknownIdError:
            continue
        if primary in model.term_index:
            rows[model.term_index[primary]] = None
    return tuple(rows)


def truth_rows(knowledge: Knowledge, model: DiagnosisModel, condition_ids: Iterable[str]) -> frozenset[int]:
    """Rows that count as the right answer: the conditions and their MONDO-equivalent entries."""
    rows: set[int] = set()
    for cid in condition_ids:
        normal = knowledge.normalise_condition_id(cid) or cid.strip()
        if normal in model.condition_index:
            rows.add(model.condition_index[normal])
    groups = {int(model.group[r]) for r in rows}
    if groups:
        rows.update(np.flatnonzero(np.isin(model.group, list(groups))).tolist())
    return frozenset(rows)


def query_of(
    knowledge: Knowledge,
    model: DiagnosisModel,
    present: Sequence[str],
    excluded: Sequence[str],
    sex: str | None,
    onset: str | None,
) -> Query:
    """The engine's query for a published case's findings (an unreadable onset counts as not given)."""
    onset_class = None
    if onset:
        try:
            onset_class = onset_class_of(knowledge, onset)
        except ValueError:
            onset_class = None
    return Query(
        term_rows(knowledge, model, present), term_rows(knowledge, model, excluded), sex, onset_class
    )


def case_query(knowledge: Knowledge, model: DiagnosisModel, case: ExtraCase) -> LabelledQuery:
    query = query_of(knowledge, model, case.present, case.excluded, case.sex, case.onset)
    return LabelledQuery(query, truth_rows(knowledge, model, [case.condition_id]), case.source)


def train_on_cases(
    knowledge: Knowledge,
    cases: Sequence[ExtraCase],
    params: EngineParams | None = None,
    nested: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> TrainedWeights:
    # The knowledge base stays whole here, its annotations from a case's own publication included: the
    # benchmark's fold engines hold those out (`service.get_engine`), but training with them held out too
    # ranked the held-out cases no better (top-1 0.418 vs 0.426 on every 4th case) and those HPO cites
    # worse with the whole knowledge base (0.809 vs 0.860).
    return train(
        cases,
        lambda subset: build_model(knowledge, subset),
        lambda model, case: case_query(knowledge, model, case),
        params,
        nested=nested,
        log=log,
    )


# --- the learned second stage (`ranker.py`) ---------------------------------------------------------


@dataclass
class RankerData:
    """Candidate lists (exactly the first stage's best k) of one engine's queries, for one target model."""

    target: int | None  # the outer fold the ranker is for (None: the shipped one)
    features: np.ndarray  # (Σ candidates × RANKER_FEATURES), float32
    labels: np.ndarray  # 1 for the truth (and its equivalent entries)
    groups: np.ndarray  # candidates per query (queries whose truth is not among them are left out)

    @staticmethod
    def concatenate(parts: Sequence[RankerData], target: int | None) -> RankerData:
        return RankerData(
            target,
            np.vstack([p.features for p in parts]),
            np.concatenate([p.labels for p in parts]),
            np.concatenate([p.groups for p in parts]),
        )


def ranker_data(
    engine: Engine, queries: Sequence[LabelledQuery], target: int | None, k: int = RERANK_K
) -> RankerData:
    """Each query's first-stage best `k` and their features, as `Engine.raw_score` computes them. Not
    the conditions that join them at query time by published-case similarity (`Engine.case_k`): rankers
    fitted with those ranked no better and behaved worse on the medical-sense probes (README).

    The truth is never patched into a list it is not in (a query without it is left out): at query
    time the candidates are the first stage's best k (and the joiners), and a patched-in truth would be
    betrayed by its first-stage rank."""
    from symptomdb.diagnosis.service import normalise_sex

    xs, ys, groups = [], [], []
    for lq in queries:
        q = lq.query
        if not q.present or not lq.truth:
            continue
        query = Query(q.present, q.excluded, normalise_sex(q.sex), q.onset)
        top, matrix = engine.candidate_features(query, k, case_k=0)
        label = np.isin(top, list(lq.truth))
        if label.any():
            xs.append(matrix.astype(np.float32))
            ys.append(label.astype(np.int32))
            groups.append(len(top))
    width = len(RANKER_FEATURES)
    return RankerData(
        target,
        np.vstack(xs) if xs else np.empty((0, width), dtype=np.float32),
        np.concatenate(ys) if ys else np.empty(0, dtype=np.int32),
        np.array(groups, dtype=np.int64),
    )
