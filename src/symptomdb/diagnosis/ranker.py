"""The learned second stage: a LightGBM lambdarank model that re-orders the first stage's best candidates.

It sees each candidate's `RANKER_FEATURES` (`Engine.candidate_features`) and is trained in `train.py` /
`benchmarks/diagnosis-train.py`; the shipped text models are `data/ranker.txt` and
`data/ranker-fold{f}.txt` (`bundle.load_ranker`).

Medical sense is built in, not hoped for (`RANKER_MONOTONE`): published cases report the findings their
authors looked for, so "absent" in a case is often a finding of the suspected disease, and an
unconstrained ranker learns that an excluded finding is a reason to suspect the diseases that have it
(opsoclonus + myoclonus with fever absent put Japanese encephalitis first). Every feature through which
an excluded finding that a condition has (very) frequently, or an observed finding its NOT annotation
contradicts, reaches that condition is constrained so that it can only lower it: the model's output is
monotone (LightGBM: +1 = non-decreasing, -1 = non-increasing in the feature, whatever the others are).
Paths the constraints cannot close (the published-case features, the other candidates' scores) are closed
after the ranker by `rank.hold_back`: such a candidate stays below those the first stage put above it.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from symptomdb.diagnosis.rank import RANKER_FEATURES, Ranker

if TYPE_CHECKING:
    import lightgbm

log = logging.getLogger(__name__)

# +1: the score may only rise with the feature; -1: only fall. With these, adding an excluded finding
# that a condition has very frequently lowers lr_kb, excl_kb, its first score and rank (and raises
# excl_vfreq), so it can only lower the condition among the same candidates.
RANKER_MONOTONE: Mapping[str, int] = {
    "lr_kb": 1,  # the knowledge base's likelihood ratio (its exclusion part: log(1 - 0.95 f))
    "excl_kb": 1,  # Σ log(1 - 0.95 f) over the excluded findings the condition has
    "excl_vfreq": -1,  # excluded findings the condition has very frequently or obligately
    "neg_obs": -1,  # observed findings its NOT annotations contradict
    "neg_excl": 1,  # excluded findings its NOT annotations agree with
    "rank_kb": 1,  # -log(1 + rank) under the knowledge-base score
    "stage1": 1,  # the first stage's score (itself bounded so: excl_vfreq ≤ 0, lr_kb ≥ 0)
    "stage1_gap": 1,
    "stage1_rank": -1,  # log(1 + rank) among the candidates
}

# Fitted in `train.fit_ranker`; the figures for these choices are in the README.
RANKER_PARAMS: Mapping[str, object] = {
    "objective": "lambdarank",
    "learning_rate": 0.05,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambdarank_truncation_level": 30,
    "monotone_constraints_method": "intermediate",
    "verbose": -1,
    "seed": 0,
    "deterministic": True,
}
RANKER_TREES = 200
RANKER_LEAVES = 31


class LightGBMRanker:
    """A LightGBM model over `RANKER_FEATURES`, evaluated on one thread (the candidates are few)."""

    def __init__(self, booster: lightgbm.Booster) -> None:
        names = tuple(booster.feature_name())
        if names != RANKER_FEATURES:
            raise ValueError(f"the ranker's features {names} are not the engine's {RANKER_FEATURES}")
        self.booster = booster

    @classmethod
    def load(cls, path: Path) -> LightGBMRanker:
        """From a LightGBM text model, gzipped if its name ends in .gz."""
        return cls(_booster(_model_text(path)))

    def save(self, path: Path) -> None:
        text = self.booster.model_to_string()
        if path.suffix == ".gz":
            with gzip.GzipFile(path, "wb", mtime=0) as f:
                f.write(text.encode("utf-8"))
        else:
            path.write_text(text, encoding="utf-8")

    @property
    def n_trees(self) -> int:
        return int(self.booster.num_trees())

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """One score per row of a (candidates × RANKER_FEATURES) matrix; higher is more likely."""
        values = self.booster.predict(np.asarray(matrix, dtype=np.float32), num_threads=1)
        return np.asarray(values, dtype=np.float64)


class CompiledRanker:
    """The same LightGBM model compiled to machine code by lleaves (LLVM): the 100 candidates' scores in
    about 0.08 ms instead of LightGBM's 0.8 (the same trees and thresholds; the scores differ from
    LightGBM's only in the order of the float64 sum, ~1e-15). Compiling takes a few seconds, so the
    object code is kept in the cache directory, keyed by the model text and the machine."""

    def __init__(self, model: Any) -> None:
        self.model = model

    @classmethod
    def compile(cls, text: str, cache_dir: Path | None) -> CompiledRanker:
        import lleaves

        names = next((line for line in text.splitlines() if line.startswith("feature_names=")), "")
        if tuple(names.removeprefix("feature_names=").split()) != RANKER_FEATURES:
            raise ValueError(f"the ranker's features ({names}) are not the engine's {RANKER_FEATURES}")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "ranker.txt"
            source.write_text(text, encoding="utf-8")
            model = lleaves.Model(model_file=str(source))
            binary = None if cache_dir is None else cache_dir / f"ranker-{_compile_key(text)}.o"
            if binary is not None and binary.is_file():
                model.compile(cache=str(binary))  # loads the object code, compiles nothing
                return cls(model)
            compiled = Path(tmp) / "ranker.o"
            model.compile(cache=str(compiled))  # compiles, writes the object code, loads it
            if binary is not None:
                _keep(compiled, binary)
        return cls(model)

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """As `LightGBMRanker.predict`: the rows rounded to float32 first, as the model was trained."""
        rows = np.asarray(matrix, dtype=np.float32).astype(np.float64)
        return np.asarray(self.model.predict(rows, n_jobs=1), dtype=np.float64)


def _keep(compiled: Path, binary: Path) -> None:
    """Copy the object code into the cache (renamed into place: a concurrent reader never sees half a
    file); a read-only cache only costs the next start the compilation."""
    try:
        binary.parent.mkdir(parents=True, exist_ok=True)
        staged = binary.with_suffix(f".{os.getpid()}.tmp")
        staged.write_bytes(compiled.read_bytes())
        staged.replace(binary)
    except OSError as error:
        log.warning("could not keep the compiled ranker in %s: %s", binary.parent, error)


def _compile_key(text: str) -> str:
    """The model, the compiler and the CPU the code is compiled for (lleaves checks none of them)."""
    import llvmlite
    import llvmlite.binding as llvm

    target = f"{llvmlite.__version__}|{llvm.get_host_cpu_name()}|{llvm.get_host_cpu_features().flatten()}"
    return hashlib.sha256(f"{target}\n{text}".encode()).hexdigest()[:20]


def load_ranker(path: Path, cache_dir: Path | None = None, compiled: bool = True) -> Ranker:
    """A gzipped (or plain) LightGBM text model, compiled if lleaves is installed and compiles it,
    else evaluated by LightGBM itself (same scores, about ten times slower)."""
    text = _model_text(path)
    if not compiled:
        return LightGBMRanker(_booster(text))
    try:
        return CompiledRanker.compile(text, cache_dir)
    except ImportError as error:
        log.warning("lleaves is not available (%s): the ranker runs in LightGBM", error)
    except (OSError, RuntimeError) as error:
        log.warning("compiling the ranker failed (%s): it runs in LightGBM", error)
    return LightGBMRanker(_booster(text))


def _model_text(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    return path.read_text(encoding="utf-8")


def _booster(text: str) -> lightgbm.Booster:
    import lightgbm

    return lightgbm.Booster(model_str=text)


def monotone_constraints() -> list[int]:
    return [RANKER_MONOTONE.get(name, 0) for name in RANKER_FEATURES]


def fit_ranker(
    features: np.ndarray,
    labels: np.ndarray,
    groups: Sequence[int] | np.ndarray,
    trees: int = RANKER_TREES,
    leaves: int = RANKER_LEAVES,
    threads: int = 1,
) -> LightGBMRanker:
    """A lambdarank model over candidate lists (`groups`: rows per query, in order), monotone as above."""
    import lightgbm

    data = lightgbm.Dataset(
        np.asarray(features, dtype=np.float32),
        label=np.asarray(labels, dtype=np.int32),
        group=np.asarray(groups, dtype=np.int64),
        feature_name=list(RANKER_FEATURES),
        free_raw_data=True,
    )
    params = {
        **RANKER_PARAMS,
        "num_leaves": leaves,
        "num_threads": threads,
        "monotone_constraints": monotone_constraints(),
    }
    return LightGBMRanker(lightgbm.train(params, data, num_boost_round=trees))
