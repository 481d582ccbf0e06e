"""Fit the diagnosis engine's weights on published cases and write the shipped bundle.

    python benchmarks/diagnosis-train.py ../shared/data/phenopacket-store/phenopackets-public.zip

Reads GA4GH phenopackets (file, directory or ZIP), keeps the cases whose diagnosis is an OMIM (or
Orphanet) id, and writes `src/symptomdb/diagnosis/data/cases.jsonl.gz` (the cases' terms, for the
profiles) and `weights.json` (weights for new publications, and nested per-fold weights for the
held-out benchmark), then fits the calibration temperature on the held-out predictions of those fold
engines (`--calibrate-only`: only that, with the weights already in `--out`). Uses the knowledge base
of the current settings (SYMPTOMDB_DATA_DIR / _DATABASE_URL).
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from symptomdb.context import SymptomDB
from symptomdb.diagnosis import bundle, calibrate, ranker, train
from symptomdb.diagnosis.model import ExtraCase, build_model
from symptomdb.diagnosis.phenopackets import (
    PhenopacketCase,
    diagnosis_ids,
    diagnosis_label,
    iter_documents,
    parse_case,
)
from symptomdb.diagnosis.rank import RANKER_FEATURES, Engine, EngineParams
from symptomdb.diagnosis.train import N_FOLDS, train_on_cases

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge


def read_cases(path: Path) -> list[ExtraCase]:
    cases = []
    for document in iter_documents(path):
        case = parse_case(document)
        truth = [i for i in diagnosis_ids(document) if i.upper().startswith(("OMIM:", "ORPHA:"))]
        if not isinstance(case, PhenopacketCase) or not truth or not case.source:
            continue
        cases.append(
            ExtraCase(
                condition_id=truth[0],
                condition_name=diagnosis_label(document, truth[0]) or truth[0],
                source=case.source,
                present=case.present,
                excluded=case.excluded,
                sex=case.sex,
                onset=case.onset,
                id=case.id,
            )
        )
    return cases


def fit_calibration(knowledge: Knowledge, out: Path, log: Callable[[str], None]) -> None:
    """Fit the temperatures on held-out predictions of the bundle's fold engines, into weights.json:
    one overall (on the whole cases), and per number-of-findings bin a temperature and its slope in the
    raw confidence (on the whole cases and one shortened copy of each, as the symptom checker gets them)."""
    cases = bundle.load_cases(out)
    n_folds = bundle.load_weights(out).n_folds
    cache_dir = SymptomDB().settings.cache_dir
    full = calibrate.out_of_fold_predictions(knowledge, cases, cache_dir, out)
    log(f"calibration: {len(full.correct):,} held-out predictions")
    short = calibrate.out_of_fold_predictions(knowledge, cases, cache_dir, out, shorten=True)
    log(f"calibration: {len(short.correct):,} shortened queries")
    pooled = full + short
    temperature, per_fold = calibrate.fit_nested(full.folds, full.curves, full.correct, n_folds)
    _, by_bin_only_fold = calibrate.fit_by_findings(pooled, n_folds)
    pairs, pairs_fold = calibrate.fit_confidence_by_findings(pooled, n_folds)

    def figures(p: calibrate.Predictions) -> dict[str, float]:
        shipped = calibrate.at_temperatures(p, pairs_fold)
        by_findings_only = calibrate.at_temperatures(p, by_bin_only_fold)
        return {
            "cases": len(p.correct),
            "top1_accuracy": round(float(p.correct.mean()), 4),
            "mean_top1_probability_uncalibrated": round(float(calibrate.raw_top1(p.curves).mean()), 4),
            "mean_top1_probability_one_temperature": round(
                float(calibrate.at_temperatures(p, per_fold).mean()), 4
            ),
            "mean_top1_probability_by_findings": round(float(by_findings_only.mean()), 4),
            "mean_top1_probability_calibrated": round(float(shipped.mean()), 4),
            "calibration_error_uncalibrated": round(
                calibrate.calibration_error(calibrate.raw_top1(p.curves), p.correct), 4
            ),
            "calibration_error_by_findings": round(
                calibrate.calibration_error(by_findings_only, p.correct), 4
            ),
            "calibration_error_calibrated": round(calibrate.calibration_error(shipped, p.correct), 4),
        }

    which = calibrate.bin_of(pooled.findings)
    calibrated = calibrate.at_temperatures(pooled, pairs_fold)
    by_findings = []
    for i, least in enumerate(calibrate.FINDINGS_BINS):
        inside = which == i
        by_findings.append(
            {
                "findings_from": least,
                "queries": int(inside.sum()),
                "top1_accuracy": round(float(pooled.correct[inside].mean()), 4),
                "mean_top1_probability_uncalibrated": round(
                    float(calibrate.raw_top1(pooled.curves[inside]).mean()), 4
                ),
                "mean_top1_probability_calibrated": round(float(calibrated[inside].mean()), 4),
                "temperature": round(pairs[i][0], 4),
                "confidence_slope": round(pairs[i][1], 4),
            }
        )
    info = {
        "method": "temperature by number of observed findings and raw confidence: in each bin, log T = "
        "log T0 + slope * logit(raw top-1 probability), fitted by the log loss of the top-1 probability on "
        "held-out predictions of the whole cases and one shortened copy of each (each fold's fitted on the "
        "other folds' cases; unknown diagnoses count as wrong)",
        "full_cases": figures(full),
        "short_queries": figures(short),
        "by_findings": by_findings,
        "reliability_full": [
            b.model_dump()
            for b in calibrate.reliability(calibrate.at_temperatures(full, pairs_fold), full.correct)
        ],
        "reliability_short": [
            b.model_dump()
            for b in calibrate.reliability(calibrate.at_temperatures(short, pairs_fold), short.correct)
        ],
    }
    bundle.write_calibration(
        out,
        temperature,
        per_fold,
        info,
        calibrate.FINDINGS_BINS,
        [t for t, _ in pairs],
        [[t for t, _ in fold] for fold in pairs_fold],
        [s for _, s in pairs],
        [[s for _, s in fold] for fold in pairs_fold],
    )
    log(f"calibration: temperature {temperature:.3f}, by findings and confidence {pairs}; {info}")


def fit_rankers(
    knowledge: Knowledge,
    out: Path,
    log: Callable[[str], None],
    workers: int = 1,
    data_dir: Path | None = None,
    trees: int = ranker.RANKER_TREES,
    leaves: int = ranker.RANKER_LEAVES,
) -> None:
    """The learned second stage (`ranker.py`): for each outer fold f, a lambdarank model on the other
    folds' cases (each case's candidates = exactly the first-stage best k of an engine built without f
    and without the case's own fold, with f's first-stage weights, as at query time), and one on all
    folds (candidates from engines without the case's own fold, with the shipped weights). Each case
    counts whole and as one shortened copy. `data_dir` keeps the candidate lists between runs."""
    weights = bundle.load_weights(out)
    n_folds = weights.n_folds
    tasks: list[tuple[int, ...]] = [(g,) for g in range(n_folds)]
    tasks += [(f, g) for f in range(n_folds) for g in range(f + 1, n_folds)]
    todo = [
        t for t in tasks if data_dir is None or not all(_cached(data_dir, *p).is_file() for p in _plans(t))
    ]
    parts: dict[tuple[int | None, int], train.RankerData] = {}
    if data_dir is not None:
        for task in tasks:
            if task not in todo:
                parts.update({p: _load_part(data_dir, *p) for p in _plans(task)})
    _RANKER_JOB.append((knowledge, bundle.load_cases(out), weights))
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done_parts = list(pool.imap_unordered(_ranker_task, todo))
    else:
        done_parts = [_ranker_task(t) for t in todo]
    _RANKER_JOB.clear()
    for done in done_parts:
        for plan, part in done.items():
            parts[plan] = part
            if data_dir is not None:
                _save_part(data_dir, plan, part)
    log(f"ranker data: {len(parts)} parts, {sum(len(p.groups) for p in parts.values()):,} queries")
    for target in [*range(n_folds), None]:
        data = train.RankerData.concatenate(
            [p for (t, _), p in sorted(parts.items(), key=str) if t == target], target
        )
        model = ranker.fit_ranker(data.features, data.labels, data.groups, trees, leaves, threads=workers)
        model.save(bundle.ranker_path(out, target))
        log(f"ranker {target}: {len(data.groups):,} queries, {trees} trees of {leaves} leaves")


# (knowledge, cases, weights) of the running fit_rankers, for the forked workers
_RANKER_JOB: list[tuple[Knowledge, tuple[ExtraCase, ...], bundle.Weights]] = []


def _plans(held: tuple[int, ...]) -> list[tuple[int | None, int]]:
    """(target ranker, source fold) pairs one engine without the `held` folds provides: (g,): the shipped
    ranker's data from fold g; (f, g): fold f's ranker from g's cases, and fold g's from f's."""
    return [(None, held[0])] if len(held) == 1 else [(held[0], held[1]), (held[1], held[0])]


def _ranker_task(held: tuple[int, ...]) -> dict[tuple[int | None, int], train.RankerData]:
    knowledge, cases, weights = _RANKER_JOB[-1]
    folds = [train.fold_of(c.source, weights.n_folds) for c in cases]
    # the knowledge base whole, as in train.train_on_cases (the reason is there)
    model = build_model(knowledge, [c for c, f in zip(cases, folds, strict=True) if f not in held])
    out = {}
    for target, source_fold in _plans(held):
        chosen = weights.weights if target is None else weights.fold_weights[target]
        engine = Engine(model, weights.params, chosen)
        rng = np.random.default_rng(source_fold)
        queries = []
        for c, f in zip(cases, folds, strict=True):
            if f == source_fold:
                lq = train.case_query(knowledge, model, c)
                queries += [lq, train.short_query(lq, rng)]
        out[(target, source_fold)] = train.ranker_data(engine, queries, target)
    return out


def _cached(data_dir: Path, target: int | None, source_fold: int) -> Path:
    return data_dir / f"ranker-data-t{'all' if target is None else target}-s{source_fold}.npz"


def _save_part(data_dir: Path, plan: tuple[int | None, int], part: train.RankerData) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    np.savez(_cached(data_dir, *plan), x=part.features, y=part.labels, g=part.groups)


def _load_part(data_dir: Path, target: int | None, source_fold: int) -> train.RankerData:
    with np.load(_cached(data_dir, target, source_fold)) as z:
        if z["x"].shape[1] != len(RANKER_FEATURES):
            raise SystemExit(f"{data_dir}: candidate lists of other features; remove them to recompute")
        return train.RankerData(target, z["x"], z["y"], z["g"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phenopackets", type=Path)
    parser.add_argument("--out", type=Path, default=bundle.DATA_DIR)
    parser.add_argument("--no-nested", action="store_true", help="skip the per-fold weights (faster)")
    parser.add_argument(
        "--calibrate-only", action="store_true", help="only refit the temperature of the weights in --out"
    )
    parser.add_argument(
        "--ranker-only",
        action="store_true",
        help="only fit the learned second stage (on the weights in --out), then the temperatures",
    )
    parser.add_argument("--no-ranker", action="store_true", help="keep the linear second stage")
    parser.add_argument("--ranker-data", type=Path, help="keep the rankers' candidate lists here (reused)")
    parser.add_argument("--trees", type=int, default=ranker.RANKER_TREES)
    parser.add_argument("--leaves", type=int, default=ranker.RANKER_LEAVES)
    parser.add_argument("--workers", type=int, default=1, help="processes (and LightGBM threads)")
    args = parser.parse_args()
    start = time.time()
    knowledge = SymptomDB().knowledge

    def log(message: str) -> None:
        print(f"[{time.time() - start:6.0f} s] {message}", file=sys.stderr)

    if args.calibrate_only:
        fit_calibration(knowledge, args.out, log)
        return

    def rankers() -> None:
        fit_rankers(knowledge, args.out, log, args.workers, args.ranker_data, args.trees, args.leaves)

    if args.ranker_only:
        rankers()
        fit_calibration(knowledge, args.out, log)
        return
    cases = read_cases(args.phenopackets)
    print(f"{len(cases):,} cases from {len({c.source for c in cases}):,} publications", file=sys.stderr)
    params = EngineParams()
    trained = train_on_cases(
        knowledge,
        cases,
        params,
        nested=not args.no_nested,
        log=log,
    )
    release = knowledge.release("hpo")
    info = {
        "cases": len(cases),
        "sources": len({c.source for c in cases}),
        "conditions": len({c.condition_id for c in cases}),
        "trained_with_hpo": release.version if release else None,
        "data": "GA4GH phenopacket-store (github.com/monarch-initiative/phenopacket-store), BSD-3-Clause",
        "top_sources": Counter(c.source for c in cases).most_common(3),
    }
    bundle.write_bundle(
        args.out,
        cases,
        trained.params,
        trained.weights,
        trained.fold_weights,
        N_FOLDS,
        info,
        rerank=trained.rerank,
        rerank_fold=trained.rerank_fold or (),
        rerank_k=trained.rerank_k,
        rerank_coverage=trained.rerank_coverage,
    )
    if trained.fold_weights:
        if not args.no_ranker:
            rankers()
        fit_calibration(knowledge, args.out, log)
    print(
        f"wrote {args.out} in {time.time() - start:.0f} s; params {dataclasses.asdict(params)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
