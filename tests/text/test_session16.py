"""Session 16 of the annotator: loose or watery stools in a text about the bowels. Made-up sentences
(none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

DIARRHEA = "HP:0002014"


@pytest.mark.parametrize(
    "text",
    [
        "Stool chart: Sat hard, Sun loose x3, Mon normal.",
        "he is going to the toilet 6 times a day and it is all loose",
        "she has had loose, foul smelling stools since Friday",
        "two watery nappies this morning and he is off his milk",
        "IBS again: bloated, then running to the loo, always watery",
    ],
)
def test_loose_stools_in_a_text_about_the_bowels_are_diarrhoea(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(DIARRHEA) is False


@pytest.mark.parametrize(
    "text",
    [
        "my kneecap feels loose and my bowels are fine",  # a loose joint, not a stool
        "runny nose and sneezing, poos are normal",  # a runny nose
        "a loose tooth at the front, and he has a poo every day",
        "her joints are loose, but her stools are normal",
    ],
)
def test_other_loose_things_are_no_diarrhoea(knowledge: Knowledge, text: str) -> None:
    assert DIARRHEA not in found(annotate(knowledge, text))


def test_loose_without_a_word_about_the_bowels_is_not_read(knowledge: Knowledge) -> None:
    assert DIARRHEA not in found(annotate(knowledge, "the dressing came loose overnight"))


def test_not_loose_denies_diarrhoea(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "his stools are formed, not loose")).get(DIARRHEA) is True


ABDOMINAL_PAIN, FLANK_PAIN = "HP:0002027", "HP:0030157"


@pytest.mark.parametrize(
    "text",
    [
        "a gnawing pain under my ribs on the right after a greasy meal",
        "the pain under his right ribs came back last night",
        "a dull ache under my right ribs after every takeaway",  # "ache" finds its site too
        "pain in my left side under the ribs whenever I eat",
        "a stabbing pain low down on her right side since this morning",
        "pain in my lower left side since Sunday",
    ],
)
def test_a_side_low_down_or_under_the_ribs_is_the_belly(knowledge: Knowledge, text: str) -> None:
    mentions = found(annotate(knowledge, text))
    assert mentions.get(ABDOMINAL_PAIN) is False
    assert FLANK_PAIN not in mentions


@pytest.mark.parametrize(
    "text",
    [
        "pain in my right side going round to my back, comes in waves",
        "a terrible pain in her side under the ribs at the back, and blood in her wee",
        "an ache in my left side for a few days",
    ],
)
def test_a_side_towards_the_back_is_still_the_flank(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(FLANK_PAIN) is False


def test_an_ache_takes_the_site_said_after_it(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "there is a dull ache on the inside of my elbow")).get("HP:0030835")
        is False
    )


HAND_TREMOR = "HP:0002378"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my hands won't stop trembling since the new inhaler", HAND_TREMOR),
        ("his fingers wont stop shaking this morning", HAND_TREMOR),
        ("the muscle under my eye won't stop twitching", None),
    ],
)
def test_what_wont_stop_is_present(knowledge: Knowledge, text: str, term: str | None) -> None:
    mentions = found(annotate(knowledge, text))
    assert True not in mentions.values()  # nothing is denied
    if term is not None:
        assert mentions.get(term) is False


def test_shaky_in_the_hand_is_a_hand_tremor(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "I've been a bit shaky in my left hand lately")).get(HAND_TREMOR) is False
    )
    assert HAND_TREMOR not in found(annotate(knowledge, "I felt shaky and sick, and my hand was cold"))


PRURITUS = "HP:0000989"


@pytest.mark.parametrize(
    "text",
    [
        "he scratches his arms till they bleed",
        "she's been scratching at her scalp all week",
        "the backs of his knees are raw from scratching",
        "I can't stop scratching my ankles at night",
    ],
)
def test_scratching_oneself_is_an_itch(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(PRURITUS) is False


@pytest.mark.parametrize(
    "text",
    [
        "the cat scratched her arm yesterday",
        "I scratched my eye on a branch",
        "he bought three scratch cards",
        "we are all scratching our heads over the new form",
        "a scratch on his knee from the fence",
    ],
)
def test_a_scratch_made_by_something_else_is_no_itch(knowledge: Knowledge, text: str) -> None:
    assert PRURITUS not in found(annotate(knowledge, text))


def test_never_scratching_denies_the_itch(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "the patch is flaky but she never scratches at it")).get(PRURITUS) is True
    )


def test_a_phrase_key_leaves_out_the_degree_words_a_text_may_add(knowledge: Knowledge) -> None:
    # the lay row "feel full really quickly" reads as the window reads the text: without "really"
    assert found(annotate(knowledge, "I feel full really quickly at dinner")).get("HP:0033842") is False
    # a word saying how often stays in its phrase: "eating much better" is no polyphagia
    assert "HP:0002591" not in found(annotate(knowledge, "she's eating much better since the tube came out"))


MEMORY_IMPAIRMENT = "HP:0002354"


@pytest.mark.parametrize(
    "text",
    [
        "Dad asks the same question every ten minutes",
        "I forget appointments unless my daughter rings me",
        "she keeps forgetting where I put my keys, no, where she put her keys",
    ],
)
def test_memory_said_by_what_it_loses(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(MEMORY_IMPAIRMENT) is False


def test_worry_about_everything_is_still_anxiety(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he worries about everything all the time")).get("HP:0000739") is False


SCALING_SKIN = "HP:0040189"


@pytest.mark.parametrize(
    "text",
    [
        "the skin between his toes is itchy and peeling",
        "red flaky patches on both elbows",
        "my sunburn has started to peel",
    ],
)
def test_skin_that_flakes_or_peels_is_scaling(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(SCALING_SKIN) is False


@pytest.mark.parametrize(
    "text",
    [
        "my nails keep splitting and peeling",
        "I was peeling potatoes when my hand went numb",
        "her lips are dry and peeling",
    ],
)
def test_nails_lips_and_potatoes_peel_otherwise(knowledge: Knowledge, text: str) -> None:
    assert SCALING_SKIN not in found(annotate(knowledge, text))


HEMATURIA, MACROSCOPIC_HEMATURIA = "HP:0000790", "HP:0012587"


@pytest.mark.parametrize(
    "text", ["there was blood in his wee this morning, bright red", "I noticed blood in my pee after the run"]
)
def test_blood_seen_in_the_urine_is_macroscopic(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(MACROSCOPIC_HEMATURIA) is False


def test_blood_found_on_a_test_is_hematuria(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "the nurse found blood in my wee on the dipstick"))
    assert mentions.get(HEMATURIA) is False
    assert MACROSCOPIC_HEMATURIA not in mentions


def test_an_unplaced_pain_gives_way_to_a_named_one(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "Pain diary: 9/10 today, the pain is in my right knee"))
    assert mentions.get("HP:0030839") is False  # Knee pain
    assert "HP:0012531" not in mentions  # no second, unplaced Pain
    assert found(annotate(knowledge, "I am in a lot of pain today")).get("HP:0012531") is False


@pytest.mark.parametrize(
    ("text", "kind", "complaint"),
    [
        (
            "I've had this cough for three weeks. It's a dry cough, worse at night.",
            "HP:0031246",
            "HP:0012735",
        ),
        ("Diarrhoea since Friday. She has had diarrhoea like this for six weeks", "HP:0002028", "HP:0002014"),
    ],
)
def test_a_complaint_said_again_by_its_kind_is_that_kind(
    knowledge: Knowledge, text: str, kind: str, complaint: str
) -> None:
    mentions = found(annotate(knowledge, text))
    assert mentions.get(kind) is False
    assert complaint not in mentions


def test_a_denied_complaint_stays_beside_a_kind(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "a dry cough but no fever"))
    assert mentions.get("HP:0031246") is False
    assert mentions.get("HP:0001945") is True


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("fell off my bike and there's a big bruise on my hip", "HP:0031364"),  # Ecchymosis
        ("a large bruise where the drip went in", "HP:0031364"),
        ("she gets big bruises from the smallest knocks", "HP:0000978"),  # Bruising susceptibility
        ("I bruise easily these days", "HP:0000978"),
    ],
)
def test_one_bruise_is_ecchymosis_and_bruising_easily_is_susceptibility(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("a stabbing pain in the bottom of my heel every morning", "HP:0025238"),  # Foot pain
        ("my throat is agony today", "HP:0033050"),  # Pharyngalgia
    ],
)
def test_everyday_parts_take_their_pain(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Mum has been off her food for three weeks and sleeps most of the day", "HP:0004396"),
        ("My husband is 80 and keeps falling, twice this week", "HP:0002359"),
    ],
)
def test_a_message_about_a_parent_or_spouse_reports_their_findings(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My mum has diabetes. I have been thirsty all the time", "HP:0000819"),  # the writer speaks too
        ("My dad had a stroke at 60 and my son now has fits", "HP:0001297"),  # someone else is the patient
        ("My husband has psoriasis and it runs in the family", "HP:0003765"),
        ("Mum has diabetes. He has been very thirsty this week", "HP:0000819"),  # a relative has: history
    ],
)
def test_a_relative_beside_the_writer_or_a_child_stays_family(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert term not in found(annotate(knowledge, text))


DRY_SKIN = "HP:0000958"


@pytest.mark.parametrize(
    "text",
    ["the skin on his shins is very dry and itchy", "my hands are all dry and cracked over the knuckles"],
)
def test_skin_said_dry_is_dry_skin(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(DRY_SKIN) is False


@pytest.mark.parametrize(
    "text",
    [
        "dry cough for a week and a rash on her hands",
        "she is dry in the day now but her skin is fine",
        "he screams when the hand dryer goes on",
        "my mouth is dry and my hands shake",
    ],
)
def test_other_dry_things_are_no_dry_skin(knowledge: Knowledge, text: str) -> None:
    assert DRY_SKIN not in found(annotate(knowledge, text))


def test_pain_in_several_kinds_of_joint_together_is_arthralgia(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "my knees and wrists ache every morning"))
    assert mentions.get("HP:0002829") is False
    assert "HP:0030839" not in mentions and "HP:0030836" not in mentions
    # said apart, each joint keeps its own pain
    apart = found(annotate(knowledge, "my knee hurts after football. My shoulder is sore from swimming."))
    assert apart.get("HP:0030839") is False and apart.get("HP:0030834") is False


SLEEP_ONSET_INSOMNIA = "HP:0031354"


@pytest.mark.parametrize(
    "text",
    [
        "it takes me approx 2 hrs to drop off most nights",
        "takes him hours to get to sleep",
        "I can't drop off till 3am, then the alarm goes at 6",
        "she isn't settling until gone midnight",
    ],
)
def test_a_long_time_to_fall_asleep_is_sleep_onset_insomnia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(SLEEP_ONSET_INSOMNIA) is False


@pytest.mark.parametrize(
    "text", ["I wake at 3am and lie there till 6", "I lie there till 2pm after a night shift, it's fine"]
)
def test_awake_after_waking_or_in_the_day_is_no_sleep_onset_insomnia(knowledge: Knowledge, text: str) -> None:
    assert SLEEP_ONSET_INSOMNIA not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "my eyes feel sore and tired by the evening",
        "headaches and tired eyes after reading",
        "my jaw gets tired",
    ],
)
def test_a_tired_part_is_no_fatigue(knowledge: Knowledge, text: str) -> None:
    assert "HP:0012378" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text", ["my legs ache and I'm tired", "swollen glands in my neck and constant tiredness"]
)
def test_a_tired_person_beside_a_part_is_fatigue(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0012378") is False


def test_the_red_phase_of_raynaud_is_no_erythema(knowledge: Knowledge) -> None:
    text = "my fingers go white then blue in the cold, then bright red when they warm up"
    mentions = found(annotate(knowledge, text))
    assert mentions.get("HP:0030880") is False
    assert "HP:0010783" not in mentions
    assert found(annotate(knowledge, "the skin round the cut is red and hot")).get("HP:0010783") is False


@pytest.mark.parametrize(
    "text",
    [
        "the room spins for hours and I'm sick with it",
        "a throbbing headache and I'm usually sick",
        "he ate his tea but brought it back up an hour later",
        "sicked up most of the 6am feed",
    ],
)
def test_being_sick_and_bringing_food_back_up_are_vomiting(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0002013") is False


@pytest.mark.parametrize(
    "text", ["I'm sick of this cough", "food comes back up into my mouth with the heartburn"]
)
def test_sick_of_and_regurgitation_are_no_vomiting(knowledge: Knowledge, text: str) -> None:
    assert "HP:0002013" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "Bowels: not opened for 5 days.",
        "his bowels haven't moved for a week",
        "is it normal not to have had a poo since Friday?",
        "I haven't been for a number 2 since the op",
    ],
)
def test_bowels_not_opened_for_days_is_constipation(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0002019") is False


def test_not_been_somewhere_for_days_is_no_constipation(knowledge: Knowledge) -> None:
    assert "HP:0002019" not in found(annotate(knowledge, "I haven't been to the gym for 3 days"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("she has a sore throte since Monday", "HP:0033050"),  # oa and o_e sound the same
        ("my son grinds his teef at night", "HP:5200284"),  # Bruxism during sleep: th said as f
    ],
)
def test_sound_spellings_of_throat_and_teeth(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_heart_felt_beating_fast_is_palpitations(knowledge: Knowledge) -> None:
    assert (
        found(annotate(knowledge, "I can feel my heart beating fast when I lie down")).get("HP:0001962")
        is False
    )
    assert found(annotate(knowledge, "pulse 130 at rest")).get("HP:0001649") is False  # a measured rate


@pytest.mark.parametrize(
    "text", ["I'm on edge all the time", "feeling panicky at night", "constant worry about money"]
)
def test_worry_said_as_a_state_is_anxiety(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000739") is False


def test_the_edge_of_a_thing_is_no_anxiety(knowledge: Knowledge) -> None:
    assert "HP:0000739" not in found(
        annotate(knowledge, "she sat on the edge of the bed, then on edge of the bath")
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my left calf is swollen and painful after the long flight", "HP:0012514"),  # Lower limb pain
        ("my knee is swollen and sore since Saturday", "HP:0030839"),  # Knee pain
        ("neck stiff and sore since the accident", "HP:0030833"),  # Neck pain
    ],
)
def test_the_last_adjective_of_a_list_before_its_circumstance(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text", ["I'm sleeping 12 hours a night and still need a nap", "sleeps 16-18 hrs a day"]
)
def test_sleeping_eleven_hours_or_more_is_hypersomnia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0100786") is False


def test_a_normal_night_is_no_hypersomnia(knowledge: Knowledge) -> None:
    assert "HP:0100786" not in found(annotate(knowledge, "I sleep 8 hours and feel fine"))


def test_sight_fading_on_standing_is_presyncope_not_pallor(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "when I stand up quickly everything goes grey for a second"))
    assert mentions.get("HP:0031972") is False
    assert "HP:0000980" not in mentions
    fainted = found(annotate(knowledge, "I fainted at work, went hot and then everything went black"))
    assert "HP:0031972" not in fainted


@pytest.mark.parametrize(
    "text",
    [
        "the light off my phone makes the headache worse",
        "I have to lie in a dark room",
        "can't look at a light",
    ],
)
def test_light_that_hurts_is_photophobia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0000613") is False


def test_a_light_that_is_broken_is_no_photophobia(knowledge: Knowledge) -> None:
    assert "HP:0000613" not in found(annotate(knowledge, "the light in the kitchen is broken again"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("when I go for a wee it takes ages to get started", "HP:0000019"),  # Urinary hesitancy
        ("I stand there an age before anything happens when I go for a pee", "HP:0000019"),
        ("my bladder is awful: when I need to go I need to go", "HP:0000012"),  # Urinary urgency
    ],
)
def test_a_stream_slow_to_start_and_a_need_that_cannot_wait(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_weak_stream_is_no_drooling(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "it takes ages to start peeing and then it's a dribble"))
    assert "HP:0002307" not in mentions


def test_a_bowel_text_has_no_urinary_urgency(knowledge: Knowledge) -> None:
    text = "diarrhoea since Monday, I can't get to the loo in time, and the wee is dark"
    assert "HP:0000012" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my eyes keep watering, tears running down my cheeks", "HP:0009926"),  # Epiphora
        ("IBS flare, loose and I keep needing to poo urgently", "HP:0012701"),  # Bowel urgency
        ("since the op I'm running to the loo after every meal, all watery", "HP:0012701"),
    ],
)
def test_watering_eyes_and_bowel_urgency(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_running_to_the_loo_to_pee_is_no_bowel_urgency(knowledge: Knowledge) -> None:
    assert "HP:0012701" not in found(annotate(knowledge, "I'm running to the loo to pee every hour"))


@pytest.mark.parametrize(
    "text",
    [
        "it burns like mad when I wee",
        "my wee burns and smells",
        "her wee is cloudy and it stings when she goes",
        "I leak wee when I cough but no stinging when I go",
    ],
)
def test_passing_urine_that_burns_is_dysuria(knowledge: Knowledge, text: str) -> None:
    assert "HP:0100518" in found(annotate(knowledge, text))


def test_going_that_stings_in_a_text_about_the_bowels_is_no_dysuria(knowledge: Knowledge) -> None:
    assert "HP:0100518" not in found(annotate(knowledge, "my poo is hard and it stings when I go"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("thrush again, itchy down there with a thick white discharge", "HP:0034269"),
        ("my periods have been all over the place since Christmas", "HP:0000858"),
    ],
)
def test_discharge_down_below_and_periods_all_over_the_place(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_an_ears_discharge_is_no_vaginal_discharge(knowledge: Knowledge) -> None:
    text = "yellow discharge from his ear for a week and he's been itching it"
    assert "HP:0034269" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("he's 3 and only says about 5 words", "HP:0000750"),  # Delayed speech and language development
        ("she only says about ten words, but she understands everything we say", "HP:0002474"),  # expressive
    ],
)
def test_a_child_who_only_says_a_few_words(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_dizzy_beside_a_near_faint_is_no_vertigo(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "I go dizzy and nearly pass out when I stand up too fast"))
    assert "HP:0002321" not in mentions
    assert found(annotate(knowledge, "the room spins when I roll over in bed")).get("HP:0002321") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I wake up drenched most nights and have to change the sheets", "HP:0030166"),  # Night sweats
        ("she has little ulcers inside her mouth and won't eat", "HP:0000155"),  # Oral ulcer
    ],
)
def test_waking_soaked_and_ulcers_inside_the_mouth(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_wet_bed_is_no_night_sweat(knowledge: Knowledge) -> None:
    assert "HP:0030166" not in found(annotate(knowledge, "he woke up soaked, he had wet the bed again"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I've started leaking a bit of poo when I pass wind", "HP:0002607"),  # Bowel incontinence
        ("diarrhoea all night and I didn't make it to the loo twice", "HP:0002607"),
        ("my bladder is weak and sometimes I don't make it in time", "HP:0000020"),  # Urinary incontinence
    ],
)
def test_leaking_or_not_making_it_in_time(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False
