"""Round 4 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.normalise import is_abbreviation_plural, tokenize

from .test_annotate import found


def test_plural_abbreviations(knowledge: Knowledge) -> None:
    # "UTIs" is the plural of UTI, not a word ending in "-is" like "arthritis"
    assert is_abbreviation_plural("UTIs") and is_abbreviation_plural("VSDs")
    assert not is_abbreviation_plural("Ts") and not is_abbreviation_plural("iris")
    assert [t.key for t in tokenize("UTIs")] == [t.key for t in tokenize("UTI")]
    assert "HP:0000010" in found(annotate(knowledge, "a boy with recurrent UTI"))  # synonym "Recurrent UTIs"
    assert "HP:0001629" in found(annotate(knowledge, "two small VSDs were closed"))  # HPO's "VSD"
    # one infection is not recurrent infections
    assert "HP:0000010" not in found(annotate(knowledge, "she had a UTI last year"))


def test_a_pseudo_trigger_that_runs_into_a_finding_still_negates(knowledge: Knowledge) -> None:
    # "no change" is a pseudo-trigger ("no change in tumour size"), but when "change in hearing" is itself
    # the finding, "no" negates it
    assert found(annotate(knowledge, "Most of them had no change in hearing after surgery.")) == {
        "HP:0000364": True
    }
    assert found(annotate(knowledge, "There was no change in his seizures.")).get("HP:0001250") is False


def test_de_novo_is_sporadic(knowledge: Knowledge) -> None:
    assert "HP:0003745" in found(annotate(knowledge, "The variant arose de novo in the proband."))


def test_coordination_past_a_side_word(knowledge: Knowledge) -> None:
    # the head "flexion contracture" is shared by "knee" and "ankle" although "right" stands between
    assert {"HP:0006380", "HP:0006466"} <= set(
        found(annotate(knowledge, "flexion contracture of the right knee and ankle"))
    )


def test_losing_the_ability_to_speak(knowledge: Knowledge) -> None:
    assert "HP:0002371" in found(annotate(knowledge, "at four she began losing her ability to speak"))
    assert "HP:0002371" not in found(annotate(knowledge, "she is able to speak in sentences"))


def test_no_longer_able_is_a_lost_ability(knowledge: Knowledge) -> None:
    assert "HP:0002505" in found(
        annotate(knowledge, "by ten he was no longer able to walk")
    )  # Loss of ambulation
    assert "HP:0002505" in found(annotate(knowledge, "he lost the ability to walk at ten"))
    # "no longer" is not a negation here, and "unable" stays an inability, not a loss
    assert found(annotate(knowledge, "she is unable to walk")) == {"HP:0002540": False}


def test_predicate_adjectives_share_the_subject(knowledge: Knowledge) -> None:
    # "swollen" alone names nothing for a knee, yet "sore" goes with "knees" as well
    assert "HP:0030839" in found(annotate(knowledge, "her knees are swollen and sore"))  # Knee pain
    assert "HP:0030839" in found(annotate(knowledge, "her knees were really swollen and sore"))
    # not across a verb: "he limps and is sore" has no knee
    assert "HP:0030839" not in found(annotate(knowledge, "his knees are fine, he feels sore"))


def test_compounds_of_two_organ_words(knowledge: Knowledge) -> None:
    # "cardiopulmonary arrest" = cardiac and pulmonary arrest
    assert "HP:0001695" in found(annotate(knowledge, "she survived a cardiopulmonary arrest"))
    # "oculocutaneous albinism": the eyes' part is Ocular albinism
    assert "HP:0001107" in found(annotate(knowledge, "a boy with oculocutaneous albinism"))
    # the second part must be an organ word as well: "neurogenetic" is not "neural and genetic"
    assert "HP:0000707" not in found(annotate(knowledge, "a rare neurogenetic disorder"))
    # words that only look like compounds are left alone
    assert found(annotate(knowledge, "the echocardiography was done")) == {}


def test_a_syndrome_named_after_its_anomaly(knowledge: Knowledge) -> None:
    from symptomdb.text.lexicon import eponymous_syndrome

    assert eponymous_syndrome("Duane anomaly", frozenset()) == "Duane syndrome"
    assert eponymous_syndrome("Anorectal anomaly", frozenset()) is None  # an adjective, not a name
    assert "HP:0009921" in found(annotate(knowledge, "three relatives had Duane syndrome"))
    # a disease eponym that no finding is named after stays a disease
    assert found(annotate(knowledge, "Crouzon syndrome was diagnosed")) == {}


def test_adjectives_of_greek_nouns() -> None:
    def key(word: str) -> str:
        return tokenize(word)[0].key

    assert key("edematous") == key("oedematous") == key("edema")
    assert key("erythematous") == key("erythema")
    assert key("ptotic") == key("ptosis")
    assert key("choreic") == key("chorea") and key("athetoid") == key("athetosis")
    assert key("hemangiomatous") != key("hemangioma")  # describes a look, not the tumour


def test_ptotic_eyelids(knowledge: Knowledge) -> None:
    # Bilateral ptosis: "both" is a cue for the bilateral child (round 17)
    assert "HP:0001488" in found(annotate(knowledge, "both eyelids were ptotic"))


def test_onset_written_into_a_finding(knowledge: Knowledge) -> None:
    # "postnatal-onset microcephaly" = "postnatal microcephaly" (Secondary microcephaly)
    assert "HP:0005484" in found(annotate(knowledge, "she has postnatal-onset microcephaly"))
    # a coordination does not make a finding of the head alone: "later onset and bilateral X"
    mentions = found(annotate(knowledge, "one with later onset and bilateral vestibular schwannomas"))
    assert "HP:0009589" in mentions and "HP:0009588" not in mentions


def test_inheritance_is_read_next_to_cytogenetic_words(knowledge: Knowledge) -> None:
    # "de novo deletions": the cytogenetic context ("deletions") does not hide a sporadic case
    assert "HP:0003745" in found(annotate(knowledge, "most cases carry large de novo deletions of 15q"))
    assert found(annotate(knowledge, "a deletion of the short arm of chromosome 4")) == {}


def test_scope_and_origin_words_inside_a_phrase(knowledge: Knowledge) -> None:
    # "restricted to", "human", "derived" may stand inside a finding's words
    assert "HP:0002817" in found(annotate(knowledge, "anomalies restricted to the upper limbs"))
    assert "HP:0004375" in found(annotate(knowledge, "rare tumors of the human nervous system"))
    assert "HP:0100008" in found(annotate(knowledge, "Schwann cell derived tumors were removed"))
    # names that contain the word still match as written
    assert "HP:0020114" in found(annotate(knowledge, "persistent human papillomavirus infection"))
    assert "HP:0025748" in found(annotate(knowledge, "restricted tongue movement"))


def test_an_age_word_before_a_finding_picks_the_age_specific_term(knowledge: Knowledge) -> None:
    mentions = annotate(knowledge, "She had neonatal feeding difficulties.")
    assert [(m.hpo_id, m.text) for m in mentions] == [("HP:0008872", "neonatal feeding difficulties")]
    assert "HP:0001319" in found(annotate(knowledge, "newborn hypotonia was noted"))  # Neonatal hypotonia
    # a baby as the subject of the sentence is left alone (either reading fits)
    assert "HP:0011968" in found(annotate(knowledge, "the baby has feeding difficulties"))
