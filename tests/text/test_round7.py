"""Round 7 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

HYPERTENSION = "HP:0000822"
INCREASED_BODY_WEIGHT = "HP:0004324"
FAILURE_TO_THRIVE = "HP:0001508"
MULTIFOCAL_DISCHARGES = "HP:0010841"
GENERALIZED_DISCHARGES = "HP:0011198"


def test_a_maternal_finding_is_the_mothers(knowledge: Knowledge) -> None:
    # HPO files the mother's findings under the patient's pregnancy history, not as the patient's phenotype
    assert HYPERTENSION not in found(annotate(knowledge, "Maternal hypertension needed labetalol."))
    assert HYPERTENSION not in found(annotate(knowledge, "Antenatal notes: paternal hypertension, treated."))
    gained = found(annotate(knowledge, "There was inadequate maternal weight gain in the third trimester."))
    assert INCREASED_BODY_WEIGHT not in gained and FAILURE_TO_THRIVE not in gained
    # the word elsewhere in the sentence leaves the patient's own findings alone
    assert HYPERTENSION in found(annotate(knowledge, "Maternal age was 41; the boy now has hypertension."))


def test_too_little_weight_gain_is_failure_to_thrive(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Since the age of two he has had slow weight gain.")) == {
        FAILURE_TO_THRIVE: False
    }
    assert INCREASED_BODY_WEIGHT not in found(annotate(knowledge, "insufficient weight gain on formula"))


def test_discharges_on_an_eeg_are_epileptiform(knowledge: Knowledge) -> None:
    assert MULTIFOCAL_DISCHARGES in found(
        annotate(knowledge, "A sleep EEG recorded frequent multifocal discharges.")
    )
    assert GENERALIZED_DISCHARGES in found(
        annotate(knowledge, "The electroencephalogram had generalized discharges during drowsiness.")
    )
    assert MULTIFOCAL_DISCHARGES in found(annotate(knowledge, "multifocal EEG discharges"))
    # without the test in the sentence, discharges are something else
    assert MULTIFOCAL_DISCHARGES not in found(
        annotate(knowledge, "She had multifocal discharges from skin abscesses. An EEG is planned.")
    )


def test_reviewed_clinical_synonyms(knowledge: Knowledge) -> None:
    # "congenital stridor" is the larynx's stridor from birth, HPO's Congenital laryngeal stridor
    assert found(annotate(knowledge, "Congenital stridor, worse when crying, began in week one.")) == {
        "HP:0004886": False
    }
    # surgery that releases or lengthens the heel cord is done for its contracture
    achilles = "HP:0001771"
    assert achilles in found(annotate(knowledge, "Achilles tendon release happened when he turned four."))
    assert achilles in found(annotate(knowledge, "At seven she had heel cord lengthening on both sides."))


def test_a_face_without_expression_is_mask_like(knowledge: Knowledge) -> None:
    mask_like = "HP:0000298"
    assert mask_like in found(annotate(knowledge, "Her unexpressive face hardly changed when she smiled."))
    assert mask_like in found(annotate(knowledge, "a non-expressive face and drooling"))


def test_a_negating_adjective_qualifies_its_own_noun(knowledge: Knowledge) -> None:
    dystonia, nystagmus = "HP:0001332", "HP:0000639"
    # "absent" says its own noun is missing; a finding coordinated after that noun is present
    text = "On review: absent smiling at faces and dystonic posturing of the left arm."
    assert found(annotate(knowledge, text)).get(dystonia) is False
    assert (
        found(annotate(knowledge, "Absent corneal glitter and nystagmus were seen.")).get(nystagmus) is False
    )
    # a list of findings after it is still negated ("absent fever and cough")
    assert found(annotate(knowledge, "absent fever and cough")) == {"HP:0001945": True, "HP:0012735": True}


def test_an_mri_sequence_name_is_left_out_of_a_finding(knowledge: Knowledge) -> None:
    white_matter = "HP:0030890"
    assert white_matter in found(
        annotate(knowledge, "Imaging: cerebral white matter T1 hyperintensity, frontal more than occipital")
    )
    assert white_matter in found(annotate(knowledge, "scattered white matter FLAIR hyperintensities"))
    assert white_matter in found(
        annotate(knowledge, "T2-weighted hyperintensity of white matter near the horns")
    )
    # a number after another letter is no sequence
    assert "HP:0005978" in found(annotate(knowledge, "She developed type 2 diabetes at forty."))


def test_the_subcortical_white_matter_is_cerebral(knowledge: Knowledge) -> None:
    white_matter = "HP:0030890"
    text = "There was patchy hyperintensity in subcortical white matter of both frontal lobes."
    assert white_matter in found(annotate(knowledge, text))
    # a term that names it wins
    assert "HP:0007346" in found(annotate(knowledge, "calcified subcortical white matter"))


def test_adjectives_without_a_comma_share_the_head(knowledge: Knowledge) -> None:
    # as "short, broad and stiff thumbs": Short thumb and Broad thumb
    terms = found(annotate(knowledge, "He has short broad and stiff thumbs."))
    assert {"HP:0009778", "HP:0011304"} <= set(terms)
    assert {"HP:0010511", "HP:0011308"} <= set(found(annotate(knowledge, "long narrow and lax toes")))
    # an item that is a phrase with the head keeps its words together
    terms = found(annotate(knowledge, "posterior subcapsular and nuclear cataracts"))
    assert terms == {"HP:0007787": False, "HP:0100018": False}


def test_a_jerk_at_a_reflex_site_is_the_reflex(knowledge: Knowledge) -> None:
    myoclonus = "HP:0001336"
    # "ankle jerks" are the Achilles reflexes: neither myoclonus nor, when normal, its absence
    assert found(annotate(knowledge, "Biceps and ankle jerks: symmetric.")) == {}
    assert myoclonus not in found(annotate(knowledge, "knee jerks were normal"))
    assert "HP:0003438" in found(annotate(knowledge, "absent knee and ankle jerks on both sides"))
    assert myoclonus not in found(annotate(knowledge, "absent knee and ankle jerks on both sides"))
    # elsewhere jerks are myoclonic
    assert found(annotate(knowledge, "His arm jerks when he falls asleep.")).get(myoclonus) is False


def test_falling_asleep_is_no_fall(knowledge: Knowledge) -> None:
    falls = "HP:0002527"
    assert falls not in found(annotate(knowledge, "He falls asleep at school most days."))
    assert falls not in found(annotate(knowledge, "Her weight falls below the lowest centile line."))
    assert falls in found(annotate(knowledge, "He falls off the sofa now and then."))


def test_a_test_named_in_the_sentence_supplies_its_name(knowledge: Knowledge) -> None:
    # "EEG with focal spikes", "EMG: myotonic discharges": the report says which test it is
    assert "HP:0011193" in found(annotate(knowledge, "A routine EEG today had focal spikes over C3."))
    assert "HP:0100284" in found(annotate(knowledge, "Needle EMG: myotonic discharges in the deltoid."))
    assert "HP:0100284" in found(annotate(knowledge, "Electromyography found myotonic discharges."))
    # without the test, the words are left to other readings
    assert "HP:0011193" not in found(annotate(knowledge, "The graph had focal spikes in May."))


def test_clinical_words_for_stereotypy(knowledge: Knowledge) -> None:
    stereotypy = "HP:0000733"
    assert stereotypy in found(annotate(knowledge, "Hand stereotypies began after eighteen months."))
    assert stereotypy in found(annotate(knowledge, "She shows stereotypic hand movements while watching TV."))


def test_a_hyperintensity_is_an_abnormal_signal(knowledge: Knowledge) -> None:
    # HPO names no plain hyperintense basal ganglia: the abnormal signal term, below any that names it
    text = "Axial images: symmetric hyperintensities in the basal ganglia and dentate nuclei."
    assert "HP:0012751" in found(annotate(knowledge, text))
    assert "HP:0012696" in found(annotate(knowledge, "bilateral thalamic hypointensity"))
    assert "HP:0012753" in found(annotate(knowledge, "T2 hypointense basal ganglia"))


def test_coordinated_subjects_share_a_statement_of_normality(knowledge: Knowledge) -> None:
    hearing, vision, weakness = "HP:0000365", "HP:0000505", "HP:0001324"
    assert found(annotate(knowledge, "At review his eyesight and hearing were fine.")) == {
        vision: True,
        hearing: True,
    }
    terms = found(annotate(knowledge, "Strength, hearing and vision are all normal today."))
    assert terms == {weakness: True, hearing: True, vision: True}
    # a finding in the list is not made normal
    assert found(annotate(knowledge, "Ataxia and hearing loss; vision is normal.")).get("HP:0001251") is False


def test_cannot_do_well_is_no_statement_of_normality(knowledge: Knowledge) -> None:
    insomnia, poor_appetite = "HP:0100785", "HP:0004396"
    # "can't"/"unable to" before "<function> well" is no statement that the function is fine
    assert found(annotate(knowledge, "Since the move she is unable to sleep well.")) == {insomnia: False}
    assert poor_appetite not in found(annotate(knowledge, "After the operation he couldn't eat well."))
    sleep_abnormality = "HP:0002360"  # session 18: "sleeping well" rules out any sleep problem
    assert found(annotate(knowledge, "Lately he seems to sleep well.")) == {sleep_abnormality: True}


def test_everyday_wording_of_round_7(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "our boy is not speaking yet at two and a half")) == {
        "HP:0000750": False
    }
    assert found(annotate(knowledge, "she still doesn't sleep through the night")) == {"HP:0031355": False}
    assert found(annotate(knowledge, "the back of her head is flat on one side")) == {"HP:0001357": False}
    assert found(annotate(knowledge, "he never smiles back at us")) == {"HP:5200102": False}


def test_noted_is_not_the_negator(knowledge: Knowledge) -> None:
    # "noted" once stemmed to "not": a window over it was read as negated
    terms = found(annotate(knowledge, "Hypotonia was noted in infancy."))
    assert terms and not any(terms.values())
    assert found(annotate(knowledge, "Ptosis was not noted.")) == {"HP:0000508": True}


def test_complaints_never_made_and_findings_that_stopped(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "He never complains of ear pain.")) == {"HP:0030766": True}
    # round 15: a finding that stopped was the patient's, so it is present (a phenotype records what a
    # person has or had); rounds 7-14 read these as absent
    assert found(annotate(knowledge, "Her eczema cleared up over the summer.")).get("HP:0000964") is False
    assert found(annotate(knowledge, "the diarrhoea has stopped")) == {"HP:0002014": False}
    assert found(annotate(knowledge, "he has stopped having migraines")) == {"HP:0002076": False}
    # a finding named by the verb keeps it ("stopped walking" is a loss of ambulation)
    assert found(annotate(knowledge, "at nine she stopped walking")) == {"HP:0002505": False}


def test_nothing_wrong_with_is_a_statement_of_normality(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "The audiologist found nothing wrong with his hearing.")) == {
        "HP:0000365": True
    }
    assert found(annotate(knowledge, "nothing wrong, she says")) == {}


def test_lay_rows_for_chest_belly_and_wind(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the middle of his chest sinks in")) == {"HP:0000767": False}
    assert found(annotate(knowledge, "my toddler has a pot belly")) == {"HP:0001538": False}
    assert found(annotate(knowledge, "the baby passes a lot of wind")) == {"HP:0033589": False}


def test_too_little_gain_is_never_increased_weight(knowledge: Knowledge) -> None:
    for text in ("poor postnatal weight gain", "limited early weight gain", "minimal weight gain so far"):
        assert INCREASED_BODY_WEIGHT not in found(annotate(knowledge, text, include_family=True))
    assert INCREASED_BODY_WEIGHT in found(annotate(knowledge, "rapid weight gain after steroids"))


def test_none_of_the_patients_had_a_finding_states_it_absent(knowledge: Knowledge) -> None:
    # kept by the lead against GSC+'s convention, which codes such mentions as present (GSC+ 0.806 → 0.805)
    seizure = "HP:0001250"
    assert found(annotate(knowledge, "None of the patients had seizures.")) == {seizure: True}
    assert found(annotate(knowledge, "None of our children developed seizures.")) == {seizure: True}
    assert found(annotate(knowledge, "None had seizures after the operation.")) == {seizure: True}
    # "none" about something else leaves the finding stated as present
    assert found(annotate(knowledge, "None of the tests helped; she has seizures.")) == {seizure: False}


def test_the_pregnancy_history_is_read_and_plain_diabetes_is_diabetes_mellitus(knowledge: Knowledge) -> None:
    maternal_diabetes, preeclampsia, diabetes = "HP:0009800", "HP:0100602", "HP:0000819"
    assert found(annotate(knowledge, "The pregnancy was complicated by gestational DM.")) == {
        maternal_diabetes: False
    }
    assert found(annotate(knowledge, "Delivery at 34 weeks for preeclampsia.")) == {preeclampsia: False}
    # plain "diabetes" was read as type I through the subtype words a name may leave out
    assert found(annotate(knowledge, "He has had diabetes for ten years.")) == {diabetes: False}
    assert "HP:0100651" in found(annotate(knowledge, "type 1 diabetes since the age of nine"))
