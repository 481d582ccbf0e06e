"""Negated findings and family history."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

FEVER, SEIZURE, COUGH, VOMITING, HEADACHE, ATAXIA = (
    "HP:0001945",
    "HP:0001250",
    "HP:0012735",
    "HP:0002013",
    "HP:0002315",
    "HP:0001251",
)


def status(knowledge: Knowledge, text: str) -> dict[str, bool]:
    return {m.hpo_id: m.excluded for m in annotate(knowledge, text)}


@pytest.mark.parametrize(
    "text",
    [
        "no fever",
        "She denies fever.",
        "without fever",
        "negative for fever",
        "absence of fever",
        "he never had a fever",
        "he doesn't have a fever",
        "she does not have fever",
        "Fever was absent.",
        "fever has been ruled out",
        "free of fever",
        "she isn't feverish",
        "He no have fever.",  # second-language English: "no" + bare "have" ("have" ended the scope)
        "she no has fever since Monday",
    ],
)
def test_negation_triggers(knowledge: Knowledge, text: str) -> None:
    assert status(knowledge, text) == {FEVER: True}


def test_negation_covers_a_list_and_stops_at_the_clause(knowledge: Knowledge) -> None:
    assert status(knowledge, "No fever, cough or vomiting, but she has headaches.") == {
        FEVER: True,
        COUGH: True,
        VOMITING: True,
        HEADACHE: False,
    }
    assert status(knowledge, "no fever; seizures since infancy") == {
        FEVER: True,
        SEIZURE: False,
        "HP:0003593": False,  # Infantile onset
    }
    assert status(knowledge, "no vomiting, he has a fever") == {VOMITING: True, FEVER: False}


def test_negated_predicates(knowledge: Knowledge) -> None:
    assert status(knowledge, "her blood pressure isn't high") == {"HP:0000822": True}
    assert status(knowledge, "his joints aren't swollen") == {"HP:0001386": True}


@pytest.mark.parametrize(
    "text",
    [
        "not only seizures but also ataxia",
        "there was no increase in seizures",
        "seizures cannot be ruled out",
        "seizures are not uncommon",
        "a cough that hasn't gone away",
        "sometimes I don't make it in time and wet myself",  # session 14: urgency, not a denial
    ],
)
def test_pseudo_negations_do_not_negate(knowledge: Knowledge, text: str) -> None:
    assert not any(status(knowledge, text).values())


def test_a_negating_word_inside_a_finding_is_part_of_it(knowledge: Knowledge) -> None:
    # "can't walk", "absent speech": the negation is the finding itself
    assert status(knowledge, "he can't walk") == {"HP:0002540": False}
    assert status(knowledge, "She has absent speech.") == {"HP:0001344": False}


@pytest.mark.parametrize(
    "text",
    [
        "his father has epilepsy",
        "Her mother had seizures as a child.",
        "family history of seizures",
        "There is a family history of epilepsy on the maternal side.",
        "my brother and my dad both have seizures",
        "mum and grandma both have seizures",
        "seizures run in the family",
    ],
)
def test_family_history_is_not_the_patients(knowledge: Knowledge, text: str) -> None:
    assert annotate(knowledge, text) == []
    mentions = annotate(knowledge, text, include_family=True)
    assert mentions and all(m.family and not m.excluded for m in mentions)


def test_family_history_and_the_patients_own_findings(knowledge: Knowledge) -> None:
    text = "His father has epilepsy, but he himself only gets headaches."
    assert status(knowledge, text) == {HEADACHE: False}


def test_case_reports_of_affected_relatives_need_a_possessive(knowledge: Knowledge) -> None:
    # In abstracts "the father had ataxia" reports an examined, affected family member.
    assert status(knowledge, "The father had ataxia.") == {ATAXIA: False}
    assert status(knowledge, "The mother says he has ataxia.") == {ATAXIA: False}


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("his hearing is fine, but his ear hurts", {"HP:0000365"}),
        ("she hears fine", {"HP:0000365"}),
        ("her own memory is completely normal", {"HP:0002354"}),
        ("She has a normal tone and power.", {"HP:0001252", "HP:0001276", "HP:0001324"}),
        ("his liver is big but the spleen is normal", {"HP:0001744"}),
        ("his hearing test came back normal", {"HP:0000365"}),  # a result that "came back" normal
        ("my sugar tests have all come back normal", {"HP:0003074"}),
        ("my swallowing's fine", {"HP:0002015"}),
        ("her voice is quite normal", {"HP:0001618"}),
    ],
)
def test_statements_of_normality_exclude_findings(
    knowledge: Knowledge, text: str, excluded: set[str]
) -> None:
    assert {tid for tid, is_excluded in status(knowledge, text).items() if is_excluded} == excluded


def test_not_normal_is_not_a_statement_of_normality(knowledge: Knowledge) -> None:
    assert status(knowledge, "his hearing is not normal") == {}
    assert status(knowledge, "his back is fine") == {}  # "back" is skipped only after "came"/"come"


def test_relatives_of_relatives_and_the_patients_own_history(knowledge: Knowledge) -> None:
    assert annotate(knowledge, "His father's brother has epilepsy.") == []
    # the mother's pregnancy is the patient's own history (maternal diabetes is a patient phenotype)
    assert annotate(knowledge, "her mother's pregnancy was complicated by diabetes")


@pytest.mark.parametrize(
    "text",
    [
        "He and his father have epilepsy.",
        "my son and his dad both have seizures",
        "Both siblings and their mother also showed seizures.",
    ],
)
def test_a_relative_coordinated_with_the_patient_shares_the_finding(knowledge: Knowledge, text: str) -> None:
    assert status(knowledge, text) == {SEIZURE: False}


def test_results_within_normal_limits_are_excluded(knowledge: Knowledge) -> None:
    assert status(knowledge, "Urine organic acids were within normal limits.") == {"HP:0001992": True}


@pytest.mark.parametrize(
    "text",
    [
        "possible seizures",
        "suspected seizures",
        "seizures were suspected",
        "seizures cannot be ruled out",
        "rule out seizures",
        "he may have seizures",
    ],
)
def test_uncertain_findings_are_flagged_not_excluded(knowledge: Knowledge, text: str) -> None:
    [mention] = annotate(knowledge, text)
    assert mention.hpo_id == SEIZURE and mention.uncertain and not mention.excluded


def test_a_negated_suspicion_is_excluded(knowledge: Knowledge) -> None:
    for text in ("seizures were ruled out", "no suspected seizures"):
        [mention] = annotate(knowledge, text)
        assert mention.excluded and not mention.uncertain


def test_the_examiner_not_perceiving_a_finding_excludes_it(knowledge: Knowledge) -> None:
    # "couldn't hear" is the doctor's, not the patient's hearing impairment
    assert status(knowledge, "the doctor couldn't hear any heart murmur") == {"HP:0030148": True}


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("his mother had seizures as a child; he has never had one", SEIZURE),
        ("mum and grandma both have high blood pressure, mine is normal", "HP:0000822"),
        ("my brother and my dad both have kidney cysts; my scan was clear", "HP:0000107"),
    ],
)
def test_a_pronoun_for_a_relatives_finding_excludes_it_for_the_patient(
    knowledge: Knowledge, text: str, term_id: str
) -> None:
    assert status(knowledge, text) == {term_id: True}


def test_doing_well_is_normal_but_not_doing_well_is_not(knowledge: Knowledge) -> None:
    assert status(knowledge, "she sleeps well") == {"HP:0002360": True}  # Sleep abnormality (session 18)
    # not doing well is no statement of normality; since round 22 the lay lexicon reads it as insomnia
    assert status(knowledge, "she is not sleeping well") == {"HP:0100785": False}
    assert status(knowledge, "hypotonia as well") == {"HP:0001252": False}


def test_food_kept_down_is_no_vomiting(knowledge: Knowledge) -> None:
    # session 14: an absence said without a negation word; "can't keep anything down" is vomiting
    assert status(knowledge, "no blood and I've kept my tea and toast down") == {"HP:0002013": True}
    assert status(knowledge, "I can't keep anything down") == {"HP:0002013": False}
    assert status(knowledge, "food keeps getting stuck halfway down") == {"HP:0002015": False}
