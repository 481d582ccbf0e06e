"""Round 5 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.lexicon import name_variants

from .test_annotate import found


def test_the_test_that_shows_a_finding_may_be_left_out(knowledge: Knowledge) -> None:
    # "Hyperintensity of cerebral white matter on MRI": the finding is the same without "on MRI"
    assert ("Rimmed vacuoles", 1) in name_variants("Rimmed vacuoles on biopsy")
    assert ("Molar tooth sign", 1) in name_variants("Molar tooth sign on brain imaging")
    assert not any(v == "Hypsarrhythmia" for v, _ in name_variants("Hypsarrhythmia by EEG"))  # one word
    mentions = annotate(knowledge, "There was hyperintensity of the cerebral white matter.")
    assert "HP:0030890" in found(mentions)


def test_white_matter_unqualified_is_the_brains(knowledge: Knowledge) -> None:
    # HPO's own synonyms ("White matter agenesis") read unqualified white matter as the cerebral one
    assert "HP:0012762" in found(annotate(knowledge, "The scan showed white matter atrophy."))
    assert "HP:0030890" in found(annotate(knowledge, "a T2 hyperintensity in the white matter"))


def test_flexion_deformity_is_a_flexion_contracture(knowledge: Knowledge) -> None:
    assert "HP:0012785" in found(annotate(knowledge, "She has a flexion deformity of the fingers."))
    elbow_and_ankle = found(annotate(knowledge, "There is a flexion deformity of the elbow and ankle."))
    assert {"HP:0002987", "HP:0006466"} <= set(elbow_and_ankle)
    assert "HP:0005830" in found(annotate(knowledge, "flexion deformities of the toes"))
    # a deformity that is not a flexion is no contracture
    assert "HP:0006380" not in found(annotate(knowledge, "a valgus deformity of the knee"))


def test_born_is_birth(knowledge: Knowledge) -> None:
    # the verb for the noun, as HPO's own "Born with teeth" = "Teeth present at birth"
    assert "HP:0001622" in found(annotate(knowledge, "She was born preterm."))
    assert "HP:0001622" in found(annotate(knowledge, "He was born prematurely at 31 weeks."))
    assert "HP:0001622" not in found(annotate(knowledge, "She was born at term after an easy pregnancy."))
    assert "HP:0007875" in found(annotate(knowledge, "he was born blind"))  # lay rows keep working


def test_tone_on_examination_is_muscle_tone(knowledge: Knowledge) -> None:
    assert "HP:0001252" in found(annotate(knowledge, "On examination he had decreased tone."))
    assert "HP:0001276" in found(annotate(knowledge, "There was increased tone in both legs."))
    assert "HP:0008936" in found(annotate(knowledge, "low tone in the trunk"))


def test_hyperactive_and_hypoactive_functions(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "hyperactive reflexes in the legs")) == {"HP:0001347": False}
    assert "HP:0001265" in found(annotate(knowledge, "hypoactive reflexes"))
    assert found(annotate(knowledge, "He is hyperactive.")) == {"HP:0000752": False}  # the behaviour


def test_failure_to_is_poor(knowledge: Knowledge) -> None:
    # "failure to gain weight" is poor weight gain, not weight gain
    assert found(annotate(knowledge, "There was failure to gain weight.")) == {"HP:0001508": False}
    assert "HP:0001508" in found(annotate(knowledge, "failure to thrive since infancy"))


def test_since_birth_is_congenital(knowledge: Knowledge) -> None:
    # as HPO's own lay synonyms: "Night blindness since birth", "Dislocated hip since birth"
    assert "HP:0008527" in found(annotate(knowledge, "my son has been deaf since birth"))
    assert "HP:0007875" in found(annotate(knowledge, "she has been blind from birth"))


def test_getting_worse_is_progressive(knowledge: Knowledge) -> None:
    assert "HP:0002073" in found(annotate(knowledge, "He has worsening ataxia."))
    # "keeps getting worse" is not "keeps getting" (recurrent)
    assert "HP:0000529" in found(annotate(knowledge, "her vision keeps getting worse each year"))


def test_a_modified_child_takes_the_parents_lay_phrases(knowledge: Knowledge) -> None:
    # "Multiple cafe-au-lait spots" = "multiple" + the parent's name: the parent's lay phrase combines too
    mentions = found(annotate(knowledge, "he has lots of coffee-coloured spots on his back"))
    assert mentions == {"HP:0007565": False}
    assert "HP:0000957" in found(annotate(knowledge, "a coffee-coloured spot on her arm"))


def test_side_to_side_is_horizontal(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "nystagmus from side to side")) == {"HP:0000666": False}


def test_a_levels_direction_in_any_of_its_words(knowledge: Knowledge) -> None:
    # HPO names Hyperammonemia "High blood ammonia levels" only; "elevated"/"raised" say the same
    assert "HP:0001987" in found(annotate(knowledge, "Ammonia was mildly raised."))
    assert "HP:0001987" in found(annotate(knowledge, "elevated ammonia on two occasions"))
    assert "HP:0001943" in found(annotate(knowledge, "decreased blood sugar"))


def test_not_observed_after_a_copula_negates_backwards(knowledge: Knowledge) -> None:
    # "was not" must not read as a trigger of what follows when the sentence ends "was not observed"
    assert found(annotate(knowledge, "Nystagmus was not observed.")) == {"HP:0000639": True}
    assert found(annotate(knowledge, "Scoliosis has not been noted.")) == {"HP:0002650": True}
    assert found(annotate(knowledge, "ptosis and tremor were not present")) == {
        "HP:0000508": True,
        "HP:0001337": True,
    }
    # the subject is what was not seen ("this link"), not the finding named after the trigger
    assert found(annotate(knowledge, "This link was not present for glaucoma.")) == {"HP:0000501": False}


def test_a_gene_named_after_a_finding_is_what_a_post_trigger_negates(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "The brachydactyly gene was not found in this family.")) == {
        "HP:0001156": False
    }
    assert found(annotate(knowledge, "Brachydactyly was not found in this family.")) == {"HP:0001156": True}


def test_an_impaired_function_is_a_difficulty(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "she has difficulty hearing")) == {"HP:0000365": False}
    assert "HP:0002172" in found(annotate(knowledge, "He has trouble with balance."))
    assert found(annotate(knowledge, "no difficulty hearing")) == {"HP:0000365": True}


def test_delayed_x_development_is_x_delay(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "He has fine and gross motor delay.")) == {
        "HP:0010862": False,
        "HP:0002194": False,
    }
    assert "HP:0000823" in found(annotate(knowledge, "pubertal delay was noted at 15"))


def test_a_prominent_fluid_space_of_the_brain_is_enlarged(knowledge: Knowledge) -> None:
    # the radiology idiom: "prominent ventricles" are (mildly) enlarged ventricles
    assert found(annotate(knowledge, "MRI showed prominent lateral ventricles.")) == {"HP:0006956": False}
    assert "HP:0012704" in found(annotate(knowledge, "The subarachnoid spaces were prominent."))
    # not outside the nervous system
    assert found(annotate(knowledge, "a prominent ventricular septum")) == {}


def test_a_coordinated_combination_that_is_a_name_as_written(knowledge: Knowledge) -> None:
    # "cerebral atrophy" is HPO's Cerebral atrophy; only "cerebral" ≈ brain made it Brain atrophy
    assert found(annotate(knowledge, "MRI showed cerebral and cerebellar atrophy.")) == {
        "HP:0002059": False,
        "HP:0001272": False,
    }


def test_mri_signal_intensity_names_without_the_test(knowledge: Knowledge) -> None:
    assert "HP:0012751" in found(annotate(knowledge, "There was abnormal signal in the basal ganglia."))
    assert "HP:0012747" in found(annotate(knowledge, "abnormal signal intensity in the brainstem"))


def test_myelination_words_are_the_central_nervous_systems(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "MRI showed hypomyelination.")) == {"HP:0003429": False}
    assert "HP:0007182" in found(annotate(knowledge, "peripheral hypomyelination on nerve biopsy"))


def test_never_walked_and_stopped_walking(knowledge: Knowledge) -> None:
    # the negating word is part of the finding, as in "can't walk"
    assert found(annotate(knowledge, "my son has never walked")) == {"HP:0002540": False}
    assert found(annotate(knowledge, "she stopped walking at four")) == {"HP:0002505": False}
    assert found(annotate(knowledge, "he has never had seizures")) == {"HP:0001250": True}


def test_compositional_forms_go_through_a_chain_of_modifiers(knowledge: Knowledge) -> None:
    # Anterior polar cataract ← Polar cataract ← Cataract ("lens opacity")
    assert found(annotate(knowledge, "She has an anterior polar lens opacity.")) == {"HP:0001134": False}
