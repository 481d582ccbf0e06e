from __future__ import annotations

import pytest

from symptomdb.context import SymptomDB
from symptomdb.search.resolve import QueryError
from symptomdb.search.symptoms import find_symptoms


@pytest.mark.parametrize(
    "words, term",
    [
        ("tummy ache", "HP:0002027"),  # the name index alone says Myalgia
        ("peeing a lot", "HP:0000103"),
        ("eyes dart around", "HP:0010543"),
        ("can't walk straight", "HP:0002317"),
        ("seizurs", "HP:0001250"),  # misspelt
    ],
)
def test_everyday_descriptions_find_the_symptom_first(shared_db: SymptomDB, words: str, term: str) -> None:
    matches = find_symptoms(shared_db.knowledge, shared_db.name_index, words, limit=5)
    assert matches[0].id == term and matches[0].kind == "symptom"
    assert len({m.id for m in matches}) == len(matches)  # one match per symptom


def test_an_exact_name_wins_and_a_partial_reading_ranks_lower(shared_db: SymptomDB) -> None:
    knowledge, index = shared_db.knowledge, shared_db.name_index
    exact = find_symptoms(knowledge, index, "Ataxia")
    assert exact[0].id == "HP:0001251" and exact[0].score == 100.0
    both = find_symptoms(knowledge, index, "headache and fever", limit=5)
    assert {"HP:0002315", "HP:0001945"} <= {m.id for m in both[:3]}
    assert all(m.score < 98.0 for m in both)  # neither finding is the whole phrase


def test_empty_input_is_refused(shared_db: SymptomDB) -> None:
    with pytest.raises(QueryError):
        find_symptoms(shared_db.knowledge, shared_db.name_index, "   ")
