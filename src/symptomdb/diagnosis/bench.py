"""`symptomdb bench diagnose`: top-k accuracy, MRR and speed on phenopackets, engine and baseline in one run.

A case is correct at k if its diagnosis (OMIM id from `interpretations`/`diseases`) or a
MONDO-equivalent entry is among the first k conditions (equivalent entries are ranked once).

Held-out protocol: a case from a publication the shipped model was trained on is ranked by the engine
for its publication's fold (profiles and weights fitted without that fold's publications, nested);
a case from any other publication is ranked by the shipped engine. Either way no case is ranked by a
model that saw its publication.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel

from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.baseline import ResnikBaseline
from symptomdb.diagnosis.calibrate import ReliabilityBin, calibration_error, is_correct, reliability
from symptomdb.diagnosis.model import DiagnosisModel, get_model
from symptomdb.diagnosis.phenopackets import PhenopacketCase, diagnosis_ids, iter_documents, parse_case
from symptomdb.diagnosis.rank import Engine, Query, top1_probability
from symptomdb.diagnosis.service import get_engine, held_out_sources, normalise_sex
from symptomdb.diagnosis.train import fold_of, query_of, truth_rows

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge


class Metrics(BaseModel):
    cases: int
    top1: float
    top3: float
    top10: float
    mrr: float
    p50_ms: float
    p95_ms: float


class BenchReport(BaseModel):
    engine: Metrics
    baseline: Metrics
    engine_uncached_p50_ms: float | None = None  # every case with the per-term cache emptied first
    engine_warm_p50_ms: float | None = None  # every case again, all its terms seen (a running site)
    speedup_p50: float
    cases_read: int
    cases_without_known_diagnosis: int  # diagnosis not among the ranked conditions (counted as wrong)
    cases_with_errors: int
    held_out_by_fold: int  # cases ranked by a fold model (their publication was in the training data)
    mean_top1_probability: float | None = None  # calibration: compare with top1
    mean_top1_probability_uncalibrated: float | None = None  # the same at temperature 1
    calibration_error: float | None = None  # expected calibration error of that probability (10 bands)
    temperatures: list[float] = []  # the shipped engine's calibration temperatures (by number of findings)
    confidence_slopes: list[float] = []  # ... and how each follows the raw confidence
    reliability: list[ReliabilityBin] = []  # cases by the probability of their first condition
    max_rss_mb: float
    protocol: str


def group_rank(scores: np.ndarray, group: np.ndarray, truth: frozenset[int]) -> int | None:
    """1-based position of the truth's group when each group is ranked by its best entry (stable order)."""
    if not truth:
        return None
    order = np.argsort(-scores, kind="stable")
    groups_in_order = group[order]
    _, first = np.unique(groups_in_order, return_index=True)
    ranked_groups = groups_in_order[np.sort(first)]
    target = {int(group[r]) for r in truth}
    positions = np.flatnonzero(np.isin(ranked_groups, list(target)))
    return int(positions[0]) + 1 if len(positions) else None


def _metrics(ranks: list[int | None], times: list[float]) -> Metrics:
    r = np.array([x if x is not None else 10**9 for x in ranks], dtype=np.float64)
    t = np.array(times) * 1000 if times else np.zeros(1)
    n = max(len(r), 1)
    return Metrics(
        cases=len(r),
        top1=round(float((r <= 1).sum() / n), 4),
        top3=round(float((r <= 3).sum() / n), 4),
        top10=round(float((r <= 10).sum() / n), 4),
        mrr=round(float((1.0 / r).sum() / n), 4),
        p50_ms=round(float(np.percentile(t, 50)), 3),
        p95_ms=round(float(np.percentile(t, 95)), 3),
    )


def run_benchmark(
    knowledge: Knowledge,
    path: Path,
    limit_cases: int | None = None,
    cache_dir: Path | None = None,
    uncached_timing: bool = True,
    progress: Callable[[int], None] = lambda _: None,
) -> BenchReport:
    weights = bundle.load_weights()
    trained_sources = {c.source for c in bundle.load_cases()}
    full = get_engine(knowledge, cache_dir, warm=True)
    baselines: dict[int | None, ResnikBaseline] = {}

    engine_ranks: list[int | None] = []
    baseline_ranks: list[int | None] = []
    engine_times: list[float] = []
    baseline_times: list[float] = []
    top1_probabilities: list[float] = []
    raw_top1_probabilities: list[float] = []
    top1_correct: list[bool] = []
    queries: list[tuple[Engine, Query]] = []
    n_read = n_errors = n_unknown = n_fold = 0
    for document in iter_documents(path):
        if limit_cases is not None and n_read >= limit_cases:
            break
        n_read += 1
        progress(n_read)
        case = parse_case(document)
        if not isinstance(case, PhenopacketCase):
            n_errors += 1
            continue
        engine, fold = full, None
        if case.source in trained_sources and weights.fold_weights:
            fold = fold_of(case.source, weights.n_folds)
            engine = get_engine(knowledge, cache_dir, held_out_fold=fold, warm=True)
            n_fold += 1
        query = _query(knowledge, engine.model, case)
        truth_ids = diagnosis_ids(document)
        truth = truth_rows(knowledge, engine.model, truth_ids)
        if not truth:
            n_unknown += 1

        (scores, temperature), seconds = _timed_ranking(engine.scores_and_temperature, query)
        engine_times.append(seconds)
        engine_ranks.append(group_rank(scores, engine.model.group, truth))
        if engine.learned:
            # the probability shown for the first condition (calibrated: scores are divided by T)
            group = engine.model.group
            top1_probabilities.append(top1_probability(scores, group))
            # back to the uncalibrated scores
            raw_top1_probabilities.append(top1_probability(scores, group, 1.0 / temperature))
            top1_correct.append(is_correct(scores, group, truth))
        queries.append((engine, query))

        if fold not in baselines:
            baselines[fold] = _fold_baseline(knowledge, cache_dir, fold)
        baseline_model = baselines[fold].model
        base_query = _query(knowledge, baseline_model, case)
        (base_scores, _), seconds = _timed_ranking(_untempered(baselines[fold]), base_query.present)
        baseline_times.append(seconds)
        baseline_ranks.append(
            group_rank(base_scores, baseline_model.group, truth_rows(knowledge, baseline_model, truth_ids))
        )

    warm = uncached = None
    if uncached_timing and queries:
        times = [_timed_ranking(engine.scores_and_temperature, query)[1] for engine, query in queries]
        warm = round(float(np.percentile(np.array(times) * 1000, 50)), 3)
        times = []
        for engine, query in queries:
            engine.clear_cache()
            times.append(_timed_ranking(engine.scores_and_temperature, query)[1])
        uncached = round(float(np.percentile(np.array(times) * 1000, 50)), 3)

    engine_metrics = _metrics(engine_ranks, engine_times)
    baseline_metrics = _metrics(baseline_ranks, baseline_times)
    return BenchReport(
        engine=engine_metrics,
        baseline=baseline_metrics,
        engine_uncached_p50_ms=uncached,
        engine_warm_p50_ms=warm,
        speedup_p50=round(baseline_metrics.p50_ms / max(engine_metrics.p50_ms, 1e-6), 2),
        cases_read=n_read,
        cases_without_known_diagnosis=n_unknown,
        cases_with_errors=n_errors,
        held_out_by_fold=n_fold,
        mean_top1_probability=round(float(np.mean(top1_probabilities)), 4) if top1_probabilities else None,
        mean_top1_probability_uncalibrated=(
            round(float(np.mean(raw_top1_probabilities)), 4) if raw_top1_probabilities else None
        ),
        calibration_error=(
            round(calibration_error(top1_probabilities, top1_correct), 4) if top1_probabilities else None
        ),
        temperatures=[b[1] for b in weights.temperature_by_findings()] or [weights.temperature],
        confidence_slopes=[b[2] for b in weights.temperature_by_findings()],
        reliability=reliability(top1_probabilities, top1_correct) if top1_probabilities else [],
        max_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        protocol=(__doc__ or "").split("Held-out protocol: ", 1)[-1].strip().replace("\n", " "),
    )


def _fold_baseline(knowledge: Knowledge, cache_dir: Path | None, fold: int | None) -> ResnikBaseline:
    """The baseline over the knowledge base that the fold's engine has: without the annotations that
    only the fold's publications are behind (as `get_engine` holds them out), so the comparison is fair."""
    if fold is None:
        return ResnikBaseline(get_model(knowledge, cache_dir))
    withheld = held_out_sources(fold)
    key = f"baseline:{fold}:withheld:{len(withheld)}"
    return ResnikBaseline(get_model(knowledge, cache_dir, key=key, withheld_sources=withheld))


def _untempered(baseline: ResnikBaseline) -> Callable[[Sequence[int]], tuple[np.ndarray, float]]:
    return lambda present: (baseline.score(present), 1.0)


def _timed_ranking(
    score: Callable[[Any], tuple[np.ndarray, float]], query: Any
) -> tuple[tuple[np.ndarray, float], float]:
    """Scores of every condition (and the calibration temperature that divided them), and the seconds
    taken to compute them and order the best 50 (what `diagnose --jsonl` does per case)."""
    start = time.perf_counter()
    scores, temperature = score(query)
    order = np.argpartition(-scores, 50)[:50]
    order[np.argsort(-scores[order], kind="stable")]
    return (scores, temperature), time.perf_counter() - start


def _query(knowledge: Knowledge, model: DiagnosisModel, case: PhenopacketCase) -> Query:
    return query_of(knowledge, model, case.present, case.excluded, normalise_sex(case.sex), case.onset)
