"""Calibration: a temperature dividing the final scores, fitted on held-out predictions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symptomdb.diagnosis import bundle, calibrate
from symptomdb.diagnosis.model import DiagnosisModel
from symptomdb.diagnosis.rank import Engine, EngineParams, Query
from symptomdb.diagnosis.service import diagnose, get_engine, rank
from symptomdb.knowledge.store import Knowledge

from .test_rank import rows


def _engines(m: DiagnosisModel, temperature: float) -> tuple[Engine, Engine]:
    weights, second = {"lr_kb": 1.0, "log_nannot": -0.5}, {"lr_kb": 0.8}
    plain = Engine(m, weights=weights, rerank=second, rerank_k=2)
    hot = Engine(m, weights=weights, rerank=second, rerank_k=2, temperature=temperature)
    return plain, hot


def test_the_temperature_divides_the_scores_and_keeps_the_ranking(tiny_model: DiagnosisModel) -> None:
    plain, hot = _engines(tiny_model, 2.5)
    query = Query(rows(tiny_model, "HP:0000101", "HP:0000201", "HP:0000202"))
    raw = plain.score(query)
    assert np.allclose(hot.raw_score(query), raw)
    assert np.allclose(hot.score(query), raw / 2.5)
    assert np.argsort(-hot.score(query), kind="stable").tolist() == np.argsort(-raw, kind="stable").tolist()
    with pytest.raises(ValueError, match="temperature"):
        Engine(tiny_model, temperature=0.0)


def test_the_temperature_can_depend_on_the_number_of_findings(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    engine = Engine(m, weights={"lr_kb": 1.0}, temperature=9.0, temperature_by_findings=((3, 4.0), (1, 0.5)))
    one = Query(rows(m, "HP:0000101"))
    three = Query(rows(m, "HP:0000101", "HP:0000201", "HP:0000202"))
    assert engine.temperature_for(one) == 0.5
    assert engine.temperature_for(three) == 4.0
    assert np.allclose(engine.score(one), engine.raw_score(one) / 0.5)
    assert np.allclose(engine.score(three), engine.raw_score(three) / 4.0)


def test_probabilities_sum_to_at_most_one_and_follow_the_temperature(
    tiny: Knowledge, tiny_model: DiagnosisModel
) -> None:
    plain, hot = _engines(tiny_model, 3.0)
    query = Query(rows(tiny_model, "HP:0000101", "HP:0000201"))
    everything = tiny_model.n_conditions
    p_plain = [p for _, _, p, _ in rank(plain, query, everything)]
    p_hot = [p for _, _, p, _ in rank(hot, query, everything)]
    assert sum(p_plain) <= 1.0 + 1e-9 and sum(p_hot) <= 1.0 + 1e-9
    assert all(0.0 <= p <= 1.0 for p in p_plain + p_hot)
    # a higher temperature spreads the probability: the first condition gets less
    assert p_hot[0] < p_plain[0]
    assert np.isclose(p_hot[0], calibrate.top1_probability(plain.score(query), tiny_model.group, 3.0))
    # the service shows the calibrated probability
    hot.learned = True
    result = diagnose(tiny, ["HP:0000101", "HP:0000201"], engine=hot)
    assert result.results[0].probability == pytest.approx(p_hot[0], abs=1e-4)
    assert sum(r.probability or 0.0 for r in result.results) <= 1.0 + 1e-3


def test_the_fitted_temperature_matches_confidence_to_accuracy() -> None:
    rng = np.random.default_rng(0)
    group = np.arange(50)
    curves, correct = [], []
    for _ in range(400):
        scores = rng.normal(0, 1, 50)
        scores[0] += 8.0  # an over-confident engine: right only 40 % of the time
        curves.append(calibrate.top1_curve(scores, group))
        correct.append(rng.random() < 0.4)
    c, ok = np.array(curves), np.array(correct)
    unit = int(np.argmin(np.abs(np.log(calibrate.TEMPERATURE_GRID))))
    assert c[:, unit].mean() > 0.9
    temperature = calibrate.fit_temperature(c, ok)
    assert temperature > 1.0
    folds = np.arange(len(c)) % 5
    predictions = calibrate.Predictions(folds, c, ok, np.full(len(c), 4))
    assert abs(calibrate.at_temperatures(predictions, [temperature] * 5).mean() - ok.mean()) < 0.01
    overall, per_fold = calibrate.fit_nested(folds, c, ok, 5)
    assert overall == pytest.approx(temperature)
    assert len(per_fold) == 5 and all(t > 1.0 for t in per_fold)
    # by number of findings: short queries (2 findings) right more often than their raw probability says
    short = calibrate.Predictions(folds, c, np.ones(len(c), dtype=bool), np.full(len(c), 2))
    by_bin, by_bin_fold = calibrate.fit_by_findings(predictions + short, 5, bins=(1, 3))
    assert by_bin[1] == pytest.approx(temperature, rel=0.05)
    assert by_bin[0] < 1.0 and len(by_bin_fold) == 5
    assert calibrate.at_temperatures(short, by_bin_fold, bins=(1, 3)).mean() > 0.95
    assert calibrate.bin_of(np.array([0, 1, 2, 3, 40]), (1, 3)).tolist() == [0, 0, 0, 1, 1]


def test_reliability_bins_cases_by_probability() -> None:
    bins = calibrate.reliability([0.05, 0.15, 0.95, 1.0], [False, True, True, False])
    assert len(bins) == 10
    assert [b.cases for b in bins] == [1, 1, 0, 0, 0, 0, 0, 0, 0, 2]
    assert bins[9].accuracy == 0.5 and bins[9].mean_probability == pytest.approx(0.975)
    assert bins[2].mean_probability is None


def test_the_bundle_keeps_the_temperatures_and_fold_engines_use_theirs(
    tiny: Knowledge, tmp_path: Path
) -> None:
    bundle.write_bundle(tmp_path, [], EngineParams(), {"lr_kb": 1.0}, [{"lr_kb": 1.0}] * 2, 2, {"cases": 0})
    assert bundle.load_weights(tmp_path).temperature == 1.0
    bundle.write_calibration(
        tmp_path, 1.7, [1.5, 1.9], {"method": "test"}, (1, 5), (0.8, 1.2), [(0.7, 1.1), (0.9, 1.3)]
    )
    loaded = bundle.load_weights(tmp_path)
    assert loaded.temperature == 1.7
    assert loaded.temperature_fold == (1.5, 1.9)
    assert loaded.calibration == {"method": "test"}
    assert loaded.temperature_by_findings() == ((1, 0.8), (5, 1.2))
    shipped = get_engine(tiny, tmp_path / "cache", data_dir=tmp_path)
    assert shipped.temperature == 1.7 and shipped.temperature_by_findings == ((1, 0.8), (5, 1.2))
    fold = get_engine(tiny, tmp_path / "cache", held_out_fold=1, data_dir=tmp_path)
    assert fold.temperature == 1.9 and fold.temperature_by_findings == ((1, 0.9), (5, 1.3))
