"""Round 6 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.lexicon import _COORDINATED_RE, Lexicon, get_lexicon

from .test_annotate import found

HYPERACTIVITY = "HP:0000752"
DEPRESSION = "HP:0000716"
ARRHYTHMIA = "HP:0011675"


def test_body_nouns_come_from_hpo_names(knowledge: Knowledge) -> None:
    lexicon: Lexicon = get_lexicon(knowledge)
    assert {"thyroid", "reflex", "knee", "skull"} <= lexicon.body_nouns
    # behaviour is movement and action: mental function's and movement's own nouns are no body parts
    assert not {"behavior", "move", "gait"} & lexicon.body_nouns
    assert {HYPERACTIVITY, DEPRESSION} <= lexicon.behavioural


def test_a_mental_word_before_a_body_part_is_not_the_behaviour(knowledge: Knowledge) -> None:
    # "hyperactive" qualifies the organ or the function that follows it, not the person
    assert HYPERACTIVITY not in found(annotate(knowledge, "Examination found a hyperactive gag reflex."))
    assert HYPERACTIVITY not in found(annotate(knowledge, "an overly hyperactive thyroid gland"))
    assert DEPRESSION not in found(annotate(knowledge, "X-rays showed a depressed skull fracture."))
    # said of a person, or alone, it is still the behaviour
    assert HYPERACTIVITY in found(annotate(knowledge, "She is a hyperactive toddler."))
    assert HYPERACTIVITY in found(annotate(knowledge, "He is hyperactive and fidgety at nursery."))
    assert DEPRESSION in found(annotate(knowledge, "His father says he seems depressed lately."))
    # the head of the noun phrase decides: stereotyped movements of the hands are the behaviour
    assert "HP:0000733" in found(annotate(knowledge, "She makes stereotyped hand movements when excited."))


def test_dysrhythmia_of_the_heart_is_an_arrhythmia(knowledge: Knowledge) -> None:
    assert ARRHYTHMIA in found(annotate(knowledge, "A cardiac dysrhythmia was recorded on Holter."))
    assert "HP:0004308" in found(annotate(knowledge, "recurrent ventricular dysrhythmias"))
    # alone the word is also an EEG finding: it names the heart's only with its organ
    assert ARRHYTHMIA not in found(annotate(knowledge, "Her EEG tracing had a diffuse dysrhythmia."))
    assert ARRHYTHMIA in found(annotate(knowledge, "Arrhythmias occurred during sleep."))


def test_neuroregression_is_developmental_regression(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "Neuroregression began at twenty months.")) == {"HP:0002376": False}
    assert found(annotate(knowledge, "There was no neuro-regression.")) == {"HP:0002376": True}


def test_a_prominent_ventricular_system_is_enlarged(knowledge: Knowledge) -> None:
    # HPO's "Enlarged ventricular system" (Ventriculomegaly) in radiology's word, as "prominent ventricles"
    assert "HP:0002119" in found(annotate(knowledge, "On CT the ventricular system appeared prominent."))
    assert "HP:0002119" not in found(annotate(knowledge, "a prominent interventricular septum"))


def test_a_premature_newborn_was_born_preterm(knowledge: Knowledge) -> None:
    premature_birth = "HP:0001622"
    assert premature_birth in found(annotate(knowledge, "Our daughter was a premature baby."))
    assert premature_birth in found(annotate(knowledge, "He was a preterm neonate of 31 weeks."))
    assert premature_birth in found(annotate(knowledge, "the twins were born early"))
    assert premature_birth not in found(annotate(knowledge, "The infant was born at term."))


def test_flattened_is_flat(knowledge: Knowledge) -> None:
    # the participle for the adjective, as shortened = short and narrowed = narrow
    assert "HP:0005469" in found(annotate(knowledge, "The back of his head is flattened."))
    assert "HP:0007720" in found(annotate(knowledge, "keratometry showed flattened corneas"))
    assert "HP:0000272" in found(annotate(knowledge, "marked malar flattening"))  # names keep working


def test_a_retired_composite_name_states_each_finding(knowledge: Knowledge) -> None:
    # HPO retired "Low-set, posteriorly rotated ears" for the two terms; its replacement is only one
    ears = found(annotate(knowledge, "The baby has low-set, posteriorly rotated ears."))
    assert {"HP:0000369", "HP:0000358"} <= set(ears)
    brows = found(annotate(knowledge, "Her eyebrows are sparse and thin."))
    assert {"HP:0045075", "HP:0045074"} <= set(brows)
    # an inverted name coordinates nothing
    assert not _COORDINATED_RE.search("Deafness, in some")
    assert _COORDINATED_RE.search("Symmetrical, oval parietal bone defects")


def test_upgoing_plantars_are_a_babinski_sign(knowledge: Knowledge) -> None:
    babinski = "HP:0003487"
    assert babinski in found(annotate(knowledge, "The left plantar was upgoing."))
    assert babinski in found(annotate(knowledge, "He had up-going plantars on both sides."))
    assert babinski not in found(annotate(knowledge, "Both plantars were flexor."))


def test_an_abbreviation_with_two_senses_follows_the_other_findings(knowledge: Knowledge) -> None:
    autism, atrial_septal_defect = "HP:0000729", "HP:0001631"
    behaviour = found(annotate(knowledge, "Known to the clinic with epilepsy, learning disability and ASD."))
    assert autism in behaviour and atrial_septal_defect not in behaviour
    heart = found(annotate(knowledge, "The echo found an ASD and a bicuspid aortic valve."))
    assert atrial_septal_defect in heart and autism not in heart
    assert atrial_septal_defect in found(annotate(knowledge, "ASD"))  # alone: the lexicon's order


def test_knee_and_ankle_jerks_are_their_reflexes(knowledge: Knowledge) -> None:
    # not the lay "jerks" of myoclonus
    assert found(annotate(knowledge, "Both knee jerks were absent on examination.")) == {"HP:0006844": False}
    assert "HP:0011808" in found(annotate(knowledge, "The left knee jerk is reduced."))
    assert "HP:0001336" not in found(annotate(knowledge, "The left knee jerk is reduced."))


def test_exaggerated_is_increased(knowledge: Knowledge) -> None:
    assert "HP:0001347" in found(annotate(knowledge, "On testing, all her reflexes were exaggerated."))
    assert "HP:0002267" in found(annotate(knowledge, "She has an exaggerated startle response."))


def test_weakness_with_a_place_is_the_muscles(knowledge: Knowledge) -> None:
    assert "HP:0003701" in found(annotate(knowledge, "Since then he has had proximal weakness."))
    assert "HP:0002460" in found(annotate(knowledge, "Distal weakness, worse in the hands."))


def test_poor_and_impaired_are_swapped(knowledge: Knowledge) -> None:
    assert "HP:0007010" in found(annotate(knowledge, "Her handwriting shows poor fine motor skill."))
    assert "HP:0002033" in found(annotate(knowledge, "The newborn had an impaired suck."))


def test_a_high_pain_threshold_is_not_pain(knowledge: Knowledge) -> None:
    mentions = found(annotate(knowledge, "Mum says he has a high pain threshold when he falls."))
    assert "HP:0007328" in mentions and "HP:0012531" not in mentions


def test_tendon_reflexes_are_the_deep_tendon_reflexes(knowledge: Knowledge) -> None:
    # HPO's Brisk reflexes are tendon reflexes; "deep" is often left out
    assert found(annotate(knowledge, "She has brisk tendon reflexes in both legs.")) == {"HP:0001348": False}
    assert found(annotate(knowledge, "Hyperactive tendon reflexes throughout.")) == {"HP:0006801": False}
