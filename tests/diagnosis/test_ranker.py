"""The learned second stage's model files: LightGBM text models, evaluated compiled (lleaves) or by
LightGBM, with the same scores either way."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from symptomdb.diagnosis.rank import FEATURES, RANKER_FEATURES
from symptomdb.diagnosis.ranker import CompiledRanker, LightGBMRanker, fit_ranker, load_ranker


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(600, len(RANKER_FEATURES)))
    label = (x[:, FEATURES.index("lr_kb")] + 0.5 * x[:, FEATURES.index("log_nannot")] > 0.3).astype(int)
    path = tmp_path_factory.mktemp("ranker") / "ranker.txt.gz"
    fit_ranker(x, label, [6] * 100, trees=20, leaves=8).save(path)
    return path


def _rows(n: int = 200) -> np.ndarray:
    """Candidate rows as the engine makes them: real-valued, with exact zeros and repeated values."""
    rng = np.random.default_rng(4)
    x = rng.normal(size=(n, len(RANKER_FEATURES))) * rng.choice([0.1, 1.0, 30.0], size=len(RANKER_FEATURES))
    x[rng.random(x.shape) < 0.2] = 0.0
    x[::7] = x[1]
    return x


def test_the_compiled_ranker_scores_as_lightgbm_does(model_file: Path, tmp_path: Path) -> None:
    compiled = load_ranker(model_file, tmp_path)
    plain = load_ranker(model_file, compiled=False)
    assert isinstance(compiled, CompiledRanker) and isinstance(plain, LightGBMRanker)
    x = _rows()
    expected = plain.predict(x)
    assert np.ptp(expected) > 0  # the model does tell candidates apart
    assert np.allclose(compiled.predict(x), expected, rtol=0, atol=1e-9)
    order = np.argsort(-compiled.predict(x), kind="stable")
    assert np.array_equal(order, np.argsort(-expected, kind="stable"))


def test_the_compiled_code_is_kept_per_model_and_reused(model_file: Path, tmp_path: Path) -> None:
    load_ranker(model_file, tmp_path)
    (binary,) = tmp_path.glob("ranker-*.o")
    stamp = binary.stat().st_mtime_ns
    again = load_ranker(model_file, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [binary.name]  # nothing half-written left behind
    assert binary.stat().st_mtime_ns == stamp  # loaded, not compiled again
    assert np.allclose(again.predict(_rows(20)), load_ranker(model_file, compiled=False).predict(_rows(20)))

    other = tmp_path / "other.txt.gz"
    x = _rows(300)
    fit_ranker(x, (x[:, 0] > 0).astype(int), [3] * 100, trees=3, leaves=4).save(other)
    load_ranker(other, tmp_path)
    assert len(list(tmp_path.glob("ranker-*.o"))) == 2  # another model, another file


def test_without_lleaves_the_ranker_runs_in_lightgbm(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "lleaves", None)  # as if it were not installed
    ranker = load_ranker(model_file, tmp_path)
    assert isinstance(ranker, LightGBMRanker)
    assert not list(tmp_path.glob("ranker-*.o"))


def test_a_compiled_ranker_of_other_features_is_refused(tmp_path: Path) -> None:
    import lightgbm

    x = np.random.default_rng(0).normal(size=(60, 3))
    params = {"objective": "lambdarank", "min_data_in_leaf": 2, "min_data_in_bin": 1, "verbose": -1}
    booster = lightgbm.train(params, lightgbm.Dataset(x, label=x[:, 0] > 0, group=[3] * 20), 2)
    booster.save_model(str(tmp_path / "old.txt"))
    with pytest.raises(ValueError, match="features"):
        load_ranker(tmp_path / "old.txt", tmp_path)


def test_an_unwritable_cache_still_gives_a_compiled_ranker(
    model_file: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_directory = tmp_path / "cache"
    not_a_directory.write_text("a file where the cache directory should be")
    ranker = load_ranker(model_file, not_a_directory)
    assert isinstance(ranker, CompiledRanker)
    assert np.allclose(ranker.predict(_rows(20)), load_ranker(model_file, compiled=False).predict(_rows(20)))
    assert "could not keep the compiled ranker" in caplog.text
