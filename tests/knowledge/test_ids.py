"""Condition ids: every form the README promises for `symptomdb condition ID` and the pages."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge


def test_disease_ontology_ids_of_merged_conditions_are_known(knowledge: Knowledge) -> None:
    assert knowledge.normalise_condition_id("DOID:8469") == "DOID:8469"  # a DO-only condition
    for doid, mondo in (("DOID:14323", "MONDO:0007947"), ("doid-1485", "MONDO:0009061")):
        found = knowledge.normalise_condition_id(doid)
        assert found is not None and found == knowledge.normalise_condition_id(mondo), doid
    assert knowledge.condition("DOID:14323").name == "Marfan syndrome"
    assert knowledge.normalise_condition_id("DOID:99999999") is None
