"""Round 9 of the annotator (issue #7): unseen lay and clinic-note wording, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.normalise import stem

from .test_annotate import found

JAUNDICE = "HP:0000952"


def test_a_soft_c_keeps_its_silent_e(knowledge: Knowledge) -> None:
    # "jaundiced" lost its "-ed" and then its "-ic" as if it were an adjective ending; it is jaundice
    assert stem("jaundiced") == stem("jaundice") == stem("jaundicing")
    assert stem("practiced") == stem("practice")
    assert found(annotate(knowledge, "The newborn looked slightly jaundiced on day two.")) == {
        JAUNDICE: False
    }
    assert found(annotate(knowledge, "she isn't jaundiced")) == {JAUNDICE: True}


HYPOTHYROIDISM = "HP:0000821"
GOITER = "HP:0000853"
SEIZURE = "HP:0001250"
VOMITING = "HP:0002013"
DIARRHEA = "HP:0002014"
CHEST_PAIN = "HP:0100749"


def test_nil_negates_as_in_clinic_notes(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Nil vomiting or diarrhoea since Tuesday.")) == {
        VOMITING: True,
        DIARRHEA: True,
    }
    # "nil by mouth" is an instruction not to eat, not a negation of what follows
    assert found(annotate(knowledge, "Kept nil by mouth overnight due to vomiting.")) == {VOMITING: False}


def test_a_family_history_heading_covers_its_line(knowledge: Knowledge) -> None:
    mentions = annotate(knowledge, "FHx: uncle with hypothyroidism, grandad with fits. Pt has no goitre.")
    assert found(mentions) == {GOITER: True}
    family = {m.hpo_id for m in annotate(knowledge, "FHx: uncle with hypothyroidism.", include_family=True)}
    assert HYPOTHYROIDISM in family
    assert found(annotate(knowledge, "FH: fits in a cousin. He has had seizures too.")) == {SEIZURE: False}
    assert found(annotate(knowledge, "Family history: aunt with hypothyroidism")) == {}
    # "FH" without the colon is not a heading
    assert HYPOTHYROIDISM in found(annotate(knowledge, "FH clinic letter: hypothyroidism diagnosed"))


def test_a_colon_after_a_negation_opens_its_scope(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Denies: chest pain, vomiting.")) == {CHEST_PAIN: True, VOMITING: True}


WEIGHT_LOSS = "HP:0001824"
NUMEROUS_NEVI = "HP:0001054"


def test_an_informal_quantity_may_be_left_out(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Grandpa says he has lost a lot of weight lately")) == {
        WEIGHT_LOSS: False
    }
    # a phrase that needs the quantity still takes it
    assert NUMEROUS_NEVI in found(annotate(knowledge, "her back is covered in lots of moles"))


HOLOSYSTOLIC_MURMUR = "HP:0031667"
EXERTIONAL_DYSPNEA = "HP:0002875"
LEG_WEAKNESS = "HP:0007340"
ARM_WEAKNESS = "HP:0003484"


def test_clinic_note_words_for_murmurs_exertion_and_power(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "a soft pansystolic murmur was heard")) == {HOLOSYSTOLIC_MURMUR: False}
    assert EXERTIONAL_DYSPNEA in found(
        annotate(knowledge, "gets short of breath upon exertion, worse in winter")
    )
    assert found(annotate(knowledge, "Diminished power in the left leg.")) == {LEG_WEAKNESS: False}
    assert found(annotate(knowledge, "decreased power of both arms")) == {ARM_WEAKNESS: False}


MICROCEPHALY = "HP:0000252"
HEPATOMEGALY = "HP:0002240"


def test_a_comparative_is_its_adjective(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the nurse thought his head was smaller than it should be")) == {
        MICROCEPHALY: False
    }
    assert found(annotate(knowledge, "Ultrasound: liver larger than expected for age.")) == {
        HEPATOMEGALY: False
    }


POLYHYDRAMNIOS = "HP:0001561"
OLIGOHYDRAMNIOS = "HP:0001562"
SMALL_FOR_GESTATIONAL_AGE = "HP:0001518"
PREMATURE_BIRTH = "HP:0001622"
SUPERNUMERARY_NIPPLE = "HP:0002558"
DEEP_VENOUS_THROMBOSIS = "HP:0002625"
PEDAL_EDEMA = "HP:0010741"
HEMATOCHEZIA = "HP:0002573"
VISCEROMEGALY = "HP:0003271"
DYSPNEA = "HP:0002094"


def test_round9_lay_rows_for_thin_organ_systems(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "at the 30 week scan there was excess amniotic fluid")) == {
        POLYHYDRAMNIOS: False
    }
    assert found(annotate(knowledge, "the midwife said not enough fluid around the baby")) == {
        OLIGOHYDRAMNIOS: False
    }
    assert found(annotate(knowledge, "he was small for dates and an ex-prem")) == {
        SMALL_FOR_GESTATIONAL_AGE: False,
        PREMATURE_BIRTH: False,
    }
    assert found(annotate(knowledge, "the boy has an extra nipple on the left")) == {
        SUPERNUMERARY_NIPPLE: False
    }
    assert found(annotate(knowledge, "Dad says she had a blood clot in her leg after the flight")) == {
        DEEP_VENOUS_THROMBOSIS: False
    }
    assert found(annotate(knowledge, "bilateral ankle oedema, no bleeding PR")) == {
        PEDAL_EDEMA: False,
        HEMATOCHEZIA: True,
    }
    assert found(annotate(knowledge, "Abdomen: no organomegaly")) == {VISCEROMEGALY: True}
    assert found(annotate(knowledge, "Increasingly SOB over the last week")) == {DYSPNEA: False}
    # the abbreviation is case-sensitive: "sob" is crying
    assert found(annotate(knowledge, "she would sob for hours")) == {}


def test_a_birth_weeks_early_is_premature(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "our twins arrived seven weeks early")) == {PREMATURE_BIRTH: False}
    assert found(annotate(knowledge, "He was born 5 wks premature.")) == {PREMATURE_BIRTH: False}
    # two weeks early is term; a date in the pregnancy is no birth
    assert found(annotate(knowledge, "she was born two weeks early")) == {}
    assert found(annotate(knowledge, "the scan was done nine weeks early")) == {}


MULTIPLE_CALM = "HP:0007565"
CALM = "HP:0000957"


def test_several_is_multiple(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "On the trunk there are several cafe au lait spots."))
    assert mentions == {MULTIPLE_CALM: False}
    assert CALM not in mentions


POLYURIA = "HP:0000103"
POLYDIPSIA = "HP:0001959"


def test_more_than_usual_is_a_lot(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "lately he's been drinking more than usual")) == {POLYDIPSIA: False}
    assert found(annotate(knowledge, "Mum says she doesn't pee more than normal")) == {POLYURIA: True}


HEMIHYPERTROPHY = "HP:0001528"


def test_round9_rows_for_one_sided_growth_and_little_fluid(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the physio noticed one side of her body is bigger")) == {
        HEMIHYPERTROPHY: False
    }
    assert found(annotate(knowledge, "at 20 weeks there was little fluid around the baby")) == {
        OLIGOHYDRAMNIOS: False
    }


HYPERTENSION = "HP:0000822"
REST_DYSPNEA = "HP:0033710"


def test_an_abbreviation_may_start_a_longer_phrase(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Gets SOB on exertion after one flight of stairs.")) == {
        EXERTIONAL_DYSPNEA: False
    }
    # "SOB at rest" is the more specific Rest dyspnea
    assert found(annotate(knowledge, "SOB at rest; HTN on two drugs")) == {
        REST_DYSPNEA: False,
        HYPERTENSION: False,
    }


PROPTOSIS = "HP:0000520"
FREQUENT_FALLS = "HP:0002359"


def test_aspect_verbs_are_skipped_like_stop_words(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "over the summer her eyes began to bulge")) == {PROPTOSIS: False}
    assert found(annotate(knowledge, "he tends to fall a lot on stairs")) == {FREQUENT_FALLS: False}


UNILATERAL_CRYPTORCHIDISM = "HP:0012741"
UNILATERAL_RENAL_AGENESIS = "HP:0000122"
RENAL_AGENESIS = "HP:0000104"
ANISOCORIA = "HP:0009916"


def test_unilateral_is_also_one(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the GP found one of his testicles hasn't come down")) == {
        UNILATERAL_CRYPTORCHIDISM: False
    }
    assert found(annotate(knowledge, "the scan says one of her kidneys is missing")) == {
        UNILATERAL_RENAL_AGENESIS: False
    }
    # the "one X" rows keep working, and "one" as a person is not one of two organs
    assert found(annotate(knowledge, "one of her pupils is bigger")) == {ANISOCORIA: False}
    assert found(annotate(knowledge, "Of the four sibs, one had renal agenesis.")) == {RENAL_AGENESIS: False}


TOE_SYNDACTYLY_2_3 = "HP:0004691"
FINGER_SYNDACTYLY = "HP:0006101"


def test_joined_digits_are_webbed(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "her 2nd and 3rd toes are joined together")) == {
        TOE_SYNDACTYLY_2_3: False
    }
    assert found(annotate(knowledge, "two of his fingers are joined")) == {FINGER_SYNDACTYLY: False}


LOW_SET_EARS = "HP:0000369"
HIGH_PALATE = "HP:0000218"


def test_a_body_part_heading_joins_the_finding_after_its_colon(knowledge: Knowledge) -> None:
    assert PEDAL_EDEMA in found(annotate(knowledge, "Temp 37.2. Ankles: mild pitting oedema."))
    assert found(annotate(knowledge, "Ears: low set. Palate: high arched.")) == {
        LOW_SET_EARS: False,
        HIGH_PALATE: False,
    }
    # a colon inside a sentence is no heading
    assert found(annotate(knowledge, "the ears were as follows: low set")) == {}


GAZE_EVOKED_NYSTAGMUS = "HP:0000640"
EXERCISE_INDUCED_CRAMPS = "HP:0003710"


def test_a_provoked_finding_is_named_with_its_trigger_after_it(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Fine nystagmus on lateral gaze to the left.")) == {
        GAZE_EVOKED_NYSTAGMUS: False
    }
    assert found(annotate(knowledge, "calf muscle cramps with exercise since age 10")) == {
        EXERCISE_INDUCED_CRAMPS: False
    }


def test_a_swelling_at_the_front_of_the_neck_is_a_goitre(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Gran noticed a swelling in the front of my neck")) == {GOITER: False}


CLUBBING_OF_FINGERS = "HP:0100759"


def test_fingertips_like_drumsticks_are_clubbing(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the tips of her fingers look like drumsticks")) == {
        CLUBBING_OF_FINGERS: False
    }
