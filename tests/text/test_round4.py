"""Round 4 of the annotator (issue #7): general mechanisms, asserted on made-up sentences."""

from __future__ import annotations

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import Mention, annotate
from symptomdb.text.normalise import is_abbreviation_plural, tokenize


def found(mentions: list[Mention]) -> dict[str, bool]:
    """hpo_id → excluded, for the mentions about the patient."""
    return {m.hpo_id: m.excluded for m in mentions if not m.family}


def test_plural_abbreviations(knowledge: Knowledge) -> None:
    # "UTIs" is the plural of UTI, not a word ending in "-is" like "arthritis"
    assert is_abbreviation_plural("UTIs") and is_abbreviation_plural("VSDs")
    assert not is_abbreviation_plural("Ts") and not is_abbreviation_plural("iris")
    assert [t.key for t in tokenize("UTIs")] == [t.key for t in tokenize("UTI")]
    assert "HP:0000010" in found(annotate(knowledge, "a boy with recurrent UTI"))  # synonym "Recurrent UTIs"
    assert "HP:0001629" in found(annotate(knowledge, "two small VSDs were closed"))  # HPO's "VSD"
    # one infection is not recurrent infections
    assert "HP:0000010" not in found(annotate(knowledge, "she had a UTI last year"))
