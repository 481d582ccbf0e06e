"""Everyday phrasings by organ system (round 3 of the lay lexicon) and the general word equivalents."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import Mention, annotate


def patient(mentions: list[Mention]) -> dict[str, bool]:
    """hpo_id → excluded, for the mentions about the patient."""
    return {m.hpo_id: m.excluded for m in mentions if not m.family}


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("he is deaf", "HP:0000365"),  # Hearing impairment
        ("jerky eye movements", "HP:0012547"),  # vague: nystagmus, opsoclonus … share this parent
        ("she feels faint when she stands", "HP:0031972"),  # Presyncope
        ("my son is short-sighted", "HP:0000545"),  # Myopia
        ("he is long sighted", "HP:0000540"),  # Hypermetropia
        ("tiny red spots on his legs", "HP:0000967"),  # Petechiae
        ("her heart beats too fast", "HP:0001962"),  # Palpitations (felt; session 16)
        ("he is breathing fast", "HP:0002789"),  # Tachypnea
        ("she burns easily in the sun", "HP:0000992"),  # Cutaneous photosensitivity
        ("stinging when peeing", "HP:0100518"),  # Dysuria
        ("she keeps getting water infections", "HP:0000010"),  # Recurrent urinary tract infections
        ("he is underweight", "HP:0004325"),  # Decreased body weight
        ("her periods haven't started", "HP:0000786"),  # Primary amenorrhea
        ("he has terrible tantrums", "HP:0025162"),  # Severe temper tantrums
        ("she doesn't make friends", "HP:0002332"),  # Lack of peer relationships
        ("his hips click", "HP:0001385"),  # Hip dysplasia
        ("she keeps bleeding for ages after a cut", "HP:0001934"),  # Persistent bleeding after trauma
        ("he has an underactive thyroid", "HP:0000821"),  # Hypothyroidism
        ("one side of the face droops", "HP:0012799"),  # Unilateral facial palsy
    ],
)
def test_everyday_phrasings(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert patient(annotate(knowledge, text)).get(term_id) is False, text


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("her knee is sore", "HP:0030839"),  # Knee pain: sore ≈ pain
        ("painful feet", "HP:0025238"),  # Foot pain: painful ≈ pain
        ("swollen ankles", "HP:0001785"),  # Ankle swelling: swollen ≈ swelling
        ("pale poo", "HP:0011985"),  # Acholic stools: poo ≈ stool
        ("foamy pee", "HP:0031504"),  # Foamy urine: pee ≈ urine
        ("her eyesight is poor", "HP:0000505"),  # Visual impairment: eyesight ≈ vision
    ],
)
def test_lay_word_equivalents(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert patient(annotate(knowledge, text)).get(term_id) is False, text


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("she struggles to swallow", "HP:0002015"),  # Dysphagia: "difficulty swallowing"
        ("he finds it hard to climb stairs", "HP:0003551"),  # Difficulty climbing stairs
        ("my baby arches his back", "HP:0002179"),  # Opisthotonus
        ("her ribs suck in when she breathes", "HP:0030864"),  # Intercostal retractions
    ],
)
def test_difficulty_phrases_and_infant_signs(knowledge: Knowledge, text: str, term_id: str) -> None:
    assert patient(annotate(knowledge, text)).get(term_id) is False, text


def test_bare_sore_or_painful_is_not_the_finding_pain(knowledge: Knowledge) -> None:
    assert "HP:0012531" not in patient(annotate(knowledge, "a painful, expanding mass"))
    assert "HP:0012531" not in patient(annotate(knowledge, "her knees are swollen and sore"))
    assert patient(annotate(knowledge, "she is in pain")) == {"HP:0012531": False}


def test_new_rows_are_negated_and_kept_off_relatives(knowledge: Knowledge) -> None:
    assert patient(annotate(knowledge, "he isn't deaf")) == {"HP:0000365": True}
    # the relative's verb ("went") is not swallowed by a lay phrase, so the family trigger still sees it
    assert patient(annotate(knowledge, "her grandmother went deaf young")) == {}


def test_lay_rows_do_not_use_words_that_gapped_matches_skip(knowledge: Knowledge) -> None:
    # a lay phrase with an everyday word ("goes", "everything") would make that word part of the lexicon
    # and stop the one-word gap in "pee goes dark", "worries about everything all the time"
    assert patient(annotate(knowledge, "his pee goes dark brown")).get("HP:0040319") is False
    assert patient(annotate(knowledge, "he worries about everything all the time")).get("HP:0000739") is False
