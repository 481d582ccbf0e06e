"""Tokenising and the morphology the lexicon relies on."""

from __future__ import annotations

import pytest

from symptomdb.text.normalise import fold, stem, tokenize


@pytest.mark.parametrize(
    ("variant", "base"),
    [
        ("seizures", "seizure"),
        ("phalanges", "phalanx"),
        ("vertebrae", "vertebra"),
        ("stenoses", "stenosis"),
        ("anomalies", "anomaly"),
        ("kidneys", "kidney"),
        ("teeth", "tooth"),
        ("schwannomas", "schwannoma"),
        ("colobomata", "coloboma"),
        ("enlarged", "enlargement"),
        ("hypoplastic", "hypoplasia"),
        ("scoliotic", "scoliosis"),
        ("ataxic", "ataxia"),
        ("microcephalic", "microcephaly"),
        ("hypotonic", "hypotonia"),
        ("dysplastic", "dysplasia"),
        ("atretic", "atresia"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("tumours", "tumor"),
        ("naevus", "nevus"),
        ("aetiology", "etiology"),
        ("amenorrhoea", "amenorrhea"),
        ("paraesthesia", "paresthesia"),
        ("diseases", "disease"),  # not "-ases" → "-asis" (metastases)
        ("increases", "increase"),
        ("metastases", "metastasis"),
        ("generalised", "generalized"),
        ("obese", "obesity"),
        ("dominantly", "dominant"),
        ("jerking", "jerks"),
        ("heterogeneity", "heterogeneous"),
        ("dislocation", "dislocated"),
        ("dysmorphism", "dysmorphic"),
        ("prognathism", "prognathic"),
        ("calcification", "calcified"),
        ("retraction", "retracted"),
        ("hyperpigmentation", "hyperpigmented"),
        ("intracranial", "cranial"),  # "intra-" adds nothing to the location word
        ("intrascleral", "scleral"),
        ("highly", "high"),  # short adverbs ("the palate is highly arched")
        ("slowly", "slow"),
        ("prominence", "prominent"),  # nouns of state ≈ adjectives
        ("deficiency", "deficient"),
        ("protuberance", "protuberant"),
    ],
)
def test_inflections_and_derivations_share_a_stem(variant: str, base: str) -> None:
    assert stem(fold(variant)) == stem(fold(base))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("spine", "spinning"),
        ("ear", "eye"),
        ("arm", "army"),
        ("gas", "ga"),
        ("negativism", "negative"),
        ("ear", "early"),
        ("family", "fami"),
    ],
)
def test_unrelated_words_keep_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_fold_strips_accents_and_ligatures() -> None:
    assert fold("Café-au-lait Œdème") == "cafe-au-lait oedeme"


def test_tokens_keep_exact_spans() -> None:
    text = "Brachydactyly type A-1 (BDA1), pre-auricular pits; my son's eyes can't focus."
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    keys = [t.key for t in tokens if t.kind == "word"]
    assert keys[:4] == ["brachydactyl", "type", "a", "1"]  # "A-1" and "A1" give the same keys
    assert "preauricular" in [t.lower for t in tokens]  # hyphenated prefix joined
    assert "cannot" in keys and "son" in keys


def test_roman_numerals_after_type_words() -> None:
    assert [t.key for t in tokenize("type II")] == ["type", "2"]
    assert tokenize("I have")[0].key == "i"


def test_a_spaced_plus_between_words_reads_as_and() -> None:
    tokens = tokenize("knees + wrists aching, cramps ++, ANA +ve, 21+ days")
    plus = [t for t in tokens if t.text == "+"]
    assert [t.lower for t in plus] == ["and", "+", "+", "+", "+"]
    assert plus[0].kind == "word" and plus[0].stop
