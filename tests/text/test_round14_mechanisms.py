"""Round 14 of the annotator, mechanisms only (no lexicon rows): a pronoun for the body part just named,
asserted on made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

DRY_EYE, BRITTLE_HAIR, HEMATURIA = "HP:0001097", "HP:0002299", "HP:0000790"
LEUKONYCHIA, SKIN_RASH, SCALING_SKIN = "HP:0001820", "HP:0000988", "HP:0040189"
JOINT_HYPERMOBILITY, EYE_ABNORMALITY = "HP:0001382", "HP:0000478"


def test_a_pronoun_reads_as_the_body_part_named_before(knowledge: Knowledge) -> None:
    mentions = annotate(knowledge, "my eyes look normal, they aren't dry")
    assert found(mentions) == {EYE_ABNORMALITY: True, DRY_EYE: True}  # round 15: "eyes look normal" too
    assert [m.text for m in mentions if m.hpo_id == DRY_EYE] == ["they aren't dry"]  # the pronoun's text
    assert found(annotate(knowledge, "his hair is thin and it snaps off easily")).get(BRITTLE_HAIR) is False
    assert (
        found(annotate(knowledge, "my skin isn't red, but it peels all the time")).get(SCALING_SKIN) is False
    )


def test_a_pronoun_for_a_body_substance(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "my urine smells odd, but there's no blood in it"))
    assert findings.get(HEMATURIA) is True


def test_a_pronoun_stands_for_no_noun_of_its_own_clause(knowledge: Knowledge) -> None:
    # "them" is the nails, not the spots of its own clause: white nail spots, not a rash
    findings = found(annotate(knowledge, "her nails are thick and they have white spots on them"))
    assert findings.get(LEUKONYCHIA) is False
    assert SKIN_RASH not in findings
    assert found(annotate(knowledge, "the blood in it was dark")) == {}


def test_pronouns_that_do_not_agree_or_compare_are_left_alone(knowledge: Knowledge) -> None:
    # "they" after "than" is an elided comparison; "it" does not stand for a plural noun
    findings = found(annotate(knowledge, "his fingers bend back further than they should"))
    assert findings == {JOINT_HYPERMOBILITY: False}
    assert found(annotate(knowledge, "the doctors saw his hands, and they said nothing")) == {}
    assert found(annotate(knowledge, "her eyes were checked and it is not dry in the room")) == {}


RAYNAUD, PALLOR, SYNCOPE = "HP:0030880", "HP:0001897", "HP:0001279"


def test_a_comma_before_then_continues_a_sequence(knowledge: Knowledge) -> None:
    mentions = annotate(knowledge, "in winter his fingers go white, then blue, then red")
    assert found(mentions).get(RAYNAUD) is False


def test_a_comma_before_then_still_separates_two_findings(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "he was pale, then he fainted"))
    assert SYNCOPE in findings and RAYNAUD not in findings
