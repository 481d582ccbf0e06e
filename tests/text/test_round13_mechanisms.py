"""Round 13 of the annotator (issue #7), mechanisms: negation, normality, context and pronouns found
wanting on lay text by a fifth author, asserted on made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

SEIZURE, FALLS, TREMOR = "HP:0001250", "HP:0002527", "HP:0001337"
SKIN_RASH, PRURITUS, FEVER = "HP:0000988", "HP:0000989", "HP:0001945"
STATUS_EPILEPTICUS = "HP:0002133"
HEART, RENAL_MORPHOLOGY, HEARING = "HP:0001627", "HP:0012210", "HP:0000365"
DELAYED_SPEECH, ABNORMAL_SPEECH, HYPERGLYCEMIA = "HP:0000750", "HP:0002167", "HP:0003074"
HYPOTONIA, HYPERREFLEXIA = "HP:0001252", "HP:0001347"


def test_a_relative_clause_describes_the_negated_finding(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "she has never had a real seizure where she falls over and shakes"))
    assert findings == {SEIZURE: True}
    findings = found(annotate(knowledge, "there is no rash that itches, but he has a fever"))
    assert findings == {SKIN_RASH: True, FEVER: False}


def test_a_relative_clause_after_a_present_finding_stays(knowledge: Knowledge) -> None:
    # only a negated noun's description is dropped; a comma ends the clause
    findings = found(annotate(knowledge, "he has a rash that itches"))
    assert findings == {SKIN_RASH: False, PRURITUS: False}
    findings = found(annotate(knowledge, "no fever, which is good, but she shakes"))
    assert findings == {FEVER: True, TREMOR: False}


def test_none_of_the_x_denies_the_predicate_not_x(knowledge: Knowledge) -> None:
    # (round 27: "spots" alone no longer names a rash, so the quantified noun is "blisters" here)
    blisters = "HP:0008066"
    assert found(annotate(knowledge, "none of her blisters itch")) == {blisters: False, PRURITUS: True}
    # the quantified noun and its predicate as one finding stay negated; "none of the patients had" too
    assert found(annotate(knowledge, "none of the seizures were prolonged")) == {STATUS_EPILEPTICUS: True}
    assert found(annotate(knowledge, "None of the patients had seizures.")) == {SEIZURE: True}


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("the echo showed his heart is structurally normal", HEART),
        ("her hearing was tested and is fine", HEARING),
        ("his hearing has been checked and is normal", HEARING),
        ("the kidney scan was clear", RENAL_MORPHOLOGY),  # round 15: a scan shows the form
        ("my blood sugar is normal", HYPERGLYCEMIA),
        ("his speech is fine", ABNORMAL_SPEECH),
        ("her hearing test was normal", HEARING),
    ],
)
def test_statements_of_normality(knowledge: Knowledge, text: str, excluded: str) -> None:
    assert found(annotate(knowledge, text)).get(excluded) is True


def test_a_noun_phrase_adjective_is_no_statement(knowledge: Knowledge) -> None:
    # "a good (year)" qualifies a noun; the speech is not said to be fine
    assert DELAYED_SPEECH not in found(annotate(knowledge, "her speech is a good way behind her cousins"))
    # "a normal X" before its subject still is one (clinical phrasing)
    findings = found(annotate(knowledge, "She has a normal tone with hyperreflexia."))
    assert findings.get(HYPOTONIA) is True and findings.get(HYPERREFLEXIA) is False


PROPTOSIS, CONJUNCTIVAL_ICTERUS, NAIL_BITING = "HP:0000520", "HP:0032106", "HP:0012170"
JOINT_HYPERMOBILITY, PRECOCIOUS_PUBERTY = "HP:0001382", "HP:0000826"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his eyes have started bulging", PROPTOSIS),
        ("the whites of his eyes went a bit yellow", CONJUNCTIVAL_ICTERUS),
        ("she bites her own nails", NAIL_BITING),
        ("my joints are super bendy", JOINT_HYPERMOBILITY),
    ],
)
def test_words_a_lay_phrase_does_not_need(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_a_phrase_with_the_skipped_word_still_comes_first(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "her periods started early")).get(PRECOCIOUS_PUBERTY) is False
    assert found(annotate(knowledge, "Seizures started at the age of 3 years.")) == {SEIZURE: False}


SHORT_STATURE, TALL_STATURE, SHORT_LEGS = "HP:0004322", "HP:0000098", "HP:0006385"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she's now taller than her big sister", TALL_STATURE),
        ("he's way shorter than the others", SHORT_STATURE),
        ("my daughter is the shortest one in her class", SHORT_STATURE),
    ],
)
def test_stature_said_of_a_person_by_comparison(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_stature_words_said_of_a_part_stay_the_part(knowledge: Knowledge) -> None:
    assert SHORT_STATURE not in found(annotate(knowledge, "the fourth finger is the shortest"))
    assert SHORT_STATURE not in found(annotate(knowledge, "his legs are much shorter than his arms"))


COUGH_ID, CHRONIC_COUGH, STRIDOR, INSPIRATORY_STRIDOR = "HP:0012735", "HP:0034315", "HP:0010307", "HP:0005348"
CAFE_AU_LAIT, MULTIPLE_CAFE_AU_LAIT = "HP:0000957", "HP:0007565"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she has had a cough since she was tiny", CHRONIC_COUGH),
        ("he has stridor when he breathes in", INSPIRATORY_STRIDOR),
        ("he has three cafe-au-lait spots on his back", MULTIPLE_CAFE_AU_LAIT),
    ],
)
def test_round13_context_cues(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_no_cue_no_specialisation(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he has stridor")) == {STRIDOR: False}
    assert found(annotate(knowledge, "he has a cafe-au-lait spot on his back")) == {CAFE_AU_LAIT: False}
