"""Session 18 of the annotator: the rounds on the needs-assessment forms and on skin described on brown and
black skin (lay-63, lay-70). Made-up sentences (none is copied from a benchmark)."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found

ICTERUS, JAUNDICE = "HP:0032106", "HP:0000952"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("my wife thinks my eyes look a bit yellow", {ICTERUS}),
        ("Yellowish eyes since Tuesday, wee like tea", {ICTERUS}),
        ("his face and the whites of his eyes have turned yellow", {ICTERUS, JAUNDICE}),
        ("she's gone quite yellow, even the whites of her eyes", {ICTERUS, JAUNDICE}),
        ("baby still looks yellow, his eyes mostly", {ICTERUS, JAUNDICE}),
    ],
)
def test_yellow_eyes_are_icterus_and_a_yellow_skin_or_person_jaundice_too(
    knowledge: Knowledge, text: str, terms: set[str]
) -> None:
    findings = found(annotate(knowledge, text))
    assert {t for t in (ICTERUS, JAUNDICE) if findings.get(t) is False} == terms


@pytest.mark.parametrize(
    "text",
    [
        "itchy skin, and the whites of my eyes went yellow",  # the skin is itchy, not yellow
        "his eyes have gone yellow and his poos are still yellow too",
    ],
)
def test_yellow_eyes_alone_are_no_jaundice(knowledge: Knowledge, text: str) -> None:
    findings = found(annotate(knowledge, text))
    assert findings.get(ICTERUS) is False and JAUNDICE not in findings


@pytest.mark.parametrize(
    "text",
    [
        "both eyes stuck together with yellow gunk this morning",
        "eyes red and sore with a yellow sticky discharge",
    ],
)
def test_yellow_matter_from_the_eyes_is_no_icterus(knowledge: Knowledge, text: str) -> None:
    assert ICTERUS not in found(annotate(knowledge, text))


def test_yellow_eyes_denied_are_excluded(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "no yellow eyes, no rash, just tired")).get(ICTERUS) is True


def test_an_itch_beside_yellow_eyes_is_no_itch_of_the_eyes(knowledge: Knowledge) -> None:
    findings = found(annotate(knowledge, "Yellow eyes, itchy everywhere, pale poo"))
    assert findings.get("HP:0000989") is False and "HP:0033841" not in findings
