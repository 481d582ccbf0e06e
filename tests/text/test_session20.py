"""Session 20 of the annotator: rheumatology, kidney and liver messages (lay-text-75 and -76 read): blood
tests quoted by name, bones said broken, findings asked about and all denied, and everyday phrases that
name no finding. Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

ELEVATED_CRP, ELEVATED_ESR, HYPERURICEMIA = "HP:0011227", "HP:0003565", "HP:0002149"
ELEVATED_CREATININE, INCREASED_UREA, DECREASED_GFR = "HP:0003259", "HP:0003138", "HP:0012213"
HYPERKALEMIA, HYPOKALEMIA, HYPONATREMIA = "HP:0002153", "HP:0002900", "HP:0002902"
ELEVATED_PTH, ELEVATED_PSA, ELEVATED_ALT = "HP:0003165", "HP:0025020", "HP:0031964"
ELEVATED_TRANSAMINASES, ELEVATED_CK = "HP:0002910", "HP:0003236"
FRACTURED_FOREARM, FEMUR_FRACTURE, FEMORAL_NECK_FRACTURE = "HP:0003961", "HP:0031846", "HP:6000655"
MULTIPLE_RIB_FRACTURES, RECURRENT_FRACTURES, LONG_BONE_FRACTURE = "HP:0006640", "HP:0002757", "HP:0025736"
RECURRENT_LONG_BONE_FRACTURES = "HP:0003084"
ORAL_ULCER, DRY_EYES, SKIN_RASH = "HP:0000155", "HP:0001097", "HP:0000988"
BACK_PAIN, TREMOR, OUT_TOEING, BROAD_FINGER, OPEN_MOUTH = (
    "HP:0003418",
    "HP:0001337",
    "HP:6001056",
    "HP:0001500",
    "HP:0000194",
)
TRISMUS, POLLAKISURIA, NECK_PAIN, PHARYNGALGIA = "HP:0000211", "HP:0100515", "HP:0030833", "HP:0033050"
CHEST_PAIN, MOON_FACIES, ORTHOPNEA, SPIDER_HEMANGIOMA = "HP:0100749", "HP:0500011", "HP:0012764", "HP:0012522"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("CRP came back at 86 so they want to see me", ELEVATED_CRP),
        ("my ESR was 70 last week", ELEVATED_ESR),
        ("GP rang, my uric acid came back at 520", HYPERURICEMIA),
        ("uric acid was 9.8 at the last check", HYPERURICEMIA),
        ("creatinine has crept up from 110 to 160 since spring", ELEVATED_CREATININE),
        ("Urea was 38 at clinic", INCREASED_UREA),
        ("eGFR is down to 12 now", DECREASED_GFR),
        ("Potassium was 6.8 on Monday", HYPERKALEMIA),
        ("potassium was 3.1 so a bit low", HYPOKALEMIA),
        ("my potassium is low again", HYPOKALEMIA),
        ("the consultant said my PTH is sky high", ELEVATED_PTH),
        ("PSA came back 7.2 this time", ELEVATED_PSA),
        ("ALT was 140 and they want to repeat it", ELEVATED_ALT),
        ("liver tests came back raised on the new tablets", ELEVATED_TRANSAMINASES),
    ],
)
def test_a_blood_test_quoted_beyond_its_limits_or_said_high_or_low_is_read(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my liver bloods were normal", ELEVATED_TRANSAMINASES),
        ("the doctor checked my CK and it was normal", ELEVATED_CK),
    ],
)
def test_a_test_said_normal_rules_out_its_raised_finding(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is True


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("CRP was 4 and ESR 12, so nothing there", {ELEVATED_CRP, ELEVATED_ESR}),
        ("potassium 4.2 and creatinine 85", {HYPERKALEMIA, HYPOKALEMIA, ELEVATED_CREATININE}),
        ("I'm on a low sodium diet for my heart", {HYPONATREMIA}),
        ("PSA was 2.1, all fine", {ELEVATED_PSA}),
        ("uric acid tablets every day", {HYPERURICEMIA}),
    ],
)
def test_a_result_within_its_limits_or_a_diet_reads_nothing(
    knowledge: Knowledge, text: str, terms: set[str]
) -> None:
    assert not terms & set(found(annotate(knowledge, text)))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I broke my wrist stepping off a kerb", FRACTURED_FOREARM),
        ("84F after a fall at home - broke her hip", FEMUR_FRACTURE),
        ("3 months on from breaking the neck of my femur", FEMORAL_NECK_FRACTURE),
        ("came off the ladder and broke 2 ribs", MULTIPLE_RIB_FRACTURES),
        ("broke his leg last year and only limped a bit", LONG_BONE_FRACTURE),
        ("broke my wrist twice this year from just tripping", RECURRENT_FRACTURES),
        ("she's broken her arm twice and her leg once", RECURRENT_FRACTURES),
    ],
)
def test_a_bone_said_broken_is_its_fracture(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "my sleep has been broken for weeks",
        "since I broke my nose playing rugby I snore",
        "it felt like swallowing broken glass",
        "a stress fracture in the long bone going to my 4th toe",
    ],
)
def test_broken_sleep_glass_or_a_nose_is_no_limb_fracture(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert not {FRACTURED_FOREARM, RECURRENT_FRACTURES, RECURRENT_LONG_BONE_FRACTURES} & set(findings)


def test_findings_asked_about_then_all_denied_are_excluded(knowledge: Knowledge) -> None:
    text = "The nurse asked whether I get mouth ulcers, dry eyes or rashes - none of those."
    findings = found(annotate(knowledge, text))
    assert findings.get(ORAL_ULCER) is True and findings.get(DRY_EYES) is True
    assert findings.get(SKIN_RASH) is True


def test_none_of_them_before_a_verb_still_denies_what_follows(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "None of them had seizures.")).get("HP:0001250") is True


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("sore at the back of my throat since Sunday", BACK_PAIN, PHARYNGALGIA),
        ("it hurts at the back of my neck when I look down", BACK_PAIN, NECK_PAIN),
        ("sore at the back of both heels first thing", BACK_PAIN, None),
        ("I have to shake my hand to get the feeling back", TREMOR, None),
        ("colchicine sorted the toe out within a day", OUT_TOEING, None),
        ("I can only open my mouth about two fingers wide", BROAD_FINGER, TRISMUS),
        ("my mouth tastes of wee all the time", POLLAKISURIA, None),
    ],
)
def test_everyday_phrases_name_no_finding_of_their_words(
    knowledge: Knowledge, text: str, absent: str, present: str | None
) -> None:
    findings = found(annotate(knowledge, text))
    assert absent not in findings and OPEN_MOUTH not in findings
    assert present is None or findings.get(present) is False


def test_the_back_of_the_roof_of_the_mouth_is_still_read(knowledge: Knowledge) -> None:
    text = "He had a gap at the back of the roof of his mouth repaired at 10 months."
    assert found(annotate(knowledge, text)).get("HP:0000185") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("a pain behind my breastbone after every dose", CHEST_PAIN),
        ("on pred and my face has gone round as a moon", MOON_FACIES),
        ("noticed little red spidery marks on my chest", SPIDER_HEMANGIOMA),
        ("can't lie flat any more, I need 4 pillows", ORTHOPNEA),
    ],
)
def test_session_20_lexicon_rows(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


BRUISING_SUSCEPTIBILITY, ECCHYMOSIS = "HP:0000978", "HP:0031364"


@pytest.mark.parametrize(
    "text",
    [
        "bruises all over his shins that he can't explain",
        "she's covered in bruises on her legs",
        "I bruise if anyone so much as brushes past me",
        "new bruises keep appearing on her back where she hasn't knocked herself",
        "noticed bruises on her arms and she isn't even crawling yet",
        "massive bruises on his back and he hasn't fallen or anything",
    ],
)
def test_bruises_without_a_cause_are_easy_bruising(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(BRUISING_SUSCEPTIBILITY) is False and ECCHYMOSIS not in findings


@pytest.mark.parametrize(
    "text",
    [
        "rolled my ankle at football, it's swollen with a big purple bruise down the outside",
        "3 weeks after my knee replacement the bruising down my shin is going green",
        "fell off my bike and my wrist is swollen and gone purple",
    ],
)
def test_the_bruise_of_an_injury_is_ecchymosis(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(ECCHYMOSIS) is False and BRUISING_SUSCEPTIBILITY not in findings


@pytest.mark.parametrize(
    "text",
    ["red lumps on my shins, tender like bruises", "my lips went blue in the cold"],
)
def test_a_simile_or_blue_lips_is_no_bruise(knowledge: Knowledge, text: str) -> None:
    assert not {ECCHYMOSIS, BRUISING_SUSCEPTIBILITY} & set(found(annotate(knowledge, text)))


JOINT_SWELLING, PODAGRA, ANKLE_SWELLING = "HP:0001386", "HP:0001854", "HP:0001785"


@pytest.mark.parametrize(
    "text",
    [
        "my knees ache going down stairs and the right one swells up like a balloon after football",
        "my knee has blown up overnight, red and hot",
        "woke up with my big toe red hot and swollen, can't bear the sheet on it",
        "my kne is swolen and hot after football",
    ],
)
def test_a_knee_or_big_toe_that_swells_is_joint_swelling(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(JOINT_SWELLING) is False and PODAGRA not in findings


def test_a_big_toe_in_a_text_about_gout_stays_podagra(knowledge: Knowledge) -> None:
    text = "I've had gout in my big toe a few times, it goes red, hot and so swollen I can't bear the sheet"
    findings = found(annotate(knowledge, text))
    assert findings.get(PODAGRA) is False and JOINT_SWELLING not in findings


def test_an_ingrown_toenail_is_no_joint_swelling(knowledge: Knowledge) -> None:
    text = "ingrown toenail on my big toe, the side of it is red and puffy with pus"
    assert JOINT_SWELLING not in found(annotate(knowledge, text))


UPPER_LIMB_PAIN, SHOULDER_PAIN = "HP:0012513", "HP:0030834"


def test_a_pain_the_arm_lent_its_site_is_the_shoulders_in_a_text_about_the_shoulder(
    knowledge: Knowledge,
) -> None:
    text = "Shoulder's stiff as anything, can't get my arm up to the top shelf. Aches at night too."
    findings = found(annotate(knowledge, text))
    assert findings.get(SHOULDER_PAIN) is False and UPPER_LIMB_PAIN not in findings


def test_arms_that_ache_stay_upper_limb_pain(knowledge: Knowledge) -> None:
    text = "my shoulders are stiff and my arms ache after the gym"
    assert found(annotate(knowledge, text)).get(UPPER_LIMB_PAIN) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("pain in my nek since I slept funny", NECK_PAIN),  # NEK1, a gene symbol, is no word
        ("my ankels are swollen by the evening", ANKLE_SWELLING),  # HPO writes "ankel" once, a typo
    ],
)
def test_gene_symbols_and_one_off_typos_of_hpo_do_not_stop_a_correction(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


DYSURIA = "HP:0100518"


@pytest.mark.parametrize(
    "text",
    [
        "up 4 times a night to pass water. No burning or stinging when I go.",
        "I've passed blood in my water twice, bright red. It doesn't hurt when I go.",
        "she's wet at school twice this week. Says it doesn't sting.",
        "wetting the bed most nights. No burning or stinging when she goes.",
    ],
)
def test_passing_urine_said_not_to_hurt_excludes_dysuria(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(DYSURIA) is True


@pytest.mark.parametrize(
    ("text", "theirs", "mine"),
    [
        (
            "Me and my husband have both got this bug. He had a temp of 38.5 and a chesty cough but I just "
            "have a sore throat and a blocked nose.",
            "HP:0001945",
            PHARYNGALGIA,
        ),
        (
            "My wife and me both have diarrhoea since the wedding. She is vomiting also, but me I did not "
            "vomit, I just have stomach ache.",
            "HP:0002013",
            "HP:0002014",
        ),
        (
            "My son has a barky cough and he's wheezy at night. I'm ok apart from a runny nose.",
            "HP:0030828",
            "HP:0031417",
        ),
    ],
)
def test_what_a_message_sets_against_the_writers_own_findings_is_someone_elses(
    knowledge: Knowledge, text: str, theirs: str, mine: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(theirs) is not False and findings.get(mine) is False


@pytest.mark.parametrize(
    "text",
    [
        "My son has a fever and a rash. He is not eating.",
        "My son has brittle asthma. He wheezes all night. I have asthma too but mine's well controlled.",
    ],
)
def test_a_message_about_a_child_alone_is_the_childs(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert any(value is False for value in findings.values())
    assert findings.get("HP:0001945", False) is False and findings.get("HP:0030828", False) is False


RECURRENT_UTIS, RECURRENT_PYELONEPHRITIS = "HP:0000010", "HP:0012787"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Third UTI since September, burning again", RECURRENT_UTIS),
        ("Got a UTI again, 4th one this year.", RECURRENT_UTIS),
        ("3rd kidney infection this year, temp 39.1", RECURRENT_PYELONEPHRITIS),
    ],
)
def test_an_infection_counted_as_the_third_is_recurrent(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_single_uti_reads_no_recurrent_infections(knowledge: Knowledge) -> None:
    assert RECURRENT_UTIS not in found(annotate(knowledge, "I think I have a UTI, it burns when I wee"))


JAUNDICE = "HP:0000952"


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("My partner says I've gone yellow and my wee is very dark", False),
        ("he's turned a bit yellow since the weekend", False),
        ("Scan showed a fatty liver. I feel fine - no pain, not tired, not yellow.", True),
    ],
)
def test_a_person_gone_yellow_or_said_not_yellow(knowledge: Knowledge, text: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(JAUNDICE) is excluded


def test_yellow_phlegm_is_no_jaundice(knowledge: Knowledge) -> None:
    assert JAUNDICE not in found(annotate(knowledge, "I've been coughing and it's gone yellow, the phlegm"))


PARESTHESIA, DYSESTHESIA, FOOT_PAIN, TOE_PAIN = "HP:0003401", "HP:0012534", "HP:0025238", "HP:0030841"


def test_burning_feet_are_paresthesia(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "my feet burn and tingle at night"))
    assert findings.get(PARESTHESIA) is False and DYSESTHESIA not in findings


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Feet burning at night, I can't bear the duvet touching them.", FOOT_PAIN),
        ("big toe came up red hot overnight, couldn't even bear the sheet on it", TOE_PAIN),
    ],
)
def test_a_part_that_cannot_bear_the_bedclothes_hurts(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_relative_who_is_on_a_treatment_has_their_own_findings(knowledge: Knowledge) -> None:
    text = "My brother's on dialysis and gets terrible itching. I'm only stage 3 and I don't itch."
    assert found(annotate(knowledge, text)).get("HP:0000989") is True


def test_the_red_round_an_ingrown_toenail_is_no_erythema_of_its_own(knowledge: Knowledge) -> None:
    text = "toenail's ingrown again and the skin round it is all red and puffy"
    assert "HP:0010783" not in found(annotate(knowledge, text))


def test_a_hearing_loss_of_the_high_sounds_is_high_frequency(knowledge: Knowledge) -> None:
    text = "Worked in a foundry for 30 years and I've lost the high sounds, can't hear the birds"
    assert found(annotate(knowledge, text)).get("HP:0005101") is False


ABDOMINAL_CRAMPS, MUSCLE_SPASM = "HP:0032155", "HP:0003394"


@pytest.mark.parametrize(
    "text",
    [
        "the runs 6 times a day with cramps before each one",
        "Three loose stools today with some blood mixed in, and crampy pains.",
    ],
)
def test_cramps_in_a_text_about_the_gut_are_abdominal(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(ABDOMINAL_CRAMPS) is False and MUSCLE_SPASM not in findings


def test_cramps_in_the_calves_stay_muscle_cramps(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "bad cramps in my calves at night, and my tummy is fine"))
    assert ABDOMINAL_CRAMPS not in findings


POLLAKISURIA = "HP:0100515"


@pytest.mark.parametrize(
    "text",
    [
        "burning when I pee and going to the toilet very frequently",
        "wee burn, go toilet many many time, little wee each time",
        "Pain when i wee and going evry 20 mins",
        "She has been drinking loads and going to the toilet constantly.",
    ],
)
def test_going_often_to_pass_urine_is_pollakisuria(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(POLLAKISURIA) is False


@pytest.mark.parametrize(
    "text",
    ["so thirsty and weeing constantly", "diarrhoea and going to the toilet constantly"],
)
def test_weeing_with_thirst_or_going_with_diarrhoea_is_no_pollakisuria(
    knowledge: Knowledge, text: str
) -> None:
    assert POLLAKISURIA not in found(annotate(knowledge, text))


POLYURIA = "HP:0000103"


@pytest.mark.parametrize(
    "text",
    ["I'm so thirsty and weeing all the time", "drinking 4 litres a day and peeing gallons"],
)
def test_passing_a_lot_of_urine_beside_thirst_is_polyuria(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(POLYURIA) is False and POLLAKISURIA not in findings


TERMINAL_INSOMNIA = "HP:0031356"


@pytest.mark.parametrize(
    "text",
    [
        "waking at 4am every day and can't get back off",
        "I drop off fine but wake at three and lie there till it's light",
        "Pt states woke at 0430 and unable to get back to sleep.",
        "can't sleep past 4am since the new tablets",
    ],
)
def test_waking_early_and_staying_awake_is_terminal_insomnia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(TERMINAL_INSOMNIA) is False


@pytest.mark.parametrize(
    "text",
    ["up 4 or 5 times every night for a wee", "I keep waking at 3am needing to poo, every night for a month"],
)
def test_waking_for_a_need_is_no_terminal_insomnia(knowledge: Knowledge, text: str) -> None:
    assert TERMINAL_INSOMNIA not in found(annotate(knowledge, text))


@pytest.mark.parametrize("text", ["Itchy? 'not really'.", "Itchy? not at all"])
def test_a_forms_not_really_denies_its_question(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000989") is True


@pytest.mark.parametrize(
    "text",
    [
        "My son (5) had a fit with a temp of 38.9, both arms and legs shaking",
        "Yesterday my son 2 year have fit. Temperature high 39.8, body shake shake.",
    ],
)
def test_a_young_childs_age_in_brackets_or_second_language_english_makes_a_fit_febrile(
    knowledge: Knowledge, text: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0002373") is False and "HP:0001250" not in findings


FATIGUE, DAYTIME_SOMNOLENCE = "HP:0012378", "HP:0001262"


def test_tiredness_beside_daytime_dozing_in_a_snorers_text_is_sleepiness(knowledge: Knowledge) -> None:
    text = "She says I snore and stop breathing. I'm knackered all day and nodded off at the lights twice."
    findings = found(annotate(knowledge, text))
    assert findings.get(DAYTIME_SOMNOLENCE) is False and FATIGUE not in findings


def test_hanging_the_washing_out_is_no_fatigue(knowledge: Knowledge) -> None:
    assert FATIGUE not in found(annotate(knowledge, "my arms ache when I hang the washing out"))


@pytest.mark.parametrize(
    "text",
    [
        "Fainted in the queue, I hadn't eaten all day.",
        "Wee is pink since yesterday and I haven't been eating beetroot.",
        "Diarrhoea 5 times today. I did not eat anything strange.",
    ],
)
def test_a_meal_missed_or_a_food_not_eaten_is_no_poor_appetite(knowledge: Knowledge, text: str) -> None:
    assert "HP:0004396" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "I have'nt actually been sick.",
        "Havnae actually been sick yet.",
        "Feel like to vomit after every meal, but nothing comes up.",
    ],
)
def test_a_late_apostrophe_scots_nae_and_feeling_like_to_vomit_read_no_vomiting(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get("HP:0002013") is not False


@pytest.mark.parametrize(
    "text",
    [
        "Me an the wife both got the bug. She's been sick all night but I've only had the runs.",
        "My brother and me both have diarrhoea. He vomit 3 times, me not vomit, only loose poo.",
    ],
)
def test_the_other_persons_vomiting_is_theirs_and_the_writers_diarrhoea_stays(
    knowledge: Knowledge, text: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0002013") is not False and findings.get("HP:0002014") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("this morning I started seeing flashes at the edge, like a camera flash", "HP:0030786"),
        ("there's a grey curtain over the bottom half of my vision", "HP:0001123"),
        ("a bright red patch on the white of my eye after coughing", "HP:0011896"),
        ("my eyes feel tired and heavy after screens all day", "HP:0031590"),
        ("one pupil bigger than the other in photos", "HP:0009916"),
    ],
)
def test_session_20_eye_rows(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_closing_either_eye_is_no_close_set_eyes(knowledge: Knowledge) -> None:
    assert "HP:0000601" not in found(
        annotate(knowledge, "Seeing double. If I close either eye it goes away.")
    )
