"""Session 22 of the annotator: English written by speakers of languages of three vowels (Tagalog, Cebuano,
Malay, Indonesian; lay-text-misspelled-21 read), with home words mixed in. Made-up sentences (none is copied
from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

FEVER, VOMITING, PHLEGM_COUGH, DIZZY, PRURITUS, COUGH = (
    "HP:0001945",
    "HP:0002013",
    "HP:0031245",
    "HP:0002321",
    "HP:0000989",
    "HP:0012735",
)
RHINORRHEA, DEAF, FRECKLING, HEMOLACRIA = "HP:0031417", "HP:0000365", "HP:0001480", "HP:0034803"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("My son had pibir all night, 38.9", FEVER),
        ("I have pebir since Monday po", FEVER),
        ("She bumit twice after lunch", VOMITING),
        ("Coughing up green plegm every morning", PHLEGM_COUGH),
    ],
)
def test_e_for_i_o_for_u_p_for_f_and_b_for_v_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_a_three_vowel_reading_with_two_targets_takes_the_finding(knowledge: Knowledge) -> None:
    # "piber" folds to both fever and fiber: the word that names a finding alone
    assert found(annotate(knowledge, "no piber since yesterday")).get(FEVER) is True


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Cut out coffee -> no diff", DEAF),  # "diff" is no "deaf"
        ("My feet prikkle at night", FRECKLING),  # "prikkle" is no "freckle"
        ("the drops make my eyes sting, theyre red as well", HEMOLACRIA),  # "theyre" is they're, no "tears"
    ],
)
def test_the_fold_reads_no_far_word(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in found(annotate(knowledge, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I have demam 39 since yesterday", FEVER),
        ("Feeling very hilo when I get up from the bed", DIZZY),
        ("Chakkar every morning when I get up", DIZZY),
        ("Very gatal on my arms at night", PRURITUS),
        ("Meron akong sipon since Friday", RHINORRHEA),
        ("Bukhar for three days and body pain", FEVER),
        ("Batuk for two weeks, worse at night", COUGH),
    ],
)
def test_home_words_mixed_into_english_are_read(knowledge: Knowledge, text: str, term: str) -> None:
    assert found(annotate(knowledge, text)).get(term) is False


def test_kin_words_of_tagalog_mark_a_relatives_findings(knowledge: Knowledge) -> None:
    terms = found(annotate(knowledge, "My pamangkin had fits with his fever, but I have only a headache"))
    assert "HP:0001250" not in terms
    assert terms.get("HP:0002315") is False
