"""Round 29 of the annotator: where a pain is, said after it; blood pressure readings a few words after
"BP" and normal ones; a relative's own possessive, spouses and "family"; "X and Y, none."; faculties
opening a sentence with "'s"; figures of speech. Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

PAIN, OCULAR_PAIN, MASTALGIA, LOWER_LIMB_PAIN = "HP:0012531", "HP:0200026", "HP:0034265", "HP:0012514"
UPPER_LIMB_PAIN, BACK_PAIN, PENIS_PAIN = "HP:0012513", "HP:0003418", "HP:0040411"
HYPERTENSION, HYPOTENSION = "HP:0000822", "HP:0002615"
MYOCARDIAL_INFARCTION, SEIZURE, HEADACHE, FEVER = "HP:0001658", "HP:0001250", "HP:0002315", "HP:0001945"
HEARING_IMPAIRMENT, DYSPHAGIA, BLURRED_VISION = "HP:0000365", "HP:0002015", "HP:0000622"
URINARY_INCONTINENCE, BOWEL_INCONTINENCE, EDEMA = "HP:0000020", "HP:0002607", "HP:0000969"
CYANOSIS, SHOCK, TREMOR, HAND_TREMOR, DROOLING = (
    "HP:0000961",
    "HP:0031273",
    "HP:0001337",
    "HP:0002378",
    "HP:0002307",
)
FLOATERS, ESCHAR, ABSENT_SPEECH = "HP:0100832", "HP:6000793", "HP:0001344"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I get a horrible pain behind my left eye most evenings", OCULAR_PAIN),
        ("a burning pain deep in my breast after feeds", MASTALGIA),
        ("pain in my right calf since the flight", LOWER_LIMB_PAIN),
        ("he has pain down his left arm when he walks", UPPER_LIMB_PAIN),
        ("a sharp pain down the back of my leg", LOWER_LIMB_PAIN),
        ("pain in my todger when I pee", PENIS_PAIN),
    ],
)
def test_the_site_said_after_the_pain(knowledge: Knowledge, text: str, term: str) -> None:
    result = found(annotate(knowledge, text))
    assert result.get(term) is False
    assert PAIN not in result


def test_a_site_named_after_the_pain_without_a_term_keeps_an_earlier_site_away(knowledge: Knowledge) -> None:
    # "ribs" name where it hurts; the eye of the sentence's start is no longer taken for the site
    result = found(annotate(knowledge, "flashing lights in the corner of my eye and a pain under my ribs"))
    assert OCULAR_PAIN not in result
    assert result.get(PAIN) is False
    assert BACK_PAIN not in found(annotate(knowledge, "pain down the back of my leg"))


@pytest.mark.parametrize(
    ("text", "term", "excluded"),
    [
        ("the midwife took my BP and it was 150/100", HYPERTENSION, False),
        ("BP machine at work said 168 over 102", HYPERTENSION, False),
        ("my readings have been 110/70 all along", HYPERTENSION, True),
        ("Blood pressure 118/72, urine clear.", HYPERTENSION, True),
        ("my BP swings from 90/60 to 180/100", HYPERTENSION, False),
    ],
)
def test_blood_pressure_readings_later_in_the_sentence(
    knowledge: Knowledge, text: str, term: str, excluded: bool
) -> None:
    assert found(annotate(knowledge, text)).get(term) is excluded


def test_a_normal_reading_does_not_exclude_named_hypertension(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "He has high blood pressure, on ramipril, BP 128/80 today."))
    assert result.get(HYPERTENSION) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My dad had his first heart attack at 55.", MYOCARDIAL_INFARCTION),
        ("Husband has epilepsy and I worry about the baby.", SEIZURE),
        ("My husband's family all have high blood pressure.", HYPERTENSION),
    ],
)
def test_relatives_findings_are_theirs(knowledge: Knowledge, text: str, term: str) -> None:
    mentions = annotate(knowledge, text, include_family=True)
    assert [m.family for m in mentions if m.hpo_id == term] == [True]


def test_the_patients_own_first_seizure_is_still_theirs(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "He had his first seizure at 4 months.")).get(SEIZURE) is False


def test_a_list_closed_by_none(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Headaches and dizziness, none.")).get(HEADACHE) is True
    assert found(annotate(knowledge, "He had headaches, none recently.")).get(HEADACHE) is False


@pytest.mark.parametrize(
    ("text", "term", "excluded"),
    [
        ("Ringing in my ears. Hearing otherwise fine.", HEARING_IMPAIRMENT, True),
        ("Swallowing's fine, food doesn't stick.", DYSPHAGIA, True),
        ("Vision's gone blurry for reading.", BLURRED_VISION, False),
        ("Bladder and bowels normal.", BOWEL_INCONTINENCE, True),
        ("Bladder and bowels normal.", URINARY_INCONTINENCE, True),
        ("I feel well, no swelling anywhere.", EDEMA, True),
    ],
)
def test_statements_of_normality(knowledge: Knowledge, text: str, term: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(term) is excluded


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Feels like the baby blues, up and down all day.", CYANOSIS),
        ("a pain down my leg like an electric shock", SHOCK),
        ("sneezing fits every morning", SEIZURE),
        ("clammy palms shaking hands with clients", HAND_TREMOR),
        ("my fingers go numb at night and I have to shake it out", TREMOR),
        ("heartburn, burning right up into my throat", FEVER),
        ("I feel full but only a dribble comes out", DROOLING),
        ("I'd rather not talk about it.", ABSENT_SPEECH),
    ],
)
def test_figures_of_speech_name_no_finding(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


def test_spots_floating_before_the_eyes_are_floaters(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "I keep seeing little black spots floating in front of my eyes"))
    assert result.get(FLOATERS) is False
    assert ESCHAR not in result
