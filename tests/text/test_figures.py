"""Figures of speech (``data/figures-of-speech.tsv``): words that name no finding where they stand."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate

from .test_annotate import found


def test_a_duration_after_for_undoes_the_figure(knowledge: Knowledge) -> None:
    # session 14: "a headache for the school" is a figure; "a headache for 3 days" had been hidden with it
    assert found(annotate(knowledge, "bad headache for 3 days")) == {"HP:0002315": False}
    assert found(annotate(knowledge, "headache for the last week")) == {"HP:0002315": False}
    assert found(annotate(knowledge, "itching for a week")) == {"HP:0000989": False}
    assert found(annotate(knowledge, "the new rota is a headache for the school")) == {}
    assert found(annotate(knowledge, "he's itching for a fight")) == {}


def test_sick_of_a_morning_is_vomiting(knowledge: Knowledge) -> None:
    # session 14: British "sick of a morning" (in the mornings); "sick of this cough" is fed up
    assert found(annotate(knowledge, "I've been sick of a morning for a week")) == {"HP:0002013": False}
    assert found(annotate(knowledge, "I'm sick of this cough")) == {"HP:0012735": False}
