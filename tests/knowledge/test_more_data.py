"""Treatments (MAxO), diagnostic procedures, support links and Disease Ontology conditions."""

from __future__ import annotations

from symptomdb.context import SymptomDB
from symptomdb.knowledge.answer import answer
from symptomdb.knowledge.store import Knowledge
from symptomdb.search.resolve import resolve


def test_opsoclonus_myoclonus_page_has_procedures_support_links_and_an_honest_treatment_note(
    knowledge: Knowledge,
) -> None:
    result = answer(knowledge, "ORPHA:1183")
    procedures = [f for f in result.diagnosis.items if f.category == "Procedure"]
    assert procedures, "MAxO lists procedures that reveal the frequent features"
    revealed = " ".join(f.detail or "" for f in procedures)
    assert "Opsoclonus" in revealed and "Ataxia" in revealed
    assert not any("before birth" in f.label for f in procedures)  # onset is not prenatal
    assert result.diagnosis.source and "MAxO" in result.diagnosis.source
    if not knowledge.conditions["ORPHA:1183"].medical_actions:
        assert result.treatment.items == [] and "No curated treatment data" in (result.treatment.note or "")
    support = {f.detail: f.url for f in result.support.items}
    assert support["GARD:0010009"] == "https://rarediseases.info.nih.gov/diseases/10009/index"
    assert "NORD:1527" in support
    groups = [f.category for f in result.support.items]
    assert groups == sorted(groups, key=groups.index)  # each kind of link in one group
    assert groups[0] == "Patient information and support"


def test_conditions_with_maxo_actions_show_them_grouped_with_pmids(knowledge: Knowledge) -> None:
    treated = [
        c for c in knowledge.conditions.values() if any(a.relation == "treats" for a in c.medical_actions)
    ]
    assert len(treated) > 100
    for record in treated[:50]:
        result = answer(knowledge, record.id)
        treatments = [f for f in result.treatment.items if f.category == "Treatment"]
        assert treatments and result.treatment.note is None
        assert all(
            s.label.startswith(("PMID:", "OMIM:", "ORPHA:", "ISBN", "http"))
            for f in treatments
            for s in f.sources
        )
        assert any(s.label.startswith("PMID:") for f in treatments for s in f.sources)
        assert result.treatment.source and "CC BY 4.0" in result.treatment.source


def test_common_conditions_from_the_disease_ontology(shared_db: SymptomDB) -> None:
    for query, expected_name in (("influenza", "influenza"), ("migraine", "migraine")):
        match = resolve(shared_db.name_index, query, kinds=("condition",))[0]
        assert match.name.lower() == expected_name
        result = answer(shared_db.knowledge, match.id)
        if match.id.startswith("DOID:"):
            assert result.symptoms.count == 0
            assert result.symptoms.reported and result.symptoms.reported_source
            assert "does not say how often" in (result.symptoms.note or "")
    flu = answer(shared_db.knowledge, resolve(shared_db.name_index, "influenza", kinds=("condition",))[0].id)
    assert "fever" in {f.label for f in flu.symptoms.reported}


def test_do_conditions_merge_into_hpo_conditions_when_mondo_says_they_are_the_same(
    knowledge: Knowledge,
) -> None:
    merged = [
        c
        for c in knowledge.conditions.values()
        if c.database != "DOID" and c.reported_symptoms and any(n.source == "DO" for n in c.names)
    ]
    assert merged
    doids = {s.source_id for c in merged for s in c.reported_symptoms}
    assert not doids & set(knowledge.conditions)  # no separate page for a merged DO disease
