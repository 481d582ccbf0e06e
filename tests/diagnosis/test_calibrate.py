"""Calibration: a temperature per query dividing the final scores, fitted on held-out predictions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symptomdb.diagnosis import bundle, calibrate
from symptomdb.diagnosis.model import DiagnosisModel
from symptomdb.diagnosis.rank import Engine, EngineParams, Query, confidence_temperature, top1_probability
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
    assert engine.temperature_for(one, engine.raw_score(one)) == 0.5
    assert engine.temperature_for(three, engine.raw_score(three)) == 4.0
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
    assert np.isclose(p_hot[0], top1_probability(plain.score(query), tiny_model.group, 3.0))
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
    assert loaded.temperature_by_findings() == ((1, 0.8, 0.0), (5, 1.2, 0.0))  # no slopes: 0
    shipped = get_engine(tiny, tmp_path / "cache", data_dir=tmp_path)
    assert shipped.temperature == 1.7 and shipped.temperature_by_findings == ((1, 0.8, 0.0), (5, 1.2, 0.0))
    fold = get_engine(tiny, tmp_path / "cache", held_out_fold=1, data_dir=tmp_path)
    assert fold.temperature == 1.9 and fold.temperature_by_findings == ((1, 0.9, 0.0), (5, 1.3, 0.0))
    # with confidence slopes, per bin and per fold
    bundle.write_calibration(
        tmp_path,
        1.7,
        [1.5, 1.9],
        {},
        (1, 5),
        (0.8, 1.2),
        [(0.7, 1.1), (0.9, 1.3)],
        (-0.1, -0.2),
        [(0, 0), (-0.3, -0.4)],
    )
    loaded = bundle.load_weights(tmp_path)
    assert loaded.temperature_by_findings() == ((1, 0.8, -0.1), (5, 1.2, -0.2))
    assert loaded.temperature_by_findings(1) == ((1, 0.9, -0.3), (5, 1.3, -0.4))


def test_a_confident_query_is_sharpened_and_an_unsure_one_flattened(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    assert confidence_temperature(2.0, 0.0, np.array([0.01, 0.5, 0.99])).tolist() == [2.0, 2.0, 2.0]
    t = confidence_temperature(1.0, -0.2, np.array([0.05, 0.5, 0.95, 1.0]))
    assert t[0] > 1.0 and t[1] == pytest.approx(1.0) and t[2] < 1.0
    assert t[3] == pytest.approx(np.exp(-0.2 * 8.0))  # the logit is bounded
    engine = Engine(m, weights={"lr_kb": 1.0}, temperature_by_findings=((1, 1.5, -0.3),))
    for ids in (("HP:0000101",), ("HP:0000101", "HP:0000201", "HP:0000202")):
        query = Query(rows(m, *ids))
        raw = engine.raw_score(query)
        expected = 1.5 * np.exp(
            -0.3 * np.log(top1_probability(raw, m.group) / (1 - top1_probability(raw, m.group)))
        )
        scores, temperature = engine.scores_and_temperature(query)
        assert temperature == pytest.approx(expected)
        assert np.allclose(scores, raw / expected) and np.allclose(engine.score(query), scores)


def test_the_confidence_fit_mends_what_one_temperature_cannot() -> None:
    """Cases whose raw first condition is clear are right more often than it says, unclear ones less:
    one temperature per bin cannot fit both; a temperature that follows the confidence can."""
    rng = np.random.default_rng(2)
    group = np.arange(40)
    curves, correct = [], []
    for i in range(1200):
        scores = rng.normal(0, 1, 40)
        clear = i % 2 == 0
        scores[0] += 5.0 if clear else 1.5
        curves.append(calibrate.top1_curve(scores, group))
        correct.append(rng.random() < (0.99 if clear else 0.05))
    c, ok = np.array(curves), np.array(correct)
    folds = np.arange(len(c)) % 5
    p = calibrate.Predictions(folds, c, ok, np.full(len(c), 4))
    single = calibrate.at_temperatures(p, [calibrate.fit_temperature(c, ok)] * 5)
    t0, slope = calibrate.fit_confidence(c, ok)
    assert slope < 0
    pairs, pairs_fold = calibrate.fit_confidence_by_findings(p, 5, bins=(1,))
    assert pairs[0] == pytest.approx((t0, slope), rel=1e-3) and len(pairs_fold) == 5
    fitted = calibrate.at_temperatures(p, pairs_fold, bins=(1,))
    assert calibrate.calibration_error(fitted, ok) < 0.5 * calibrate.calibration_error(single, ok)
    assert abs(fitted.mean() - ok.mean()) < 0.03
    assert calibrate.calibration_error(np.array([0.95, 0.95, 0.05, 0.05]), [True, True, False, False]) == (
        pytest.approx(0.05)
    )
