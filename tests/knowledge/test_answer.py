from __future__ import annotations

import random

import pytest

from symptomdb.knowledge.answer import answer, frequent_symptoms, slugify
from symptomdb.knowledge.store import Knowledge, UnknownIdError


def test_opsoclonus_myoclonus_answer_has_sourced_frequent_symptoms(knowledge: Knowledge) -> None:
    result = answer(knowledge, "ORPHA:1183")
    assert result.name == "Opsoclonus-myoclonus syndrome"
    assert result.slug == "opsoclonus-myoclonus-syndrome"
    frequent = {s.hpo_id: s for s in frequent_symptoms(result)}
    for hpo_id in ("HP:0010543", "HP:0001336", "HP:0001251"):  # opsoclonus, myoclonus, ataxia
        assert hpo_id in frequent
        assert frequent[hpo_id].frequency_label == "Very frequent (80-99%)"
        assert [s.label for s in frequent[hpo_id].sources] == ["ORPHA:1183"]
    assert frequent["HP:0001336"].plain_name == "Jerking"  # HPO's layperson synonym
    # Groups are ordered, each most frequent first.
    for group in result.symptoms.groups:
        values = [s.frequency or 0.0 for s in group.symptoms]
        assert values == sorted(values, reverse=True)
    assert "MONDO:0015247" in {x.id for x in result.overview.xrefs}
    assert any(r.source == "hpo" and r.version == "2025-01-16" for r in result.sources)
    assert "not medical advice" in result.disclaimer.lower()


def test_sections_without_data_say_so(knowledge: Knowledge) -> None:
    result = answer(knowledge, "ORPHA:1183")
    assert result.treatment.items == [] and result.treatment.note
    assert result.overview.inheritance == []  # none in the data: nothing invented


def test_inheritance_course_genes_and_excluded_features_are_kept_apart(knowledge: Knowledge) -> None:
    interesting = [
        c
        for c in knowledge.conditions.values()
        if c.genes or any(a.negated or a.aspect == "I" for a in c.annotations)
    ]
    assert len(interesting) > 1000
    for record in interesting[::40]:
        result = answer(knowledge, record.id)
        inheritance_ids = {a.hpo_id for a in record.annotations if a.aspect == "I"}
        assert {t.id for t in result.overview.inheritance} == inheritance_ids
        symptom_ids = {s.hpo_id for g in result.symptoms.groups for s in g.symptoms}
        assert not symptom_ids & inheritance_ids
        excluded = {a.hpo_id for a in record.annotations if a.negated and a.aspect == "P"}
        assert {s.hpo_id for s in result.symptoms.excluded} == excluded
        assert {g.symbol for g in result.overview.genes} == {g for g, _ in record.genes}


def test_every_database_has_answers(knowledge: Knowledge) -> None:
    """A sample across OMIM, ORPHA and DECIPHER: every condition answers, with its symptoms."""
    rng = random.Random(7)
    by_database: dict[str, list[str]] = {}
    for cid, record in knowledge.conditions.items():
        by_database.setdefault(record.database, []).append(cid)
    assert set(by_database) == {"OMIM", "ORPHA", "DECIPHER", "DOID"}
    assert len(knowledge.conditions) > 12_000
    for ids in by_database.values():
        for cid in rng.sample(ids, min(150, len(ids))):
            result = answer(knowledge, cid)
            phenotypes = {
                a.hpo_id for a in knowledge.conditions[cid].annotations if a.aspect == "P" and not a.negated
            }
            assert result.symptoms.count == len(phenotypes)
            assert (result.symptoms.note is None) == bool(phenotypes)


@pytest.mark.parametrize("bad", ["OMIM:999999999", "nonsense", "", "HP:0001250"])
def test_unknown_ids_raise_a_clear_error(knowledge: Knowledge, bad: str) -> None:
    with pytest.raises(UnknownIdError, match="unknown condition"):
        answer(knowledge, bad)


@pytest.mark.parametrize("form", ["ORPHA:1183", "ORPHA-1183", "orpha_1183", "Orphanet:1183", "MONDO:0015247"])
def test_id_forms(knowledge: Knowledge, form: str) -> None:
    assert knowledge.condition(form).id == "ORPHA:1183"


def test_slugify() -> None:
    assert slugify("Neurofibromatosis, type 1") == "neurofibromatosis-type-1"
    assert slugify("Sjögren syndrome") == "sjogren-syndrome"
    assert slugify("???") == "condition"


def test_a_disease_only_a_newer_hpo_release_annotates_says_which_release_and_what_it_lacks(
    knowledge: Knowledge,
) -> None:
    newer = knowledge.release("hpo-newer")
    main = knowledge.release("hpo")
    assert newer is not None and main is not None and newer.version > main.version
    added = sorted(c.id for c in knowledge.conditions.values() if c.annotation_source == "hpo-newer")
    assert len(added) > 100  # the bundled extract's diseases, none of them in the main release
    result = answer(knowledge, added[0])
    assert result.symptoms.source is not None
    assert newer.version in result.symptoms.source and "without frequencies" in result.symptoms.source
    assert all(s.frequency is None for g in result.symptoms.groups for s in g.symptoms)
    old = answer(knowledge, "ORPHA:1183")
    assert old.symptoms.source == f"Human Phenotype Ontology annotations, release {main.version}"
