"""The files shipped with the ranking model: published cases (profiles) and the learned weights.

`data/cases.jsonl.gz`: one line per published individual (GA4GH phenopacket-store, BSD-3-Clause):
``{"id", "source", "condition_id", "condition_name", "present", "excluded", "sex", "onset"}``.
`data/weights.json`: engine parameters, the weights for new publications, and one set per held-out fold.
`data/ranker.txt.gz`, `data/ranker-fold{f}.txt.gz`: the learned second stage (gzipped LightGBM text
models), for new publications and per held-out fold. All are written by `benchmarks/diagnosis-train.py`;
without them the engine uses the knowledge base alone with hand-set weights (without the rankers: the
linear second stage).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from symptomdb.diagnosis import ranker
from symptomdb.diagnosis.model import ExtraCase
from symptomdb.diagnosis.rank import DEFAULT_WEIGHTS, FEATURES, RERANK_K, EngineParams, Ranker

DATA_DIR = Path(__file__).parent / "data"
CASES_FILE = "cases.jsonl.gz"
WEIGHTS_FILE = "weights.json"
WEIGHTS_FORMAT = 1
RANKER_FILE = "ranker.txt.gz"  # the learned second stage (LightGBM text model), for new publications
RANKER_FOLD_FILE = "ranker-fold{fold}.txt.gz"  # ... fitted without that fold's publications (nested)


@dataclass(frozen=True)
class Weights:
    params: EngineParams
    weights: dict[str, float]
    fold_weights: tuple[dict[str, float], ...] = ()
    n_folds: int = 5
    info: dict[str, Any] = field(default_factory=dict)
    rerank: dict[str, float] | None = None  # second stage (see `Engine`), and one set per held-out fold
    rerank_fold: tuple[dict[str, float], ...] = ()
    rerank_k: int = RERANK_K
    rerank_coverage: float | None = None  # P(truth among the second stage's candidates), from training
    # calibration (see `calibrate.py`): final scores are divided by `temperature`; one per held-out fold
    temperature: float = 1.0
    temperature_fold: tuple[float, ...] = ()
    # ... by the number of observed findings: bins from these counts on, one T per bin (and per fold)
    temperature_bins: tuple[int, ...] = ()
    temperature_by_bin: tuple[float, ...] = ()
    temperature_by_bin_fold: tuple[tuple[float, ...], ...] = ()
    # ... each T following the raw confidence with this slope (`rank.confidence_temperature`; 0: not)
    temperature_slope_by_bin: tuple[float, ...] = ()
    temperature_slope_by_bin_fold: tuple[tuple[float, ...], ...] = ()
    calibration: dict[str, Any] = field(default_factory=dict)  # how it was fitted, and its figures

    def temperature_by_findings(self, fold: int | None = None) -> tuple[tuple[int, float, float], ...]:
        """(from this many observed findings on, temperature, confidence slope), for the shipped engine
        or a fold's."""
        by_bin, slopes = self.temperature_by_bin, self.temperature_slope_by_bin
        if fold is not None and len(self.temperature_by_bin_fold) > fold:
            by_bin = self.temperature_by_bin_fold[fold]
            slopes = self.temperature_slope_by_bin_fold[fold] if self.temperature_slope_by_bin_fold else ()
        if len(by_bin) != len(self.temperature_bins):
            return ()
        if len(slopes) != len(by_bin):
            slopes = (0.0,) * len(by_bin)
        return tuple(zip(self.temperature_bins, by_bin, slopes, strict=True))

    @property
    def learned(self) -> bool:
        return bool(self.info)


def default_weights() -> Weights:
    return Weights(EngineParams(), dict(DEFAULT_WEIGHTS))


@lru_cache(maxsize=4)
def load_cases(data_dir: Path = DATA_DIR) -> tuple[ExtraCase, ...]:
    path = data_dir / CASES_FILE
    if not path.is_file():
        return ()
    cases = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                cases.append(case_from_json(json.loads(line)))
    return tuple(cases)


@lru_cache(maxsize=4)
def load_weights(data_dir: Path = DATA_DIR) -> Weights:
    """The bundle's weights (read once per process: every ranking asks for them; the writers below
    clear the cache). Callers must not change the returned object."""
    path = data_dir / WEIGHTS_FILE
    if not path.is_file():
        return default_weights()
    data = json.loads(path.read_text(encoding="utf-8"))
    second = data.get("rerank")
    names = set(data.get("weights", {})) | set(second or {})
    if data.get("format") != WEIGHTS_FORMAT or names - set(FEATURES):
        return default_weights()  # written by another version: fall back rather than mis-rank
    known = {f.name for f in dataclasses.fields(EngineParams)}
    params = EngineParams(**{k: v for k, v in data.get("params", {}).items() if k in known})
    return Weights(
        params=params,
        weights=dict(data["weights"]),
        fold_weights=tuple(dict(w) for w in data.get("fold_weights", [])),
        n_folds=int(data.get("n_folds", 5)),
        info=dict(data.get("info", {})),
        rerank=dict(second) if second else None,
        rerank_fold=tuple(dict(w) for w in data.get("rerank_fold", [])),
        rerank_k=int(data.get("rerank_k", RERANK_K)),
        rerank_coverage=data.get("rerank_coverage"),
        temperature=float(data.get("temperature", 1.0)),
        temperature_fold=tuple(float(t) for t in data.get("temperature_fold", [])),
        temperature_bins=tuple(int(n) for n in data.get("temperature_bins", [])),
        temperature_by_bin=tuple(float(t) for t in data.get("temperature_by_bin", [])),
        temperature_by_bin_fold=tuple(
            tuple(float(t) for t in f) for f in data.get("temperature_by_bin_fold", [])
        ),
        temperature_slope_by_bin=tuple(float(t) for t in data.get("temperature_slope_by_bin", [])),
        temperature_slope_by_bin_fold=tuple(
            tuple(float(t) for t in f) for f in data.get("temperature_slope_by_bin_fold", [])
        ),
        calibration=dict(data.get("calibration", {})),
    )


def ranker_path(data_dir: Path = DATA_DIR, fold: int | None = None) -> Path:
    return data_dir / (RANKER_FILE if fold is None else RANKER_FOLD_FILE.format(fold=fold))


def load_ranker(
    data_dir: Path = DATA_DIR, fold: int | None = None, cache_dir: Path | None = None
) -> Ranker | None:
    """The learned second stage of the shipped engine (or of a held-out fold's), None without one;
    compiled to machine code (kept in `cache_dir`) where lleaves can (`ranker.load_ranker`)."""
    path = ranker_path(data_dir, fold)
    return ranker.load_ranker(path, cache_dir) if path.is_file() else None


def write_calibration(
    data_dir: Path,
    temperature: float,
    temperature_fold: Sequence[float],
    calibration: dict[str, Any],
    bins: Sequence[int] = (),
    by_bin: Sequence[float] = (),
    by_bin_fold: Sequence[Sequence[float]] = (),
    slope_by_bin: Sequence[float] = (),
    slope_by_bin_fold: Sequence[Sequence[float]] = (),
) -> None:
    """Add (or replace) the calibration temperatures in an existing `weights.json`."""
    path = data_dir / WEIGHTS_FILE
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["temperature"] = round(float(temperature), 4)
    payload["temperature_fold"] = [round(float(t), 4) for t in temperature_fold]
    payload["temperature_bins"] = [int(n) for n in bins]
    payload["temperature_by_bin"] = [round(float(t), 4) for t in by_bin]
    payload["temperature_by_bin_fold"] = [[round(float(t), 4) for t in f] for f in by_bin_fold]
    payload["temperature_slope_by_bin"] = [round(float(t), 4) for t in slope_by_bin]
    payload["temperature_slope_by_bin_fold"] = [[round(float(t), 4) for t in f] for f in slope_by_bin_fold]
    payload["calibration"] = calibration
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    load_weights.cache_clear()


def case_to_json(case: ExtraCase) -> dict[str, Any]:
    return {
        "id": case.id,
        "source": case.source,
        "condition_id": case.condition_id,
        "condition_name": case.condition_name,
        "present": list(case.present),
        "excluded": list(case.excluded),
        "sex": case.sex,
        "onset": case.onset,
    }


def case_from_json(data: dict[str, Any]) -> ExtraCase:
    return ExtraCase(
        condition_id=data["condition_id"],
        condition_name=data.get("condition_name") or data["condition_id"],
        source=data.get("source") or "",
        present=tuple(data.get("present", ())),
        excluded=tuple(data.get("excluded", ())),
        sex=data.get("sex"),
        onset=data.get("onset"),
        id=data.get("id", ""),
    )


def write_bundle(
    data_dir: Path,
    cases: Sequence[ExtraCase],
    params: EngineParams,
    weights: dict[str, float],
    fold_weights: Sequence[dict[str, float]],
    n_folds: int,
    info: dict[str, Any],
    rerank: dict[str, float] | None = None,
    rerank_fold: Sequence[dict[str, float]] = (),
    rerank_k: int = RERANK_K,
    rerank_coverage: float | None = None,
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(data_dir / CASES_FILE, "wt", encoding="utf-8", compresslevel=9) as handle:
        for case in cases:
            handle.write(json.dumps(case_to_json(case), ensure_ascii=False, separators=(",", ":")) + "\n")
    payload = {
        "format": WEIGHTS_FORMAT,
        "params": dataclasses.asdict(params),
        "weights": {k: round(v, 6) for k, v in weights.items()},
        "fold_weights": [{k: round(v, 6) for k, v in w.items()} for w in fold_weights],
        "n_folds": n_folds,
        "info": info,
    }
    if rerank:
        payload["rerank"] = {k: round(v, 6) for k, v in rerank.items()}
        payload["rerank_fold"] = [{k: round(v, 6) for k, v in w.items()} for w in rerank_fold]
        payload["rerank_k"] = rerank_k
        payload["rerank_coverage"] = rerank_coverage
    (data_dir / WEIGHTS_FILE).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    load_cases.cache_clear()
    load_weights.cache_clear()
