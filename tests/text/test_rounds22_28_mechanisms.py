"""Rounds 22 to 28 of the annotator: temperature readings, British "be sick", a fit described as
stiffening then jerking, relatives named after a possessive name, by a negated verb or with "'s" for
"has", friends, repetition cues, weight changes in numbers, normal weight gain, and figures of speech.
Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text import readings
from symptomdb.text.annotate import annotate
from symptomdb.text.normalise import tokenize

from .test_annotate import found

FEVER, VOMITING, NAUSEA = "HP:0001945", "HP:0002013", "HP:0002018"
SEIZURE, TONIC_CLONIC, MYOCLONUS, LIMB_MYOCLONUS = "HP:0001250", "HP:0002069", "HP:0001336", "HP:0045084"
DIABETES, AUTISM, ABSENT_SPEECH, DELAYED_SPEECH = "HP:0000819", "HP:0000717", "HP:0001344", "HP:0000750"
FAILURE_TO_THRIVE, INCREASED_WEIGHT = "HP:0001508", "HP:0004324"
RECURRENT_PNEUMONIA, RECURRENT_EPISTAXIS = "HP:0006532", "HP:0004406"
FALLS, JUMPING, KYPHOSIS, HEAD_BANGING = "HP:0002527", "HP:5200134", "HP:0002808", "HP:0012168"
PRESYNCOPE, INSISTENCE_ON_SAMENESS, CHRONIC_FATIGUE = "HP:0031972", "HP:5200130", "HP:0012432"


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Temp was 38.6 at 2pm, mum on her way.", False),
        ("temp 39.1 overnight, given paracetamol", False),
        ("temperature of 101.5 F this morning", False),
        ("Temp 36.9, sats fine.", True),
    ],
)
def test_a_temperature_reading_says_fever_or_none(knowledge: Knowledge, text: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(FEVER) is excluded


@pytest.mark.parametrize("text", ["temp 37.8 this morning", "the bath water temp was 42", "temp 120"])
def test_a_reading_below_a_fever_or_no_body_temperature_says_no_fever(
    knowledge: Knowledge, text: str
) -> None:
    assert FEVER not in found(annotate(knowledge, text))


def test_a_normal_reading_does_not_exclude_a_fever_the_text_names(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she had a fever on Monday, temp 37.0 today")).get(FEVER) is False


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("he was sick twice after lunch", False),
        ("she's been sick three times today", False),
        ("sick x2 overnight", False),
        ("she has been making herself sick after meals", False),
        ("she wasn't sick", True),
        ("he hasn't been sick", True),
        ("tummy ache but no sickness", True),
    ],
)
def test_to_be_sick_is_to_vomit(knowledge: Knowledge, text: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(VOMITING) is excluded


@pytest.mark.parametrize(
    "text",
    [
        "she feels sick after meals",
        "he's been off sick for a week",
        "she was sick with a cold last week",
        "I'm sick of waiting for an appointment",
        "a sick child in the waiting room",
    ],
)
def test_feeling_sick_or_being_ill_is_no_vomiting(knowledge: Knowledge, text: str) -> None:
    assert VOMITING not in found(annotate(knowledge, text))


def test_feeling_sick_is_still_nausea(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she feels sick after meals")).get(NAUSEA) is False


@pytest.mark.parametrize(
    "text",
    [
        "he had a fit at 10.15, went stiff then his arms and legs were jerking for a minute",
        "she had a seizure where she stiffened and then shook all over",
    ],
)
def test_a_fit_described_as_stiffening_then_jerking_is_tonic_clonic(knowledge: Knowledge, text: str) -> None:
    result = found(annotate(knowledge, text))
    assert result.get(TONIC_CLONIC) is False
    assert {SEIZURE, MYOCLONUS, LIMB_MYOCLONUS}.isdisjoint(result)


def test_stiffness_and_jerks_without_a_stated_fit_stay_what_they_are(knowledge: Knowledge) -> None:
    result = found(
        annotate(knowledge, "he has never had a seizure, but his legs go stiff and jerk when he walks")
    )
    assert result.get(SEIZURE) is True
    assert TONIC_CLONIC not in result


def test_stiff_then_jerking_needs_a_sequence_within_one_sentence() -> None:
    assert readings.stiff_then_jerking(tokenize("went stiff then jerked")) == [(1, 3)]
    assert readings.stiff_then_jerking(tokenize("his neck is stiff. He jerked awake")) == []
    assert readings.stiff_then_jerking(tokenize("stiff jerky movements")) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Mum mentioned that Ben's nan has diabetes.", DIABETES),
        ("Daisy's older brother has autism and is under the paediatrician.", AUTISM),
        ("her brother didn't talk till he was 3", ABSENT_SPEECH),
    ],
)
def test_a_relatives_finding_is_not_the_patients(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))
    family = {m.hpo_id for m in annotate(knowledge, text, include_family=True) if m.family}
    assert term in family


def test_the_patients_own_negated_finding_is_still_the_patients(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he didn't talk until he was 4")).get(DELAYED_SPEECH) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("he has had pneumonia twice this year", RECURRENT_PNEUMONIA),
        ("nosebleeds 3 or 4 times a week", RECURRENT_EPISTAXIS),
    ],
)
def test_a_repetition_cue_names_the_recurrent_finding(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_wiped_out_for_over_a_year_is_chronic_fatigue(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I've been wiped out for over a year")).get(CHRONIC_FATIGUE) is False


@pytest.mark.parametrize(
    "text", ["she's putting weight on fine though", "he is gaining weight well", "putting on weight well"]
)
def test_normal_weight_gain_says_no_failure_to_thrive(knowledge: Knowledge, text: str) -> None:
    result = found(annotate(knowledge, text))
    assert result.get(FAILURE_TO_THRIVE) is True
    assert INCREASED_WEIGHT not in result


def test_bearing_weight_is_no_weight_change(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "he won't put any weight on it since the fall"))
    assert {FAILURE_TO_THRIVE, INCREASED_WEIGHT}.isdisjoint(result)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("otherwise she's bouncing around as usual", JUMPING),
        ("his trousers are falling down, he's lost so much weight", FALLS),
        ("a rash going round to her back in a band", KYPHOSIS),
        ("he has never banged his head", HEAD_BANGING),
        ("same thing happened two years ago", INSISTENCE_ON_SAMENESS),
    ],
)
def test_round_22_figures_name_no_finding(knowledge: Knowledge, text: str, not_found: str) -> None:
    assert not_found not in found(annotate(knowledge, text))


def test_lightheaded_is_presyncope(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I feel lightheaded when my heart races")).get(PRESYNCOPE) is False


# Round 23 (lay-18 to lay-20): a relative's "'s" for "has", friends, weight changes in numbers, figures.
WEIGHT_LOSS, ALOPECIA, ANXIETY, CONFUSION = "HP:0001824", "HP:0001596", "HP:0000739", "HP:0001289"
STRABISMUS, TRISMUS, OPEN_MOUTH, PALPITATIONS = "HP:0000486", "HP:0000211", "HP:0000194", "HP:0001962"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my cousin's got alopecia and her hair fell out in patches", ALOPECIA),
        ("my best mate has really bad anxiety", ANXIETY),
    ],
)
def test_a_cousins_or_friends_finding_is_not_the_patients(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


def test_a_relative_with_s_and_no_owner_may_be_the_patient(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Dad's been getting muddled lately")).get(CONFUSION) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("she's lost like 3 kilos since the summer", WEIGHT_LOSS),
        ("he is down 2 stone", WEIGHT_LOSS),
        ("I've put on 15kg in a year", INCREASED_WEIGHT),
        ("98kg today, up 4kg in a week", INCREASED_WEIGHT),
    ],
)
def test_a_weight_change_in_numbers(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_babys_gain_in_grams_is_no_finding(knowledge: Knowledge) -> None:
    assert INCREASED_WEIGHT not in found(annotate(knowledge, "she gained 300 g this week"))


def test_round_23_phrases(knowledge: Knowledge) -> None:
    assert STRABISMUS not in found(annotate(knowledge, "he's been squinting at the board all year"))
    assert FEVER not in found(annotate(knowledge, "my mate's got glandular fever"))
    mouth = found(annotate(knowledge, "my jaw is swollen and I can't open my mouth properly"))
    assert mouth.get(TRISMUS) is False
    assert OPEN_MOUTH not in mouth
    assert found(annotate(knowledge, "my heart starts pounding out of nowhere")).get(PALPITATIONS) is False


# Round 24 (lay-17): blood pressure readings, coordinations of test findings, waking at night to pee.
HYPERTENSION, HYPOTENSION, NOCTURIA, EEG_PERIODIC = "HP:0000822", "HP:0002615", "HP:0000017", "HP:0010857"
MAINTENANCE_INSOMNIA = "HP:0031355"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("his BP was 168/102 at the health check", HYPERTENSION),
        ("in the pharmacy the pressure was 150/85", HYPERTENSION),
        ("BP 85/50 on arrival", HYPOTENSION),
    ],
)
def test_a_blood_pressure_reading(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize("text", ["the score was 160/200", "pressure 3/4"])
def test_no_blood_pressure_reading_says_nothing(knowledge: Knowledge, text: str) -> None:
    assert {HYPERTENSION, HYPOTENSION}.isdisjoint(found(annotate(knowledge, text)))


def test_a_coordination_names_a_test_finding_only_beside_the_test(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "My period is very heavy, I change the pad every hour"))
    assert EEG_PERIODIC not in result


def test_waking_at_night_to_pee_is_nocturia_not_insomnia(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "she drinks a lot and she wake up in the night to pee"))
    assert result.get(NOCTURIA) is False
    assert MAINTENANCE_INSOMNIA not in result


# Round 25 (lay-21, lay-22): "the runs", relatives named as older writers name them, names after a
# clinic letter's verbs, figures.
DIARRHEA, PALPITATIONS_, HEARING_IMPAIRMENT, AMELIA = "HP:0002014", "HP:0001962", "HP:0000365", "HP:0009827"
VOMITING_, ATAXIA = "HP:0002013", "HP:0001251"


def test_the_runs_is_diarrhoea_but_running_in_the_family_is_not(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I've had the runs most days")).get(DIARRHEA) is False
    assert DIARRHEA not in found(annotate(knowledge, "deafness runs in the family"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My late husband had terrible palpitations for years.", PALPITATIONS_),
        ("My brother Len is deaf as a post.", HEARING_IMPAIRMENT),
        ("Mother had sugar diabetes, so I'm always careful.", DIABETES),
    ],
)
def test_an_older_writers_relatives(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text", ["I saw Amelia today about her tummy pains.", "Amelia came up in hives after lunch."]
)
def test_a_name_beside_a_letters_or_storys_verb_is_a_person(knowledge: Knowledge, text: str) -> None:
    assert AMELIA not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [("Vomiting got worse overnight.", VOMITING_), ("Ataxia came on at 3.", ATAXIA)],
)
def test_a_finding_that_comes_on_is_no_name(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("I'm fit as a flea apart from my waterworks", SEIZURE),
        ("her thyroid is underactive; this fits with the tiredness", SEIZURE),
        ("my memory is shocking", "HP:0031273"),
    ],
)
def test_round_25_figures_name_no_finding(knowledge: Knowledge, text: str, not_found: str) -> None:
    assert not_found not in found(annotate(knowledge, text))


HAND_TREMOR, ACTION_TREMOR, RESTING_TREMOR, PALMAR_HYPERHIDROSIS = (
    "HP:0002378",
    "HP:0002345",
    "HP:0002322",
    "HP:0006089",
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("six months of a shaky right hand", HAND_TREMOR),
        ("her hands shake when she holds a cup", ACTION_TREMOR),
        ("his right hand shakes when it's resting in his lap", RESTING_TREMOR),
    ],
)
def test_a_tremor_of_the_hands_without_another_kind_is_a_hand_tremor(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_site_cue_specialises_only_the_finding_that_names_the_site(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "shaky hands, and she's sweating a lot"))
    assert result.get(HAND_TREMOR) is False
    assert PALMAR_HYPERHIDROSIS not in result


# Round 26 (lay-23, lay-24): "temp" said as a finding, a note's sibling, exertion cues.
EXERTIONAL_DYSPNEA, BILIOUS_EMESIS = "HP:0002875", "HP:0034754"


@pytest.mark.parametrize(
    ("text", "excluded"),
    [("Anything else? - no temp, no cough", True), ("he's had a temp since yesterday", False)],
)
def test_temp_without_a_number_is_said_of_fever(knowledge: Knowledge, text: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(FEVER) is excluded


def test_a_sibling_opening_a_notes_sentence_is_the_writers(knowledge: Knowledge) -> None:
    assert AUTISM not in found(annotate(knowledge, "18mo, no words yet. older brother is autistic"))
    text = "This patient and his brother had hearing loss. Both siblings and their mother showed myopia."
    assert found(annotate(knowledge, text)).get("HP:0000545") is False


@pytest.mark.parametrize(
    "text", ["breathless on stairs, ankles puffy by evening", "really breathless at football"]
)
def test_exertion_cues(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(EXERTIONAL_DYSPNEA) is False


def test_green_vomit_is_bilious(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "baby 3wks vomiting green, tummy swollen")).get(BILIOUS_EMESIS) is False


# Round 27 (lay-25, lay-26): "spots" alone is no rash, HPO's "White patch" is hair, figures, recurrence.
SKIN_RASH, POLIOSIS, GENU_RECURVATUM, RECURRENT_SHOULDER_DISLOCATION = (
    "HP:0000988",
    "HP:0002290",
    "HP:0002816",
    "HP:0031610",
)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("he has spots all over his face and back", SKIN_RASH),
        ("white patches spreading on the backs of my hands", POLIOSIS),
        ("a big purple bruise down to the back of the knee", GENU_RECURVATUM),
    ],
)
def test_round_27_words_name_no_finding(knowledge: Knowledge, text: str, not_found: str) -> None:
    assert not_found not in found(annotate(knowledge, text))


def test_for_the_third_time_is_recurrent(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "dislocated my left shoulder for the 3rd time at rugby"))
    assert result.get(RECURRENT_SHOULDER_DISLOCATION) is False


def test_weakness_is_muscle_weakness_and_the_shivers_are_chills(knowledge: Knowledge) -> None:
    # every lay author codes "weakness" as (limb) muscle weakness, none as HPO's Asthenia
    assert found(annotate(knowledge, "I've no weakness anywhere")) == {"HP:0001324": True}
    assert found(annotate(knowledge, "I've had the shivers all night")).get("HP:0025143") is False
    assert found(annotate(knowledge, "he's had the trots since Monday")).get(DIARRHEA) is False


# Round 28 (lay-27): a whole-body fit without the word, centile drops, babies' words.
FAILURE_TO_THRIVE_ = "HP:0001508"
SPASTICITY = "HP:0001257"


def test_arms_and_legs_stiffening_then_jerking_is_a_tonic_clonic_seizure(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "his arms and legs went stiff and then jerked for about a minute"))
    assert result.get(TONIC_CLONIC) is False
    assert SPASTICITY not in result


def test_a_weight_dropping_across_centiles_is_failure_to_thrive(knowledge: Knowledge) -> None:
    text = "Weighed today and she's dropped from the 50th to below the 9th centile in 6 weeks."
    assert found(annotate(knowledge, text)).get(FAILURE_TO_THRIVE_) is False
    assert FAILURE_TO_THRIVE_ not in found(annotate(knowledge, "her height has dropped two centiles"))


@pytest.mark.parametrize(
    ("text", "not_found"),
    [("he jumps at the hoover", JUMPING), ("coughing fits that end in a whoop", SEIZURE)],
)
def test_round_28_figures_name_no_finding(knowledge: Knowledge, text: str, not_found: str) -> None:
    assert not_found not in found(annotate(knowledge, text))
