"""The precomputed matrices, on the hand-built knowledge base."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from symptomdb.diagnosis.model import DiagnosisModel, ExtraCase, build_model, frequency_label, get_model
from symptomdb.diagnosis.rank import propagate
from symptomdb.knowledge.store import Knowledge
from tests.diagnosis.conftest import EYE_JERK, EYE_JERK_ORPHA, RASH, SQUINT_JERK, UNANNOTATED, tiny_knowledge


def test_ancestors_include_the_term_itself_and_every_ancestor(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    jerky = m.term_index["HP:0000101"]
    names = {m.term_ids[i] for i in m.ancestors_of(jerky)}
    assert names == {"HP:0000101", "HP:0000100", "HP:0000118", "HP:0000001"}
    assert "HP:0000108" not in m.term_index  # obsolete terms are not rows


def test_a_finding_implies_its_ancestors_at_the_largest_frequency(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    implied = propagate(m.anc, m.freq).tocsr()
    eye_jerk = m.condition_index[EYE_JERK]
    movement = m.term_index["HP:0000200"]
    assert implied[eye_jerk, movement] == np.float32(0.895)  # max(jerks 0.895, unsteady gait 0.545)
    assert implied[eye_jerk, m.term_index["HP:0000300"]] == 0  # no skin finding


def test_not_annotations_and_facts(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    squint = m.condition_index[SQUINT_JERK]
    assert m.negated[squint, m.term_index["HP:0000301"]] == 1
    assert m.freq[squint, m.term_index["HP:0000301"]] == 0  # a NOT annotation is not a feature
    assert m.sex_only[squint] == 3  # X-linked recessive
    assert m.onset_terms[squint] != 0 and m.onset_terms[m.condition_index[RASH]] != m.onset_terms[squint]
    assert m.freq[m.condition_index[UNANNOTATED]].nnz == 0


def test_mondo_equivalent_entries_share_a_group(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    group = m.group
    assert group[m.condition_index[EYE_JERK]] == group[m.condition_index[EYE_JERK_ORPHA]]
    assert group[m.condition_index[EYE_JERK]] != group[m.condition_index[SQUINT_JERK]]


def test_published_cases_add_conditions_and_profiles(tiny: Knowledge) -> None:
    cases = [
        ExtraCase("OMIM:999999", "New syndrome", "PMID:1", ("HP:0000102", "HP:0000301"), ("HP:0000201",)),
        ExtraCase("OMIM:999999", "New syndrome", "PMID:2", ("HP:0000102",)),
        ExtraCase(RASH, "Rash disease", "PMID:3", ("HP:0000109",)),  # an alt id
    ]
    m = build_model(tiny, cases)
    new = m.condition_index["OMIM:999999"]
    assert not m.in_knowledge[new] and m.in_knowledge[m.condition_index[RASH]]
    assert m.condition_names[new] == "New syndrome"
    # a condition known only from cases is annotated with their terms at their frequency
    assert m.freq[new, m.term_index["HP:0000102"]] == 1.0
    assert m.freq[new, m.term_index["HP:0000301"]] == 0.5
    assert m.case_present[2, m.term_index["HP:0000101"]] == 1  # alt id mapped, with its ancestors
    assert m.case_present[2, m.term_index["HP:0000100"]] == 1
    assert m.case_excluded[0, m.term_index["HP:0000201"]] == 1
    assert m.checksum != tiny.checksum


def test_model_round_trips_through_npz_and_is_cached_per_checksum(tiny: Knowledge, tmp_path: Path) -> None:
    first = get_model(tiny, tmp_path)
    assert get_model(tiny, tmp_path) is first
    files = list(tmp_path.glob("diagnosis-model-*.npz"))
    assert len(files) == 1
    loaded = DiagnosisModel.load(files[0])
    assert loaded.term_ids == first.term_ids and loaded.condition_ids == first.condition_ids
    assert (loaded.freq != first.freq).nnz == 0
    assert np.array_equal(loaded.group, first.group)


def test_frequency_labels_follow_hpo_ranges() -> None:
    assert frequency_label(1.0) == "obligate"
    assert frequency_label(0.895) == "very frequent"
    assert frequency_label(0.545) == "frequent"
    assert frequency_label(0.17) == "occasional"
    assert frequency_label(0.025) == "very rare"
    assert frequency_label(None) == "frequency not stated"


def test_a_held_out_publication_is_held_out_of_the_knowledge_base_too() -> None:
    knowledge = tiny_knowledge()  # a fresh copy: its annotations are given references below
    record = knowledge.conditions[EYE_JERK]
    own, shared, plain = record.annotations[:3]
    record.annotations = [
        own._replace(references=("PMID:1",)),  # curated from the held-out publication only
        shared._replace(references=("PMID:1", "OMIM:100100")),  # also from another source
        plain._replace(references=("PMID:2",)),
    ]
    full, held = build_model(knowledge), build_model(knowledge, withheld_sources={"PMID:1"})
    d = full.condition_ids.index(EYE_JERK)
    dropped = full.term_index[own.hpo_id]
    assert full.freq[d, dropped] > 0 and held.freq[d, dropped] == 0
    for kept in (shared.hpo_id, plain.hpo_id):
        assert held.freq[d, held.term_index[kept]] == full.freq[d, full.term_index[kept]] > 0
