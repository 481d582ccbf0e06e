from __future__ import annotations

import pytest

from symptomdb.context import SymptomDB
from symptomdb.search.acronyms import CompoundSplitter, combining_forms
from symptomdb.search.normalise import tokens
from symptomdb.search.resolve import LETTERS_ONLY_FACTOR, resolve

PKU = {"OMIM:261600", "ORPHA:716"}
SODOKU = "DOID:12096"


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return CompoundSplitter(combining_forms(), ["histiocytosis", "dystrophy", "tendinous", "humeral"])


def test_combining_forms_are_read_from_the_data_file() -> None:
    forms = combining_forms()
    assert {"adreno", "leuko", "phenyl", "keton", "muco", "poly", "facio", "scapulo", "lympho"} <= forms
    assert all(len(f) >= 3 and f.isalpha() and f.islower() for f in forms)


def test_type_numbers_with_subtype_letters_are_one_token() -> None:
    assert tokens("MPS I-H")[-1] == tokens("mucopolysaccharidosis Ih")[-1] == tokens("type 1-H")[-1] == "1h"
    assert (
        tokens("Mucopolysaccharidosis type IIIA")[-1] == tokens("mucopolysaccharidosis type 3A")[-1] == "3a"
    )
    assert tokens("MPS IVA") == ["mps", "4a"] and tokens("type iiib") == ["type", "3b"]
    assert tokens("mucopolysaccharidosis Ih/s")[-1] == "1hs"  # Hurler-Scheie is not Hurler
    # Without a word before it, or a lone I before a capital, it is a word or an abbreviation.
    assert tokens("IVA") == ["iva"] and tokens("ID") == ["id"] and tokens("If it") == ["if", "it"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Phenylketonuria", "pku"),
        ("Adrenoleukodystrophy", "ald"),
        ("Metachromatic leukodystrophy", "mld"),
        ("Hemophagocytic lymphohistiocytosis", "hlh"),
        ("Facioscapulohumeral muscular dystrophy", "fshmd"),
        ("Facioscapulohumeral dystrophy", "fshd"),
        ("Mucopolysaccharidosis, type II", "mps"),
        ("Alpha-1-antitrypsin deficiency", "aatd"),
        ("X-linked adrenoleukodystrophy", "xald"),  # "linked" after X may give no letter
        ("X-linked adrenoleukodystrophy", "xlald"),
        ("Cerebrotendinous xanthomatosis", "ctx"),  # "cerebro" + a word of the vocabulary
    ],
)
def test_acronyms_from_the_parts_of_compound_words(
    splitter: CompoundSplitter, name: str, expected: str
) -> None:
    assert expected in splitter.acronyms(name)


def test_part_acronyms_leave_plain_initials_and_non_compounds_alone(splitter: CompoundSplitter) -> None:
    assert splitter.acronyms("Marfan syndrome") == set()  # nothing to split; "ms" is the plain acronym
    assert "ms" not in splitter.acronyms("Metachromatic leukodystrophy")  # every acronym splits a word
    assert splitter.part_initials("neuritis") == ()  # a suffix is not a second part
    assert splitter.part_initials("adrenal") == ()  # "al" is too short to be a part


def test_an_unlisted_o_form_must_lead_several_words_of_the_vocabulary() -> None:
    vocabulary = ["cation", "ration", "digital", "nasal", "oculodigital", "oculonasal", "dislocation"]
    splitter = CompoundSplitter([], vocabulary)
    assert splitter.part_initials("oculodigital") == ("od",)  # "oculo" leads two words
    assert splitter.part_initials("dislocation") == ()  # "dislo" leads one: not a form
    long_name = "Hyperphenylalaninemia due to tetrahydrobiopterin deficiency"
    assert all(len(a) <= 8 for a in splitter.acronyms(long_name))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("PKU", PKU),
        ("pku", PKU),
        ("what diet is needed for PKU?", PKU),
        ("MLD", {"ORPHA:512", "OMIM:250100"}),  # metachromatic leukodystrophy
        ("CTX", {"ORPHA:909", "OMIM:213700"}),  # cerebro|tendinous xanthomatosis
        ("ctx", {"ORPHA:909", "OMIM:213700"}),  # names have "CTx", never the word "ctx"
        ("A-T", {"OMIM:208900", "ORPHA:100"}),  # ataxia-telangiectasia: hyphenated parts are words
        ("AATD", {"OMIM:613490", "ORPHA:60"}),  # alpha-1-antitrypsin deficiency
        ("FSHD", {"ORPHA:269", "OMIM:158900"}),  # facioscapulohumeral dystrophy
        ("X-ALD", {"ORPHA:43"}),  # X-linked adrenoleukodystrophy
        ("what is X-ALD?", {"ORPHA:43"}),  # not "ALD" alone
        ("my son has A-T, will it get worse?", {"OMIM:208900", "ORPHA:100"}),
        ("MPS II", {"OMIM:309900", "ORPHA:580"}),  # mucopolysaccharidosis type II
        ("MPS 2", {"OMIM:309900", "ORPHA:580"}),
        ("MPS2", {"OMIM:309900", "ORPHA:580"}),  # the number written onto the letters
        ("SMA1", {"OMIM:253300"}),  # spinal muscular atrophy type I (word initials, glued number)
        ("MPS I-H", {"OMIM:607014", "ORPHA:93473"}),  # Hurler: "mucopolysaccharidosis Ih", not I-H/S
        ("mucopolysaccharidosis type I-H", {"OMIM:607014", "ORPHA:93473"}),
        ("what is MPS I-H?", {"OMIM:607014", "ORPHA:93473"}),  # "I-H" is a type, not an abbreviation
        ("MPS IIIA", {"OMIM:252900"}),  # nor "IIIA" (of "Usher syndrome, type IIIA")
    ],
)
def test_acronyms_of_compound_words_find_the_condition_first(
    shared_db: SymptomDB, query: str, expected: set[str]
) -> None:
    top = resolve(shared_db.name_index, query, limit=3, kinds=("condition",))
    assert top and top[0].id in expected, top


def test_part_acronyms_rank_below_word_initials(shared_db: SymptomDB) -> None:
    # "ALD" is adenylosuccinate lyase deficiency by its words' initials, adrenoleukodystrophy by its
    # word's parts: both are found, the word initials first.
    matches = resolve(shared_db.name_index, "ALD", limit=5, kinds=("condition",))
    ids = [m.id for m in matches]
    assert "OMIM:300100" in ids or "ORPHA:43" in ids
    assert matches[0].name == "Adenylosuccinate lyase deficiency"
    assert matches[0].score > max(m.score for m in matches if "adrenoleukodystrophy" in m.name.lower())


def test_an_abbreviation_ranks_names_sharing_only_its_letters_last(shared_db: SymptomDB) -> None:
    ceiling = 100 * LETTERS_ONLY_FACTOR
    for query in ("PKU", "pku", "what is pku?"):  # in lower case too: no name has "pku" as a word
        matches = resolve(shared_db.name_index, query, limit=20)
        assert "phenylketonuria" in matches[0].name.lower(), (query, matches[0])
        letters_only = [m for m in matches if m.id == SODOKU or "Anti-Ku" in m.name]  # "ku" is not "pku"
        assert all(m.score <= ceiling for m in letters_only), (query, letters_only)
    # Not a piece of a word ("progressiva"), nor a type written after a name ("Mucopolysaccharidosis IVA").
    iva = resolve(shared_db.name_index, "IVA", limit=20, kinds=("condition",))
    pieces = {"Mucopolysaccharidosis IVA", "Fibrodysplasia ossificans progressiva"}
    assert all(m.score <= ceiling for m in iva if m.name in pieces), iva
    # Nothing abbreviated "QZXW": names that merely share letters only fill the list, far below.
    assert all(m.score <= ceiling for m in resolve(shared_db.name_index, "QZXW", limit=10))
    # A name typed in capitals is still a name, and a misspelt one is still found.
    marfan = resolve(shared_db.name_index, "MARFAN", limit=1, kinds=("condition",))[0]
    assert marfan.id in {"OMIM:154700", "ORPHA:558"} and marfan.score > ceiling


def test_words_of_a_name_in_capitals_are_not_abbreviations(shared_db: SymptomDB) -> None:
    # "FANCONI ANEMIA, COMPLEMENTATION GROUP U" is written in capitals; "anemia" does not abbreviate it.
    top = resolve(shared_db.name_index, "anemia", limit=3, kinds=("condition",))
    assert all(m.matched_name != "FANCONI ANEMIA, COMPLEMENTATION GROUP U" for m in top), top


def test_a_lower_case_word_of_names_is_not_read_as_a_part_acronym(shared_db: SymptomDB) -> None:
    index = shared_db.name_index
    word = next(k for k in index.part_acronyms if len(k) >= 4 and k in index.plain_words and k.isalpha())
    assert index.candidates_acronym(word.upper())  # typed in capitals it is an abbreviation
    parts = set(index.part_acronyms[word]) - set(index.acronyms.get(word, []))
    assert not parts & set(index.candidates_acronym(word))
