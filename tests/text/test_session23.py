"""Session 23 of the annotator: English written by speakers of Greek, Albanian, Serbian, Croatian, Bosnian,
Macedonian and Hungarian (lay-text-misspelled-23 read), spelling English sounds with their own letters and
mixing in home words. Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.normalise import tokenize

from .test_annotate import found

FATIGUE, PHOTOPHOBIA, CHEST_PAIN, JOINT_SWELLING, ARTHRALGIA, HEADACHE = (
    "HP:0012378",
    "HP:0000613",
    "HP:0100749",
    "HP:0001386",
    "HP:0002829",
    "HP:0002315",
)
SYNCOPE, SWEATING, DIARRHEA, COUGH, RASH, LOW_GRADE_FEVER, FEVER = (
    "HP:0001279",
    "HP:0000975",
    "HP:0002014",
    "HP:0012735",
    "HP:0000988",
    "HP:0011134",
    "HP:0001945",
)
HYPERTENSION, NAUSEA, VOMITING, DYSPNEA, TASTE, WIDE_MOUTH, TREMOR, HIVES = (
    "HP:0000822",
    "HP:0002018",
    "HP:0002013",
    "HP:0002094",
    "HP:0000223",
    "HP:0000154",
    "HP:0001337",
    "HP:0001025",
)
MOUTH_ULCER, BLURRED, MYALGIA, FRACTURES, BELLY_PAIN, POOR_APPETITE, TARRY = (
    "HP:0032154",
    "HP:0000622",
    "HP:0003326",
    "HP:0002757",
    "HP:0002027",
    "HP:0004396",
    "HP:0002249",
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I am always tajrd, even after 10 hours of sleep", FATIGUE),  # aj for the i of tired
        ("the lajt is hurting my eyes", PHOTOPHOBIA),  # aj for igh
        ("I have a sharp pain in my tsest since Monday", CHEST_PAIN),  # ts for ch, not "tests"
        ("my knee is svelled since the match", JOINT_SWELLING),  # sv for sw
        ("pain in the xhoints of my fingers", ARTHRALGIA),  # Albanian xh for j
        ("I have a strong hedejk every morning", HEADACHE),  # ej for a
        ("I fejnted in the kitchen yesterday", SYNCOPE),
        ("I am szveating all night", SWEATING),  # Hungarian sz for s
        ("no apetajt since Monday", POOR_APPETITE),  # the i of appetite, then corrected
    ],
)
def test_english_sounds_spelt_with_home_letters_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    assert term in found(annotate(knowledge, text))


def test_caron_letters_are_read_as_the_two_letters_they_sound() -> None:
    # č is ch, š is sh: stripped of their marks they would spell "cest" and "sort"
    assert [t.lower for t in tokenize("čest šort kašalj")] == ["chest", "short", "kashalj"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have kašalj already 3 weeks", COUGH),  # Serbian, Croatian, Bosnian
        ("Since Friday I have strong vrtoglavica", "HP:0002321"),  # dizzy
        ("I have marramendje since Sunday", "HP:0002321"),  # Albanian: dizzy
        ("I have dijareja since yesterday evening", DIARRHEA),
        ("I have diaré after bread", DIARRHEA),  # folded "diare", stemmed "diar"
        ("red osip on my arms since the new soap", RASH),
        ("fiver 38,5 in the night", FEVER),  # a common slip, never a five-pound note here
    ],
)
def test_home_words_are_read_as_their_findings(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_misspelling_two_readings_of_one_finding_apart_is_still_read(knowledge: Knowledge) -> None:
    # one edit from the lay row "diarea", two from the home word "diarroia": both are diarrhea
    assert DIARRHEA in found(annotate(knowledge, "I have only the diareia and some cramps"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have 37,9 and no appetite", LOW_GRADE_FEVER),  # said bare after "have", decimal comma
        ("she woke up with 38.6 and a rash", FEVER),
        ("I have temperaturu 39,1 since two days", FEVER),  # a Slavic case ending
    ],
)
def test_a_temperature_said_bare_or_with_a_case_ending_is_read(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_weight_is_no_temperature(knowledge: Knowledge) -> None:
    found_terms = found(annotate(knowledge, "I have 38.5 kg to lose, my doctor says"))
    assert FEVER not in found_terms and LOW_GRADE_FEVER not in found_terms


def test_a_measured_blood_pressure_is_read(knowledge: Knowledge) -> None:
    text = "The nurse at work measured 170/105 two times, my head aches"
    assert found(annotate(knowledge, text)).get(HYPERTENSION) is False


@pytest.mark.parametrize(
    ("text", "term", "excluded"),
    [
        ("I feel so bad I want to vomit", NAUSEA, False),
        ("Hives on my arms but no problem breathing", DYSPNEA, True),
        ("Smell is gone, the taste is ok", TASTE, True),
        ("I get afte in my mouth every month", MOUTH_ULCER, False),
        ("I see foggy with the left eye", BLURRED, False),
        ("the light is disturbing me and my head pounds", PHOTOPHOBIA, False),
        ("all my bones are breaking me since the flu", MYALGIA, False),
        ("I have hivs on all the body", HIVES, False),  # hives with a letter dropped, not hips
    ],
)
def test_rows_and_readings(knowledge: Knowledge, text: str, term: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(term) is excluded


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I want to vomit all day", VOMITING),  # the wish is nausea, nothing came up
        ("it hurts when I open my mouth wide", WIDE_MOUTH),  # how far it opens
        ("my fingers go numb at night and I have to shake my hands", TREMOR),
        ("all my bones are breaking me", FRACTURES),
        ("pain in stomaku down on the left", "HP:0012531"),  # a Slavic case ending: the belly's pain
        ("black tary poo for 2 days", "HP:0033705"),  # "tary" is tarry, not teary
    ],
)
def test_no_false_reading(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in found(annotate(knowledge, text))


def test_a_case_ending_on_a_body_part_is_read(knowledge: Knowledge) -> None:
    assert BELLY_PAIN in found(annotate(knowledge, "pain in stomaku down on the left"))


def test_tarry_stool_is_still_read(knowledge: Knowledge) -> None:
    assert TARRY in found(annotate(knowledge, "black tary poo for 2 days"))


# Read lay-text-misspelled-24 (Nepali, Burmese, Karen, Tibetan and Mongolian first languages)

PRODUCTIVE, NONPRODUCTIVE, PALLOR, PARESTHESIA, PALPITATIONS, WEIGHT_LOSS, MI = (
    "HP:0031245",
    "HP:0031246",
    "HP:0000980",
    "HP:0003401",
    "HP:0001962",
    "HP:0001824",
    "HP:0001658",
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Very strong kheadache from 2 day", HEADACHE),  # a Nepali aspirate before the h
        ("My friend say my face is look payl", PALLOR),  # ay for the a of pale
        ("she have red yash on her arm", RASH),  # Burmese y for r, taken only as written
        ("I am tayrd all the time", FATIGUE),
        ("fingers are jhum-jhum like ant walking", "HP:0033660"),  # hand paresthesia
        ("my feet are jhum jhum at night", PARESTHESIA),
        ("my heart is doing dhak-dhak in crowded place", PALPITATIONS),
        ("I lose 5 kg but eat more than before", WEIGHT_LOSS),  # told as done
        ("Lose 4 kg in 2 month.", WEIGHT_LOSS),
    ],
)
def test_nepali_burmese_tibetan_and_mongolian_writers_are_read(
    knowledge: Knowledge, text: str, term: str
) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I want to lose 5 kg before the wedding", WEIGHT_LOSS),  # a goal
        ("Cut out coffee -> no itsh", "HP:0002591"),  # "i" as "ea" is taken only as written, never corrected
        ("my yansh dey pain me", RASH),  # a Pidgin word is no rash by y for r
    ],
)
def test_no_far_reading_by_the_home_letters(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in found(annotate(knowledge, text))


def test_no_phlegm_makes_the_cough_dry(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "I have a cough for 1 month, dry, no phlegm"))
    assert mentions.get(NONPRODUCTIVE) is False and mentions.get(PRODUCTIVE) is not False


def test_kin_words_of_other_languages_are_someone_else(knowledge: Knowledge) -> None:
    assert MI not in found(annotate(knowledge, "My pala died from heart attack. I have chest pain."))


# Read lay-text-86 (serving soldiers, veterans and their partners)

NIGHTMARE_DISORDER, TRAUMA_DREAMS, PTSD_SYMPTOM, CHRONIC_FATIGUE = (
    "HP:5200287",
    "HP:0032938",
    "HP:0033676",
    "HP:0012432",
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("nightmares about the ambush most nights", TRAUMA_DREAMS),
        ("I get flashbacks and nightmares most weeks", TRAUMA_DREAMS),
        ("Vivid nightmares most nights since my dose went up", NIGHTMARE_DISORDER),  # no trauma told
    ],
)
def test_nightmares_about_a_trauma(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_named_ptsd_is_no_finding(knowledge: Knowledge) -> None:
    assert PTSD_SYMPTOM not in found(annotate(knowledge, "On sertraline for PTSD since 2018"))


def test_going_on_for_years_makes_it_chronic(knowledge: Knowledge) -> None:
    text = "Knackered all the time, even after 9 hours kip, and this has been going on 2 years."
    assert found(annotate(knowledge, text)).get(CHRONIC_FATIGUE) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("it swells after a run and clicks going down stairs", "HP:0034431"),
        ("Erection problems for about 2 years now", "HP:0100639"),
        ("Since the blast I can barely smell anything", "HP:0004409"),
        ("he's started kicking and punching in his sleep", "HP:5200291"),
        ("My grip's going too, keep dropping brews", "HP:0033466"),
        ("Body clock is completely upside down", "HP:0006979"),
        ("I still feel like a zombie by teatime", FATIGUE),
        ("Keep losing my words mid-sentence", "HP:0030784"),
    ],
)
def test_rows_of_lay_text_86(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


# Read lay-text-misspelled-25 (after a stroke or head injury, aphasia and memory problems)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My speach goes slurry when Im tired", "HP:0001350"),
        ("I cant stop sleping, 14 hours a night", "HP:0100786"),  # sleeping, not sloping
        ("I mix up left and rigth", "HP:6000000"),
        ("I dont care about anything, I just sit", "HP:0000741"),
        ("I cant plan anything now", "HP:0033055"),
        ("I doze all day in the chair", "HP:0001262"),
    ],
)
def test_rows_of_misspelled_25(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_stroke_service_is_no_stroke(knowledge: Knowledge) -> None:
    assert "HP:0001297" not in found(annotate(knowledge, "The stroke nurse asked about my bowels"))
    assert found(annotate(knowledge, "Since the stroke in June my arm is weak")).get("HP:0001297") is False


@pytest.mark.parametrize(
    "text",
    [
        "My mum is 65, she has pain in her joints. I am asking for me: my fingers go white when cold.",
        "My mother in law she has pain in her joints. Me I dont have that, but my fingers go white.",
    ],
)
def test_a_writer_asking_for_themselves_sets_a_relative_apart(knowledge: Knowledge, text: str) -> None:
    assert ARTHRALGIA not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Itchy, cracked skin between my toes for 2 months", "HP:0030900"),  # Pruritus on foot
        ("my eyes are swollen nearly shut, itchy as anything and streaming", "HP:0033841"),
        ("within 10 min my palms were itching like crazy", "HP:0031248"),
        ("itchy rash on my arms and feet", PRURITUS := "HP:0000989"),  # two parts: the itch stays general
        ("an itchy blistery rash on the tops of my feet", PRURITUS),  # a rash's itch
        ("whites of his eyes have gone yellow and he's been itchy", PRURITUS),  # a jaundiced skin's
        ("a red circle big like a palm, itchy", PRURITUS),  # a palm as a measure
    ],
)
def test_an_itch_of_one_site(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_washing_them_out_is_no_fatigue(knowledge: Knowledge) -> None:
    assert FATIGUE not in found(annotate(knowledge, "sawdust in my eyes, I washed them out twice"))


# Read lay-text-85 (transgender and non-binary adults on or off hormones and after surgery)


@pytest.mark.parametrize(
    ("text", "term", "excluded"),
    [
        ("My hairline is receding at the front and I'm only 30", "HP:0002292", False),
        ("I sweat way more than I used to", SWEATING, False),
        ("Since T I run hot all the time", "HP:0002046", False),
        ("burning every time I pee", "HP:0100518", False),
        ("a small bit of the incision opened up and it's weeping", "HP:0001058", False),
        ("found a lump, not sore, no discharge from my nipple", "HP:6000062", True),
        ("Anyone else get period-like cramps around week 2?", "HP:0032155", False),
    ],
)
def test_rows_of_lay_text_85(knowledge: Knowledge, text: str, term: str, excluded: bool) -> None:
    assert found(annotate(knowledge, text)).get(term) is excluded


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("no crying fits, just calmer", "HP:0001250"),  # bouts of crying
        ("it feels dry and like tearing", "HP:0009926"),  # a tearing feeling, no tears
        ("Dysphoria aside, my mood's been flat", "HP:0033838"),  # gender dysphoria
        ("Started bica 3 months ago", "HP:0040229"),  # no BDCA-3
        ("The swelling has gone down now", "HP:0031188"),  # no genital oedema
    ],
)
def test_no_false_reading_in_lay_text_85(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("little bit pain in my chess when I cough", CHEST_PAIN),  # chest without its t
        ("Pain in chess when I breath deep, sharp", "HP:0033771"),  # breathing deep: pleuritic
        ("a sharp pain in my chest, way worse every time I breathed in", "HP:0033771"),
    ],
)
def test_chest_pain_said_by_ear_and_on_breathing(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


@pytest.mark.parametrize(
    "text",
    [
        "she's a bit hot, 38.2 this morning",
        "it was 100.8 last night",
        "very hot last night, 39.4 on the thermometer",
    ],
)
def test_a_bare_temperature_after_its_cue(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(FEVER) is False


@pytest.mark.parametrize("text", ["My BMI was 38.2 last year", "his weight was 38.5 kg"])
def test_other_measures_are_no_temperature(knowledge: Knowledge, text: str) -> None:
    assert FEVER not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "Woke up with my left eye really blurry, and there are floaters. Not painful.",
        "sudden loss of vision in the right eye 40 mins ago. Painless.",
        "Left eye is red and goopy. Doesn't hurt and I can see fine.",
    ],
)
def test_an_eye_said_painless_rules_out_its_pain(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get("HP:0200026") is True


def test_a_painless_belly_rules_out_nothing(knowledge: Knowledge) -> None:
    text = "blood in my poo this morning, bright red on the paper. doesnt hurt when i go"
    assert "HP:0002027" not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Neighbours dog bit me on the hand when I went to stroke it", "HP:0001297"),  # stroking a dog
        ("Neighbours dog bit me on the back of my hand", "HP:0012169"),  # no self-biting
        ("the fingertip is throbbing and there's a yellow head of pus by the nail", HEADACHE),
    ],
)
def test_figures_of_lay_text_83(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in found(annotate(knowledge, text))


def test_self_biting_is_still_read(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he bites his hands when upset")).get("HP:0012169") is False


# Read lay-text-misspelled-26 (Finnish, Estonian, Latvian, Lithuanian, Georgian and Armenian first languages)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My stomack is open since three days", DIARRHEA),  # a calque
        ("belly is running since yesterday, 8 times", DIARRHEA),
        ("my lower bek is paining after lifting boxes", "HP:0003419"),
        ("My nekk is stuck since monday", "HP:0000466"),
        ("I wake at 3 in night and cannot fall asleep again", "HP:0031355"),
        ("I have hot waves many times in the day", "HP:0031217"),
        ("my cheek has swollen up on that side", "HP:0000282"),
        ("coughing in the morning with dark flegma", PRODUCTIVE),
    ],
)
def test_rows_of_misspelled_26(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_an_ear_spelt_by_ear(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "ringing in my left eer since the gig")).get("HP:0000360") is False


# Read lay-text-misspelled-27 (French-speaking Africa and Haiti)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have fievre since 3 days", FEVER),
        ("I coff since 3 week and in the night I transpire a lot", "HP:0030166"),
        ("the nose is coulant all day long", "HP:0031417"),
        ("My règles are very abundant", "HP:0000132"),
        ("a migraine in one side of the ead with the envy to vomit", NAUSEA),
        ("my mother made a malaise in the kitchen", SYNCOPE),
        ("I am always zirsty", "HP:0001959"),  # z for th
        ("My feets and the hankles are swolen in the evening", "HP:0001785"),  # an h added
    ],
)
def test_french_speaking_writers_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    assert term in found(annotate(knowledge, text))


def test_a_blinding_headache_is_no_blindness(knowledge: Knowledge) -> None:
    assert "HP:0000618" not in found(annotate(knowledge, "I have a blinding headache"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("pins and needles in my hands and feet for 10 days", PARESTHESIA),
        ("pins and needles in my left hand and foot all day", PARESTHESIA),
        ("pins and needles in my fingers at night", "HP:0033660"),  # the hands' alone
    ],
)
def test_tingling_in_the_hands_and_the_feet(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_vowel_changed_before_a_labial_fold(knowledge: Knowledge) -> None:
    # "pein" is pain with one vowel changed, not vein by p for v
    assert (
        found(annotate(knowledge, "very sharp pein in my right side under the ribs")).get("HP:0002027")
        is False
    )
