"""Round 11 of the annotator: everyday wordings of frequent observable HPO terms, asserted on made-up
sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he was slow to reach his motor milestones", "HP:0001270"),  # Motor delay
        ("she is behind in all areas of development", "HP:0001263"),  # Global developmental delay
        ("he has a drunken walk", "HP:0002066"),  # Gait ataxia
        ("the roof of her mouth is very high", "HP:0000218"),  # High palate
        ("his eyes slant downwards", "HP:0000494"),  # Downslanted palpebral fissures
        ("she has skin folds at the inner corners of her eyes", "HP:0000286"),  # Epicanthus
        ("his nostrils point upwards", "HP:0000463"),  # Anteverted nares
        ("there's a long gap between her nose and her lip", "HP:0000343"),  # Long philtrum
        ("my son has no groove above his upper lip", "HP:0000319"),  # Smooth philtrum
        ("she makes twisting movements with her arms", "HP:0001332"),  # Dystonia
        ("the hole is on the underside of his penis", "HP:0000047"),  # Hypospadias
        ("the baby started having salaam attacks", "HP:0012469"),  # Infantile spasms
        ("he has a single crease across his palm", "HP:0000954"),  # Single transverse palmar crease
        ("her urine flows back up to the kidneys", "HP:0000076"),  # Vesicoureteral reflux
        ("I was told I have a leaky mitral valve", "HP:0001653"),  # Mitral regurgitation
        ("he has freckles in his armpits", "HP:0000997"),  # Axillary freckling
        ("he can't straighten his elbows", "HP:0002987"),  # Elbow flexion contracture
        ("she feels weak all over", "HP:0003324"),  # Generalized muscle weakness
        ("you can see the veins through her skin", "HP:0010648"),  # Dermal translucency
        ("the scan showed she was small in the womb", "HP:0001511"),  # Intrauterine growth retardation
        ("his eyebrows meet in the middle", "HP:0000664"),  # Synophrys
        ("she has a thin top lip", "HP:0000219"),  # Thin upper lip vermilion
        ("his lower jaw sticks out", "HP:0000303"),  # Mandibular prognathia
        ("our daughter is autistic", "HP:0000717"),  # Autism
        ("she has hardly any eyebrows", "HP:0045075"),  # Sparse eyebrow
        ("he had a seizure that wouldn't stop", "HP:0002133"),  # Status epilepticus
        ("he walks like a duck", "HP:0002515"),  # Waddling gait
        ("he has a big soft spot on his head", "HP:0000239"),  # Large fontanelles
        ("she was born with water on the brain", "HP:0000238"),  # Hydrocephalus
        ("he has a keyhole pupil", "HP:0000612"),  # Iris coloboma
        ("he has been tube fed since birth", "HP:0033454"),  # Tube feeding
        ("she has white spots on her nails", "HP:0001820"),  # Leukonychia
        ("my son hits other children", "HP:0000718"),  # Aggressive behavior
        ("his hip pops out", "HP:0002827"),  # Hip dislocation
    ],
)
def test_everyday_wording_of_frequent_terms(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he doesn't walk like a duck", "HP:0002515"),
        ("she isn't autistic", "HP:0000717"),
        ("no sign of water on the brain", "HP:0000238"),
    ],
)
def test_new_wordings_can_be_negated(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is True, text


def test_a_cavity_of_the_chest_is_no_chest_deformity(knowledge: Knowledge) -> None:
    # "caved-in chest" was left out: "caved" and "cavity" share a stem ("thoracic cavity")
    assert "HP:0000767" not in found(annotate(knowledge, "a cyst occupying the left thoracic cavity"))
