"""Ranking on the hand-built knowledge base: each kind of evidence moves conditions the right way."""

from __future__ import annotations

import numpy as np

from symptomdb.diagnosis.model import ONSET_CLASSES, DiagnosisModel
from symptomdb.diagnosis.rank import FEATURES, Engine, Query


def rows(m: DiagnosisModel, *ids: str) -> tuple[int, ...]:
    return tuple(m.term_index[i] for i in ids)


def score_of(engine: Engine, query: Query, condition: str) -> float:
    return float(engine.score(query)[engine.model.condition_index[condition]])


def test_exact_matches_rank_the_condition_that_has_them_first(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    scores = tiny_engine.score(Query(rows(m, "HP:0000101", "HP:0000201", "HP:0000202")))
    best = m.condition_ids[int(np.argmax(scores))]
    assert best in ("OMIM:100001", "ORPHA:1001")
    assert scores[m.condition_index["OMIM:100001"]] > scores[m.condition_index["OMIM:100002"]]
    assert scores[m.condition_index["OMIM:100002"]] > scores[m.condition_index["OMIM:100003"]]


def test_a_general_finding_is_implied_by_a_specific_annotation(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    general = Query(rows(m, "HP:0000100"))  # "Eye finding": Jerky eyes / Squint imply it
    assert score_of(tiny_engine, general, "OMIM:100001") > score_of(tiny_engine, general, "OMIM:100003")


def test_an_excluded_obligate_feature_counts_against_the_condition(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    jerks = Query(rows(m, "HP:0000201"))
    without_squint = Query(rows(m, "HP:0000201"), rows(m, "HP:0000102"))
    before = score_of(tiny_engine, jerks, "OMIM:100002") - score_of(tiny_engine, jerks, "OMIM:100001")
    after = score_of(tiny_engine, without_squint, "OMIM:100002") - score_of(
        tiny_engine, without_squint, "OMIM:100001"
    )
    assert after < before - 1.0


def test_an_observed_finding_contradicting_a_not_annotation_counts_against(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    plain = Query(rows(m, "HP:0000201"))
    with_rash = Query(rows(m, "HP:0000201", "HP:0000301"))
    features = tiny_engine.features(with_rash)
    assert features[m.condition_index["OMIM:100002"], FEATURES.index("neg_obs")] == 1
    drop = score_of(tiny_engine, plain, "OMIM:100002") - score_of(tiny_engine, with_rash, "OMIM:100002")
    assert drop > 3.0


def test_sex_and_onset_move_the_conditions_they_concern(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    base = rows(m, "HP:0000201")
    female = Query(base, sex="female")
    assert score_of(tiny_engine, female, "OMIM:100002") < score_of(tiny_engine, Query(base), "OMIM:100002")
    adult = [name for _, name in ONSET_CLASSES].index("adult")
    congenital = [name for _, name in ONSET_CLASSES].index("congenital")
    assert score_of(tiny_engine, Query(base, onset=congenital), "OMIM:100002") < score_of(
        tiny_engine, Query(base, onset=adult), "OMIM:100002"
    )


def test_an_unannotated_condition_is_ranked_but_below_annotated_matches(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    scores = tiny_engine.score(Query(rows(m, "HP:0000301")))
    assert np.all(np.isfinite(scores))
    assert scores[m.condition_index["OMIM:100004"]] < scores[m.condition_index["OMIM:100003"]]


def test_scores_are_the_weighted_features_and_cached_terms_agree(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    query = Query(rows(m, "HP:0000101", "HP:0000202"), rows(m, "HP:0000301"))
    first = tiny_engine.score(query)
    assert np.allclose(first, tiny_engine.features(query) @ tiny_engine.weights)
    tiny_engine.clear_cache()
    assert np.allclose(first, tiny_engine.score(query))


def test_the_second_stage_reorders_only_the_best_candidates(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    first = {"lr_kb": 1.0}
    # the second stage prefers conditions with few annotations, the opposite of the first
    engine = Engine(m, weights=first, rerank={"lr_kb": 1.0, "log_nannot": -50.0}, rerank_k=2)
    one_stage = Engine(m, weights=first)
    query = Query(rows(m, "HP:0000101", "HP:0000201", "HP:0000202"))
    plain = one_stage.score(query)
    scores = engine.score(query)
    best_two = set(np.argsort(-plain)[:2].tolist())
    assert set(np.argsort(-scores)[:2].tolist()) == best_two  # the candidates stay on top
    others = [i for i in range(m.n_conditions) if i not in best_two]
    assert np.allclose(scores[others], plain[others])
    # ... in the second stage's order, which is the reverse here (fewer annotations first)
    a, b = sorted(best_two, key=lambda i: -plain[i])
    assert scores[b] > scores[a]
    second = engine.features(query) @ engine.rerank_weights
    assert np.isclose(scores[b] - scores[a], second[b] - second[a])
    engine.clear_cache()
    assert np.allclose(scores, engine.score(query))


def test_the_candidates_get_the_probability_they_had_in_training(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    query = Query(rows(m, "HP:0000101", "HP:0000201"))
    for coverage in (0.999, 0.9999):
        engine = Engine(
            m, weights={"lr_kb": 0.1}, rerank={"lr_kb": 0.1}, rerank_k=2, rerank_coverage=coverage
        )
        scores = engine.score(query)
        p = np.exp(scores - scores.max())
        p /= p.sum()
        assert np.isclose(np.sort(p)[-2:].sum(), coverage)
