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
    for row in rows:
        assert row.finding in knowledge.terms and row.child in knowledge.terms
        assert row.finding in knowledge.ancestors(row.child) and row.finding != row.child
        re.compile(row.cue)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm not sleeping, I lie awake till 3", "HP:0031354"),  # Sleep onset insomnia
        ("can't sleep, I wake at 4 every morning", "HP:0031356"),  # Terminal insomnia
        ("he coughs till he's sick", "HP:0034783"),  # Posttussive emesis
        ("the worst headache of my life, out of the blue", "HP:0030907"),  # Thunderclap headache
        ("really itchy down there and a thick discharge", "HP:0032004"),  # Pruritus vulvae
        ("an itchy rash with tiny blisters on her arms", "HP:0033697"),  # Vesicular eruption
        ("my periods stopped 5 months ago", "HP:0000869"),  # Secondary amenorrhea
        ("she's 16 and her periods have never started", "HP:0000786"),  # Primary amenorrhea
        ("her hair is falling out in round patches", "HP:0002232"),  # Patchy alopecia (a modifier cue)
        ("pins and needles in my thumb and first two fingers", "HP:0033660"),  # Hand paresthesia
        ("he has tics, blinking and shrugging", "HP:0100034"),  # Motor tics
        ("I've had diarrhoea for five weeks now", "HP:0002028"),  # Chronic diarrhea (over 4 weeks)
    ],
)
def test_other_listed_children(knowledge: Knowledge, text: str, expected: str) -> None:
    assert found(annotate(knowledge, text)).get(expected) is False


def test_no_cue_keeps_the_finding(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "he had a cough and was sick twice")).get("HP:0002013") is False
    assert found(annotate(knowledge, "bad headache today")) == {"HP:0002315": False}
    assert found(annotate(knowledge, "my baby is 6 months and has diarrhoea")) == {"HP:0002014": False}
    # an itch on the hands stays Pruritus (the authors' usage: scabies, chilblains)
    assert found(annotate(knowledge, "itchy bumps between my fingers")).get("HP:0000989") is False
    # tingling of the hands and feet stays Paresthesia; a slight temperature stays Fever (the authors' usage)
    assert found(annotate(knowledge, "pins and needles in my feet and fingertips")).get("HP:0003401") is False
    assert found(annotate(knowledge, "I have a slight temperature")).get("HP:0001945") is False


def test_a_cue_within_a_few_words(knowledge: Knowledge) -> None:
    # itchy eyes: the eyes named within four words of the itch (a row with "within"), not further away
    assert found(annotate(knowledge, "itchy watery eyes and sneezing")).get("HP:0033841") is False
    text = "so itchy at night, and the whites of her eyes look yellow"
    assert found(annotate(knowledge, text)).get("HP:0000989") is False


def test_a_twitching_eyelid_is_no_cogan_lid_twitch(knowledge: Knowledge) -> None:
    # session 14: HPO's "Eyelid twitch" synonym of the Cogan lid twitch (a myasthenic sign) is excluded
    findings = found(annotate(knowledge, "twitching in my left eye lid for 2 weeks"))
    assert "HP:0031786" not in findings and findings.get("HP:0031166") is False
    assert found(annotate(knowledge, "a Cogan lid twitch was seen")) == {"HP:0031786": False}


def test_the_worst_headache_for_days_is_no_thunderclap(knowledge: Knowledge) -> None:
    assert found(annotate(knowledge, "the worst headache for like 3 days")) == {"HP:0002315": False}
