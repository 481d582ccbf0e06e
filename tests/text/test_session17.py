"""Session 17 of the annotator: episodes told by the people who saw them (fits, faints, falls).
Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

TONIC_CLONIC, MYOCLONUS, TREMOR = "HP:0002069", "HP:0001336", "HP:0001337"
RIGIDITY, STIFFNESS, FASCICULATIONS = "HP:0002063", "HP:0003552", "HP:0002380"
MOVEMENTS = (MYOCLONUS, TREMOR, RIGIDITY, STIFFNESS, FASCICULATIONS)


@pytest.mark.parametrize(
    "text",
    [
        "had a fit at the bus stop, shaking all over for about 2 minutes",
        "seizure last night: jerking arms and legs, then very sleepy",
        "her fits are getting longer, she went rigid and twitched for a minute",
        "my son had a febrile convulsion, his arms were jerking and his eyes rolled",
    ],
)
def test_the_movements_of_a_named_seizure_are_not_findings_of_their_own(
    knowledge: Knowledge, text: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert not set(MOVEMENTS) & {term for term, excluded in findings.items() if not excluded}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("he shakes all over when he is cold", TREMOR),  # no seizure named
        ("sudden jerks of her arms in the morning when she's tired", "HP:0007000"),  # morning myoclonic
        ("she has epilepsy and a tremor in both hands from her tablets", "HP:0002378"),  # hand tremor stays
    ],
)
def test_movements_without_a_seizure_or_named_clinically_stay(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "He went rigid, then jerked for about 90 seconds.",  # a person went stiff
        "she went stiff as a board, arms out, then started jerking all over",  # "all over" after
        "Witness says she fell stiff, then all four limbs shook",  # the limbs after the jerking
        "Seizure in the queue - went stiff, jerked, wet herself.",  # a comma for "then"
    ],
)
def test_stiffening_then_jerking_of_the_whole_person_is_a_tonic_clonic_seizure(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(TONIC_CLONIC) is False


@pytest.mark.parametrize(
    "text",
    [
        "his legs go stiff and jerk when he walks",  # a part stiffens: spasticity
        "my neck went stiff and then my shoulder started twitching",
        "it went stiff, then I shook it loose",  # not a person
    ],
)
def test_a_part_that_stiffens_and_jerks_is_no_seizure(knowledge: Knowledge, text: str) -> None:
    assert TONIC_CLONIC not in found(annotate(knowledge, text))
