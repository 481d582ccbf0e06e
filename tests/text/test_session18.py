"""Session 18 of the annotator: the rounds on the needs-assessment forms and on skin described on brown and
black skin (lay-63, lay-70). Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

ICTERUS, JAUNDICE = "HP:0032106", "HP:0000952"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("my wife thinks my eyes look a bit yellow", {ICTERUS}),
        ("Yellowish eyes since Tuesday, wee like tea", {ICTERUS}),
        ("his face and the whites of his eyes have turned yellow", {ICTERUS, JAUNDICE}),
        ("she's gone quite yellow, even the whites of her eyes", {ICTERUS, JAUNDICE}),
        ("baby still looks yellow, his eyes mostly", {ICTERUS, JAUNDICE}),
    ],
)
def test_yellow_eyes_are_icterus_and_a_yellow_skin_or_person_jaundice_too(
    knowledge: Knowledge, text: str, terms: set[str]
) -> None:
    findings = found(annotate(knowledge, text))
    assert {t for t in (ICTERUS, JAUNDICE) if findings.get(t) is False} == terms


@pytest.mark.parametrize(
    "text",
    [
        "itchy skin, and the whites of my eyes went yellow",  # the skin is itchy, not yellow
        "his eyes have gone yellow and his poos are still yellow too",
    ],
)
def test_yellow_eyes_alone_are_no_jaundice(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(ICTERUS) is False and JAUNDICE not in findings


@pytest.mark.parametrize(
    "text",
    [
        "both eyes stuck together with yellow gunk this morning",
        "eyes red and sore with a yellow sticky discharge",
    ],
)
def test_yellow_matter_from_the_eyes_is_no_icterus(knowledge: Knowledge, text: str) -> None:
    assert ICTERUS not in found(annotate(knowledge, text))


def test_yellow_eyes_denied_are_excluded(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "no yellow eyes, no rash, just tired")).get(ICTERUS) is True


def test_an_itch_beside_yellow_eyes_is_no_itch_of_the_eyes(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "Yellow eyes, itchy everywhere, pale poo"))
    assert findings.get("HP:0000989") is False and "HP:0033841" not in findings


EXERTIONAL_DYSPNEA, DYSPNEA, SLEEP_APNEA = "HP:0002875", "HP:0002094", "HP:0010535"


@pytest.mark.parametrize(
    "text",
    [
        "I'm short of breath even doing the hoovering or walking to the car",
        "gets out of breath so easily these days",
        "I have to stop twice on the stairs to catch my breath",
        "she stops every few yards for a breath",
    ],
)
def test_breathlessness_on_an_effort_is_exertional(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(EXERTIONAL_DYSPNEA) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("short of breath sitting still in the chair this morning", DYSPNEA),
        ("he snores and then stops breathing for a few seconds", SLEEP_APNEA),
    ],
)
def test_breathlessness_at_rest_or_stopping_breathing_is_not_exertional(
    knowledge: Knowledge, text: str, term: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(term) is False and EXERTIONAL_DYSPNEA not in findings


@pytest.mark.parametrize(
    "text",
    [
        "my heart - every so often it starts thumping really hard for no reason",
        "heart feels like it's racing when I lie down",
        "I can feel my heart going very fast and fluttery",
    ],
)
def test_a_heartbeat_felt_is_palpitations(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001962") is False


@pytest.mark.parametrize(
    "text",
    ["my heart surgery was racing through my mind", "dad had heart failure, he was pounding the table"],
)
def test_the_heart_of_an_illness_or_an_operation_is_no_heartbeat(knowledge: Knowledge, text: str) -> None:
    assert "HP:0001962" not in found(annotate(knowledge, text))


def test_a_calf_cramp_after_walking_that_eases_on_stopping_is_claudication(knowledge: Knowledge) -> None:
    findings = found(
        annotate(knowledge, "after 100 yards walking my left calf cramps, so I stop and it goes")
    )
    assert findings.get("HP:0004417") is False and "HP:0003394" not in findings


def test_a_calf_cramp_at_night_is_no_claudication(knowledge: Knowledge) -> None:
    assert "HP:0004417" not in found(
        annotate(knowledge, "calf cramps in bed at night, I have to walk it off")
    )


HYPOPIGMENTED, HYPERPIGMENTED, DARK_MACULE = "HP:0001053", "HP:0000953", "HP:0001034"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("she has white patches coming on her elbows, the skin has lost its colour", HYPOPIGMENTED),
        ("there are lighter patches on his chin now", HYPOPIGMENTED),
        ("round patches on my back, paler than the rest of me", HYPOPIGMENTED),
        ("dark patches have come up on the backs of my hands", HYPERPIGMENTED),
        ("every pimple leaves a dark mark on my jaw", DARK_MACULE),
    ],
)
def test_lighter_or_darker_patches_of_skin_are_its_pigment(
    knowledge: Knowledge, text: str, term: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(term) is False and "HP:0000980" not in findings  # no Pallor


@pytest.mark.parametrize(
    "text",
    [
        "white patches on his tongue that won't wipe off",
        "white spots at the back of my throat",
        "a dark patch on the inside of my lip",
        "white patches on her nails",
    ],
)
def test_patches_that_are_not_on_the_skin_are_not_its_pigment(knowledge: Knowledge, text: str) -> None:
    assert not {HYPOPIGMENTED, HYPERPIGMENTED, DARK_MACULE} & set(found(annotate(knowledge, text)))


PALLOR, FATIGUE = "HP:0000980", "HP:0012378"


@pytest.mark.parametrize(
    "text",
    [
        "my wife says I look grey today",
        "he went all sweaty and grey before he fainted",
        "her face went grey and she slumped in the chair",
        "she looks really washed out, even her lips",
    ],
)
def test_a_person_gone_grey_or_looking_washed_out_is_pallor(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(PALLOR) is False and FATIGUE not in findings


@pytest.mark.parametrize(
    "text",
    [
        "everything went grey round the edges when I stood up",
        "my lips look bluish grey in the mirror",
        "the rash on his arms looks greyish on his skin",
    ],
)
def test_grey_sight_lips_or_hair_is_no_pallor(knowledge: Knowledge, text: str) -> None:
    assert PALLOR not in found(annotate(knowledge, text))


def test_feeling_washed_out_stays_fatigue(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "I feel completely washed out since the flu"))
    assert findings.get(FATIGUE) is False and PALLOR not in findings


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I get pressure sores on my bum from the wheelchair", "HP:0012399"),
        ("can't do stairs any more, I sleep downstairs", "HP:0003551"),
        ("she chokes on her drinks unless they're thickened", "HP:0030842"),
        ("lying awake with my mind racing till 3", "HP:0033844"),
        ("since the attack I get flashbacks most days", "HP:0032937"),
        ("he has a learning disability and needs help with money", "HP:0001249"),
        ("I had a hypo in the car park, 2.8", "HP:0001943"),
        ("getting hypos most mornings since the dose went up", "HP:0001988"),
    ],
)
def test_what_people_say_on_needs_assessment_forms(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("no trouble swallowing or cutting up my food", "HP:5200339"),  # Self-cutting
        ("I can't see the kerb and I've missed my footing twice", "HP:0011301"),  # Absent foot
    ],
)
def test_everyday_phrases_name_no_finding(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


def test_shorthand_minutes_are_not_read_as_another_word(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "the seizure went on for 25 mins before the ambulance came"))
    assert findings.get("HP:0002133") is False  # Status epilepticus, from the minutes


VOMITING = "HP:0002013"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I was sick last night and it looked like coffee grounds", "HP:0032144"),  # Coffee ground vomitus
        ("threw up what looked like fresh blood this morning", "HP:0002248"),  # Hematemesis
    ],
)
def test_a_vomit_named_more_closely_is_no_vomiting_of_its_own(
    knowledge: Knowledge, text: str, term: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(term) is False and VOMITING not in findings


def test_vomiting_without_a_closer_name_stays(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I've been sick four times since midnight")).get(VOMITING) is False


@pytest.mark.parametrize(
    "text", ["I can't eat much without getting pain", "I cannot stand for long without my back aching"]
)
def test_cannot_without_is_no_negation(knowledge: Knowledge, text: str) -> None:
    assert all(excluded is False for excluded in found(annotate(knowledge, text)).values())


def test_without_alone_still_negates(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I can walk a mile without getting breathless")).get(DYSPNEA) is True


FALLS = "HP:0002527"


@pytest.mark.parametrize(
    "text",
    [
        "Grandad fell in the garden on Tuesday and cut his hand",
        "she has been frightened to go out since her fall in March",
        "had a fall at home last night, nothing broken",
        "my knee gives way and I've gone down in the street twice",
    ],
)
def test_a_fall_told_as_an_event_is_falls(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(FALLS) is False


@pytest.mark.parametrize(
    "text",
    [
        "he fell off his bike and grazed his knee",
        "I fell asleep on the sofa at 8",
        "her hair fell out after the chemo",
        "the breakpoints fell within one interval",
        "I've gone down 2kg since the new tablets",
    ],
)
def test_other_falls_and_the_word_fell_are_no_falls(knowledge: Knowledge, text: str) -> None:
    assert FALLS not in found(annotate(knowledge, text))


TEARFULNESS = "HP:0033705"


@pytest.mark.parametrize(
    "text",
    [
        "since the funeral I've been crying most days",
        "I cry at adverts now, never used to",
        "she is crying over nothing and not eating",
        "I keep bursting into tears at work",
    ],
)
def test_crying_often_or_over_little_is_tearfulness(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(TEARFULNESS) is False


@pytest.mark.parametrize(
    "text",
    [
        "he cries every day on the potty because it hurts",
        "her lips go blue when she cries a lot",
        "laughing one minute and crying over nothing the next",
    ],
)
def test_crying_with_a_pain_a_sign_or_laughter_is_no_tearfulness(knowledge: Knowledge, text: str) -> None:
    assert TEARFULNESS not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("her bladder is weak, she has to rush and sometimes doesn't make it.", {"HP:0000012", "HP:0000020"}),
        ("the need to wee comes on so quick I nearly wet myself", {"HP:0000012"}),
        ("waterworks: I have to go urgently, day and night", {"HP:0000012"}),
    ],
)
def test_a_need_to_wee_that_cannot_wait_is_urgency(knowledge: Knowledge, text: str, terms: set[str]) -> None:
    findings = found(annotate(knowledge, text))
    assert all(findings.get(term) is False for term in terms)


def test_an_urgent_need_for_the_bowels_is_no_urinary_urgency(knowledge: Knowledge) -> None:
    assert "HP:0000012" not in found(annotate(knowledge, "with the runs I have to go urgently after meals"))


LOW_BACK_PAIN = "HP:0003419"


@pytest.mark.parametrize(
    "text",
    [
        "my lower back has been killing me since the weekend",
        "did my back in lifting, pain right across the bottom of it",
        "back's been sore for a week, low down on the right",
        "lower back stiff and sore first thing every morning",
    ],
)
def test_a_low_back_that_hurts_is_low_back_pain(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(LOW_BACK_PAIN) is False and "HP:0003418" not in findings  # no plain Back pain


def test_a_low_back_said_without_a_pain_is_none(knowledge: Knowledge) -> None:
    assert LOW_BACK_PAIN not in found(annotate(knowledge, "she has a tattoo on her lower back"))


@pytest.mark.parametrize(
    "text",
    [
        "a horrible pain in the back of my head since the op",
        "frozen shoulder, can't reach behind my back, aches at night",
        "dislocated my shoulder, they popped it back in at A&E",
        "just sore at the back passage when I go",
    ],
)
def test_back_as_a_place_or_a_direction_is_no_back_pain(knowledge: Knowledge, text: str) -> None:
    assert "HP:0003418" not in found(annotate(knowledge, text))


def test_a_babys_flat_back_of_the_head_is_still_read(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the back of his head has gone flat")).get("HP:0005469") is False


@pytest.mark.parametrize(
    "text",
    ["the wife says I'm crabbit", "he's whingey and off his food", "she'll snap at the carers for no reason"],
)
def test_irritability_in_more_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000737") is False


@pytest.mark.parametrize(
    "text",
    [
        "my stomach has been running since Sunday",
        "sick and running both ends all night",
        "everything seems to go straight through me",
        "I have diarea since yesterday",
    ],
)
def test_diarrhoea_in_more_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0002014") is False


def test_running_to_somewhere_is_no_diarrhoea(knowledge: Knowledge) -> None:
    assert "HP:0002014" not in found(annotate(knowledge, "I was running for the bus and my stomach hurt"))


@pytest.mark.parametrize(
    "text",
    [
        "felt hot and sick just before I fainted",
        "I feel a bit sick when I smell the dinners",
        "been feelin sik all week",
    ],
)
def test_feeling_sick_with_words_between_is_nausea(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0002018") is False and VOMITING not in findings


@pytest.mark.parametrize(
    "text",
    [
        "I feinted at work, went hot and sweaty then woke up on the floor",
        "went pale then dropped, came round after a few seconds, no shaking or fitting",
    ],
)
def test_a_faint_with_a_fit_denied_is_syncope(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001279") is False


def test_a_collapse_in_a_fit_is_no_faint(knowledge: Knowledge) -> None:
    assert "HP:0001279" not in found(
        annotate(knowledge, "he had a fit, dropped and came round after 2 minutes")
    )


@pytest.mark.parametrize(
    "text", ["she's been really down since the move", "anxious and low since the op", "I'm so down lately"]
)
def test_a_person_said_low_or_down_is_depression(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000716") is False


@pytest.mark.parametrize(
    "text",
    ["my sugar was low this morning", "his iron is really low", "I've been down twice this week, my legs go"],
)
def test_a_low_reading_or_a_fall_is_no_depression(knowledge: Knowledge, text: str) -> None:
    assert "HP:0000716" not in found(annotate(knowledge, text))


DYSURIA, PAIN = "HP:0100518", "HP:0012531"


@pytest.mark.parametrize(
    "text",
    [
        "up 3 times a night to wee. No burning or stinging.",
        "my wee smells strong and it's cloudy. Doesn't sting though.",
        "blood in my wee this morning, no pain with it",
        "getting up to pee twice a night, no pain passing water",
    ],
)
def test_urine_said_not_to_burn_excludes_dysuria(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(DYSURIA) is True and PAIN not in findings


@pytest.mark.parametrize(
    "text",
    [
        "had my gall bladder out, no pain to speak of",  # no urine
        "blood in my wee and no pain in my back",  # a pain denied at a site
    ],
)
def test_a_pain_denied_elsewhere_is_no_dysuria(knowledge: Knowledge, text: str) -> None:
    assert DYSURIA not in found(annotate(knowledge, text))


HEARING_IMPAIRMENT = "HP:0000365"


@pytest.mark.parametrize(
    "text",
    [
        "the hearing test at work last month was fine",
        "he passed the newborn hearing test",
        "ringing in both ears, hearing itself seems ok",
        "I can hear alright otherwise",
    ],
)
def test_hearing_said_normal_with_words_between_excludes_hearing_impairment(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(HEARING_IMPAIRMENT) is True


def test_a_normal_test_beside_a_deaf_ear_excludes_nothing(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "my hearing test was normal but now I'm deaf in one ear"))
    assert findings.get(HEARING_IMPAIRMENT) is not True


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("dry tickly cough for 8 weeks, no blood, no fevers", "HP:0002105"),  # Hemoptysis
        ("bringing up green phlegm every morning. No blood in it.", "HP:0002105"),
        ("constipated for weeks, only going every 4 days. No blood.", "HP:0002573"),  # Hematochezia
        ("got piles, itchy, a lump when I go. Not bleeding though.", "HP:0002573"),
    ],
)
def test_blood_denied_in_a_text_about_a_cough_or_the_bowels(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is True


@pytest.mark.parametrize(
    "text",
    [
        "the runs 6 times a day, watery, no blood",  # diarrhoea: the authors split
        "up twice a night to pass water and a cough, no blood",  # urine
        "sick twice after lunch, no blood in it",  # vomit
    ],
)
def test_blood_denied_elsewhere_says_nothing_here(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert "HP:0002105" not in findings and "HP:0002573" not in findings


LOSS_OF_CONSCIOUSNESS = "HP:0007185"


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("came off his bike, knocked out for a minute, now a headache", False),
        ("bumped his head on the table, didn't knock himself out", True),
        ("Head injury. Knocked out: no. Vomiting: no.", True),
        ("fall from standing, hit head. No LOC.", True),
    ],
)
def test_knocked_out_is_a_loss_of_consciousness(knowledge: Knowledge, text: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(LOSS_OF_CONSCIOUSNESS) is excluded


def test_a_tooth_knocked_out_is_no_loss_of_consciousness(knowledge: Knowledge) -> None:
    text = "fell off his scooter and knocked out one of his front teeth"
    assert LOSS_OF_CONSCIOUSNESS not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("no thoughts of hurting myself, I want to be clear", "HP:0031589"),  # Suicidal ideation
        ("says no dark thoughts at all", "HP:0031589"),
        ("he is eating well and sleeping well", "HP:0002360"),  # Sleep abnormality
        ("eating normally, just tired", "HP:0004396"),  # Poor appetite
        ("no weight loss, appetite's fine", "HP:0004396"),
    ],
)
def test_denied_thoughts_and_normal_sleep_and_appetite_are_excluded(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is True


@pytest.mark.parametrize(
    "text",
    [
        "a sudden explosive headache at the back of my head, peaked in seconds",
        "he got a horrendous headache, the worst he's ever had, then collapsed",
    ],
)
def test_a_sudden_worst_ever_headache_is_thunderclap(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0030907") is False and "HP:0002315" not in findings


def test_jamaican_nuh_negates(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "Mi nose did bleed likkle bit. Mi head nuh hurt.")).get("HP:0002315")
        is True
    )


def test_an_arm_above_the_head_is_no_headache(knowledge: Knowledge) -> None:
    text = "can't get my arm above my head without a sharp pain"
    assert "HP:0002315" not in found(annotate(knowledge, text))


def test_the_pain_of_a_named_headache_is_no_pain_of_its_own(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "I get headaches and see zigzag lines half an hour before the pain"))
    assert findings.get("HP:0002315") is False and PAIN not in findings


def test_heal_for_heel(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "a sharp pain in my heal first thing in the morning"))
    assert findings.get("HP:0025238") is False


def test_the_skin_round_a_nail_red_and_swollen_is_paronychia(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "the skin around my fingernails is red, swollen and throbbing"))
    assert findings.get("HP:0001818") is False and "HP:0010783" not in findings


def test_an_ingrown_toenail(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my toenail's ingrown again")).get("HP:0012710") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I've been tired for months and gained weight", "HP:0012378"),  # Fatigue: months, not six
        ("I've been tired for about 8 months now", "HP:0012432"),  # Chronic fatigue
        ("completely wiped out for over a year", "HP:0012432"),
    ],
)
def test_chronic_fatigue_needs_six_months(knowledge: Knowledge, text: str, term: str) -> None:
    findings = found(annotate(knowledge, text))
    other = ({"HP:0012378", "HP:0012432"} - {term}).pop()
    assert findings.get(term) is False and other not in findings


@pytest.mark.parametrize(
    "text",
    [
        "Baby (10 wks): feeds take 1hr+, falls asleep on the bottle",
        "our 4 week old isn't interested in feeding at all",
        "she's 11 months and won't take her bottle",
        "my baby has a tongue tie and she's not latching",
    ],
)
def test_a_baby_that_feeds_with_trouble(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0008872") is False and "HP:0011968" not in findings


def test_an_adult_not_interested_in_feeding_a_baby_says_nothing_of_infancy(knowledge: Knowledge) -> None:
    assert "HP:0008872" not in found(annotate(knowledge, "my meals take forever to finish, I'm 70"))


@pytest.mark.parametrize(
    "text", ["my right knee now grinds and hurts when I kneel", "twisted my knee, it kills going down stairs"]
)
def test_a_knee_that_hurts_further_on_is_knee_pain(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0030839") is False


def test_a_knee_beside_other_joints_that_hurt_is_no_knee_pain_alone(knowledge: Knowledge) -> None:
    assert "HP:0030839" not in found(annotate(knowledge, "my hips and knees ache after every class"))


CHRONIC_COUGH = "HP:0034315"


@pytest.mark.parametrize(
    "text",
    [
        "dry tickly cough for 3 months, worse at night",
        "since one year he is coughing every morning with yellow spit",
        "a tickly cough every morning. Been going since October so 4 months now.",
    ],
)
def test_a_cough_of_eight_weeks_or_more_is_chronic_beside_its_kind(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(CHRONIC_COUGH) is False


@pytest.mark.parametrize(
    "text", ["wheezy and coughing for 2 days, 7 months old", "she splutters and coughs, repaired at 9 months"]
)
def test_an_age_is_no_duration_of_a_cough(knowledge: Knowledge, text: str) -> None:
    assert CHRONIC_COUGH not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "my hands are so dry it's cracking and bleeding",
        "hard skin on both heels that splits open in winter",
        "both nipples are cracked and sore",
    ],
)
def test_skin_that_cracks_or_splits_is_a_skin_fissure(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0031057") is False


@pytest.mark.parametrize(
    "text",
    ["my lips are cracked and sore", "cracked a rib falling off the ladder", "my phone screen is cracked"],
)
def test_cracks_not_of_the_skin_are_no_fissure(knowledge: Knowledge, text: str) -> None:
    assert "HP:0031057" not in found(annotate(knowledge, text))


def test_the_upper_right_of_the_belly_is_no_epigastric_pain(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "pain in my upper right belly under my ribs after fatty food"))
    assert findings.get("HP:0002027") is False and "HP:0410019" not in findings


@pytest.mark.parametrize(
    "text",
    [
        "a painful red hot patch on my lower leg that's spreading",
        "red raw shiny skin in the nappy area",
        "bitten on the calf and it's gone a bit red around them",
    ],
)
def test_red_said_of_a_patch_or_the_skin_is_erythema(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0010783") is False


@pytest.mark.parametrize(
    "text",
    [
        "sore red patches on the roof of my mouth",
        "my tongue has smooth red patches",
        "a red mark on his forehead",
    ],
)
def test_red_patches_in_the_mouth_or_marks_are_no_erythema(knowledge: Knowledge, text: str) -> None:
    assert "HP:0010783" not in found(annotate(knowledge, text))
