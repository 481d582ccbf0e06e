"""The people words of the family-history context (``text/data/people.tsv``) and their loader."""

from __future__ import annotations

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.annotate import annotate
from symptomdb.text.people import KINDS, PeopleFormatError, parse_people, people_words

SEIZURE = "HP:0001250"


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_file_has_words_of_every_kind(kind: str) -> None:
    assert people_words(kind)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("mother", "relative"),
        ("bf", "relative"),
        ("flatmate", "relative"),
        ("mum", "relative"),
        ("mum", "informal"),
        ("older", "modifier"),
        ("older", "sibling-order"),
        ("mine", "tail"),
        ("Mother", "capitalised-parent"),
    ],
)
def test_known_members(word: str, kind: str) -> None:
    assert word in people_words(kind)


def test_case_is_kept_only_for_capitalised_parents() -> None:
    assert "mother" not in people_words("capitalised-parent")
    lower_kinds = [kind for kind in KINDS if kind != "capitalised-parent"]
    assert all(word == word.lower() for kind in lower_kinds for word in people_words(kind))


def test_an_unknown_kind_is_asked_for() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        people_words("relatives")


def test_parse_skips_comments_and_blank_lines_and_needs_no_note() -> None:
    text = "# a comment\n\nmum\trelative\tkin\nmum\tinformal\nWife\tcapitalised-parent\tround 29\n"
    words = parse_people(text, "t.tsv")
    assert words["relative"] == {"mum"}
    assert words["informal"] == {"mum"}
    assert words["capitalised-parent"] == {"Wife"}
    assert words["tail"] == frozenset()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("mum\trelatve\tkin", "unknown kind 'relatve'"),
        ("mum", "no kind"),
        ("mum\t\tkin", "no kind"),
        ("of mine\ttail\ta mate of mine", "not one word"),
        ("\trelative\tkin", "no word"),
        ("Mum\tinformal\tthe writer's", "lower case"),
        ("mother\tcapitalised-parent\tround 25", "sentence start"),
        ("mother\trelative\tkin again", "already a relative word"),
    ],
)
def test_format_errors_name_the_file_and_line(line: str, message: str) -> None:
    text = f"# people\nmother\trelative\tkin\n{line}\n"
    with pytest.raises(PeopleFormatError, match=f"^bad.tsv:3: .*{message}"):
        parse_people(text, "bad.tsv")


@pytest.mark.parametrize(
    "text",
    [
        "my flatmate has seizures",  # a relative with an owner
        "my bf has seizures",
        "mum has seizures",  # an informal name
        "my auntie has seizures",  # session 14: an informal name read as a relative too
        "auntie has seizures",
        "Mother had seizures.",  # a capitalised parent at a sentence start
        "Older brother has seizures.",  # a sibling's birth order at a sentence start
        "Daisy's older brother has seizures.",  # a modifier between the owner and the relative
        "A mate of mine has seizures.",  # a tail
        "my brother-in-law has seizures",
    ],
)
def test_a_relatives_finding_is_flagged_family(knowledge: Knowledge, text: str) -> None:
    assert annotate(knowledge, text) == []
    mentions = annotate(knowledge, text, include_family=True)
    assert [(m.hpo_id, m.family, m.excluded) for m in mentions] == [(SEIZURE, True, False)]
