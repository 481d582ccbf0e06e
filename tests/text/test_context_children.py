"""Context that makes a finding a child HPO does not name as the finding plus a modifier
(``data/context-children.tsv``, session 14)."""

from __future__ import annotations

import re

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.lexicon import read_context_children

from .test_annotate import found

DYSPNEA, ORTHOPNEA, PND, EXERTIONAL_DYSPNEA = "HP:0002094", "HP:0012764", "HP:0034807", "HP:0002875"


def test_every_listed_child_is_a_descendant_of_its_finding(knowledge: Knowledge) -> None:
    rows = read_context_children()
    assert rows
    for finding, child, cue in rows:
        assert finding in knowledge.terms and child in knowledge.terms
        assert finding in knowledge.ancestors(child) and finding != child
        re.compile(cue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I get short of breath when I lie flat", ORTHOPNEA),
        ("she's breathless lying down", ORTHOPNEA),
        ("can't breathe unless I'm propped up on 3 pillows, so out of breath", ORTHOPNEA),
        ("I wake up in the night gasping for air", PND),
        ("at night I wake up short of breath", PND),
        ("I feel short of breath", DYSPNEA),  # no cue
    ],
)
def test_context_makes_breathlessness_its_child(knowledge: Knowledge, text: str, expected: str) -> None:
    # (the waking itself may be read as a sleep finding too)
    findings = found(annotate(knowledge, text))
    assert findings.get(expected) is False
    assert not {DYSPNEA, ORTHOPNEA, PND} - {expected} & set(findings)


def test_the_nearest_cue_decides(knowledge: Knowledge) -> None:
    # each finding takes the cue nearest it; a modifier cue nearer than a listed one wins
    text = "short of breath when I lie flat, and I wake up in the night gasping for air"
    assert {DYSPNEA, ORTHOPNEA, PND} & set(found(annotate(knowledge, text))) == {ORTHOPNEA, PND}
    text = "breathless climbing stairs for 3 weeks, ankles swollen by evening, now needs 3 pillows to sleep"
    assert found(annotate(knowledge, text)).get(EXERTIONAL_DYSPNEA) is False


def test_a_denied_finding_keeps_its_own_term(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "no breathlessness when I lie flat")) == {DYSPNEA: True}
