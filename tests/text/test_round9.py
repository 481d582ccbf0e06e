"""Round 9 of the annotator (issue #7): unseen lay and clinic-note wording, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.normalise import stem

from .test_annotate import found

JAUNDICE = "HP:0000952"


def test_a_soft_c_keeps_its_silent_e(knowledge: Knowledge) -> None:
    # "jaundiced" lost its "-ed" and then its "-ic" as if it were an adjective ending; it is jaundice
    assert stem("jaundiced") == stem("jaundice") == stem("jaundicing")
    assert stem("practiced") == stem("practice")
    assert found(annotate(knowledge, "The newborn looked slightly jaundiced on day two.")) == {
        JAUNDICE: False
    }
    assert found(annotate(knowledge, "she isn't jaundiced")) == {JAUNDICE: True}
