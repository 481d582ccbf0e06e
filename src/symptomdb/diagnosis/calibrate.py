"""Calibration of the engine's probabilities: one temperature per query that divides the final scores.

The probability shown for a condition is the softmax of the scores over all conditions (summed over a
disease's MONDO-equivalent entries). The weights are fitted on candidate lists that contain the truth,
and the second stage lifts its candidates above all others, so the raw softmax is over-confident. A
temperature T (score / T, monotone: the ranking does not change) is fitted on held-out predictions so
that the mean probability of the first condition equals the share of cases where it is right (cases
whose diagnosis the engine does not know count as wrong: the probability is that of being right, not
of being right given that the answer is among the conditions).

One temperature for all queries is not enough: by number of findings, and within that by how confident
the raw scores are (`fit_confidence`: log T = log T0 + slope · logit of the raw top-1 probability, fitted
by log loss), since with one temperature per bin the engine was under-confident where its raw first
condition was clear (0.75 shown, right 0.89 of the time) and over-confident where it was not (0.15 shown,
right 0.07).

Held out like the weights: every case's prediction comes from the engine of its fold (profiles and
weights fitted without its publications); the temperature used for fold f (`temperature_fold[f]`) is
fitted on the predictions of the other folds' cases, the shipped one on all of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from pydantic import BaseModel

from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.rank import Engine, Query, confidence_temperature

if TYPE_CHECKING:
    from symptomdb.diagnosis.model import ExtraCase
    from symptomdb.knowledge.store import Knowledge

# Temperatures tried (geometric, 6.7 % apart); the fit interpolates between them on log T.
TEMPERATURE_GRID = np.geomspace(0.25, 16.0, 65)
RELIABILITY_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# Queries binned by their number of observed findings (from these counts on), one temperature per bin:
# a few findings and a whole published case are not over-confident by the same amount.
FINDINGS_BINS = (1, 3, 6, 11, 21)
MIN_BIN_CASES = 100  # fewer predictions in a bin: the overall temperature
Fitted = TypeVar("Fitted")


def top1_curve(scores: np.ndarray, group: np.ndarray, grid: np.ndarray = TEMPERATURE_GRID) -> np.ndarray:
    """`top1_probability` at every temperature of `grid` (one row of the fit's table)."""
    best = int(np.argmax(scores))
    gap = scores - scores[best]
    keep = gap > -50.0 * float(grid.max())  # the others weigh < e^-50 relative to the best at any T
    gap, members = gap[keep], group[keep] == group[best]
    weights = np.exp(gap[None, :] / grid[:, None])
    return np.asarray(weights[:, members].sum(axis=1) / weights.sum(axis=1))


def fit_temperature(curves: np.ndarray, correct: np.ndarray, grid: np.ndarray = TEMPERATURE_GRID) -> float:
    """The temperature at which the mean top-1 probability equals the top-1 accuracy.

    `curves[i, j]`: case i's top-1 probability at temperature grid[j]; `correct[i]`: its first condition
    is right. Interpolated on log T between the grid's points; clipped to the grid."""
    if len(curves) == 0:
        return 1.0
    mean = np.asarray(curves).mean(axis=0)
    target = float(np.mean(correct))
    if mean[0] <= target:
        return float(grid[0])
    if mean[-1] >= target:
        return float(grid[-1])
    j = int(np.argmax(mean <= target))  # the first temperature at which the engine is not over-confident
    x0, x1 = np.log(grid[j - 1]), np.log(grid[j])
    y0, y1 = mean[j - 1], mean[j]
    share = (y0 - target) / (y0 - y1) if y0 != y1 else 0.0
    return float(np.exp(x0 + share * (x1 - x0)))


def raw_top1(curves: np.ndarray, grid: np.ndarray = TEMPERATURE_GRID) -> np.ndarray:
    """Each case's top-1 probability at temperature 1 (interpolated on the grid)."""
    return _at(curves, np.zeros(len(curves)), grid)


def _at(curves: np.ndarray, log_t: np.ndarray, grid: np.ndarray = TEMPERATURE_GRID) -> np.ndarray:
    """Each row's curve at its own log temperature (linear on log T, clipped to the grid)."""
    log_grid = np.log(grid)
    x = np.clip(log_t, log_grid[0], log_grid[-1])
    j = np.clip(np.searchsorted(log_grid, x), 1, len(log_grid) - 1)
    rows = np.arange(len(curves))
    y0, y1 = curves[rows, j - 1], curves[rows, j]
    return np.asarray(y0 + (x - log_grid[j - 1]) / (log_grid[j] - log_grid[j - 1]) * (y1 - y0))


def fit_confidence(curves: np.ndarray, correct: np.ndarray) -> tuple[float, float]:
    """(T0, slope) of `rank.confidence_temperature` minimising the log loss of the top-1 probability
    against whether the first condition was right; starts from the single temperature of
    `fit_temperature` (slope 0)."""
    from scipy.optimize import minimize

    if len(curves) == 0:
        return 1.0, 0.0
    raw = raw_top1(curves)
    right = np.asarray(correct, dtype=np.float64)

    def log_loss(v: np.ndarray) -> float:
        t = confidence_temperature(float(np.exp(v[0])), float(v[1]), raw)
        p = np.clip(_at(curves, np.log(t)), 1e-9, 1.0 - 1e-9)
        return float(-np.mean(right * np.log(p) + (1.0 - right) * np.log1p(-p)))

    start = np.array([np.log(fit_temperature(curves, correct)), 0.0])
    found = minimize(log_loss, start, method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-8})
    return float(np.exp(found.x[0])), float(found.x[1])


def fit_nested(
    folds: np.ndarray, curves: np.ndarray, correct: np.ndarray, n_folds: int
) -> tuple[float, list[float]]:
    """One temperature on all predictions, and one per fold fitted without that fold's predictions."""
    per_fold = [fit_temperature(curves[folds != f], correct[folds != f]) for f in range(n_folds)]
    return fit_temperature(curves, correct), per_fold


class ReliabilityBin(BaseModel):
    low: float
    high: float
    cases: int
    mean_probability: float | None
    accuracy: float | None


def reliability(
    probabilities: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    edges: Sequence[float] = RELIABILITY_EDGES,
) -> list[ReliabilityBin]:
    """Cases binned by the probability of their first condition: its mean, and how often it was right."""
    p = np.asarray(probabilities, dtype=np.float64)
    c = np.asarray(correct, dtype=bool)
    out = []
    for i, (low, high) in enumerate(itertools.pairwise(edges)):
        last = i == len(edges) - 2
        inside = (p >= low) & ((p <= high) if last else (p < high))
        n = int(inside.sum())
        out.append(
            ReliabilityBin(
                low=low,
                high=high,
                cases=n,
                mean_probability=round(float(p[inside].mean()), 4) if n else None,
                accuracy=round(float(c[inside].mean()), 4) if n else None,
            )
        )
    return out


def is_correct(scores: np.ndarray, group: np.ndarray, truth: frozenset[int]) -> bool:
    """The first-ranked disease is the truth (or a MONDO-equivalent entry of it)."""
    best = int(np.argmax(scores))
    return bool(truth) and int(group[best]) in {int(group[r]) for r in truth}


@dataclass
class Predictions:
    folds: np.ndarray  # (cases,) the fold of each case's publication
    curves: np.ndarray  # (cases × TEMPERATURE_GRID) top-1 probability at each temperature
    correct: np.ndarray  # (cases,) bool
    findings: np.ndarray  # (cases,) the number of observed findings of the query

    def __add__(self, other: Predictions) -> Predictions:
        return Predictions(
            np.r_[self.folds, other.folds],
            np.vstack([self.curves, other.curves]),
            np.r_[self.correct, other.correct],
            np.r_[self.findings, other.findings],
        )


def bin_of(findings: np.ndarray, bins: Sequence[int] = FINDINGS_BINS) -> np.ndarray:
    """The index of each count's bin (counts below the first bin go to the first)."""
    return np.maximum(np.searchsorted(np.asarray(bins), findings, side="right") - 1, 0)


def fit_by_findings(
    p: Predictions, n_folds: int, bins: Sequence[int] = FINDINGS_BINS
) -> tuple[list[float], list[list[float]]]:
    """One temperature per findings bin on all predictions, and per fold without that fold's."""
    return _fit_per_bin(p, n_folds, bins, fit_temperature)


def fit_confidence_by_findings(
    p: Predictions, n_folds: int, bins: Sequence[int] = FINDINGS_BINS
) -> tuple[list[tuple[float, float]], list[list[tuple[float, float]]]]:
    """`fit_confidence` per findings bin on all predictions, and per fold without that fold's."""
    return _fit_per_bin(p, n_folds, bins, fit_confidence)


def _fit_per_bin(
    p: Predictions, n_folds: int, bins: Sequence[int], fit: Callable[[np.ndarray, np.ndarray], Fitted]
) -> tuple[list[Fitted], list[list[Fitted]]]:
    """`fit` per findings bin (a bin with too few predictions gets the fit over all of them), on all
    predictions and, per fold, on the other folds' predictions."""
    which = bin_of(p.findings, bins)

    def per_bin(mask: np.ndarray) -> list[Fitted]:
        overall = fit(p.curves[mask], p.correct[mask])
        out = []
        for b in range(len(bins)):
            inside = mask & (which == b)
            out.append(fit(p.curves[inside], p.correct[inside]) if inside.sum() >= MIN_BIN_CASES else overall)
        return out

    everything = np.ones(len(p.correct), dtype=bool)
    return per_bin(everything), [per_bin(p.folds != f) for f in range(n_folds)]


def out_of_fold_predictions(
    knowledge: Knowledge,
    cases: Sequence[ExtraCase],
    cache_dir: Path | None = None,
    data_dir: Path = bundle.DATA_DIR,
    shorten: bool = False,
    progress: Callable[[int], None] = lambda _: None,
) -> Predictions:
    """Every case ranked by the engine of its publication's fold (uncalibrated scores).

    With `shorten`, a shortened copy of each case (1-5 findings, 0-2 absent, as `train.short_query`)
    instead: the kind of query the symptom checker gets."""
    from symptomdb.diagnosis.service import get_engine, normalise_sex
    from symptomdb.diagnosis.train import case_query, fold_of, short_query

    weights = bundle.load_weights(data_dir)
    folds, curves, correct, findings = [], [], [], []
    by_fold: dict[int, list[ExtraCase]] = {}
    for case in cases:
        by_fold.setdefault(fold_of(case.source, weights.n_folds), []).append(case)
    done = 0
    for fold in sorted(by_fold):
        engine: Engine = get_engine(knowledge, cache_dir, held_out_fold=fold, data_dir=data_dir, warm=True)
        rng = np.random.default_rng(fold)
        for case in by_fold[fold]:
            lq = case_query(knowledge, engine.model, case)
            if shorten:
                lq = short_query(lq, rng)
            query = Query(lq.query.present, lq.query.excluded, normalise_sex(lq.query.sex), lq.query.onset)
            done += 1
            progress(done)
            if not query.present:
                continue
            raw = engine.raw_score(query)
            folds.append(fold)
            curves.append(top1_curve(raw, engine.model.group))
            correct.append(is_correct(raw, engine.model.group, lq.truth))
            findings.append(len(set(query.present)))
    return Predictions(
        np.array(folds, dtype=np.int64),
        np.array(curves).reshape(len(curves), len(TEMPERATURE_GRID)),
        np.array(correct, dtype=bool),
        np.array(findings, dtype=np.int64),
    )


def at_temperatures(
    predictions: Predictions,
    temperatures: Sequence[float] | Sequence[Sequence[float]] | Sequence[Sequence[tuple[float, float]]],
    bins: Sequence[int] = FINDINGS_BINS,
) -> np.ndarray:
    """Each case's top-1 probability at the temperature of its fold (temperatures[fold]), or of its
    fold and findings bin (temperatures[fold][bin]: T, or (T0, slope) of `confidence_temperature`);
    interpolated on the grid."""
    which = bin_of(predictions.findings, bins)
    raw = raw_top1(predictions.curves)
    log_t = np.zeros(len(raw))
    for i, (f, b) in enumerate(zip(predictions.folds, which, strict=True)):
        t = temperatures[f]
        value = t if isinstance(t, (int, float)) else t[b]
        if isinstance(value, tuple):
            value = float(confidence_temperature(value[0], value[1], raw[i]))
        log_t[i] = np.log(value)
    return _at(predictions.curves, log_t)


def calibration_error(
    probabilities: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    edges: Sequence[float] = RELIABILITY_EDGES,
) -> float:
    """Expected calibration error: over the probability bands, the case-weighted mean gap between the
    mean top-1 probability and the share of cases where the first condition was right."""
    p = np.asarray(probabilities, dtype=np.float64)
    c = np.asarray(correct, dtype=np.float64)
    band = np.clip(np.searchsorted(np.asarray(edges), p, side="right") - 1, 0, len(edges) - 2)
    gaps = [abs(p[band == b].mean() - c[band == b].mean()) * (band == b).sum() for b in np.unique(band)]
    return float(sum(gaps) / max(len(p), 1))
