"""Coordinated subjects share their predicate (`annotate._expand_coordinations`, "Subjects"): "my skin and
the whites of my eyes have gone yellow" says the skin is yellow too. Made-up sentences."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

JAUNDICE, CONJUNCTIVAL_ICTERUS = "HP:0000952", "HP:0032106"
ANKLE_SWELLING, ARTHRALGIA = "HP:0001785", "HP:0002829"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my skin and the whites of my eyes have gone yellow",
            {JAUNDICE: False, CONJUNCTIVAL_ICTERUS: False},
        ),
        ("his skin and eyes turned yellow last week", {JAUNDICE: False, CONJUNCTIVAL_ICTERUS: False}),
        (
            # each subject takes the predicate; since session 16 the two joints' pains said together
            # are one Arthralgia
            "both his knees and his ankles are swollen and painful",
            {ARTHRALGIA: False, ANKLE_SWELLING: False},
        ),
    ],
)
def test_each_subject_takes_the_predicate(knowledge: Knowledge, text: str, expected: dict[str, bool]) -> None:
    assert expected.items() <= found(annotate(knowledge, text)).items()


@pytest.mark.parametrize(
    "text", ["my skin and eyes have not gone yellow", "my skin and eyes haven't gone yellow"]
)
def test_a_negated_shared_predicate_excludes_every_subject(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)) == {JAUNDICE: True, CONJUNCTIVAL_ICTERUS: True}


@pytest.mark.parametrize(
    "text",
    [
        "my skin and my mood have gone downhill",  # no predicate that names a finding
        "Brain MRI and EEG were abnormal.",  # a longer subject: no "brain abnormal"
        "my skin, which was fine, and the whites of my eyes have gone yellow",  # not a bare subject
    ],
)
def test_only_bare_subjects_with_a_finding_predicate(knowledge: Knowledge, text: str) -> None:
    assert JAUNDICE not in found(annotate(knowledge, text))
    assert "HP:0012443" not in found(annotate(knowledge, text))  # Abnormality of brain morphology
