"""Session 15 of the annotator: a swollen joint a little further from its swelling word; "more" before a
state read as the state. Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found
from .test_spelling import corrected

JOINT_SWELLING, PEDAL_EDEMA, SLURRED_SPEECH, PAIN = "HP:0001386", "HP:0010741", "HP:0001350", "HP:0012531"


@pytest.mark.parametrize(
    "text",
    [
        "a painful swollen L knee since the weekend",
        "she has a swollen hot elbow",
        "the knuckles of his left hand were warm and puffy this morning",
    ],
)
def test_a_swollen_joint_a_little_further_off(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(JOINT_SWELLING) is False


def test_a_swelling_far_from_any_joint_is_no_joint_swelling(knowledge: Knowledge) -> None:
    text = "the elbow was grazed when he fell off his bike at the park, and today his lip is swollen"
    assert JOINT_SWELLING not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("his legs are a lot more swollen than on Monday", PEDAL_EDEMA),
        ("her speech has got more slurred this week", SLURRED_SPEECH),
    ],
)
def test_more_before_a_state_is_the_state(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_no_more_is_not_a_comparison(knowledge: Knowledge) -> None:
    # "no more" keeps its own meaning: the word after it is not read as a worse state
    assert (
        found(annotate(knowledge, "her legs are no more swollen than before")).get(PEDAL_EDEMA) is not False
    )


FATIGUE, CONSTIPATION = "HP:0012378", "HP:0002019"


@pytest.mark.parametrize(
    "text",
    ["after the night shifts I'm shattered all day", "she's been feeling run down", "I'm completely wrecked"],
)
def test_shattered_and_wrecked_said_of_a_person_are_fatigue(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(FATIGUE) is False


def test_a_shattered_bone_is_no_fatigue(knowledge: Knowledge) -> None:
    assert FATIGUE not in found(annotate(knowledge, "he shattered his wrist falling off a ladder"))


@pytest.mark.parametrize(
    "text",
    [
        "Resident's bowels not opened for 5 days, eating less",
        "he only opens his bowels about once a week and it hurts",
        "her poos are hard and she only goes every 6 days",
        "he hasn't done a proper poo for 8 days",
    ],
)
def test_going_too_seldom_is_constipation(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(CONSTIPATION) is False


def test_going_once_a_week_without_a_word_of_the_bowels_is_nothing(knowledge: Knowledge) -> None:
    assert CONSTIPATION not in found(annotate(knowledge, "she only goes to the gym once a week"))


POLLAKISURIA = "HP:0100515"


@pytest.mark.parametrize(
    "text",
    [
        "it burns when I pee and I'm going every hour",
        "My bladder aches. I'm going every 30-40 minutes in the day.",
        "her waterworks are burning and she's running to the loo every half hour",
    ],
)
def test_passing_urine_every_hour_or_sooner_is_pollakisuria(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(POLLAKISURIA) is False


@pytest.mark.parametrize(
    "text",
    ["I've got the runs and I'm going every hour", "the baby feeds every hour", "I'm going every hour"],
)
def test_going_every_hour_of_the_bowels_or_of_nothing_said_is_not(knowledge: Knowledge, text: str) -> None:
    assert POLLAKISURIA not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("bleast", "breast"),  # l for r
        ("blurled", "blurred"),
        ("sroat", "throat"),  # th said as s, t or d
        ("troat", "throat"),
        ("breasless", "breathless"),
        ("sirsty", "thirsty"),
    ],
)
def test_l_and_r_and_th_as_east_asian_writers_spell_them(
    knowledge: Knowledge, word: str, reading: str
) -> None:
    assert corrected(knowledge, f"I have {word} since Monday").get(word) == reading


def test_a_word_spelt_with_th_is_not_read_as_t_s_or_d(knowledge: Knowledge) -> None:
    # "mooth" says th: it is mouth (one vowel off), not mood (th as d)
    assert corrected(knowledge, "cracks at the corners of my mooth").get("mooth") == "mouth"


def test_a_reading_that_names_nothing_gives_way_to_one_making_a_phrase(knowledge: Knowledge) -> None:
    # "ches" reads as chess by sound, which makes no phrase with "pain"; chest does
    assert found(annotate(knowledge, "I have ches pain since Monday")).get("HP:0100749") is False
    assert corrected(knowledge, "I play ches on Sundays").get("ches") != "chest"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have chest pai since Monday", "HP:0100749"),  # the last consonant dropped, beside its partner
        ("bac pain since I lifted the sofa", "HP:0003418"),
        ("I have rashu on my arms", "HP:0000988"),  # a vowel added after the last consonant
    ],
)
def test_a_dropped_last_consonant_or_an_added_vowel(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I haven't peed since this morning", "HP:0011968"),  # not "feed": b/p/v/f folds no real word
        ("she clamps her hands over her ears", "HP:0003394"),  # not "cramps": nor do l and r
    ],
)
def test_real_words_are_not_read_through_second_language_folds(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert term not in found(annotate(knowledge, text))


HEARING_IMPAIRMENT = "HP:0000365"


@pytest.mark.parametrize(
    "text",
    [
        "my hearing has gone down over the winter",
        "I can barely hear out of my right ear",
        "I have the telly up loud all day",
        "she doesn't hear us when we call her for tea",
    ],
)
def test_worse_hearing_in_other_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(HEARING_IMPAIRMENT) is False


def test_a_loud_television_is_no_finding_of_its_own(knowledge: Knowledge) -> None:
    assert HEARING_IMPAIRMENT not in found(annotate(knowledge, "the TV was too loud in the waiting room"))


DYSPHAGIA = "HP:0002015"


@pytest.mark.parametrize(
    "text",
    [
        "his tea keeps going down the wrong way",
        "she can barely swallow since the stroke",
        "he coughs and splutters with his meals",
        "food feels stuck halfway down",
    ],
)
def test_swallowing_trouble_in_other_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(DYSPHAGIA) is False


POOR_APPETITE = "HP:0004396"


@pytest.mark.parametrize(
    "text",
    ["her appetite is down since the new tablets", "I never feel hungry these days", "Dad refused breakfast"],
)
def test_poor_appetite_in_other_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(POOR_APPETITE) is False


def test_an_appetite_that_came_back_is_no_poor_appetite(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "her appetite has come back")).get(POOR_APPETITE) is not False


FALLS = "HP:0002527"


@pytest.mark.parametrize(
    "text",
    ["Nan fell twice last week", "he was found on the floor this morning", "my legs went from under me"],
)
def test_a_persons_fall_in_everyday_words(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(FALLS) is False


@pytest.mark.parametrize("text", ["I fell asleep on the sofa", "her temperature fell overnight"])
def test_fell_alone_is_no_fall(knowledge: Knowledge, text: str) -> None:
    assert FALLS not in found(annotate(knowledge, text))


def test_a_filler_does_not_stop_a_subject_sharing_its_predicates(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "his skin is really dry and flaky"))
    assert result.get("HP:0000958") is False  # Dry skin
    assert result.get("HP:0040189") is False  # Scaling skin


def test_a_noun_shared_by_a_finding_and_the_relative_clause_after_it(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "lower back pain that shoots down the back of my left leg"))
    assert result.get("HP:0003419") is False  # Low back pain
    assert result.get("HP:0011868") is False  # Sciatica


def test_a_bare_no_after_a_finding_denies_it_and_nothing_after(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "Fever no, cough yes. Vomiting no."))
    assert result.get("HP:0001945") is True  # Fever excluded
    assert result.get("HP:0002013") is True  # Vomiting excluded
    assert result.get("HP:0012735") is False  # Cough present


def test_no_that_goes_on_is_no_answer(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "a headache no matter what I take")).get("HP:0002315") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I break out in a cold sweat when I think about it", "HP:0001061"),  # no acne
        ("I break out in a cold sweat when I think about it", "HP:0025278"),  # no cold-induced sweating
        ("I can fit three fingers in the gap", "HP:0001250"),  # no seizure
        ("his breathing is noisy, worse on his back", "HP:0003418"),  # no back pain
        ("toe curling pain when she latches on", "HP:0030841"),  # no toe pain
        ("numb patch beside the scar since my c-section", "HP:0100699"),  # an operation's scar: no Scarring
    ],
)
def test_everyday_phrases_that_name_no_finding(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I break out in a cold sweat when I think about it", "HP:0000975"),  # Hyperhidrosis
        ("he grunts with every breath and his nostrils flare", "HP:0030863"),  # Nasal flaring
        ("he had a fit yesterday", "HP:0001250"),
        ("she has wide thin scars on her knees", "HP:0001075"),  # Atrophic scars
        ("Hip's killin me", "HP:0030838"),  # a dropped g is not overruled by the neighbours
    ],
)
def test_and_the_findings_beside_them_stay(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("I was throwing up all night", "HP:0002013", "HP:0100785"),  # vomiting, not insomnia
        ("heartburn that burns right up my chest", "HP:0002020", "HP:0001945"),  # reflux, not fever
        ("I get cramps in my gut on long runs", "HP:0032155", "HP:0003394"),  # abdominal cramps, not spasm
    ],
)
def test_what_a_phrase_says_and_what_it_does_not(
    knowledge: Knowledge, text: str, present: str, absent: str
) -> None:
    result = found(annotate(knowledge, text))
    assert result.get(present) is False
    assert absent not in result


def test_her_lips_puffed_right_up_is_still_swelling(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my lips puffed right up after the prawns")).get("HP:0031244") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I can't walk more than 50 metres without stopping", "HP:0001288"),  # Gait disturbance
        ("I can't stand for long at the sink", "HP:0003698"),  # Difficulty standing
        ("I can't get to the toilet in time", "HP:0000020"),  # Urinary incontinence
        ("on bad days I crawl up the stairs", "HP:0003551"),  # Difficulty climbing stairs
    ],
)
def test_what_a_person_can_no_longer_do(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_cannot_walk_at_all_is_still_inability_to_walk(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she can't walk at all since the stroke")).get("HP:0002540") is False


@pytest.mark.parametrize(
    "text",
    [
        "he's waking 3-4 times a night",
        "she wakes up five times every night",
        "still waking every hour or two",
    ],
)
def test_waking_again_and_again_is_maintenance_insomnia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0031355") is False


@pytest.mark.parametrize("text", ["I wake up 3 times a night to pee", "she wakes every 3 hours for a feed"])
def test_waking_to_pee_or_feed_is_no_insomnia(knowledge: Knowledge, text: str) -> None:
    assert "HP:0031355" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "site_term"),
    [
        ("pain on the right side of my stomach after food", "HP:0002027"),  # Abdominal pain
        (
            "a sharp pain on the left side of my chest when I breathe in",
            "HP:0100749",
        ),  # Chest pain (or a child)
    ],
)
def test_a_side_of_a_named_part_is_that_part_not_the_flank(
    knowledge: Knowledge, text: str, site_term: str
) -> None:
    result = found(annotate(knowledge, text))
    assert "HP:0030157" not in result  # no Flank pain
    assert any(term == site_term or site_term in knowledge.ancestors(term) for term in result)


def test_pain_in_my_side_is_still_the_flank(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I get pain in my left side")).get("HP:0030157") is False


def test_stiffness_a_few_words_from_the_word_joints(knowledge: Knowledge) -> None:
    text = "the joints in my hands are stiff for over an hour every morning"
    assert found(annotate(knowledge, text)).get("HP:0001387") is False  # Joint stiffness


@pytest.mark.parametrize(
    "text",
    [
        "she can't read the board, it's all blurry",
        "the text goes blurry by the evening",
        "everything looks misty",
    ],
)
def test_blurry_alone_is_the_sights(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000622") is False


def test_fuzzy_hair_is_no_blurred_vision(knowledge: Knowledge) -> None:
    assert "HP:0000622" not in found(annotate(knowledge, "his hair is fuzzy"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I nearly fainted when I stood up", "HP:0031972"),  # Presyncope, not (orthostatic) syncope
        ("I feel sick and a bit faint", "HP:0031972"),
        ("I keep snapping at my kids over nothing", "HP:0000737"),  # Irritability
    ],
)
def test_nearly_fainting_and_snapping_at_people(knowledge: Knowledge, text: str, term: str) -> None:
    result = found(annotate(knowledge, text))
    assert result.get(term) is False
    assert "HP:0001279" not in result and "HP:0012670" not in result  # no syncope


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I'm short with the kids lately", "HP:0004322"),
        ("like a bear with a sore head all day", "HP:0002315"),
    ],
)
def test_curt_and_bad_tempered_idioms(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


def test_patients_are_no_patience(knowledge: Knowledge) -> None:
    assert "HP:0000737" not in found(annotate(knowledge, "the survival of 150 patients was studied"))


@pytest.mark.parametrize(
    "text",
    ["I'm weeing loads at night since the new tablets", "her waterworks are bad, she's up 4 times a night"],
)
def test_passing_urine_at_night_is_nocturia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000017") is False


@pytest.mark.parametrize(
    "text", ["a dry cough for 6 weeks, worse at night", "the baby is up 3 times a night", "wheezy at night"]
)
def test_a_night_without_urine_is_no_nocturia(knowledge: Knowledge, text: str) -> None:
    assert "HP:0000017" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    ["her school trousers are hanging off her", "my jeans are falling off me", "his weight has come down"],
)
def test_weight_lost_as_the_clothes_show_it(knowledge: Knowledge, text: str) -> None:
    result = found(annotate(knowledge, text))
    assert result.get("HP:0001824") is False
    assert "HP:0002527" not in result  # "falling off" is no fall


def test_hair_getting_thin_is_no_weight_loss(knowledge: Knowledge) -> None:
    assert "HP:0001824" not in found(annotate(knowledge, "his hair is getting thin on top"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("it's puffy and bruised on the outside", "HP:0031364"),  # Ecchymosis
        ("a massive bruise came out on my thigh", "HP:0031364"),
        ("I'm hungry all the time, even after tea", "HP:0002591"),  # Polyphagia
        ("losing weight even though I'm eating loads", "HP:0002591"),
    ],
)
def test_a_bruise_from_a_knock_and_eating_a_lot(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_bruising_easily_stays_bruising_susceptibility(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she bruises easily")).get("HP:0000978") is False


@pytest.mark.parametrize(
    "text",
    [
        "he's constipated, only goes once a week and it hurts him to go",
        "hard poos like rabbit pellets, she cries when she goes",
    ],
)
def test_going_hurting_in_a_text_about_the_bowels_is_painful_defecation(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get("HP:6000222") is False


def test_it_burns_when_i_go_of_urine_is_not(knowledge: Knowledge) -> None:
    text = "it burns when I go and my wee is cloudy; my poo is normal"
    assert "HP:6000222" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my feet tingle at night", "HP:0003401"),  # Paresthesia
        ("my heart keeps doing these flip flops", "HP:0001962"),  # Palpitations
        ("he's gone really low and quiet since the summer", "HP:0000716"),  # Depression
        ("I feel so flat and low", "HP:0000716"),
    ],
)
def test_tingling_flips_and_low_mood_in_other_words(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_low_blood_sugar_is_no_low_mood(knowledge: Knowledge) -> None:
    assert "HP:0000716" not in found(annotate(knowledge, "his blood sugar went low"))


@pytest.mark.parametrize(
    "text", ["my skin has broken out since the new pill", "spots along my jaw that won't shift"]
)
def test_skin_broken_out_and_spots_on_the_jaw_are_acne(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001061") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I don't enjoy football anymore", "HP:0012154"),  # Anhedonia (the negator is inside its words)
        ("nothing I used to enjoy interests me", "HP:0012154"),
        (
            "she gets a red rash across her cheeks whenever she's out in the sun",
            "HP:0000992",
        ),  # photosensitivity
        ("my eye was crusted shut when I woke up", "HP:0034427"),  # Purulent eye discharge
    ],
)
def test_lost_pleasure_sun_rashes_and_eyes_stuck_shut(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_headache_in_the_sun_is_no_photosensitivity(knowledge: Knowledge) -> None:
    assert "HP:0000992" not in found(annotate(knowledge, "I sat in the sun and had a headache"))


def test_an_ear_that_hurts_when_swallowing_is_ear_pain(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "my left ear hurts when I swallow"))
    assert result.get("HP:0030766") is False  # Ear pain
    assert "HP:0032043" not in result  # not Odynophagia


def test_tender_breasts_are_mastalgia(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my boobs were a bit tender on day 4")).get("HP:0034265") is False


def test_sweat_that_pours_and_shaking_chills(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "sweat pours off me even in winter")).get("HP:0000975") is False
    result = found(annotate(knowledge, "fever with shaking chills"))
    assert result.get("HP:0025143") is False  # Chills
    assert "HP:0001337" not in result  # no tremor


def test_an_urge_that_cannot_be_held_is_urinary_urgency(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I just get the urge and can't hold it")).get("HP:0000012") is False


@pytest.mark.parametrize(
    "text", ["I've been dozing off in front of the telly at 8pm", "I can't stay awake in lectures"]
)
def test_sleep_that_comes_in_the_day(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001262") is False


def test_falling_asleep_at_night_is_no_daytime_sleepiness(knowledge: Knowledge) -> None:
    assert "HP:0001262" not in found(annotate(knowledge, "I fell asleep at 11pm"))


def test_a_shocking_memory_is_memory_impairment_and_no_shock(knowledge: Knowledge) -> None:
    result = found(annotate(knowledge, "my memory is shocking, I go upstairs and forget what I went up for"))
    assert result.get("HP:0002354") is False  # Memory impairment
    assert "HP:0031273" not in result  # no Shock
    assert found(annotate(knowledge, "he went into septic shock")).get("HP:0031273") is False


def test_no_memory_of_a_night_is_not_a_memory_finding(knowledge: Knowledge) -> None:
    assert "HP:0002354" not in found(annotate(knowledge, "I have no memory of it at all"))


@pytest.mark.parametrize(
    "text",
    [
        "his tummy looks swollen and tight",
        "his tummy looks more swollen today",
        "my tummy blows up like a balloon after bread",
        "her tummy is big and tight",
    ],
)
def test_a_tummy_that_looks_swollen_or_blows_up_is_abdominal_distention(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get("HP:0003270") is False


def test_scared_is_no_scar_and_reads_its_rows(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I'm scared all the time")).get("HP:0000739") is False  # Anxiety
    assert "HP:0100699" not in found(annotate(knowledge, "I was scared"))  # no Scarring
    assert found(annotate(knowledge, "my arm is badly scarred")).get("HP:0100699") is False
