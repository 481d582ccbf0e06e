"""Session 17 of the annotator: episodes told by the people who saw them (fits, faints, falls).
Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

TONIC_CLONIC, MYOCLONUS, TREMOR = "HP:0002069", "HP:0001336", "HP:0001337"
RIGIDITY, STIFFNESS, FASCICULATIONS = "HP:0002063", "HP:0003552", "HP:0002380"
MOVEMENTS = (MYOCLONUS, TREMOR, RIGIDITY, STIFFNESS, FASCICULATIONS)


@pytest.mark.parametrize(
    "text",
    [
        "had a fit at the bus stop, shaking all over for about 2 minutes",
        "seizure last night: jerking arms and legs, then very sleepy",
        "her fits are getting longer, she went rigid and twitched for a minute",
        "my son had a febrile convulsion, his arms were jerking and his eyes rolled",
    ],
)
def test_the_movements_of_a_named_seizure_are_not_findings_of_their_own(
    knowledge: Knowledge, text: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert not set(MOVEMENTS) & {term for term, excluded in findings.items() if not excluded}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("he shakes all over when he is cold", TREMOR),  # no seizure named
        ("sudden jerks of her arms in the morning when she's tired", "HP:0007000"),  # morning myoclonic
        ("she has epilepsy and a tremor in both hands from her tablets", "HP:0002378"),  # hand tremor stays
    ],
)
def test_movements_without_a_seizure_or_named_clinically_stay(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "He went rigid, then jerked for about 90 seconds.",  # a person went stiff
        "she went stiff as a board, arms out, then started jerking all over",  # "all over" after
        "Witness says she fell stiff, then all four limbs shook",  # the limbs after the jerking
        "Seizure in the queue - went stiff, jerked, wet herself.",  # a comma for "then"
    ],
)
def test_stiffening_then_jerking_of_the_whole_person_is_a_tonic_clonic_seizure(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(TONIC_CLONIC) is False


@pytest.mark.parametrize(
    "text",
    [
        "his legs go stiff and jerk when he walks",  # a part stiffens: spasticity
        "my neck went stiff and then my shoulder started twitching",
        "it went stiff, then I shook it loose",  # not a person
    ],
)
def test_a_part_that_stiffens_and_jerks_is_no_seizure(knowledge: Knowledge, text: str) -> None:
    assert TONIC_CLONIC not in found(annotate(knowledge, text))


SYNCOPE, FALLS, FREQUENT_FALLS = "HP:0001279", "HP:0002527", "HP:0002359"


@pytest.mark.parametrize(
    "text",
    [
        "A man collapsed in the queue and came to after about 20 seconds.",
        "she slumped in her chair, grey, then came round within a minute",
        "went down at work, out for maybe 10 secs",
        "He keeled over in the garden. He was out about 30 secs.",
    ],
)
def test_a_collapse_someone_came_round_from_is_a_faint(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(SYNCOPE) is False


@pytest.mark.parametrize(
    "text",
    [
        "my sister came round for tea and we went down to the shops",  # a visit
        "he had a fit on the floor and came round after 5 minutes",  # the end of a fit
        "knocked out in a tackle, he was out for about a minute",  # a blow to the head
        "I came round from the op feeling sick, I collapsed into bed",  # an anaesthetic
        "I fell asleep on the sofa, out for about 10 minutes",  # sleep
    ],
)
def test_coming_round_from_other_things_is_no_faint(knowledge: Knowledge, text: str) -> None:
    assert SYNCOPE not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "Dad's had three falls in the past month.",
        "she has had 2 falls since Christmas",
        "I've had 3 falls this month, my legs just go",
    ],
)
def test_falls_counted_in_a_stated_time_are_frequent_falls(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(FREQUENT_FALLS) is False
    assert FALLS not in findings  # the reading takes the word's place


def test_one_fall_is_not_frequent(knowledge: Knowledge) -> None:
    assert FREQUENT_FALLS not in found(annotate(knowledge, "she had one fall this month and hurt her hip"))


FOCAL_IMPAIRED_AWARENESS = "HP:0002384"


@pytest.mark.parametrize(
    "text",
    [
        "he stared at the wall, smacking his lips, and didn't answer when we said his name",
        "she went blank and started picking at her clothes, not answering any of us",
        "my partner says I stare and chew for a minute and don't respond",
    ],
)
def test_automatisms_in_a_spell_of_not_answering_are_a_focal_impaired_awareness_seizure(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(FOCAL_IMPAIRED_AWARENESS) is False


@pytest.mark.parametrize(
    "text",
    [
        "he keeps picking at his scabs and chewing his nails",  # no spell of unawareness
        "she stares blankly for a few seconds and doesn't respond",  # no automatisms: an absence
    ],
)
def test_automatisms_or_staring_alone_are_no_focal_seizure(knowledge: Knowledge, text: str) -> None:
    assert FOCAL_IMPAIRED_AWARENESS not in found(annotate(knowledge, text))


def test_what_someone_does_not_remember_happened(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "Found him on the floor, he doesn't remember falling. No fever."))
    assert findings.get(FALLS) is False
    assert findings.get("HP:0001945") is True  # the "no" still denies


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("He's normally really fit, he runs every day", "HP:0001250"),  # healthy, not a seizure
        ("she went limp in her chair for a minute", "HP:0031955"),  # tone, not a limping walk
        ("we pulled him out limp and blue", "HP:0031955"),
    ],
)
def test_fit_and_limp_as_adjectives_name_nothing(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("he had a really bad fit last night", "HP:0001250"),
        ("he walks with a limp since Monday", "HP:0031955"),
    ],
)
def test_fit_and_limp_as_nouns_still_name_their_findings(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Still shattered 6 weeks after finishing my chemo", "HP:0012378"),  # fatigue
        ("her lips were purple and she was gasping", "HP:0034030"),  # lip cyanosis
    ],
)
def test_session_17_lay_rows(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_shattered_bone_is_no_fatigue(knowledge: Knowledge) -> None:
    assert "HP:0012378" not in found(annotate(knowledge, "I shattered my wrist falling off a ladder"))


FEBRILE_SEIZURE, SEIZURE, FEVER = "HP:0002373", "HP:0001250", "HP:0001945"


@pytest.mark.parametrize(
    "text",
    [
        "my 2 year old had a temp of 40.2 and had a fit at home",
        "She had her first seizure at 14 months with a temperature of 38.9",
        "our toddler had a fit when his temperature was really high",
    ],
)
def test_a_young_childs_seizure_with_a_fever_is_a_febrile_seizure(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(FEBRILE_SEIZURE) is False
    assert findings.get(FEVER) is False  # the fever stays a finding of its own


@pytest.mark.parametrize(
    "text",
    [
        "my son had a fit last night, no fever though. He is 3.",  # no fever
        "Caller's son, 20, feverish since yesterday, had a fit 10 mins ago",  # an adult
        "my daughter is 2 days into a fever and had a fit",  # days, not an age
    ],
)
def test_other_seizures_stay_seizures(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert FEBRILE_SEIZURE not in findings
    assert findings.get(SEIZURE) is False


def test_never_had_a_full_fit_denies_the_fit_and_says_nothing_of_hunger(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "He gets jerks in the mornings but has never had a full fit."))
    assert findings.get(SEIZURE) is True
    assert "HP:0002591" not in findings  # "never … full" is no polyphagia here


CONFUSION = "HP:0001289"


@pytest.mark.parametrize(
    "text",
    [
        "Night log: up x4, doesnt know where she is, shouting at 3am",
        "After the fit he didn't know who I was for twenty minutes",
        "one day she's sharp and the next she barely knows what year it is",
        "he got lost driving home from the shop he's used for 30 years",
    ],
)
def test_not_knowing_where_who_or_when_and_getting_lost_are_confusion(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(CONFUSION) is False


@pytest.mark.parametrize(
    "text",
    ["I get bruises and I don't know where they come from", "I don't know what to do about my knee pain"],
)
def test_other_things_not_known_are_no_confusion(knowledge: Knowledge, text: str) -> None:
    assert CONFUSION not in found(annotate(knowledge, text))


MEMORY_IMPAIRMENT = "HP:0002354"


@pytest.mark.parametrize(
    "text",
    [
        "she's stopped cooking because she forgets what comes next",
        "Forgetting everything, left the hob on twice this week",
        "he has forgotten how to work the remote",
        "she's become much more forgetful this year",  # "more forgetful": as the lay authors code it
    ],
)
def test_forgetting_as_a_habit_is_memory_impairment(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(MEMORY_IMPAIRMENT) is False


@pytest.mark.parametrize(
    "text",
    [
        "I forget to eat when I'm gaming",  # a lapse, not memory
        "I forgot to take the malaria tablets for the last week",
        "an accident in the shop which I'd rather forget",
        "his brain 'forgetting' to breathe at night",
    ],
)
def test_forgetting_to_do_something_is_no_memory_impairment(knowledge: Knowledge, text: str) -> None:
    assert MEMORY_IMPAIRMENT not in found(annotate(knowledge, text))


def test_more_and_more_forgetful_keeps_its_course(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Dad is more and more forgetful")).get("HP:0007017") is False


VISUAL_HALLUCINATION = "HP:0002367"


@pytest.mark.parametrize(
    "text",
    [
        "Dad keeps seeing bugs crawling on the walls since Tuesday",
        "she sees children playing in the garden at dusk that arent there",
        "he says there's children sat on the end of his bed and a dog under the table",
        "she's been seeing things - little people on the end of the bed",
    ],
)
def test_people_or_creatures_seen_that_are_not_there_are_visual_hallucinations(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(VISUAL_HALLUCINATION) is False


@pytest.mark.parametrize(
    "text",
    [
        "I'm seeing people at the weekend for the first time since the op",  # company
        "I can't see things to the side unless I turn my head",  # sight
        "she said there is someone coming to fix the boiler",
    ],
)
def test_seeing_real_people_or_things_is_no_hallucination(knowledge: Knowledge, text: str) -> None:
    assert VISUAL_HALLUCINATION not in found(annotate(knowledge, text))


COUGH, DYSPHAGIA = "HP:0012735", "HP:0002015"


@pytest.mark.parametrize(
    "text",
    [
        "Mum's coughing every time she drinks her tea",
        "he coughs and splutters every time he drinks anything thin",
        "my grandad coughs and chokes on drinks every time",
    ],
)
def test_coughing_on_drinks_is_dysphagia_not_a_cough(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(DYSPHAGIA) is False
    assert COUGH not in findings


@pytest.mark.parametrize(
    "text",
    [
        "I have a cold, coughing, drinking lots of water",  # a cold's cough
        "Coughing a bit since this morning, eating and drinking normally",
    ],
)
def test_a_cough_beside_drinking_is_still_a_cough(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(COUGH) is False
    assert DYSPHAGIA not in findings


@pytest.mark.parametrize(
    "text",
    [
        "Pain down the back of my leg. Coughing/sneezing makes it worse.",
        "headache every morning, worse bending + coughing",
        "a swelling in my groin when I stand up or cough",
    ],
)
def test_a_cough_that_worsens_another_complaint_is_its_circumstance(knowledge: Knowledge, text: str) -> None:
    assert COUGH not in found(annotate(knowledge, text))


def test_a_cough_that_is_itself_worse_stays(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my cough is worse at night and it makes me tired")).get(COUGH) is False


ERYTHEMA = "HP:0010783"


@pytest.mark.parametrize(
    "text",
    ["she has a red blotchy rash under both breasts", "Got a boil under my arm, big red painful lump"],
)
def test_red_said_of_a_rash_or_lump_is_no_erythema_of_its_own(knowledge: Knowledge, text: str) -> None:
    assert ERYTHEMA not in found(annotate(knowledge, text))


def test_red_said_of_a_swollen_calf_stays_erythema(knowledge: Knowledge) -> None:
    text = "my left calf is swollen and red after the flight"
    assert found(annotate(knowledge, text)).get(ERYTHEMA) is False


MORNING_STIFFNESS = "HP:0005197"


@pytest.mark.parametrize(
    "text",
    [
        "every morning I'm stiff for at least an hour before I can get going",
        "Stiff as a board first thing in the morning, takes me an hour to loosen up.",
        "everything's stiff first thing in the morning",
        "Joint diary: am stiffness approx 2 hrs",
    ],
)
def test_a_person_stiff_in_the_morning_has_generalized_morning_stiffness(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(MORNING_STIFFNESS) is False


@pytest.mark.parametrize(
    "text",
    ["my knees are stiff first thing", "I'm stiff after the gym", "my neck is stiff in the morning"],
)
def test_a_part_stiff_or_stiffness_at_another_time_is_not_general(knowledge: Knowledge, text: str) -> None:
    assert MORNING_STIFFNESS not in found(annotate(knowledge, text))


def test_insomnia_said_generally_gives_way_to_its_kind(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "I can't sleep, I lie awake till 4am every night"))
    assert findings.get("HP:0031354") is False  # sleep onset insomnia
    assert "HP:0100785" not in findings


def test_insomnia_alone_stays(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I can't sleep since the move")).get("HP:0100785") is False


@pytest.mark.parametrize(
    "text",
    [
        "Coughing since three weeks. Fever I don't have.",
        "Nae fever but, an nae runs.",
        "Rash - I haven't got one.",
    ],
)
def test_a_finding_denied_after_it_or_in_scots_is_excluded(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert True in findings.values()
    assert False not in {v for k, v in findings.items() if k in (FEVER, "HP:0000988")}


def test_a_denial_before_its_own_finding_leaves_the_earlier_one(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "I have a sore throat, I don't have a fever"))
    assert findings.get("HP:0033050") is False  # the sore throat stays
    assert findings.get(FEVER) is True


SKIN_RASH = "HP:0000988"


@pytest.mark.parametrize(
    ("text", "closer"),
    [
        ("a rash of tiny red dots on her legs that don't fade when I press a glass on them", "HP:0000967"),
        ("itchy raised welts like nettle rash on my arms", "HP:0001025"),
    ],
)
def test_a_rash_named_closer_is_that_lesion_not_also_skin_rash(
    knowledge: Knowledge, text: str, closer: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(closer) is False
    assert SKIN_RASH not in findings


def test_a_rash_with_only_an_itch_stays_a_rash(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "itchy rash on both arms since Sunday"))
    assert findings.get(SKIN_RASH) is False


@pytest.mark.parametrize(
    "text",
    [
        "I've also lost maybe 10 pounds without trying",
        "Our scales show 4 kg down since last visit",
        "Weighed today - 2kg lighter than last month",
        "Lost a little weight even though my ankles are bigger",
    ],
)
def test_weight_lost_said_with_its_amount_first_or_hedged(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001824") is False


@pytest.mark.parametrize(
    "text",
    [
        "havent had much of an appetite since the exams",
        "Nae appetite either",
        "she's not wanting her dinners",
    ],
)
def test_session_17_appetite_rows(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0004396") is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My hands are sweating too much, the paper gets wet when I write", "HP:0006089"),  # palmar
        ("my hands and feet are always sweaty, I leave wet marks", "HP:0007410"),  # palmoplantar
        ("My feet sweat so much his socks are soaked", "HP:0000975"),  # the feet alone: Hyperhidrosis
        ("shaky hands, sweaty, heart going", "HP:0000975"),  # the hands shake, the person sweats
        ("I'd basically stopped sweating by mile 11", "HP:0000970"),  # anhidrosis
        ("I'm shaking like a leaf and I can't stop sweating", "HP:0000975"),
    ],
)
def test_where_and_whether_someone_sweats(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "he's broken 4 bones from small falls",  # the falls that broke a bone
        "I jerk awake just as I'm dropping off, like falling off a cliff",
        "My pelvis feels heavy, like something is falling out",
    ],
)
def test_falls_that_are_no_finding(knowledge: Knowledge, text: str) -> None:
    assert FALLS not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "I've had 3 falls this month, my legs just go from under me",  # Frequent falls, not also Falls
        "She's fallen over 4 times this week",
        "he's falling over several times a day at nursery",
    ],
)
def test_falls_often_are_frequent_falls_alone(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(FREQUENT_FALLS) is False
    assert FALLS not in findings


def test_hair_falling_out_stays_hair_loss(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "her hair is falling out in patches")).get("HP:0002232") is False


def test_when_tired_without_its_subject_is_a_circumstance(knowledge: Knowledge) -> None:
    assert "HP:0012378" not in found(annotate(knowledge, "DD 4 squint, L eye turns in esp when tired"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("painful blisters in a strip round my right side, tingling there 2 days before", "HP:0033697"),
        ("a painful, blistering rash in a band around the right side of your chest", "HP:0033697"),
        ("Little fluid-filled blisters on the sides of my fingers", "HP:0200037"),
    ],
)
def test_blisters_said_as_their_eruption(knowledge: Knowledge, text: str, term: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(term) is False
    assert "HP:0008066" not in findings  # no blistering of its own beside it


def test_a_cold_sores_blisters_are_the_cold_sore(knowledge: Knowledge) -> None:
    text = "I get cold sores on my lip about 5 times a year, tingly first then blisters that crust over"
    assert "HP:0008066" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("heart pounding, can't get my breath, feel like I'm going to die", "HP:0002094"),
        ("seems to be struggling for breath, sats 86%", "HP:0002094"),
        ("he can't walk to the end of the garden without stopping to get his breath", "HP:0002875"),
        ("my dad's legs are up like balloons again and he's puffing going upstairs", "HP:0002875"),
    ],
)
def test_session_17_breathlessness_rows(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_stopping_breathing_at_night_stays_sleep_apnoea(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "my wife says I stop breathing for ages at night then snort"))
    assert "HP:0002875" not in findings


@pytest.mark.parametrize(
    "text",
    [
        "after my inhaler I get a fluttery heartbeat",
        "my heart goes mad before exams",
        "his heart does funny flips",
    ],
)
def test_session_17_palpitation_rows(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0001962") is False


@pytest.mark.parametrize(
    "text",
    [
        "R knee, inside, clicks on stairs",
        "Kneecap grinds when I squat",
        "my knees crack and ache going down stairs",
    ],
)
def test_a_joint_that_clicks_or_grinds_has_crepitus(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0034431") is False


@pytest.mark.parametrize(
    "text",
    [
        "I click my fingers and he doesn't look up",
        "my jaw clicks when I open wide",
        "the skin on my knees cracks",
    ],
)
def test_no_crepitus_without_a_joint_sound(knowledge: Knowledge, text: str) -> None:
    assert "HP:0034431" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "Sharp stabbing pain up my bum at night, some blood on the paper",
        "Bum's really sore, I think I've got a split there, bright red blood on the paper when I go",
    ],
)
def test_a_sore_bottom_in_a_text_about_the_bowels_is_anal_pain(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0500005") is False


def test_a_sore_bottom_from_sitting_is_no_anal_pain(knowledge: Knowledge) -> None:
    assert "HP:0500005" not in found(annotate(knowledge, "my bum is sore from sitting on the bike all day"))


@pytest.mark.parametrize(
    "text",
    [
        "Wet nappies: only 1 today.",
        "he's only had 2 wet nappies today after a day of watery poos",
        "he hasn't had a wet diaper since this morning",
        "I'm barely peeing and my mouth is bone dry",
    ],
)
def test_little_or_no_urine_is_oliguria(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0100520") is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pulling at her right ear and screaming all night, temp 38.2", True),
        ("woke in the night screaming and holding his ear", True),
        ("I hold the phone to my ear for hours at work", False),
    ],
)
def test_a_child_pulling_at_an_ear_has_ear_pain(knowledge: Knowledge, text: str, expected: bool) -> None:
    assert (found(annotate(knowledge, text)).get("HP:0030766") is False) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Passed blood in my water yesterday, properly red",
        "he has been passing blood in his urine at the end of the stream",
        "Noticed my pee has been pinkish the last 2 days",
        "My wee is red. I don't know why.",
    ],
)
def test_blood_seen_or_passed_in_the_urine_is_macroscopic(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0012587") is False


def test_haematuria_named_stays_haematuria(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "microscopic hematuria on the dipstick")).get("HP:0012587") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("toddler eats soil and bits of plaster off the wall", True),
        ("Craving ice, crunching it all day. Periods heavy for years.", True),
        ("he loves eating ice cream on holiday", False),
        ("I ate a sandwich and felt sick", False),
    ],
)
def test_eating_what_is_not_food_is_pica(knowledge: Knowledge, text: str, expected: bool) -> None:
    assert (found(annotate(knowledge, text)).get("HP:0011856") is False) is expected


def test_toes_gone_purple_and_itchy_in_the_cold_are_chilblains(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "my toes go purple and itchy and swollen whenever it's cold"))
    assert findings.get("HP:0009710") is False
    assert "HP:0000989" not in findings  # the itch is the chilblains'


def test_a_toe_red_and_swollen_from_a_knock_is_no_chilblain(knowledge: Knowledge) -> None:
    assert "HP:0009710" not in found(annotate(knowledge, "my toe is red and swollen since I stubbed it"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Really itchy inside and a thick white discharge again", "HP:0030161"),  # vaginal pruritus
        ("Itching and a thick white discharge down below, thrush again", "HP:0032004"),  # pruritus vulvae
    ],
)
def test_an_itch_with_a_discharge_is_placed(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "I've got an ulcer on my left shin that won't heal",
        "my leg ulcer is weeping through the dressing",
        "a sore on my ankle that won't heal, started as a bug bite",
    ],
)
def test_an_ulcer_on_the_leg_or_a_sore_that_wont_heal_is_a_skin_ulcer(
    knowledge: Knowledge, text: str
) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get("HP:0200042") is False
    assert "HP:0030840" not in findings  # no ankle pain from "sore"


def test_a_sore_throat_that_wont_go_is_no_ulcer(knowledge: Knowledge) -> None:
    assert "HP:0200042" not in found(annotate(knowledge, "I've got a sore throat that won't go"))


def test_a_sore_bottom_reads_as_anal_pain_not_buttock_pain(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "My bum is really sore when I go and there's blood on the paper"))
    assert findings.get("HP:0500005") is False
    assert "HP:0034805" not in findings


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("now his wee is like the colour of coke and his eyes are puffy", "HP:0040319"),  # dark urine
        ("his water is as dark as tea, and he's itching all over", "HP:0040319"),
        ("my wee smells really bad and its all cloudy", "HP:0012088"),  # urinary odour, not body odour
        ("he keeps blinking hard and sniffing, he says he cant stop", "HP:0100034"),  # motor tics
    ],
)
def test_urine_colour_and_smell_and_tics(knowledge: Knowledge, text: str, term: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(term) is False
    assert "HP:0500001" not in findings and "HP:0000643" not in findings


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I drink a lot of tea in the afternoon", "HP:0040319"),
        ("my C-section wound is weeping and smells horrible", "HP:0012088"),  # a wound, not urine
        ("I've lost my taste and smell since covid", "HP:0012088"),
        ("he blinks a lot when he reads", "HP:0100034"),  # no tic said
    ],
)
def test_no_urine_finding_or_tic_without_their_words(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("legs crawly from 10pm, have to get up + walk, paced the landing", "HP:0012452"),  # restless legs
        ("my legs go fizzy every evening and i have to get up and pace the landing", "HP:0012452"),
        ("Everything tastes of metal since the chemo", "HP:0031249"),  # parageusia
        ("a bitter taste in my mouth since yesterday", "HP:0031249"),
    ],
)
def test_restless_legs_and_food_that_tastes_wrong(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my legs ache after football", "HP:0012452"),  # no crawling, nothing eased by moving
        ("food doesn't taste of much since the cold", "HP:0031249"),  # taste faint, not wrong
    ],
)
def test_no_restless_legs_or_parageusia_without_their_words(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("lower back pain shooting down R leg to foot, toes numb", "HP:0011868"),  # sciatica
        ("tiny flashes of light at the side when I look round", "HP:0030786"),  # photopsia
        ("I wake up with my mouth bone dry every morning", "HP:0000217"),  # xerostomia
    ],
)
def test_sciatica_photopsia_and_a_dry_mouth(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_rash_down_the_leg_is_no_sciatica(knowledge: Knowledge) -> None:
    assert "HP:0011868" not in found(annotate(knowledge, "the rash goes down my leg"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Gwen's left eye has been red and watering since yesterday", "HP:0009926"),  # epiphora
        ("a lump on the side of her neck that has been there about 3 weeks", "HP:6000174"),  # lateral mass
        ("His feet are always cold like ice", "HP:0033850"),  # coldness, not cold intolerance
    ],
)
def test_watering_eyes_neck_lumps_and_cold_feet(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I've gone yellow in the eyes and my water is dark like tea", "HP:0009926"),  # urine, not tears
        ("the new eye drops are making my eyes sting", "HP:0000508"),  # a medicine, not ptosis
        ("I feel the cold terribly, always in a jumper", "HP:0033850"),  # cold intolerance stays
    ],
)
def test_no_epiphora_ptosis_or_coldness_from_other_words(knowledge: Knowledge, text: str, term: str) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("can't pass water since this morning, lower tummy bursting", "HP:0000016"),  # retention
        ("R shoulder - can't lift arm above head, painful at night lying on it", "HP:0006467"),
        ("my toe nails have gone all thick and yellow and crumbly", "HP:0011367"),  # yellow nails
    ],
)
def test_retention_shoulder_movement_and_yellow_nails(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I can't wee without it stinging", "HP:0000016"),  # dysuria, not retention
        ("I can't lift my arm above my head after the gym", "HP:0006467"),  # no shoulder said
    ],
)
def test_no_retention_or_shoulder_limit_without_their_words(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert term not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My hair is thinning badly on top and my nails split", True),
        ("Elsie's hair has got very thin all over", True),
        ("I wash my hair and my shoulders have gone thin and bony", False),
    ],
)
def test_thinning_hair_is_sparse_scalp_hair(knowledge: Knowledge, text: str, expected: bool) -> None:
    assert (found(annotate(knowledge, text)).get("HP:0002209") is False) is expected
