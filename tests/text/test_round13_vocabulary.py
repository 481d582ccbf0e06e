"""Round 13 of the annotator: families of everyday wording and general lay words (tiny/huge, boobs, colour
shades, "soft spot", skinny), asserted on made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the baby has tiny hands", "HP:0200055"),  # Small hand (tiny ≈ small)
        ("his head is huge compared with his brothers'", "HP:0000256"),  # Macrocephaly (huge ≈ large)
        ("my teenage daughter has sore boobs", "HP:0034265"),  # Mastalgia (boobs ≈ breast)
        ("there are yellowish lumps on her eyelids", "HP:0001114"),  # Xanthelasma (yellowish ≈ yellow)
        ("her fingers are long and skinny", "HP:0001166"),  # Arachnodactyly
        ("he is the tallest in his class by a mile", "HP:0000098"),  # Tall stature
        ("she's the shortest girl in her class", "HP:0004322"),  # Short stature
        ("I wake up soaked most nights", "HP:0030166"),  # Night sweats
        ("the weight is just falling off him", "HP:0001824"),  # Weight loss
        ("food sticks in my throat when I eat bread", "HP:0002015"),  # Dysphagia
        ("the milk comes out of his nose during feeds", "HP:0011469"),  # Nasal regurgitation
        ("I feel full after a few bites", "HP:0033842"),  # Early satiety
        ("I've got a tickly cough", "HP:0031246"),  # Nonproductive cough
        ("he gets a squeaky noise when breathing in", "HP:0005348"),  # Inspiratory stridor
        ("my heart races when I stand up", "HP:0012173"),  # Orthostatic tachycardia
        ("her wee smells sweet", "HP:0012088"),  # Abnormal urinary odor
        ("I saw blood in my wee yesterday", "HP:0012587"),  # Macroscopic hematuria
        ("when I need to pee I have to go right away", "HP:0000012"),  # Urinary urgency
        ("he's sixteen and his voice still hasn't broken", "HP:0000823"),  # Delayed puberty
        ("his hair is coming out in clumps", "HP:0001596"),  # Alopecia
        ("my scars go wide and thin", "HP:0031158"),  # Widened atrophic scar
        ("I can't find the right words anymore", "HP:0030784"),  # Anomic aphasia
        ("she doesn't look you in the eye", "HP:0000817"),  # Reduced eye contact
        ("he bites his own hands when he is cross", "HP:0012169"),  # Self-biting
        ("he has tantrums several times a day", "HP:0025161"),  # Frequent temper tantrums
        ("she has a gap between her front teeth", "HP:0001566"),  # Widely-spaced maxillary central incisors
        ("our little boy walks pigeon toed", "HP:6001054"),  # Intoeing
        ("lately I am stooping forward when I walk", "HP:0025403"),  # Stooped posture
        ("my hands keep cramping up", "HP:0003394"),  # Muscle spasm
        ("my handwriting has got tiny", "HP:0031908"),  # Micrographia
    ],
)
def test_everyday_wording(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he is not pigeon toed", "HP:6001054"),
        ("she has never had tiny red dots on her legs", "HP:0000967"),
    ],
)
def test_new_wording_can_be_negated(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is True, text


def test_soft_spot_is_the_fontanelle_not_a_skin_spot(knowledge: Knowledge) -> None:
    assert "HP:0000988" not in found(annotate(knowledge, "the soft spot on her head is still open"))


def test_getting_lost_is_no_loss_of_walking(knowledge: Knowledge) -> None:
    assert "HP:0002505" not in found(annotate(knowledge, "she got lost walking back from the shop"))


VERTIGO, SPINNING_STEREOTYPY = "HP:0002321", "HP:5200069"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I get a spinning sensation when I roll over", {VERTIGO: False}),
        ("my head is spinning", {VERTIGO: False}),
        ("it's not a spinning feeling though", {VERTIGO: True}),
        ("he keeps spinning round in circles", {SPINNING_STEREOTYPY: False}),  # the behaviour stays
    ],
)
def test_a_spinning_feeling_is_vertigo_not_the_behaviour(
    knowledge: Knowledge, text: str, expected: dict[str, bool]
) -> None:
    assert found(annotate(knowledge, text)) == expected
