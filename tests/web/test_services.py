"""Unit tests of the services behind the pages: symptoms, listings, checker state, caches, helpers."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from symptomdb.knowledge.store import Knowledge, UnknownIdError
from symptomdb.knowledge.symptoms import conditions_with_symptom, symptom_info
from symptomdb.web import checker, services
from symptomdb.web.cache import LRU, Body
from symptomdb.web.site import frequency_class, json_script


@dataclass
class FakeMatch:
    id: str
    score: float
    kind: str = "condition"
    name: str = ""
    matched_name: str = ""


# --- symptoms ---------------------------------------------------------------------------------------
def test_symptom_info(knowledge: Knowledge) -> None:
    info = symptom_info(knowledge, "HP:0001336")
    assert info.plain_name == "Jerking" and info.name == "Myoclonus" and info.slug == "jerking"
    assert info.is_phenotype and info.definition
    assert any(s.layperson and s.text == "Jerking" for s in info.synonyms)
    assert "HP:0000707" in [c.id for c in info.categories]
    oms = next(c for c in info.frequent_in if c.id == "ORPHA:1183")
    assert oms.frequency is not None and oms.frequency >= 0.3 and oms.via is None
    # Most frequent first; counts ("1 of 1 patients") are ordered by their evidence (next test).
    stated = [c.frequency or 0.0 for c in info.frequent_in if " of " not in (c.frequency_label or "")]
    assert stated == sorted(stated, reverse=True) and info.frequent_in[0].frequency == 1.0


def test_conditions_with_a_broad_symptom_come_through_more_specific_terms(knowledge: Knowledge) -> None:
    # "Abnormal eye movements"-type parents collect conditions annotated with their descendants.
    rows = conditions_with_symptom(knowledge, "HP:0004305", minimum=0.3)  # Involuntary movements
    oms = next(r for r in rows if r.id == "ORPHA:1183")
    assert oms.via is not None and oms.via.id in knowledge.descendants("HP:0004305")
    assert len({r.id for r in rows}) == len(rows)  # one row per condition
    limited = conditions_with_symptom(knowledge, "HP:0004305", minimum=0.3, limit=3)
    assert [r.id for r in limited] == [r.id for r in rows[:3]]


def test_counts_from_more_patients_come_first(knowledge: Knowledge) -> None:
    import re

    rows = conditions_with_symptom(knowledge, "HP:0001336")  # Myoclonus
    counted = [
        (index, int(m.group(2)))
        for index, row in enumerate(rows)
        if (m := re.match(r"(\d+) of (\d+) patients", row.frequency_label or "")) and m.group(1) == m.group(2)
    ]
    assert len(counted) > 5
    denominators = [total for _, total in counted]
    assert denominators == sorted(denominators, reverse=True)  # "37 of 37" before "1 of 1"


def test_symptom_info_unknown_and_non_phenotype(knowledge: Knowledge) -> None:
    with pytest.raises(UnknownIdError):
        symptom_info(knowledge, "HP:9999999")
    inheritance = symptom_info(knowledge, "HP:0000006")
    assert not inheritance.is_phenotype and inheritance.frequent_in == []


# --- listings ---------------------------------------------------------------------------------------
def test_letters_cover_every_condition(knowledge: Knowledge) -> None:
    counts = services.letters(knowledge)
    assert [c.letter for c in counts] == services.LETTERS
    assert sum(c.count for c in counts) == len(knowledge.conditions)


def test_list_conditions_pages_are_sorted_and_disjoint(knowledge: Knowledge) -> None:
    first = services.list_conditions(knowledge, letter="O", per_page=20)
    second = services.list_conditions(knowledge, letter="O", page=2, per_page=20)
    keys = [services.sort_key(c.name) for c in first.items + second.items]
    assert keys == sorted(keys)
    assert first.pages == -(-first.total // 20) and first.letter == "O"
    assert {c.id for c in first.items}.isdisjoint({c.id for c in second.items})


def test_list_conditions_rejects_bad_input(knowledge: Knowledge) -> None:
    for kwargs in (
        {"letter": "ÄÖ"},
        {"system": "HP:0000001"},
        {"page": 0},
        {"per_page": 0},
        {"per_page": 500},
    ):
        with pytest.raises(services.InvalidListingError):
            services.list_conditions(knowledge, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(services.InvalidListingError):
        services.list_conditions(knowledge, letter="O", page=10_000)


def test_organ_systems(knowledge: Knowledge) -> None:
    systems = services.organ_systems(knowledge)
    nervous = services.organ_system(knowledge, "hp-0000707")
    assert nervous in systems and nervous.label == "Brain and nerves" and nervous.condition_count > 1000
    assert "HP:0000707" in services.condition_systems(knowledge, "ORPHA:1183")
    listing = services.list_conditions(knowledge, system="HP:0000707", letter="O", per_page=200)
    assert "ORPHA:1183" in [c.id for c in listing.items]


def test_letter_of_and_sort_key() -> None:
    assert services.letter_of("Opsoclonus-myoclonus syndrome") == "O"
    assert services.letter_of("1q21.1 recurrent microdeletion") == "0-9"
    assert services.letter_of("Åland Islands eye disease") == "A"
    assert services.sort_key("  (Some) Name-X ") == "some namex"
    assert services.normalise_letter("digits") == "0-9"


def test_confident_match(knowledge: Knowledge) -> None:
    assert services.confident_match(knowledge, []) is None
    lone = [FakeMatch("ORPHA:1183", 100.0)]
    assert services.confident_match(knowledge, lone) is lone[0]
    assert services.confident_match(knowledge, [FakeMatch("ORPHA:1183", 90.0)]) is None  # not sure enough
    rivals = [FakeMatch("HP:0010543", 97.0, "symptom"), FakeMatch("HP:0002169", 90.0, "symptom")]
    assert services.confident_match(knowledge, rivals) is None
    far = [FakeMatch("HP:0010543", 100.0, "symptom"), FakeMatch("HP:0002169", 85.0, "symptom")]
    assert services.confident_match(knowledge, far) is far[0]
    record = next(r for r in knowledge.conditions.values() if r.equivalent_ids)
    same = [FakeMatch(record.id, 100.0), FakeMatch(record.equivalent_ids[0], 100.0)]
    assert services.confident_match(knowledge, same) is same[0]


# --- checker ----------------------------------------------------------------------------------------
def test_checker_term_ids(knowledge: Knowledge) -> None:
    assert checker.term_id(knowledge, "hp-0001336") == "HP:0001336"
    assert checker.term_id(knowledge, "HP_0001336") == "HP:0001336"
    assert checker.term_id(knowledge, "HP:0000006") is None  # inheritance is not a symptom
    assert checker.term_id(knowledge, "nonsense") is None


def test_checker_state_actions(knowledge: Knowledge) -> None:
    state = checker.apply(knowledge, ["HP:0001336"], [], add_id="HP:0001945", side="absent")
    assert [t.id for t in state.present] == ["HP:0001336"] and [t.id for t in state.absent] == ["HP:0001945"]
    assert state.changed and state.query_string() == "present=HP%3A0001336&absent=HP%3A0001945"
    moved = checker.apply(knowledge, ["HP:0001336"], ["HP:0001945"], add_id="HP:0001945", side="present")
    assert [t.id for t in moved.present] == ["HP:0001336", "HP:0001945"] and moved.absent == []
    removed = checker.apply(knowledge, ["HP:0001336", "HP:0001945"], [], remove="HP:0001336")
    assert [t.id for t in removed.present] == ["HP:0001945"]
    duplicates = checker.apply(knowledge, ["HP:0001336", "HP-0001336"], ["HP:0001336"])
    assert [t.id for t in duplicates.present] == ["HP:0001336"] and duplicates.absent == []


def test_checker_add_by_name(knowledge: Knowledge) -> None:
    def clear(_: str) -> list[FakeMatch]:
        return [FakeMatch("HP:0001336", 100.0, "symptom", "Myoclonus", "Jerking")]

    def ambiguous(_: str) -> list[FakeMatch]:
        return [FakeMatch("HP:0001336", 90.0, "symptom", "Myoclonus", "Myoclonus"),
                FakeMatch("HP:0002123", 88.0, "symptom", "Generalized myoclonic seizure", "x")]  # fmt: skip

    added = checker.apply(knowledge, query="jerking", resolver=clear)
    assert [t.id for t in added.present] == ["HP:0001336"] and added.changed and not added.choices
    asked = checker.apply(knowledge, query="myoclonus", resolver=ambiguous)
    assert not asked.present and [c.id for c in asked.choices] == ["HP:0001336", "HP:0002123"]
    assert asked.query == "myoclonus" and asked.message
    none = checker.apply(knowledge, query="zzz", resolver=lambda _: [])
    assert not none.present and none.message and "zzz" in none.message


def test_checker_reads_text_and_caps_the_list(knowledge: Knowledge) -> None:
    read = checker.apply(
        knowledge, text="...", annotator=lambda _: [("HP:0001336", False), ("HP:0001945", True)]
    )
    assert [t.id for t in read.present] == ["HP:0001336"] and [t.id for t in read.absent] == ["HP:0001945"]
    many = [t for t in knowledge.descendants("HP:0000707") if checker.term_id(knowledge, t)][:60]
    capped = checker.apply(knowledge, many)
    assert len(capped.present) == checker.MAX_SYMPTOMS
    full = checker.apply(knowledge, many[:40], add_id="HP:0001945")
    assert len(full.present) == checker.MAX_SYMPTOMS and full.message and "at most" in full.message


# --- helpers ----------------------------------------------------------------------------------------
def test_lru_evicts_by_count_and_bytes() -> None:
    cache: LRU[Body] = LRU(max_entries=3, max_bytes=10, size=lambda b: len(b.content))
    for key in "abc":
        cache.get_or_build(key, lambda: Body.of(b"123"))
    assert len(cache) == 3
    cache.get("a")  # now the most recent
    cache.get_or_build("d", lambda: Body.of(b"12345"))  # 14 bytes > 10: evicts the oldest (b, then c)
    assert cache.get("a") is not None and cache.get("b") is None and cache.get("d") is not None
    built = []
    cache.get_or_build("d", lambda: built.append(1) or Body.of(b"x"))
    assert built == []  # a hit does not build


def test_body_etag_depends_on_content() -> None:
    assert Body.of(b"a").etag == Body.of(b"a").etag != Body.of(b"b").etag


def test_json_script_cannot_close_the_script_element() -> None:
    text = str(json_script({"name": "</script><script>alert(1)</script>", "x": "a&b\u2028"}))
    assert "</script>" not in text and "<" not in text and "&" not in text and "\u2028" not in text


def test_frequency_class() -> None:
    assert frequency_class(None) == "freq-unknown"
    assert (
        frequency_class(0.895) == "freq-90"
        and frequency_class(0.0) == "freq-0"
        and frequency_class(1.7) == "freq-100"
    )
