"""Medical sense of the shipped engine's learned second stage: a finding stated absent that a condition
has very frequently (or obligately) must never make the learned stage raise that condition.

Published cases report the findings their authors looked for, so a ranker learned from them sees
"absent" mostly in cases of diseases that have the finding; unconstrained, it put Japanese encephalitis
first for opsoclonus + myoclonus with fever absent. These tests run the real shipped engine and ranker
on the real knowledge base.
"""

from __future__ import annotations

import numpy as np
import pytest

from symptomdb.context import SymptomDB
from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.bench import group_rank
from symptomdb.diagnosis.rank import FEATURES, RANKER_FEATURES, VERY_FREQUENT, Engine, Query
from symptomdb.diagnosis.ranker import RANKER_MONOTONE, CompiledRanker, load_ranker
from symptomdb.diagnosis.service import diagnose, get_engine
from symptomdb.diagnosis.train import term_rows

OPSOCLONUS, MYOCLONUS, ATAXIA, FEVER = "HP:0010543", "HP:0001336", "HP:0001251", "HP:0001945"
OMS, JAPANESE_ENCEPHALITIS = "ORPHA:1183", "ORPHA:79139"

# Everyday differential questions (present findings, sex), each asked again with every very frequent
# feature of its leading conditions stated absent in turn.
QUERIES: list[tuple[tuple[str, ...], str | None]] = [
    ((OPSOCLONUS, MYOCLONUS), "female"),
    ((OPSOCLONUS, MYOCLONUS, ATAXIA), None),
    (("HP:0001250", "HP:0001263"), "male"),  # seizures, global developmental delay
    (("HP:0001945", "HP:0002315", "HP:0001324"), None),  # fever, headache, muscle weakness
    (("HP:0000365", "HP:0000639"), None),  # hearing impairment, nystagmus
]
LEADING = 8  # conditions per query
FEATURES_EACH = 3  # very frequent features per condition


@pytest.fixture(scope="module")
def engine(shared_db: SymptomDB) -> Engine:
    engine = get_engine(shared_db.knowledge, shared_db.settings.cache_dir)
    assert engine.ranker is not None, "the shipped engine has a learned second stage"
    return engine


def test_fever_stated_absent_keeps_opsoclonus_myoclonus_syndrome_first(
    shared_db: SymptomDB, engine: Engine
) -> None:
    knowledge = shared_db.knowledge
    present = [OPSOCLONUS, MYOCLONUS]
    for sex in ("female", "male", None):
        before = diagnose(knowledge, present, sex=sex, limit=20, engine=engine).results
        after = diagnose(knowledge, present, [FEVER], sex=sex, limit=20, engine=engine).results
        assert after[0].id == OMS, [r.id for r in after]
        # fever is (very) frequent in Japanese encephalitis: its absence moves it down, never up
        rank = {r.id: r.rank for r in before}[JAPANESE_ENCEPHALITIS]
        assert {r.id: r.rank for r in after}.get(JAPANESE_ENCEPHALITIS, 21) > rank


def test_the_learned_stage_never_lifts_a_condition_past_the_first_stage_for_an_absent_frequent_feature(
    shared_db: SymptomDB, engine: Engine
) -> None:
    """With a very frequent feature x of d stated absent, d ranks no better than the first stage (a
    weighted sum in which such an absence may only count against) puts it; and if the first stage does
    not move d up, neither does the engine."""
    knowledge, model = shared_db.knowledge, engine.model
    checked = 0
    for present_ids, sex in QUERIES:
        present = term_rows(knowledge, model, present_ids)
        before = Query(present, (), sex)
        scores, first = engine.score(before), engine.first_score(before)
        for d in _leading(scores, model.group):
            for x in _very_frequent_features(engine, d, exclude=present):
                after = Query(present, (x,), sex)
                final_rank = _rank(engine.score(after), model.group, d)
                first_rank = _rank(engine.first_score(after), model.group, d)
                probe = (present_ids, model.condition_ids[d], model.term_ids[x])
                assert final_rank >= first_rank, probe
                if first_rank >= _rank(first, model.group, d):
                    assert final_rank >= _rank(scores, model.group, d), probe
                checked += 1
    assert checked >= 60


def test_published_cases_never_count_an_absent_very_frequent_feature_for_the_condition(
    shared_db: SymptomDB, engine: Engine
) -> None:
    """Published cases report absent the findings their authors looked for; the features learned from
    them (`excl_case`, `knn_excl`) may still never count a very frequent feature stated absent *for* the
    condition that has it, and neither may any other exclusion feature."""
    knowledge, model = shared_db.knowledge, engine.model
    col = FEATURES.index
    checked = 0
    for present_ids, sex in QUERIES:
        present = term_rows(knowledge, model, present_ids)
        before = Query(present, (), sex)
        for d in _leading(engine.score(before), model.group):
            row_before = engine.features(before)[d]
            for x in _very_frequent_features(engine, d, exclude=present):
                row_after = engine.features(Query(present, (x,), sex))[d]
                change = row_after - row_before
                probe = (present_ids, model.condition_ids[d], model.term_ids[x])
                for name in ("excl_case", "knn_excl", "excl_kb", "lr_kb"):
                    assert change[col(name)] <= 1e-9, (probe, name)
                assert change[col("excl_rel")] == 0 and change[col("excl_vfreq")] == 1, probe
                checked += 1
    assert checked >= 60


def test_hydronephrosis_stated_absent_does_not_raise_wolfram_syndrome(
    shared_db: SymptomDB, engine: Engine
) -> None:
    # its published cases often report hydronephrosis absent; before the published-case features
    # were bounded, stating it absent took Wolfram syndrome 1 from 0.06 to 0.29 and to first place
    knowledge, present = shared_db.knowledge, ["HP:0000365", "HP:0000639"]  # hearing impairment, nystagmus
    before = {r.id: r for r in diagnose(knowledge, present, limit=20, engine=engine).results}
    after = {r.id: r for r in diagnose(knowledge, present, ["HP:0000126"], limit=20, engine=engine).results}
    wolfram = "OMIM:222300"
    assert wolfram in before and wolfram in after
    assert after[wolfram].rank >= before[wolfram].rank
    assert after[wolfram].probability is not None and before[wolfram].probability is not None
    # The probability may move by hundredths of a point: the calibration temperature follows the raw
    # confidence of the whole list, which the absent finding changes (the README's probes count these).
    assert after[wolfram].probability <= before[wolfram].probability + 0.002


def test_the_shipped_ranker_cannot_reward_what_the_query_speaks_against(
    shared_db: SymptomDB, engine: Engine
) -> None:
    """On real candidate lists: one more excluded very frequent feature (and the knowledge-base
    penalty and first score that go with it), or one more contradicted NOT annotation, never raises a
    candidate's learned score; nor does moving any constrained feature the wrong way."""
    assert engine.ranker is not None
    knowledge, model = shared_db.knowledge, engine.model
    col = RANKER_FEATURES.index
    penalty = float(np.log1p(-engine.params.eta * VERY_FREQUENT))
    for present_ids, sex in QUERIES:
        _, matrix = engine.candidate_features(Query(term_rows(knowledge, model, present_ids), (), sex))
        base = engine.ranker.predict(matrix)
        worse = matrix.copy()
        worse[:, col("excl_vfreq")] += 1
        worse[:, [col("excl_kb"), col("lr_kb")]] += penalty
        worse[:, col("stage1")] += penalty
        worse[:, col("stage1_gap")] += penalty
        assert np.all(engine.ranker.predict(worse) <= base + 1e-9), present_ids
        contradicted = matrix.copy()
        contradicted[:, col("neg_obs")] += 1
        assert np.all(engine.ranker.predict(contradicted) <= base + 1e-9), present_ids
        for name, sign in RANKER_MONOTONE.items():
            moved = matrix.copy()
            moved[:, col(name)] -= sign * 2.0
            assert np.all(engine.ranker.predict(moved) <= base + 1e-9), (present_ids, name)


def test_the_shipped_ranker_runs_compiled_with_lightgbms_scores(shared_db: SymptomDB, engine: Engine) -> None:
    """The safety checks above run on the compiled model the site uses; LightGBM scores it the same."""
    assert isinstance(engine.ranker, CompiledRanker)
    plain = load_ranker(bundle.ranker_path(), compiled=False)
    for present_ids, sex in QUERIES:
        query = Query(term_rows(shared_db.knowledge, engine.model, present_ids), (), sex)
        _, matrix = engine.candidate_features(query)
        assert np.allclose(engine.ranker.predict(matrix), plain.predict(matrix), rtol=0, atol=1e-9)


def _leading(scores: np.ndarray, group: np.ndarray) -> list[int]:
    """The best-scored row of each of the first LEADING groups."""
    rows: dict[int, int] = {}
    for r in np.argsort(-scores, kind="stable")[:200]:
        rows.setdefault(int(group[r]), int(r))
        if len(rows) == LEADING:
            break
    return list(rows.values())


def _very_frequent_features(engine: Engine, d: int, exclude: tuple[int, ...]) -> list[int]:
    """Up to FEATURES_EACH terms the condition is annotated with directly at a frequency ≥ 80 %."""
    row = engine.freq_csr[d]
    pairs = sorted(zip(row.indices.tolist(), row.data.tolist(), strict=True), key=lambda p: (-p[1], p[0]))
    return [t for t, f in pairs if f >= VERY_FREQUENT and t not in exclude][:FEATURES_EACH]


def _rank(scores: np.ndarray, group: np.ndarray, d: int) -> int:
    rank = group_rank(scores, group, frozenset({d}))
    assert rank is not None
    return rank
