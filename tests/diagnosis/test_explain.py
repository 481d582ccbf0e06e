"""Explanations, checked against the hand-built knowledge base."""

from __future__ import annotations

from symptomdb.diagnosis.explain import explain
from symptomdb.diagnosis.rank import Engine, Query
from symptomdb.knowledge.store import Knowledge


def q(engine: Engine, present: list[str], excluded: list[str] = []) -> Query:  # noqa: B006
    m = engine.model
    return Query(tuple(m.term_index[t] for t in present), tuple(m.term_index[t] for t in excluded))


def test_matched_findings_name_the_conditions_feature_and_its_frequency(
    tiny: Knowledge, tiny_engine: Engine
) -> None:
    m = tiny_engine.model
    e = explain(
        tiny, tiny_engine, m.condition_index["OMIM:100001"], q(tiny_engine, ["HP:0000101", "HP:0000200"])
    )
    by_id = {f.id: f for f in e.matched}
    assert by_id["HP:0000101"].relation == "same"
    assert by_id["HP:0000101"].condition_term_id == "HP:0000101"
    assert by_id["HP:0000101"].frequency_label == "very frequent"
    # "Movement finding" is accounted for by the more specific "Jerks" (the most frequent)
    assert by_id["HP:0000200"].relation == "more specific in the condition"
    assert by_id["HP:0000200"].condition_term_id == "HP:0000201"
    assert all(f.weight > 0 for f in e.matched)
    assert e.unexplained == [] and e.summary.startswith("Accounts for 2 of 2 findings")


def test_unexplained_findings_and_frequent_features_not_reported(
    tiny: Knowledge, tiny_engine: Engine
) -> None:
    m = tiny_engine.model
    e = explain(
        tiny, tiny_engine, m.condition_index["OMIM:100001"], q(tiny_engine, ["HP:0000101", "HP:0000301"])
    )
    assert [f.id for f in e.unexplained] == ["HP:0000301"]
    assert e.unexplained[0].weight < 0
    # Jerks (very frequent) and Unsteady gait (frequent) were not reported; Jerky eyes was
    assert [f.id for f in e.not_reported] == ["HP:0000201", "HP:0000202"]
    assert e.not_reported[0].frequency_label == "very frequent"


def test_excluded_obligate_feature_counts_against_and_not_annotation_contradicts(
    tiny: Knowledge, tiny_engine: Engine
) -> None:
    m = tiny_engine.model
    query = q(tiny_engine, ["HP:0000201", "HP:0000301"], ["HP:0000102"])
    e = explain(tiny, tiny_engine, m.condition_index["OMIM:100002"], query)
    assert [f.id for f in e.excluded_against] == ["HP:0000102"]
    assert e.excluded_against[0].frequency_label == "obligate" and e.excluded_against[0].weight < 0
    assert [f.id for f in e.contradicted] == ["HP:0000301"]
    assert "absent finding counts against it" in e.summary
    assert "contradicts it" in e.summary
    # the excluded squint is not listed again among the features not reported
    assert "HP:0000102" not in {f.id for f in e.not_reported}


def test_an_unannotated_condition_explains_nothing(tiny: Knowledge, tiny_engine: Engine) -> None:
    m = tiny_engine.model
    e = explain(tiny, tiny_engine, m.condition_index["OMIM:100004"], q(tiny_engine, ["HP:0000101"]))
    assert e.matched == [] and [f.id for f in e.unexplained] == ["HP:0000101"] and e.not_reported == []
