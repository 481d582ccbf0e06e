"""The public service: `diagnose(knowledge, present, absent, sex, onset, limit) -> DiagnosisResult`."""

from __future__ import annotations

import pytest

from symptomdb.context import SymptomDB
from symptomdb.diagnosis.rank import Engine
from symptomdb.diagnosis.service import DiagnosisResult, diagnose
from symptomdb.knowledge.store import Knowledge, UnknownIdError

OPSOCLONUS, MYOCLONUS, ATAXIA = "HP:0010543", "HP:0001336", "HP:0001251"
OMS = "ORPHA:1183"


# --- on the hand-built knowledge base -------------------------------------------------------------------


def test_equivalent_entries_are_ranked_once_with_their_other_ids(
    tiny: Knowledge, tiny_engine: Engine
) -> None:
    result = diagnose(tiny, ["HP:0000101", "HP:0000201"], engine=tiny_engine)
    assert isinstance(result, DiagnosisResult)
    ids = [r.id for r in result.results]
    assert ids[0] in ("OMIM:100001", "ORPHA:1001")
    assert not {"OMIM:100001", "ORPHA:1001"} <= set(ids)
    first = result.results[0]
    assert set(first.equivalent_ids) | {first.id} == {"OMIM:100001", "ORPHA:1001"}
    assert [r.rank for r in result.results] == list(range(1, len(ids) + 1))
    assert first.probability is None  # hand-set weights: no calibrated probability


def test_alternative_and_obsolete_ids_are_mapped(tiny: Knowledge, tiny_engine: Engine) -> None:
    result = diagnose(tiny, ["HP:0000109", "hp_0000108"], engine=tiny_engine)
    assert [t.id for t in result.query.present] == ["HP:0000101"]
    assert result.query.present[0].given == "HP:0000109"


def test_unknown_ids_raise_a_clear_error(tiny: Knowledge, tiny_engine: Engine) -> None:
    with pytest.raises(UnknownIdError, match=r"unknown HPO term id 'HP:9999999'.*HPO 2025-01-16"):
        diagnose(tiny, ["HP:0000101"], ["HP:9999999"], engine=tiny_engine)
    with pytest.raises(UnknownIdError):
        diagnose(tiny, ["opsoclonus"], engine=tiny_engine)


def test_bad_sex_onset_and_limit_raise_value_errors(tiny: Knowledge, tiny_engine: Engine) -> None:
    with pytest.raises(ValueError, match="sex"):
        diagnose(tiny, ["HP:0000101"], sex="robot", engine=tiny_engine)
    with pytest.raises(ValueError, match="onset"):
        diagnose(tiny, ["HP:0000101"], onset="yesterday", engine=tiny_engine)
    with pytest.raises(ValueError, match="age-of-onset"):
        diagnose(tiny, ["HP:0000101"], onset="HP:0000101", engine=tiny_engine)
    with pytest.raises(ValueError, match="limit"):
        diagnose(tiny, ["HP:0000101"], limit=-1, engine=tiny_engine)


def test_sex_onset_notes_and_limit(tiny: Knowledge, tiny_engine: Engine) -> None:
    result = diagnose(
        tiny, ["HP:0000201"], ["HP:0000201", "HP:0000102"], sex="F", onset="P30Y", limit=2, engine=tiny_engine
    )
    assert result.query.sex == "female" and result.query.onset_class == "adult"
    assert [t.id for t in result.query.absent] == ["HP:0000102"]
    assert "both present and absent" in result.query.notes[0]
    assert len(result.results) == 2
    empty = diagnose(tiny, [], ["HP:0000102"], engine=tiny_engine)
    assert empty.results == [] and empty.query.notes


# --- on the real knowledge base (shipped engine) --------------------------------------------------------


@pytest.fixture(scope="module")
def real(shared_db: SymptomDB) -> tuple[Knowledge, SymptomDB]:
    return shared_db.knowledge, shared_db


def run(
    real: tuple[Knowledge, SymptomDB], present: list[str], absent: tuple[str, ...] = (), **kw: object
) -> DiagnosisResult:
    knowledge, db = real
    return diagnose(knowledge, present, absent, cache_dir=db.settings.cache_dir, **kw)  # type: ignore[arg-type]


def test_this_release_names_hp_0000570_abnormal_saccadic_eye_movements(
    real: tuple[Knowledge, SymptomDB],
) -> None:
    knowledge, _ = real
    assert knowledge.terms["HP:0000570"].name == "Abnormal saccadic eye movements"
    assert knowledge.terms[OPSOCLONUS].name == "Opsoclonus"


def test_opsoclonus_myoclonus_ataxia_ranks_oms_at_the_top(real: tuple[Knowledge, SymptomDB]) -> None:
    result = run(real, [OPSOCLONUS, MYOCLONUS, ATAXIA], limit=10)
    ids = [r.id for r in result.results]
    assert OMS in ids[:3], ids
    oms = result.results[ids.index(OMS)]
    assert {m.id for m in oms.explanation.matched} == {OPSOCLONUS, MYOCLONUS, ATAXIA}
    assert oms.explanation.matched[0].frequency_label == "very frequent"
    assert oms.probability is not None and 0 < oms.probability <= 1
    saccadic = run(real, ["HP:0000570", MYOCLONUS, ATAXIA], limit=20)
    assert OMS in [r.id for r in saccadic.results]


def test_a_distinguishing_absent_finding_raises_the_right_answer(real: tuple[Knowledge, SymptomDB]) -> None:
    knowledge, _ = real
    kufor_rakeb, brisk_reflexes = "OMIM:606693", "HP:0001348"
    # brisk reflexes: very frequent in Kufor-Rakeb syndrome, not a feature of OMS
    assert any(
        a.hpo_id == brisk_reflexes and (a.frequency or 0) >= 0.8
        for a in knowledge.conditions[kufor_rakeb].annotations
    )
    assert brisk_reflexes not in {a.hpo_id for a in knowledge.conditions[OMS].annotations}
    present = ["HP:0000570", MYOCLONUS, ATAXIA]
    before_result = run(real, present, limit=50)
    before = [r.id for r in before_result.results]
    after_result = run(real, present, (brisk_reflexes,), limit=50)
    after = [r.id for r in after_result.results]
    # OMS rises (it may be first already): higher or as high, and more probable
    assert after.index(OMS) <= before.index(OMS)
    probability = {r.id: r.probability or 0.0 for r in before_result.results}
    assert (after_result.results[after.index(OMS)].probability or 0.0) > probability[OMS]
    assert after.index(kufor_rakeb) > before.index(kufor_rakeb)
    against = after_result.results[after.index(kufor_rakeb)].explanation.excluded_against
    assert [f.id for f in against] == [brisk_reflexes] and against[0].weight < 0


def test_an_absent_feature_of_the_leader_lifts_the_right_answer(real: tuple[Knowledge, SymptomDB]) -> None:
    knowledge, _ = real
    sca20 = "OMIM:608687"  # spinocerebellar ataxia 20: saccades, myoclonus and ataxia, but no opsoclonus
    assert OPSOCLONUS not in {a.hpo_id for a in knowledge.conditions[sca20].annotations}
    present = ["HP:0000570", MYOCLONUS, ATAXIA]
    before = [r.id for r in run(real, present, limit=50).results]
    after = [r.id for r in run(real, present, (OPSOCLONUS,), limit=50).results]
    assert before.index(OMS) < before.index(sca20)  # OMS leads while opsoclonus is not ruled out
    assert after.index(sca20) < before.index(sca20)  # "no opsoclonus": SCA20 strictly rises
    assert after.index(OMS) > after.index(sca20)


def test_real_alt_and_obsolete_ids(real: tuple[Knowledge, SymptomDB]) -> None:
    knowledge, _ = real
    alt, primary = next(
        (a, p) for a, p in sorted(knowledge.alt_ids.items()) if p == ATAXIA or p.startswith("HP:")
    )
    obsolete = next(t for t in knowledge.terms.values() if t.is_obsolete and t.replaced_by in knowledge.terms)
    result = run(real, [alt, obsolete.id], limit=1)
    assert [t.id for t in result.query.present] == list(dict.fromkeys([primary, obsolete.replaced_by]))
    with pytest.raises(UnknownIdError, match="HP:0000000"):
        run(real, ["HP:0000000"])
