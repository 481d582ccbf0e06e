from __future__ import annotations

import pytest

from symptomdb.context import SymptomDB
from symptomdb.knowledge.service import NoConfidentMatchError, ask
from symptomdb.search.normalise import acronym, sound_key, strip_question, tokens, word_key
from symptomdb.search.resolve import QueryError, resolve, suggest

OMS = "ORPHA:1183"


def test_normalisation() -> None:
    assert tokens("α-Thalassemia, Δ type") == ["alpha", "thalassemia", "delta", "type"]
    assert tokens("SMA type two") == tokens("SMA type II") == ["sma", "type", "2"]
    assert tokens("one of two") == ["one", "of", "two"]  # number words only after "type", "class" ...
    assert tokens("Neurofibromatosis, Type II") == ["neurofibromatosis", "type", "2"]
    assert word_key("syndrome, opsoclonus-myoclonus") == word_key("Opsoclonus-myoclonus syndrome")
    assert acronym("Opsoclonus-myoclonus syndrome") == "oms"
    assert strip_question(tokens("What are the symptoms and treatment options for Marfan syndrome?")) == [
        "marfan",
        "syndrome",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "Opsoclonus-myoclonus syndrome",
        "opsoclonus myoclonus syndrome",
        "syndrome, opsoclonus-myoclonus",
        "opsoclonous myoclonis syndrom",
        "What are the symptoms and treatment options for opsoclonus-myoclonus syndrome?",
        "treatment of opsoclonus-myoclonus syndrome",
        "opsoclonus myoclonus syndrome symptoms",
        "ORPHA:1183",
        "MONDO:0015247",
    ],
)
def test_finds_opsoclonus_myoclonus_in_every_form(shared_db: SymptomDB, query: str) -> None:
    matches = resolve(shared_db.name_index, query, kinds=("condition",))
    assert matches[0].id == OMS
    assert matches[0].score >= 80


def test_abbreviation_finds_the_condition_among_top_matches(shared_db: SymptomDB) -> None:
    ids = [m.id for m in resolve(shared_db.name_index, "OMS", limit=5, kinds=("condition",))]
    assert OMS in ids


def test_an_ambiguous_abbreviation_prefers_the_condition_people_look_up(shared_db: SymptomDB) -> None:
    # "OMS" abbreviates opsoclonus-myoclonus and Oliver-McFarlane syndrome alike; the one with a
    # patient-facing NORD report comes first.
    index = shared_db.name_index
    assert resolve(index, "what is OMS?", limit=1, kinds=("condition",))[0].id == OMS
    assert resolve(index, "ALS", limit=1, kinds=("condition",))[0].name == "Amyotrophic lateral sclerosis"


def test_symptoms_by_lay_name_and_id(shared_db: SymptomDB) -> None:
    assert resolve(shared_db.name_index, "jerking", kinds=("symptom",))[0].id == "HP:0001336"
    assert resolve(shared_db.name_index, "HP:0002279")[0].id == "HP:0001250"  # alt id


def test_one_match_per_entity_with_the_matched_name(shared_db: SymptomDB) -> None:
    matches = resolve(shared_db.name_index, "marfan syndrome", limit=10)
    ids = [m.id for m in matches]
    assert len(ids) == len(set(ids))
    assert {"OMIM:154700", "ORPHA:558"} <= set(ids[:2])
    assert all(m.matched_name for m in matches)


def test_a_gene_symbol_finds_the_conditions_of_that_gene(shared_db: SymptomDB) -> None:
    index, knowledge = shared_db.name_index, shared_db.knowledge
    cftr = resolve(index, "CFTR", limit=5, kinds=("condition",))
    assert {m.id for m in cftr[:2]} == {"ORPHA:586", "OMIM:219700"}  # cystic fibrosis, named after it
    assert all(m.matched_name == "CFTR" for m in cftr)
    assert all("CFTR" in [g for g, _ in knowledge.conditions[m.id].genes] for m in cftr)
    assert {m.id for m in resolve(index, "VHL", limit=2)} == {"ORPHA:892", "OMIM:193300"}
    assert resolve(index, "what does the FBN1 gene cause?", limit=1)[0].id in {"OMIM:154700", "ORPHA:558"}
    # The gene in a name ("... due to NF1 mutation") is not an abbreviation of that name.
    assert resolve(index, "NF1", limit=1)[0].matched_name == "NF1"
    # A lower-case word that happens to be a gene symbol ranks after what its letters match.
    assert resolve(index, "kit", limit=1)[0].matched_name != "KIT"


def test_a_symptoms_exact_name_does_not_hide_conditions(shared_db: SymptomDB) -> None:
    # "Leukemia" is an HPO term; asked for conditions, the leukemias must still be found.
    matches = resolve(shared_db.name_index, "leukaemia", limit=5, kinds=("condition",))
    assert matches and all("leukemia" in m.name.lower() for m in matches)


def test_a_name_that_only_contains_the_query_ranks_by_how_much_else_it_says(shared_db: SymptomDB) -> None:
    top = resolve(shared_db.name_index, "diabetes", limit=1, kinds=("condition",))[0]
    assert top.name.lower().startswith("diabetes")


def test_a_distinctive_word_finds_a_longer_name(shared_db: SymptomDB) -> None:
    # "Steinert" is the one rare word of the query, and only one name has it (next to other words).
    top = resolve(shared_db.name_index, "Steinert disease", limit=1, kinds=("condition",))[0]
    assert top.id == "ORPHA:273"


def test_an_abbreviation_with_a_number_needs_an_entry_with_that_number(shared_db: SymptomDB) -> None:
    top = resolve(shared_db.name_index, "SMA type 1", limit=1, kinds=("condition",))[0]
    assert top.id == "OMIM:253300"  # Spinal muscular atrophy, type I (not the general entry)


def test_numbers_in_names_must_agree(shared_db: SymptomDB) -> None:
    for query, number in (("neurofibromatosys type 2", "2"), ("neurofibromatosis type one", "1")):
        top = resolve(shared_db.name_index, query.replace("one", "I"), kinds=("condition",))[0]
        assert number in tokens(top.name), top


@pytest.mark.parametrize("bad", ["", "   ", "?!?", "x" * 600])
def test_empty_or_absurd_queries_are_refused(shared_db: SymptomDB, bad: str) -> None:
    with pytest.raises(QueryError):
        resolve(shared_db.name_index, bad)


def test_hostile_text_is_just_text(shared_db: SymptomDB) -> None:
    for query in ["'; DROP TABLE condition; --", "<script>alert(1)</script>"]:
        assert isinstance(resolve(shared_db.name_index, query), list)


def test_suggest_prefixes(shared_db: SymptomDB) -> None:
    names = [m.name for m in suggest(shared_db.name_index, "opsoclon")]
    assert "Opsoclonus-myoclonus syndrome" in names and "Opsoclonus" in names


@pytest.mark.parametrize(
    "query",
    [
        "what is the treatment of xyzzyqq disease?",  # was "cerebellar disease" at 80.5
        "zzzz syndrome",  # was "C syndrome" at 80.5
        "Blorfman syndrome",  # was "Roifman syndrome" at 84.8
        "type 7 qwertitis",  # was "Mucopolysaccharidosis type 7" at 80.6
        "Flumpington disease",  # was "Upington disease" at 92.8
        "kitchen table syndrome",
        "my son has plixitis, is it genetic?",
    ],
)
def test_a_word_that_no_name_has_keeps_every_answer_unsure(shared_db: SymptomDB, query: str) -> None:
    matches = resolve(shared_db.name_index, query)
    assert not matches or matches[0].score < 80, matches[0]
    with pytest.raises(NoConfidentMatchError):
        ask(shared_db.knowledge, shared_db.name_index, query)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Roifman syndrome", "Roifman syndrome"),
        ("roifmann syndrome", "Roifman syndrome"),
        ("C syndrome", "C syndrome"),
        ("Upington disease", "Upington disease"),
        ("marfans syndrom", "Marfan syndrome"),
        ("Seckel syndroe 2", "Seckel syndrome 2"),  # a letter less: not an unknown word
        ("buritt lypmhoma", "Burkitt lymphoma"),  # two letters swapped
        ("fish eye desease", "Fish-eye disease"),
        ("why are people with Prader-Willi syndrome always hungry?", "Prader-Willi syndrome"),
        ("my doctor thinks it might be Noonan syndrome", "Noonan syndrome"),
    ],
)
def test_names_misspelt_or_asked_about_are_still_answered(
    shared_db: SymptomDB, query: str, name: str
) -> None:
    top = resolve(shared_db.name_index, query, kinds=("condition",))[0]
    assert top.name == name and top.score >= 80, top


def test_unknown_words_are_the_words_like_no_names_word(shared_db: SymptomDB) -> None:
    index = shared_db.name_index
    assert index.unknown_words("what is the treatment of xyzzyqq disease?") == ["xyzzyqq"]
    assert index.unknown_words("Blorfman syndrome type 2") == ["blorfman"]  # 2 edits from "Dorfman"
    # Typos and spelling variants of names' words, abbreviations, numbers and question words are known.
    assert index.unknown_words("ataksia telangiectasia") == []
    assert index.unknown_words("muscular dystrofy") == []
    assert index.unknown_words("what does my doctor mean by PKU type 2?") == []


def test_sound_key_joins_spellings_that_sound_alike() -> None:
    assert sound_key("dystrofy") == sound_key("dystrophy")
    assert sound_key("ataksia") == sound_key("ataxia")
    assert sound_key("tumour") == sound_key("tumor")
    assert sound_key("blorfman") != sound_key("dorfman")
