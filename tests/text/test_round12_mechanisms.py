"""Round 12 of the annotator (issue #7), mechanisms: context cues, circumstances, negation and normality
found wanting on lay text by a new author, asserted on made-up sentences (none is copied from a
benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

FEVER, RECURRENT_FEVER = "HP:0001945", "HP:0001954"
SYNCOPE, ORTHOSTATIC_SYNCOPE = "HP:0001279", "HP:0012670"
URINARY_INCONTINENCE, STRESS_INCONTINENCE = "HP:0000020", "HP:0010992"
BRUXISM, SLEEP_BRUXISM = "HP:0003763", "HP:5200284"
COUGH, BARKING_COUGH = "HP:0012735", "HP:0033121"
PNEUMONIA, RECURRENT_PNEUMONIA = "HP:0002090", "HP:0006532"
EPISTAXIS = "HP:0000421"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she has been getting a high temperature off and on since Easter", RECURRENT_FEVER),
        ("my nan grinds her teeth loudly in her sleep", SLEEP_BRUXISM),
        ("he grinds his teeth while he's asleep", SLEEP_BRUXISM),
        ("I fainted in the queue as soon as I stood up", ORTHOSTATIC_SYNCOPE),
        ("she faints when she sees blood", SYNCOPE),  # no cue
        ("he fainted after standing up in assembly", ORTHOSTATIC_SYNCOPE),
        ("he's had pneumonia after pneumonia this year", RECURRENT_PNEUMONIA),
        ("she's had one pneumonia after another", RECURRENT_PNEUMONIA),
        ("his cough is barky and worse at night", BARKING_COUGH),
    ],
)
def test_context_specialises_a_finding(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_stress_incontinence_from_its_circumstance(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "I have urinary incontinence if I jump on the trampoline"))
    assert findings.get(STRESS_INCONTINENCE) is False
    assert URINARY_INCONTINENCE not in findings


def test_repetition_of_a_time_word_is_no_recurrence(knowledge: Knowledge) -> None:
    # "day after day" says it lasts, not that it comes back
    assert found(annotate(knowledge, "nosebleeds day after day")) == {EPISTAXIS: False}
    assert found(annotate(knowledge, "she had pneumonia last winter")) == {PNEUMONIA: False}
    assert found(annotate(knowledge, "she grinds her teeth")) == {BRUXISM: False}


FATIGUE, SNEEZE, HEADACHE, WHEEZING = "HP:0012378", "HP:0025095", "HP:0002315", "HP:0030828"


@pytest.mark.parametrize(
    "text",
    [
        "his squint is much worse whenever he's really tired",
        "my nose runs every time I sneeze",
        "my back hurts when I cough or sneeze",
    ],
)
def test_a_when_clause_predicate_is_a_circumstance(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert FATIGUE not in findings and COUGH not in findings and SNEEZE not in findings


def test_findings_outside_the_circumstance_stay(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "when he's tired he gets headaches")) == {HEADACHE: False}
    assert found(annotate(knowledge, "she gets tired when she climbs the stairs")).get(FATIGUE) is False
    assert found(annotate(knowledge, "he is always tired and coughs")).get(COUGH) is False
    # "gets a cold" is the circumstance; "and coughs" goes on with the main clause
    findings = found(annotate(knowledge, "he wheezes each time he gets a cold and coughs all night"))
    assert findings.get(COUGH) is False and findings.get(WHEEZING) is False


EPISTAXIS_ID, POOR_APPETITE, NIGHTMARES = EPISTAXIS, "HP:0004396", "HP:5200287"
STRABISMUS, ESOTROPIA, FREQUENT_FALLS = "HP:0000486", "HP:0000565", "HP:0002359"


@pytest.mark.parametrize(
    "text", ["she's never once had a nosebleed", "he has never actually had a nosebleed in his life"]
)
def test_never_with_an_adverb_before_had_negates(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)) == {EPISTAXIS_ID: True}


def test_an_intensifier_before_well_is_still_normality(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he eats really well at nursery")) == {POOR_APPETITE: True}
    assert found(annotate(knowledge, "she eats pretty well")) == {POOR_APPETITE: True}


def test_a_single_nightmare_is_a_figure_of_speech(knowledge: Knowledge) -> None:
    assert NIGHTMARES not in found(annotate(knowledge, "bath time is an absolute nightmare"))
    assert found(annotate(knowledge, "she wakes up screaming from nightmares")).get(NIGHTMARES) is False


def test_turned_before_a_colour_is_no_turning_eye(knowledge: Knowledge) -> None:
    assert STRABISMUS not in found(annotate(knowledge, "both her eyes turned a bit yellow"))
    assert STRABISMUS not in found(annotate(knowledge, "my eyes have turned yellow"))
    assert found(annotate(knowledge, "his left eye turns inwards")).get(ESOTROPIA) is False


def test_falling_asleep_after_another_word_is_no_fall(knowledge: Knowledge) -> None:
    assert FREQUENT_FALLS not in found(annotate(knowledge, "the baby keeps falling asleep on the breast"))
    assert found(annotate(knowledge, "the toddler keeps falling over")).get(FREQUENT_FALLS) is False


FEEDING, INFANT_FEEDING = "HP:0011968", "HP:0008872"
HYPOTONIA, NEONATAL_HYPOTONIA, INFANTILE_HYPOTONIA = "HP:0001252", "HP:0001319", "HP:0008947"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("our 6 week old has feeding difficulties", INFANT_FEEDING),
        ("she is nine days old and has hypotonia", NEONATAL_HYPOTONIA),
        ("a 7-month-old boy with hypotonia", INFANTILE_HYPOTONIA),
    ],
)
def test_an_age_stated_in_the_sentence_picks_the_age_specific_child(
    knowledge: Knowledge, text: str, expected: str
) -> None:
    assert found(annotate(knowledge, text)) == {expected: False}


def test_older_ages_keep_the_general_term(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "our 14 month old has feeding difficulties")) == {FEEDING: False}
    assert found(annotate(knowledge, "a boy, 3 years old, with hypotonia")) == {HYPOTONIA: False}
    # another sentence's age says nothing about this one
    assert (
        found(annotate(knowledge, "He is 2 months old. His sister has hypotonia too. I have hypotonia.")).get(
            HYPOTONIA
        )
        is False
    )


OTITIS_MEDIA, RECURRENT_OTITIS_MEDIA = "HP:0000388", "HP:0000403"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she has had 5 ear infections since the summer", {RECURRENT_OTITIS_MEDIA: False}),
        ("he gets lots of ear infections", {RECURRENT_OTITIS_MEDIA: False}),
        ("he had an ear infection at Christmas", {OTITIS_MEDIA: False}),  # one is not recurrent
        ("she has never had an ear infection", {OTITIS_MEDIA: True}),  # none at all, not "none recurrent"
    ],
)
def test_ear_infections_are_recurrent_only_when_counted(
    knowledge: Knowledge, text: str, expected: dict[str, bool]
) -> None:
    assert found(annotate(knowledge, text)) == expected
