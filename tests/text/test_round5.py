"""Round 5 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import Mention, annotate
from symptomdb.text.lexicon import name_variants


def found(mentions: list[Mention]) -> dict[str, bool]:
    """hpo_id → excluded, for the mentions about the patient."""
    return {m.hpo_id: m.excluded for m in mentions if not m.family}


def test_the_test_that_shows_a_finding_may_be_left_out(knowledge: Knowledge) -> None:
    # "Hyperintensity of cerebral white matter on MRI": the finding is the same without "on MRI"
    assert ("Rimmed vacuoles", 1) in name_variants("Rimmed vacuoles on biopsy")
    assert ("Molar tooth sign", 1) in name_variants("Molar tooth sign on brain imaging")
    assert not any(v == "Hypsarrhythmia" for v, _ in name_variants("Hypsarrhythmia by EEG"))  # one word
    mentions = annotate(knowledge, "There was hyperintensity of the cerebral white matter.")
    assert "HP:0030890" in found(mentions)


def test_white_matter_unqualified_is_the_brains(knowledge: Knowledge) -> None:
    # HPO's own synonyms ("White matter agenesis") read unqualified white matter as the cerebral one
    assert "HP:0012762" in found(annotate(knowledge, "The scan showed white matter atrophy."))
    assert "HP:0030890" in found(annotate(knowledge, "a T2 hyperintensity in the white matter"))


def test_flexion_deformity_is_a_flexion_contracture(knowledge: Knowledge) -> None:
    assert "HP:0012785" in found(annotate(knowledge, "She has a flexion deformity of the fingers."))
    ankle_and_knee = found(annotate(knowledge, "fixed flexion deformity of the left knee and ankle"))
    assert {"HP:0006380", "HP:0006466"} <= set(ankle_and_knee)
    # a deformity that is not a flexion is no contracture
    assert "HP:0006380" not in found(annotate(knowledge, "a valgus deformity of the knee"))
