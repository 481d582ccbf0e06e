"""Round 10 of the annotator (issue #7): lay wording by an author who never saw the annotator, asserted
on made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import re

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.lexicon import get_lexicon, read_modifier_cues

from .test_annotate import found

FEVER, RECURRENT_FEVER = "HP:0001945", "HP:0001954"
DIARRHEA, CHRONIC_DIARRHEA = "HP:0002014", "HP:0002028"
DYSPNEA, EXERTIONAL_DYSPNEA = "HP:0002094", "HP:0002875"
TREMOR, ACTION_TREMOR, RESTING_TREMOR = "HP:0001337", "HP:0002345", "HP:0002322"
HEARING_IMPAIRMENT, UNILATERAL_DEAFNESS = "HP:0000365", "HP:0009900"
SEIZURE, NOCTURNAL_SEIZURES = "HP:0001250", "HP:0031951"
CRAMPS, EXERCISE_CRAMPS = "HP:0003394", "HP:0003710"


def test_modifier_children_come_from_hpo_names(knowledge: Knowledge) -> None:
    children = get_lexicon(knowledge).modifier_children
    assert children[FEVER]["recurrent"] == RECURRENT_FEVER
    assert children[TREMOR]["action"] == ACTION_TREMOR
    assert children[HEARING_IMPAIRMENT]["unilateral"] == UNILATERAL_DEAFNESS  # via the synonym "deafness"
    assert children[CRAMPS]["exercise-induced"] == EXERCISE_CRAMPS
    modifiers = {m for m, _ in read_modifier_cues()}
    assert all(set(by_modifier) <= modifiers for by_modifier in children.values())
    for _, cue in read_modifier_cues():
        re.compile(cue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the fever comes back every two weeks", RECURRENT_FEVER),
        ("he has had diarrhea for several months", CHRONIC_DIARRHEA),
        ("she gets breathless walking uphill to school", EXERTIONAL_DYSPNEA),
        ("my hands shake when I try to pour the milk", ACTION_TREMOR),
        ("his hand shakes even when it is resting on the table", RESTING_TREMOR),
        ("he went deaf in one ear after the infection", UNILATERAL_DEAFNESS),
        ("our son only has seizures at night", NOCTURNAL_SEIZURES),
        ("my calves cramp up badly during exercise", EXERCISE_CRAMPS),
    ],
)
def test_context_specialises_a_finding(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)) == {expected: False}


def test_no_cue_no_specialisation(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she had a fever last week")) == {FEVER: False}
    assert found(annotate(knowledge, "he has diarrhea")) == {DIARRHEA: False}
    assert found(annotate(knowledge, "I feel short of breath")) == {DYSPNEA: False}
    # a cue in another sentence says nothing about this finding
    assert (
        found(annotate(knowledge, "He has been tired for months. Now he has diarrhea.")).get(DIARRHEA)
        is False
    )


def test_absent_findings_are_not_specialised(knowledge: Knowledge) -> None:
    # "no fever for months" denies fever, not recurrent fever
    assert found(annotate(knowledge, "she hasn't had a fever for months")) == {FEVER: True}


PTOSIS, PALLOR, SCALING_SKIN = "HP:0000508", "HP:0000980", "HP:0040189"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his eyelids get droopier every evening", PTOSIS),  # -ier → -y, and "get" as a copula
        ("her skin is scalier than it used to be", SCALING_SKIN),
        ("he looks much paler than his brother", PALLOR),  # -er after a marker of comparison
    ],
)
def test_comparatives_are_their_adjectives(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_agent_nouns_in_er_are_no_comparatives(knowledge: Knowledge) -> None:
    # "sleeper", "walker" are nouns of agent, not "more sleepy"; "lower" is a place
    assert found(annotate(knowledge, "he is a light sleeper and uses a walker")) == {}
    assert found(annotate(knowledge, "pain in the lower back")) == {"HP:0003419": False}  # Low back pain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the GP heard a murmur at her check-up", "HP:0030148"),  # Heart murmur
        ("his wee is very dark today", "HP:0040319"),  # Dark urine
        ("my pee has gone foamy", "HP:0031504"),  # Foamy urine: "has gone" = "is"
        ("he passed poo like tar this morning", "HP:0002249"),  # Melena
        ("the baby has a split in the lip", "HP:0410030"),  # Cleft lip
        ("there is a gap in the roof of the mouth", "HP:0000175"),  # Cleft palate
        ("my son has a tiny chin", "HP:0000347"),  # Micrognathia
        ("she is the smallest in the class by far", "HP:0004322"),  # Short stature
        ("he bruises at the slightest bump", "HP:0000978"),  # Bruising susceptibility
        ("our toddler has night terrors", "HP:0030765"),  # Sleep terror
        ("you can see skin sucking in between the ribs", "HP:0030864"),  # Intercostal retractions
        ("a little bit of skin in front of the ear", "HP:0000384"),  # Preauricular skin tag
        ("when she stands up she almost passes out", "HP:0031972"),  # Presyncope
        ("I often wake up soaked in sweat", "HP:0030166"),  # Night sweats
        ("he never waits his turn in games", "HP:0100710"),  # Impulsivity
        ("I have to rush to the toilet all day", "HP:0000012"),  # Urinary urgency
    ],
)
def test_round10_lay_rows(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_has_gone_is_a_copula(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my face has gone round")) == {"HP:0000311": False}  # Round face


def test_a_degree_word_before_a_comparison_is_skipped(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "her head is much bigger than her sister's")) == {"HP:0000256": False}
    # "too much" is a quantity of its own, not a degree of a comparison
    assert found(annotate(knowledge, "the scan showed too much fluid around the baby")) == {
        "HP:0001561": False
    }


def test_fit_as_a_verb_is_no_seizure(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "my boots don't fit any more because my feet swell")).get(SEIZURE) is None
    )
    assert found(annotate(knowledge, "he wants to fit in with the other kids")) == {}
    assert found(annotate(knowledge, "she had a fit at school")) == {SEIZURE: False}
    assert found(annotate(knowledge, "no fits since March")) == {SEIZURE: True}


def test_round10_lay_rows_second_batch(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the scan showed his left kidney is swollen with urine")) == {
        "HP:0000126": False  # Hydronephrosis
    }
    assert found(annotate(knowledge, "she had a temperature of 40 overnight")).get(FEVER) is False
    assert found(annotate(knowledge, "my son keeps breaking bones")) == {
        "HP:0002757": False
    }  # Recurrent fractures


def test_a_spouses_findings_are_not_the_patients(knowledge: Knowledge) -> None:
    mentions = annotate(knowledge, "My wife has epilepsy, but I'm here about my dry cough")
    assert SEIZURE not in found(mentions) and "HP:0001250" not in {m.hpo_id for m in mentions}
    assert "HP:0031246" in found(mentions)  # Nonproductive cough, the speaker's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the cut on her knee healed into a wide thin scar", "HP:0001075"),  # Atrophic scars
        ("her hair snaps off easily when I brush it", "HP:0002299"),  # Brittle hair
        ("she has long skinny fingers and toes", "HP:0001166"),  # Arachnodactyly
        ("I have put on weight around the middle", "HP:0001956"),  # Truncal obesity
    ],
)
def test_round10_lay_rows_third_batch(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


@pytest.mark.parametrize(
    "text",
    ["he has not had a seizure", "she has not had any seizures", "the baby has not got a fever"],
)
def test_has_not_had_negates_after_a_subject(knowledge: Knowledge, text: str) -> None:
    """ "he has" ends a scope (a new clause), so the "not" after it needs "had"/"got" as one trigger."""
    assert True in found(annotate(knowledge, text)).values()
    assert all(found(annotate(knowledge, text)).values())


def test_any_before_its_own_noun_is_no_pronoun_for_an_earlier_finding(knowledge: Knowledge) -> None:
    text = "his head is much smaller than his brother's was. he doesn't have any fits"
    mentions = annotate(knowledge, text)
    microcephaly = [m for m in mentions if m.hpo_id == "HP:0000252"]
    assert microcephaly and not any(m.excluded for m in microcephaly)
    assert found(mentions)[SEIZURE] is True


@pytest.mark.parametrize(
    "text",
    ["Her mum gets migraines. She hasn't had any.", "Her mum gets migraines; she has never had one since"],
)
def test_a_pronoun_that_ends_its_phrase_still_stands_for_the_finding(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)) == {"HP:0002076": True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her eyesight seems fine", {"HP:0000505": True}),
        ("his hearing appears normal", {"HP:0000365": True}),
        ("his hearing doesn't seem normal", {}),
        ("his heart sounds were normal", {}),  # the heart's sounds, not its structure
    ],
)
def test_a_verb_of_seeming_states_normality_like_is(
    knowledge: Knowledge, text: str, expected: dict[str, bool]
) -> None:
    assert found(annotate(knowledge, text)) == expected
