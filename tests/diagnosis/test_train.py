"""Weight learning: folds by publication, the conditional-logit fit, short queries."""

from __future__ import annotations

import numpy as np

from symptomdb.diagnosis.rank import FEATURES, Query
from symptomdb.diagnosis.train import Example, LabelledQuery, fit_weights, fold_of, short_query


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
