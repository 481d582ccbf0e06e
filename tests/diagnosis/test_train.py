"""Weight learning: folds by publication, the conditional-logit fit, short queries."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from symptomdb.diagnosis.model import DiagnosisModel
from symptomdb.diagnosis.rank import FEATURES, RANKER_FEATURES, Engine, EngineParams, Query
from symptomdb.diagnosis.train import (
    Example,
    LabelledQuery,
    fit_weights,
    fold_of,
    ranker_data,
    short_query,
    top_candidates,
)


def test_folds_are_stable_and_cover_all_folds() -> None:
    assert fold_of("PMID:35190816") == fold_of("pmid:35190816 ")
    assert {fold_of(f"PMID:{i}") for i in range(200)} == {0, 1, 2, 3, 4}


def test_fit_recovers_which_feature_marks_the_truth() -> None:
    rng = np.random.default_rng(0)
    examples = []
    good, noise = FEATURES.index("knn_max"), FEATURES.index("knn_mean")
    for _ in range(60):
        x = np.zeros((30, len(FEATURES)), dtype=np.float32)
        x[:, good] = rng.normal(size=30)
        x[:, noise] = rng.normal(size=30)
        truth = np.zeros(30, dtype=bool)
        truth[int(np.argmax(x[:, good] + 0.3 * rng.normal(size=30)))] = True
        examples.append(Example(x, truth))
    weights = fit_weights(examples, active=("knn_max", "knn_mean"))
    assert weights["knn_max"] > 1.0
    assert abs(weights.get("knn_mean", 0.0)) < weights["knn_max"] / 3


def test_short_queries_keep_a_few_findings() -> None:
    rng = np.random.default_rng(1)
    lq = LabelledQuery(Query(tuple(range(10)), (20, 21, 22), "female", 3), frozenset({5}), "PMID:1")
    for _ in range(20):
        short = short_query(lq, rng)
        assert 1 <= len(short.query.present) <= 5 and len(short.query.excluded) <= 2
        assert set(short.query.present) <= set(lq.query.present)
        assert short.truth == lq.truth and short.query.sex == "female"


def test_second_stage_examples_are_the_first_stages_best_candidates() -> None:
    lr = FEATURES.index("lr_kb")
    x = np.zeros((5, len(FEATURES)), dtype=np.float32)
    x[:, lr] = [5.0, 4.0, 3.0, 2.0, 1.0]
    near = Example(x, np.array([False, True, False, False, False]))
    far = Example(x, np.array([False, False, False, False, True]))
    cut = top_candidates([near, far], {"lr_kb": 1.0}, k=3)
    assert len(cut) == 1  # the truth of `far` is not among the best three: nothing to learn there
    assert cut[0].features.shape[0] == 3
    assert cut[0].truth.tolist() == [False, True, False]
    assert cut[0].features[:, lr].tolist() == [5.0, 4.0, 3.0]


def test_the_bundle_keeps_the_second_stage(tmp_path: Path) -> None:
    from symptomdb.diagnosis import bundle

    second = [{"lr_kb": 0.5, "knn_max": 1.0}, {"lr_kb": 0.25}]
    bundle.write_bundle(
        tmp_path,
        [],
        EngineParams(),
        {"lr_kb": 1.0},
        [{"lr_kb": 1.0}] * 2,
        2,
        {"cases": 0},
        rerank={"lr_kb": 2.0},
        rerank_fold=second,
        rerank_k=30,
    )
    loaded = bundle.load_weights(tmp_path)
    assert loaded.rerank == {"lr_kb": 2.0}
    assert loaded.rerank_fold == tuple(second)
    assert loaded.rerank_k == 30
    bundle.write_bundle(tmp_path, [], EngineParams(), {"lr_kb": 1.0}, [], 2, {"cases": 0})
    assert bundle.load_weights(tmp_path).rerank is None


def test_ranker_data_are_the_first_stage_candidates_never_the_truth_patched_in(
    tiny_model: DiagnosisModel,
) -> None:
    m = tiny_model
    engine = Engine(m, weights={"lr_kb": 1.0}, rerank_k=2)
    query = Query(tuple(m.term_index[t] for t in ("HP:0000101", "HP:0000201", "HP:0000202")))
    top, matrix = engine.candidate_features(query)
    assert set(top.tolist()) == set(np.argsort(-engine.score(query))[:2].tolist())
    outside = next(i for i in range(m.n_conditions) if i not in set(top.tolist()))
    data = ranker_data(
        engine,
        [
            LabelledQuery(query, frozenset({int(top[0])}), "a"),
            LabelledQuery(query, frozenset({outside}), "b"),
        ],
        target=3,
        k=2,
    )
    assert data.target == 3
    assert data.groups.tolist() == [2]  # the query whose truth is not a candidate is left out
    assert data.labels.tolist() == [1, 0]
    assert data.features.shape == (2, len(RANKER_FEATURES))
    assert np.allclose(data.features, matrix, atol=1e-4)
