"""Ranking on the hand-built knowledge base: each kind of evidence moves conditions the right way."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.model import ONSET_CLASSES, DiagnosisModel, ExtraCase, build_model
from symptomdb.diagnosis.rank import (
    DEFAULT_WEIGHTS,
    FEATURES,
    RANKER_FEATURES,
    ColumnSums,
    Engine,
    EngineParams,
    Query,
    SparseVector,
    _column_sums,
    _gather,
    _ranks,
    _sum_sparse,
    case_candidates,
    hold_back,
)
from symptomdb.diagnosis.ranker import RANKER_MONOTONE, LightGBMRanker, fit_ranker
from symptomdb.diagnosis.service import _frequent_terms, get_engine
from symptomdb.diagnosis.train import fold_of
from symptomdb.knowledge.store import Knowledge
from tests.diagnosis.conftest import EYE_JERK, RASH, UNANNOTATED, tiny_knowledge


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


def test_the_learned_stage_only_reorders_the_candidates_and_is_loaded_from_the_bundle(
    tiny: Knowledge, tiny_model: DiagnosisModel, tmp_path: Path
) -> None:
    m = tiny_model
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, len(RANKER_FEATURES)))
    label = (x[:, FEATURES.index("log_nannot")] < 0).astype(int)  # prefers few annotations
    fit_ranker(x, label, [3] * 100, trees=5, leaves=4).save(bundle.ranker_path(tmp_path))
    assert bundle.load_ranker(tmp_path, fold=0) is None
    loaded = get_engine(tiny, None, data_dir=tmp_path)
    assert loaded.ranker is not None

    first = {"lr_kb": 1.0}
    engine = Engine(m, weights=first, rerank_k=3, ranker=loaded.ranker)
    one_stage = Engine(m, weights=first)
    query = Query(rows(m, "HP:0000101", "HP:0000201", "HP:0000202"), rows(m, "HP:0000301"))
    plain, scores = one_stage.score(query), engine.score(query)
    top, matrix = engine.candidate_features(query)
    assert set(top.tolist()) == set(np.argsort(-plain)[:3].tolist())
    assert set(np.argsort(-scores)[:3].tolist()) == set(top.tolist())  # the candidates stay on top
    others = [i for i in range(m.n_conditions) if i not in set(top.tolist())]
    assert np.allclose(scores[others], plain[others])
    # ... in the ranker's order, its features those of the whole query for these conditions
    predicted = loaded.ranker.predict(matrix)
    assert np.allclose(scores[top] - scores[top].max(), predicted - predicted.max())
    assert np.allclose(matrix[:, : len(FEATURES)], engine.features(query)[top], atol=1e-5)
    assert np.allclose(matrix[:, RANKER_FEATURES.index("stage1")], plain[top])


def test_the_ranker_sees_how_the_findings_spread_over_each_candidate(tiny_engine: Engine) -> None:
    m = tiny_engine.model
    present = rows(m, "HP:0000101", "HP:0000201", "HP:0000202")
    top, matrix = tiny_engine.candidate_features(Query(present), k=4)
    per_term = np.array([tiny_engine.obs_kb(t)[top] for t in present])  # findings × candidates
    ic = -np.log(tiny_engine.bg[list(present)])
    column = {name: matrix[:, RANKER_FEATURES.index(name)] for name in RANKER_FEATURES}
    assert np.array_equal(column["n_explained"], (per_term > 0).sum(axis=0))
    floor = np.log(np.float32(tiny_engine.params.floor))
    assert np.array_equal(column["n_unexplained"], (per_term <= floor + 1e-6).sum(axis=0))
    assert np.allclose(column["min_obs_kb"], per_term.min(axis=0))
    assert np.allclose(column["ic_explained"], (ic[:, None] * (per_term > 0)).sum(axis=0) / ic.sum())
    # the condition annotated with all three findings explains them all, with none at the floor
    best = list(top).index(m.condition_index["OMIM:100001"])
    assert column["n_explained"][best] == 3 and column["n_unexplained"][best] == 0
    assert column["ic_explained"][best] == pytest.approx(1.0)


def test_a_ranker_of_other_features_is_refused(tmp_path: Path) -> None:
    import lightgbm

    x = np.random.default_rng(0).normal(size=(60, 3))
    params = {"objective": "lambdarank", "min_data_in_leaf": 2, "min_data_in_bin": 1, "verbose": -1}
    booster = lightgbm.train(
        params, lightgbm.Dataset(x, label=x[:, 0] > 0, group=[3] * 20), num_boost_round=2
    )
    booster.save_model(str(tmp_path / "old.txt"))
    with pytest.raises(ValueError, match="features"):
        LightGBMRanker.load(tmp_path / "old.txt")


def test_the_ranker_is_monotone_in_the_exclusion_features() -> None:
    """Fitted on data where excluded very frequent features and a low likelihood ratio go with the
    truth (the pertinent-negative bias of published cases), it still cannot reward them."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2000, len(RANKER_FEATURES)))
    col = RANKER_FEATURES.index
    x[:, col("excl_vfreq")] = rng.integers(0, 3, size=2000)
    label = ((x[:, col("excl_vfreq")] > 0) | (x[:, col("excl_kb")] < -1)).astype(int)
    model = fit_ranker(x, label, [20] * 100, trees=20, leaves=8)
    probe = np.tile(x[:50], (5, 1))
    probe[:, col("excl_vfreq")] = np.repeat(np.arange(5), 50)
    by_count = model.predict(probe).reshape(5, 50)
    assert np.all(np.diff(by_count, axis=0) <= 1e-12)  # more excluded very frequent: never higher
    for name, sign in RANKER_MONOTONE.items():
        probe = np.tile(x[:50], (5, 1))
        probe[:, col(name)] = np.repeat(np.linspace(-3, 3, 5), 50)
        steps = np.diff(model.predict(probe).reshape(5, 50), axis=0) * sign
        assert np.all(steps >= -1e-12), name


def test_hold_back_keeps_a_candidate_the_query_speaks_against_at_or_below_its_first_stage_position() -> None:
    scores = np.array([5.0, 1.0, 9.0, 3.0, 0.5])
    first = np.array([4.0, 3.0, 2.0, 1.0, 0.0])  # first-stage order: 0, 1, 2, 3, 4 (row 2 third)
    held = np.array([False, False, True, False, True])
    out = hold_back(scores, first, held, np.arange(5))
    assert np.argsort(-out).tolist() == [0, 3, 2, 1, 4]  # row 2 third at best; row 4 already last
    assert np.array_equal(out[[0, 1, 3, 4]], scores[[0, 1, 3, 4]])  # the others are not touched
    assert out[2] < 3.0
    assert hold_back(scores, first, np.zeros(5, dtype=bool), np.arange(5)) is scores
    # equivalent entries count once: rows 0 and 1 are one condition, so row 2 may be second
    paired = hold_back(scores, first, held, np.array([7, 7, 8, 9, 10]))
    assert np.argsort(-paired).tolist()[:2] == [0, 2] and paired[2] < 5.0


def test_hold_back_places_a_condition_by_its_best_entry_and_cascades() -> None:
    # rows 1 and 4 are one held condition, second under the first stage (through row 1); the ranker
    # likes row 4 best: the condition may be second, not first, and keeps row 4's order among its rows
    scores = np.array([5.0, 1.0, 3.0, 2.0, 9.0])
    first = np.array([4.0, 3.0, 2.0, 1.0, 0.0])
    held = np.array([False, True, False, False, True])
    out = hold_back(scores, first, held, np.array([0, 1, 2, 3, 1]))
    assert np.argsort(-out).tolist()[:2] == [0, 4] and out[4] < 5.0 and out[1] == 1.0
    # two held conditions the ranker puts first: each goes back to (no higher than) its own position
    scores = np.array([1.0, 2.0, 3.0, 8.0, 9.0])
    held = np.array([False, False, False, True, True])
    out = hold_back(scores, first, held, np.arange(5))
    assert np.argsort(-out).tolist() == [2, 1, 0, 3, 4]
    assert np.array_equal(out[:3], scores[:3])


def test_column_sums_with_dense_columns_agree_with_the_matrix_product() -> None:
    rng = np.random.default_rng(3)
    matrix = sp.random(60, 25, density=0.08, random_state=2, format="csr", dtype=np.float64)
    matrix = sp.lil_matrix(matrix)
    matrix[:, 4] = 1.0  # in every row (a root term)
    matrix[:40, 9] = 2.0  # in two thirds of them
    sums = ColumnSums(sp.csr_matrix(matrix))
    assert sorted(np.flatnonzero(sums.position >= 0).tolist()) == [4, 9]
    assert sums.sparse[:, [4, 9]].nnz == 0
    for columns in ([4], [1, 4, 9, 20], [0, 3, 11], []):
        picked = np.array(columns, dtype=np.int64)
        weights = rng.random(len(picked))
        x = np.zeros(25)
        x[picked] = weights
        assert np.allclose(sums.sums(picked, weights), matrix @ x)
        x[picked] = 1.0
        assert np.allclose(sums.sums(picked), matrix @ x)


def test_sparse_vectors_and_column_sums_agree_with_dense_arithmetic() -> None:
    rng = np.random.default_rng(0)
    dense = np.where(rng.random(50) < 0.2, rng.normal(size=50), -4.6).astype(np.float32)
    vector = SparseVector.of(dense)
    assert vector.base == np.float32(-4.6) and len(vector.rows) < 25
    assert np.array_equal(vector.dense(50), dense)
    positions = rng.permutation(50)[:17]
    slot = np.full(50, -1)
    slot[positions] = np.arange(17)
    other = SparseVector.of(np.where(np.arange(50) % 7 == 0, 1.5, 0.0))
    gathered = _gather([vector.part, other.part], slot, 17)
    assert np.array_equal(gathered[0], dense[positions])
    assert np.array_equal(gathered[1], np.where(positions % 7 == 0, 1.5, 0.0))
    matrix = sp.random(30, 40, density=0.1, random_state=1, format="csc", dtype=np.float64)
    columns = np.array([2, 5, 6, 31])
    weights = rng.random(4)
    x = np.zeros(40)
    x[columns] = weights
    assert np.allclose(_column_sums(matrix, columns, weights), matrix @ x)
    assert np.allclose(_column_sums(matrix, np.array([], dtype=np.int64)), 0.0)
    parts = [(np.array([1, 3]), np.array([0.5, 1.0], dtype=np.float32)), (np.array([3]), np.array([2.0]))]
    assert _sum_sparse(5, parts).tolist() == [0.0, 0.5, 0.0, 3.0, 0.0]


def test_warming_builds_the_frequent_terms_vectors_and_changes_no_score(tiny: Knowledge) -> None:
    cases = [
        ExtraCase("OMIM:999999", "New syndrome", "PMID:1", ("HP:0000102", "HP:0000301"), ("HP:0000201",)),
        ExtraCase("OMIM:999999", "New syndrome", "PMID:2", ("HP:0000102", "HP:0000102"), ("HP:0000201",)),
        ExtraCase("OMIM:100001", "Other", "PMID:3", ("HP:0000301",)),
    ]
    m = build_model(tiny, cases)
    present, excluded = _frequent_terms(m, cases)
    # given by two cases or more (a term repeated within one case counts once)
    assert sorted(present) == sorted([m.term_index["HP:0000102"], m.term_index["HP:0000301"]])
    assert excluded == [m.term_index["HP:0000201"]]
    warmed, cold = Engine(m, weights=DEFAULT_WEIGHTS), Engine(m, weights=DEFAULT_WEIGHTS)
    warmed.warm(present, excluded)
    assert {("vectors-present", t) for t in present} | {("vectors-excluded", excluded[0])} == set(
        warmed._vector_cache
    )
    assert ("excl_case", excluded[0]) in warmed._term_cache
    query = Query(rows(m, "HP:0000102", "HP:0000202"), rows(m, "HP:0000201"))
    assert np.array_equal(warmed.score(query), cold.score(query))


def test_get_engine_warms_once_when_asked_even_an_engine_built_cold(tiny: Knowledge, tmp_path: Path) -> None:
    cases = [
        ExtraCase("OMIM:999999", "New syndrome", "PMID:1", ("HP:0000102",), ("HP:0000201",)),
        ExtraCase("OMIM:999999", "New syndrome", "PMID:2", ("HP:0000102",), ("HP:0000201",)),
    ]
    bundle.write_bundle(tmp_path, cases, EngineParams(), DEFAULT_WEIGHTS, [], 1, {})
    cold = get_engine(tiny, None, data_dir=tmp_path)  # a one-off query: nothing built ahead
    assert not cold.warmed and not cold._vector_cache
    warmed = get_engine(tiny, None, data_dir=tmp_path, warm=True)  # then a server asks for it warm
    assert warmed is cold and warmed.warmed
    t = warmed.model.term_index["HP:0000102"]
    assert ("vectors-present", t) in warmed._vector_cache
    warmed.clear_cache()
    get_engine(tiny, None, data_dir=tmp_path, warm=True)  # already warmed: not built again
    assert not warmed._vector_cache


def test_a_fold_engine_holds_its_publications_out_of_the_knowledge_base(tmp_path: Path) -> None:
    knowledge = tiny_knowledge()  # a fresh copy: one annotation is given a reference below
    record = knowledge.conditions[EYE_JERK]
    curated = record.annotations[0]
    record.annotations = [curated._replace(references=("PMID:7",)), *record.annotations[1:]]
    cases = [ExtraCase("OMIM:100001", "Other", source, ("HP:0000301",)) for source in ("PMID:7", "PMID:8")]
    n_folds = 5
    folds = [DEFAULT_WEIGHTS] * n_folds
    bundle.write_bundle(tmp_path, cases, EngineParams(), DEFAULT_WEIGHTS, folds, n_folds, {})
    shipped = get_engine(knowledge, None, data_dir=tmp_path)
    fold = get_engine(knowledge, None, held_out_fold=fold_of("PMID:7", n_folds), data_dir=tmp_path)
    d, t = shipped.model.condition_ids.index(EYE_JERK), shipped.model.term_index[curated.hpo_id]
    assert shipped.model.freq[d, t] > 0  # the shipped engine keeps what HPO curated from PMID:7
    assert fold.model.freq[d, t] == 0  # the engine that ranks PMID:7's cases does not


class _ByStage1:
    """A stand-in second stage (any `Ranker` will do here): the first stage's own order."""

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        return matrix[:, RANKER_FEATURES.index("stage1")]


def test_a_condition_whose_published_cases_look_alike_joins_the_candidates(tiny: Knowledge) -> None:
    # the unannotated disease has no knowledge-base profile, only a published patient like this query
    case = ExtraCase(UNANNOTATED, "Unannotated disease", "PMID:1", ("HP:0000301", "HP:0000202"))
    m = build_model(tiny, [case])
    query = Query(rows(m, "HP:0000301", "HP:0000202"))
    kb_only = {"lr_kb": 1.0}  # the first stage ignores the published cases
    rash, unannotated = m.condition_index[RASH], m.condition_index[UNANNOTATED]
    plain = Engine(m, weights=kb_only, rerank_k=1, ranker=_ByStage1(), case_k=0)
    assert plain.candidate_features(query)[0].tolist() == [rash]
    engine = Engine(m, weights=kb_only, rerank_k=1, ranker=_ByStage1(), case_k=1)
    top, matrix = engine.candidate_features(query)
    assert top.tolist() == [rash, unannotated]
    scores = engine.score(query)
    assert set(np.argsort(-scores)[:2].tolist()) == {rash, unannotated}  # both stay above the rest
    assert len(matrix) == 2
    # without observed findings there is no case similarity to go by
    assert engine.candidate_features(Query((), rows(m, "HP:0000201")))[0].tolist() != [rash, unannotated]


def test_a_condition_the_query_speaks_against_does_not_join_by_its_published_cases(tiny: Knowledge) -> None:
    # rash is obligate in the rash disease: stated absent, the disease may not be lifted past the first
    # stage by joining the candidates through a published patient with the same gait
    m = build_model(tiny, [ExtraCase(RASH, "Rash disease", "PMID:1", ("HP:0000202",))])
    engine = Engine(m, weights={"lr_kb": 1.0}, rerank_k=1, ranker=_ByStage1(), case_k=1)
    gait, rash = rows(m, "HP:0000202"), rows(m, "HP:0000301")
    rash_disease = m.condition_index[RASH]
    assert rash_disease in engine.candidate_features(Query(gait))[0].tolist()
    assert rash_disease not in engine.candidate_features(Query(gait, rash))[0].tolist()


def test_case_candidates_are_the_best_by_case_similarity_among_conditions_with_cases() -> None:
    no_cases = -np.log1p(5)  # what rows without published cases get (5 rows have cases)
    rank_case = np.r_[-np.log1p(np.array([3.0, 0.0])), no_cases, -np.log1p(np.array([1.0, 4.0, 1.0, 2.0]))]
    case_rows = np.array([0, 1, 3, 4, 5, 6])
    assert set(case_candidates(rank_case, case_rows, 1).tolist()) == {1}
    assert set(case_candidates(rank_case, case_rows, 3).tolist()) == {1, 3, 5}  # ranks 0, 1, 1 (a tie)
    assert len(case_candidates(rank_case, case_rows, 2)) == 2
    assert set(case_candidates(rank_case, case_rows, 10).tolist()) == {0, 1, 3, 4, 5, 6}
    assert 2 not in case_candidates(rank_case, case_rows, 100)
    assert case_candidates(rank_case, case_rows, 0).size == 0


def _reference_ranks(scores: np.ndarray) -> np.ndarray:
    """The number of strictly better scores, compared to 4 decimals, counted one by one."""
    rounded = np.round(scores, 4)
    return np.array([float((rounded > r).sum()) for r in rounded])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ranks_count_the_better_scores_with_ties_shared(seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores = np.round(rng.normal(0.0, 30.0, 2000), 2)  # many exact ties
    scores[::7] += rng.normal(0.0, 1e-9, len(scores[::7]))  # float noise does not split a tie
    scores[:5] = [1e6, -1e6, 0.0, 0.0, 12.34565]
    assert np.array_equal(_ranks(scores), _reference_ranks(scores))


def test_ranks_of_scores_the_packed_sort_cannot_take() -> None:
    huge = np.array([3.0, 1e300, -1e300, 3.0, 0.5])
    assert _ranks(huge).tolist() == [1.0, 0.0, 4.0, 1.0, 3.0]
    infinite = np.array([2.0, -np.inf, np.inf, 2.0])
    assert _ranks(infinite).tolist() == [1.0, 3.0, 0.0, 1.0]
    assert _ranks(np.array([])).tolist() == []
