"""Numbered forms of one condition among the ranked conditions."""

from __future__ import annotations

import pytest

from symptomdb.context import SymptomDB
from symptomdb.diagnosis.families import family_key, look_alike_groups
from symptomdb.diagnosis.service import diagnose


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Long QT syndrome 15", "long qt syndrome"),
        ("Deafness, autosomal recessive 123", "deafness autosomal recessive"),
        ("Pseudohypoparathyroidism type 1A", "pseudohypoparathyroidism"),
        ("Pseudohypoparathyroidism, type IC", "pseudohypoparathyroidism"),
        ("Charcot-Marie-Tooth disease, axonal, type 2JJ", "charcot marie tooth disease axonal"),
        ("Glycogen storage disease II", "glycogen storage disease"),
        ("Dravet syndrome", None),  # no designator
        ("Hypomagnesemia 3, renal", None),  # a number inside the name: not taken
        ("Trisomy 21", None),  # numbered, but not forms of one condition
        ("Chromosome 1p36 deletion syndrome", None),
        ("Hepatitis B", None),  # a lone letter is not a designator
        ("COVID-19", None),
    ],
)
def test_the_family_key_drops_only_trailing_subtype_designators(name: str, key: str | None) -> None:
    assert family_key(name) == key


def test_forms_of_one_condition_are_grouped_with_their_genes() -> None:
    ranked = [
        (1, "OMIM:1", "Kabuki syndrome 1"),
        (2, "OMIM:2", "Dravet syndrome"),
        (3, "OMIM:3", "Kabuki syndrome 2"),
        (4, "OMIM:4", "Usher syndrome, type 1B"),
        (5, "OMIM:5", "Usher syndrome type 2A"),
        (6, "OMIM:6", "Trisomy 21"),
        (7, "OMIM:7", "Trisomy 18"),
    ]
    genes = {"OMIM:1": ["KMT2D"], "OMIM:3": ["KDM6A"], "OMIM:4": ["MYO7A"], "OMIM:5": ["USH2A"]}
    groups = look_alike_groups(ranked, lambda cid: genes.get(cid, []))
    assert [(g.name, g.ranks) for g in groups] == [("Kabuki syndrome", [1, 3]), ("Usher syndrome", [4, 5])]
    assert groups[0].genes == {1: ["KMT2D"], 3: ["KDM6A"]}
    assert "Ranks 1 and 3 are numbered forms of Kabuki syndrome" in groups[0].note
    assert "KMT2D (rank 1); KDM6A (rank 3)" in groups[0].note


def test_no_group_without_two_distinct_forms_and_no_gene_claim_without_different_genes() -> None:
    assert look_alike_groups([(1, "OMIM:1", "Kabuki syndrome 1")], lambda _: ["KMT2D"]) == []
    same = [(1, "OMIM:1", "Kabuki syndrome 1"), (2, "ORPHA:1", "Kabuki syndrome 1")]
    assert look_alike_groups(same, lambda _: []) == []  # one form under two ids
    (group,) = look_alike_groups([(1, "A", "Usher syndrome 1"), (2, "B", "Usher syndrome 2")], lambda _: [])
    assert "genes" not in group.note  # nothing recorded: nothing claimed


def test_the_differential_points_out_numbered_forms_among_its_first_results(shared_db: SymptomDB) -> None:
    # prolonged QT interval and fainting: several numbered forms of long QT syndrome rank high
    result = diagnose(shared_db.knowledge, ["HP:0001657", "HP:0001279"], limit=20)
    by_rank = {r.rank: r for r in result.results}
    groups = {g.name: g for g in result.look_alikes}
    assert "Long QT syndrome" in groups
    long_qt = groups["Long QT syndrome"]
    assert len(long_qt.ranks) >= 2 and max(long_qt.ranks) <= 10
    assert all(by_rank[r].name.startswith("Long QT syndrome ") for r in long_qt.ranks)
    assert all(long_qt.genes[r] for r in long_qt.ranks)  # HPO links a gene to each form
    assert all(r <= 10 for g in result.look_alikes for r in g.ranks)
