"""Session 21 of the annotator: headaches, dizziness, balance and ears (lay-text-78 read): the room's
spinning, dizziness that is not spinning, noises in the ears, muffled hearing, sounds too loud, a bouncing
world and notes lost on a hearing test. Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

VERTIGO, NON_SPINNING_VERTIGO, SPINNING, BODY_ROCKING = "HP:0002321", "HP:4000033", "HP:5200069", "HP:0012172"
TINNITUS, PULSATILE_TINNITUS, HEARING_IMPAIRMENT = "HP:0000360", "HP:0008629", "HP:0000365"
PHONOPHOBIA, HYPERACUSIS, OSCILLOPSIA = "HP:0002183", "HP:0010780", "HP:0034773"
LOW_FREQUENCY_LOSS, HIGH_FREQUENCY_LOSS, HYPOTONIA, SYNCOPE = (
    "HP:0008542",
    "HP:0005101",
    "HP:0001252",
    "HP:0001279",
)


@pytest.mark.parametrize(
    "text",
    [
        "I keep getting spinning attacks that last most of the afternoon and I throw up",
        "Woke at 4am with everything spinning and had to crawl to the bathroom",
        "A short sharp spin whenever I lie back on the pillow, then it settles and I'm only a bit queasy",
        "dizzy and spinny since Friday",
    ],
)
def test_spinning_in_a_text_about_dizziness_is_vertigo(knowledge: Knowledge, text: str) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(VERTIGO) is False
    assert SPINNING not in terms


@pytest.mark.parametrize(
    "text",
    [
        "My knees ached after Tuesday's spin class",
        "He will spin round and round in the garden until he falls over",
    ],
)
def test_a_spin_class_or_a_child_spinning_round_is_no_vertigo(knowledge: Knowledge, text: str) -> None:
    assert VERTIGO not in found(annotate(knowledge, text))


def test_spinning_denied_excludes_vertigo(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "I'm wobbly walking to the shops but there's no spinning at all")).get(
        VERTIGO
    )


@pytest.mark.parametrize(
    "text",
    [
        "Since the ferry crossing I feel like I'm on a boat, swaying even in bed",
        "The pavement seems to tilt when I walk and I feel dizzy",
        "It's like walking on a mattress, a strange bouncy feeling in my head",
        "Everything goes swimmy when I turn round in the kitchen",
    ],
)
def test_dizziness_that_is_not_spinning_is_non_spinning_vertigo(knowledge: Knowledge, text: str) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(NON_SPINNING_VERTIGO) is False
    assert BODY_ROCKING not in terms


@pytest.mark.parametrize(
    "text",
    [
        "My feet are numb and it feels like walking on cotton wool",
        "He rocks back and forth when he's upset",
        "I always feel sick on the boat to the island",
    ],
)
def test_numb_feet_a_child_rocking_or_a_boat_trip_is_no_non_spinning_vertigo(
    knowledge: Knowledge, text: str
) -> None:
    assert NON_SPINNING_VERTIGO not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "My left ear has been bad since the concert and there's a constant hiss",
        "The hearing clinic said my ears are fine but I still get a faint ringing at night",
        "Before each attack my ear feels full and roars",
    ],
)
def test_a_noise_in_a_text_about_the_ears_is_tinnitus(knowledge: Knowledge, text: str) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(TINNITUS) is False
    assert SYNCOPE not in terms


def test_ringing_denied_in_a_text_about_hearing_excludes_tinnitus(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Hearing test was normal and no ringing either")).get(TINNITUS) is True


@pytest.mark.parametrize(
    "text",
    [
        "My phone keeps ringing and my ears hurt from the headset",
        "There's a whistling in my chest at night and my ears are blocked with a cold",
    ],
)
def test_a_phone_or_a_chest_makes_no_tinnitus(knowledge: Knowledge, text: str) -> None:
    assert TINNITUS not in found(annotate(knowledge, text))


def test_a_pulse_heard_in_the_ear_is_pulsatile_tinnitus(knowledge: Knowledge) -> None:
    terms = found(
        annotate(knowledge, "At night I can hear my heartbeat in my right ear, a whooshing in time with it")
    )
    assert terms.get(PULSATILE_TINNITUS) is False


@pytest.mark.parametrize(
    "text",
    [
        "After swimming my right ear went muffled and hasn't cleared",
        "Since the cold I hear like I'm under water",
        "My ear has gone dull, like it's stuffed with something",
    ],
)
def test_muffled_hearing_is_hearing_impairment(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(HEARING_IMPAIRMENT) is False


def test_noise_that_worsens_a_headache_is_phonophobia(knowledge: Knowledge) -> None:
    text = "With these headaches I have to shut the curtains and any sound makes it worse"
    assert found(annotate(knowledge, text)).get(PHONOPHOBIA) is False


def test_everyday_noise_that_hurts_is_hyperacusis(knowledge: Knowledge) -> None:
    text = "Since the accident everyday sounds are painfully loud, even the microwave beeping"
    assert found(annotate(knowledge, text)).get(HYPERACUSIS) is False


@pytest.mark.parametrize(
    "text",
    [
        "When I jog everything bounces so I can't read the signs",
        "If I turn my head fast the world jumps for a second",
    ],
)
def test_a_world_that_bounces_on_walking_or_turning_is_oscillopsia(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(OSCILLOPSIA) is False


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The audiologist said I've lost the low tones on the right", LOW_FREQUENCY_LOSS),
        ("My test showed the high notes have gone in both ears", HIGH_FREQUENCY_LOSS),
    ],
)
def test_notes_lost_on_a_hearing_test_are_that_hearing_loss(
    knowledge: Knowledge, text: str, term: str
) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(term) is False
    assert HYPOTONIA not in terms


MIGRAINE, MIGRAINE_WITH_AURA, MIGRAINE_WITHOUT_AURA = "HP:0002076", "HP:0002077", "HP:0002083"
HEADACHE, TENSION_TYPE_HEADACHE = "HP:0002315", "HP:0012228"


def test_the_writers_migraine_after_a_visual_aura_is_migraine_with_aura(knowledge: Knowledge) -> None:
    text = (
        "Had another migraine at work, the zigzag lights came first and then a pounding headache on the left"
    )
    terms = found(annotate(knowledge, text))
    assert terms.get(MIGRAINE_WITH_AURA) is False
    assert MIGRAINE not in terms
    assert HEADACHE not in terms  # the migraine's own headache


def test_a_migraine_with_its_aura_denied_is_migraine_without_aura(knowledge: Knowledge) -> None:
    text = "My migraines come every month before my period, throbbing on one side, no flashing lights first"
    assert found(annotate(knowledge, text)).get(MIGRAINE_WITHOUT_AURA) is False


def test_a_headache_beside_a_plain_migraine_stays(knowledge: Knowledge) -> None:
    text = "My mum and I both get migraines. Mine is a headache behind my eyes every few days."
    assert HEADACHE in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    "text",
    [
        "Every evening a headache like a tight band round my head, both sides",
        "Headaches most days, my temples squeezed like in a vice by teatime",
        "My GP says they are tension headaches",
    ],
)
def test_a_head_in_a_tight_band_or_vice_is_a_tension_type_headache(knowledge: Knowledge, text: str) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(TENSION_TYPE_HEADACHE) is False
    assert HEADACHE not in terms


def test_a_band_round_the_chest_is_no_headache(knowledge: Knowledge) -> None:
    assert TENSION_TYPE_HEADACHE not in found(
        annotate(knowledge, "a tight band round my chest when I walk uphill")
    )


HYPERHIDROSIS, NAUSEA, STIFF_NECK, BLURRED_VISION = "HP:0000975", "HP:0002018", "HP:0025258", "HP:0000622"


def test_clammy_skin_is_hyperhidrosis(knowledge: Knowledge) -> None:
    text = "Felt faint in the queue, went cold and clammy but I didn't pass out"
    assert found(annotate(knowledge, text)).get(HYPERHIDROSIS) is False


def test_the_clamminess_before_a_faint_that_happened_is_the_faints(knowledge: Knowledge) -> None:
    text = "She went hot and clammy and then fainted in assembly"
    assert HYPERHIDROSIS not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("a dull pain across my forehead since Monday", HEADACHE),
        ("I can't bend my neck down to my chest", STIFF_NECK),
        ("my sight went misty in the left eye", BLURRED_VISION),
        ("the boat trip made me feel seasick all afternoon", NAUSEA),
    ],
)
def test_session_21_lexicon_rows(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


VOMITING, MIGRAINE_TERM, ABDOMINAL_CRAMPS, BACK_PAIN, HYPOGLYCEMIA = (
    "HP:0002013",
    "HP:0002076",
    "HP:0032155",
    "HP:0003418",
    "HP:0001943",
)
URTICARIA, NASAL_CONGESTION, ORAL_HERPES, GROWTH_DELAY = (
    "HP:0001025",
    "HP:0001742",
    "HP:0410028",
    "HP:0001510",
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("He is womitting since the night", VOMITING),  # w for v, and a doubled letter
        ("I have my Migräne again since Friday", MIGRAINE_TERM),  # a German noun's capital after "my"
        ("Since two days I have stomachcramps", ABDOMINAL_CRAMPS),  # two everyday words run together
        ("I have backpain since the weekend", BACK_PAIN),
    ],
)
def test_german_dutch_and_scandinavian_spellings_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_name_after_a_verb_is_still_no_word_to_correct(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "We saw Harry at the clinic today")) == {}


def test_a_prefixed_word_is_not_split_into_everyday_words(knowledge: Knowledge) -> None:
    assert HYPOGLYCEMIA not in found(annotate(knowledge, "I'm hypothyroid and take levothyroxine"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have nettle fever since the strawberries", URTICARIA),
        ("came out in nettle rash after the antibiotics", URTICARIA),
        ("the nose is closed since Monday", NASAL_CONGESTION),
        ("another fever blister on my lip", ORAL_HERPES),
    ],
)
def test_calques_and_other_names_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(term) is False
    assert "HP:0001945" not in terms  # no fever


def test_a_lump_that_is_not_growing_is_no_growth_delay(knowledge: Knowledge) -> None:
    assert GROWTH_DELAY not in found(annotate(knowledge, "a small lump on my back, it's not growing"))


AGITATION, FALLS, DIABETES = "HP:0000713", "HP:0002527", "HP:0000819"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Could someone call back please, my wife has been very agitated since 1am. I sat with her.",
            AGITATION,
        ),
        (
            "Just to let you know Grandad had a fall on the stairs today, nothing broken I think.",
            FALLS,
        ),
    ],
)
def test_a_carers_message_that_opens_on_the_relative_after_a_preamble_is_about_them(
    knowledge: Knowledge, text: str, term: str
) -> None:
    mentions = [m for m in annotate(knowledge, text, include_family=True) if m.hpo_id == term]
    assert mentions and not mentions[0].family


@pytest.mark.parametrize(
    "text",
    [
        "Sorry to bother you, my husband has been diabetic for years and now I've got a thirst myself.",
        "Just so you know, my mum has had diabetes since 50. His brother is diabetic too.",
    ],
)
def test_the_writers_own_findings_or_a_siblings_keep_the_relatives_as_family(
    knowledge: Knowledge, text: str
) -> None:
    mentions = [m for m in annotate(knowledge, text, include_family=True) if m.hpo_id == DIABETES]
    assert mentions and all(m.family for m in mentions)


PRODUCTIVE_COUGH, HEMOPTYSIS, DECREASED_PEAK_FLOW = "HP:0031245", "HP:0002105", "HP:0032355"
BRADYCARDIA, HYPOXEMIA, PALPITATIONS = "HP:0001662", "HP:0012418", "HP:0001962"


@pytest.mark.parametrize(
    "text", ["Bringing up yellow phlegm every morning since the cold", "hacking up loads of muck first thing"]
)
def test_phlegm_brought_up_is_a_productive_cough(knowledge: Knowledge, text: str) -> None:
    assert found(annotate(knowledge, text)).get(PRODUCTIVE_COUGH) is False


def test_phlegm_denied_excludes_a_productive_cough(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "a dry cough at night, no phlegm")).get(PRODUCTIVE_COUGH) is True


def test_green_stuff_brought_up_from_a_swollen_belly_is_no_productive_cough(knowledge: Knowledge) -> None:
    assert PRODUCTIVE_COUGH not in found(
        annotate(knowledge, "tummy swollen and he's bringing up green stuff")
    )


def test_blood_coughed_up_is_hemoptysis_not_a_productive_cough(knowledge: Knowledge) -> None:
    terms = found(annotate(knowledge, "He coughed up bright red blood twice last night"))
    assert terms.get(HEMOPTYSIS) is False
    assert PRODUCTIVE_COUGH not in terms


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Peak flow is down to about 65% of my best this week", False),
        ("peak flow around 300 when my best is 500", False),
        ("Peak flow fine at 480, same as ever", True),
        ("peak flows 440-470, best 480", True),
    ],
)
def test_a_peak_flow_below_its_best_is_a_decreased_peak_flow(
    knowledge: Knowledge, text: str, excluded: bool
) -> None:
    assert found(annotate(knowledge, text)).get(DECREASED_PEAK_FLOW) is excluded


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my resting heart rate is in the 40s on my watch", BRADYCARDIA),
        ("oxygen 88% on the clip thing", HYPOXEMIA),
        ("heart thudding in my chest after coffee", PALPITATIONS),
    ],
)
def test_heart_and_breath_readings_of_session_21(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


PND = "HP:0034807"


def test_waking_gasping_is_paroxysmal_nocturnal_dyspnea(knowledge: Knowledge) -> None:
    text = "Woke at 4am gasping for air and had to sit on the edge of the bed for ten minutes"
    terms = found(annotate(knowledge, text))
    assert terms.get(PND) is False
    assert "HP:0002094" not in terms  # not plain Dyspnea as well


def test_waking_gasping_beside_snoring_is_no_paroxysmal_nocturnal_dyspnea(knowledge: Knowledge) -> None:
    text = "My wife says I snore like a train and I keep waking up gasping"
    assert PND not in found(annotate(knowledge, text))


RIGORS, TREMOR_TERM = "HP:0025145", "HP:0001337"


def test_shaking_beside_a_fever_is_rigors(knowledge: Knowledge) -> None:
    terms = found(annotate(knowledge, "Temp 39.5 since lunch and I'm shaking so much my teeth chatter"))
    assert terms.get(RIGORS) is False
    assert TREMOR_TERM not in terms


def test_hands_that_shake_beside_a_fever_stay_a_tremor(knowledge: Knowledge) -> None:
    assert RIGORS not in found(
        annotate(knowledge, "temp 38 today and my hands are shaking when I hold a cup")
    )


EPISTAXIS, RESTLESS_LEGS = "HP:0000421", "HP:0012452"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my heart starts beating very fast out of nowhere", PALPITATIONS),
        ("I feel my heart missing beats after coffee", PALPITATIONS),
        ("blood coming from my nose twice this week", EPISTAXIS),
        ("in bed my legs want to move all the time", RESTLESS_LEGS),
    ],
)
def test_session_21_heart_nose_and_legs_words(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


ALLERGY = "HP:0012393"


def test_a_named_allergy_is_not_reported_but_no_allergies_still_rules_it_out(knowledge: Knowledge) -> None:
    assert ALLERGY not in found(annotate(knowledge, "He has a peanut allergy and came out in hives at lunch"))
    assert found(annotate(knowledge, "No allergies that I know of")).get(ALLERGY) is True


EAR_PAIN, ABDOMINAL_PAIN, PAIN = "HP:0030766", "HP:0002027", "HP:0012531"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My hearing in the left ear has gone down over a year. No pain or discharge.", EAR_PAIN),
        ("So bloated every evening and farting loads, but no pain.", ABDOMINAL_PAIN),
    ],
)
def test_a_bare_no_pain_denies_the_pain_of_the_part_the_message_is_about(
    knowledge: Knowledge, text: str, term: str
) -> None:
    terms = found(annotate(knowledge, text))
    assert terms.get(term) is True
    assert PAIN not in terms


def test_no_pain_anywhere_stays_general(knowledge: Knowledge) -> None:
    text = "My legs feel heavy and weak on the stairs. No pain anywhere though."
    assert found(annotate(knowledge, text)).get(PAIN) is True


@pytest.mark.parametrize(
    "text", ["No change in my hearing and no ringing.", "He doesn't think his hearing is any worse."]
)
def test_hearing_said_unchanged_or_no_worse_excludes_hearing_impairment(
    knowledge: Knowledge, text: str
) -> None:
    assert found(annotate(knowledge, text)).get(HEARING_IMPAIRMENT) is True


def test_hearing_said_worse_is_hearing_impairment(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "my hearing is worse than last year")).get(HEARING_IMPAIRMENT) is False
