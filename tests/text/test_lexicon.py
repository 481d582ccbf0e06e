"""The lexicon and its reviewed data files."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.lexicon import (
    build_lexicon,
    get_lexicon,
    key_of,
    read_exclusions,
    read_lay_lexicon,
    term_scope,
)
from symptomdb.text.normalise import tokenize, word_equivalents


def test_every_lay_lexicon_row_names_a_current_term_in_scope(knowledge: Knowledge) -> None:
    scope = term_scope(knowledge)
    entries = read_lay_lexicon()
    assert len(entries) >= 300
    ids_by_phrase: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        term = knowledge.terms.get(entry.hpo_id)
        assert term is not None, entry
        assert not term.is_obsolete and entry.hpo_id not in knowledge.alt_ids, entry
        assert entry.hpo_id in scope, entry
        assert entry.note == term.name, f"{entry.phrase}: note {entry.note!r} is not the label {term.name!r}"
        assert key_of(entry.phrase), entry
        ids_by_phrase[entry.phrase.lower()].add(entry.hpo_id)
    assert not {p: ids for p, ids in ids_by_phrase.items() if len(ids) > 1}


def test_word_equivalents_have_no_chains() -> None:
    table = word_equivalents()
    assert len(table) >= 50
    for variant, canonical in table.items():
        assert table.get(canonical, canonical) == canonical, f"{variant} → {canonical} → {table[canonical]}"


def test_exclusions_name_real_terms(knowledge: Knowledge) -> None:
    for term_id in read_exclusions():
        assert term_id in knowledge.terms


def test_scope_has_phenotypes_and_inheritance_but_not_the_roots(knowledge: Knowledge) -> None:
    lexicon = get_lexicon(knowledge)
    assert "HP:0001250" in lexicon.scope  # Seizure
    assert "HP:0000006" in lexicon.scope  # Autosomal dominant inheritance
    assert "HP:0003812" in lexicon.scope  # Phenotypic variability
    assert "HP:0000118" not in lexicon.scope and "HP:0003674" not in lexicon.scope
    assert "HP:0012823" not in lexicon.scope  # Clinical modifier: "mild", "severe" are not findings


def test_keys_are_word_order_insensitive(knowledge: Knowledge) -> None:
    lexicon = get_lexicon(knowledge)
    assert key_of("hypoplastic nails") == key_of("Hypoplasia of the nails") == key_of("nail hypoplasia")
    assert lexicon.lookup(key_of("nail hypoplasia"))


def test_get_lexicon_is_cached_per_process_and_on_disk(knowledge: Knowledge, tmp_path: Path) -> None:
    from symptomdb.text import lexicon as module

    assert get_lexicon(knowledge) is get_lexicon(knowledge)
    cache_dir = tmp_path
    module._cache.clear()
    built = get_lexicon(knowledge, cache_dir=cache_dir)
    files = list(cache_dir.glob("text-lexicon-*.pickle"))
    assert len(files) == 1
    module._cache.clear()
    loaded = get_lexicon(knowledge, cache_dir=cache_dir)
    assert loaded is not built and loaded.phrases == built.phrases


def test_build_from_a_custom_lay_lexicon(knowledge: Knowledge) -> None:
    from symptomdb.text.lexicon import LayEntry

    lexicon = build_lexicon(knowledge, [LayEntry("wibbly wobbly legs", "HP:0002317", "Unsteady gait")])
    assert lexicon.lookup(key_of("wobbly wibbly leg")) == ("HP:0002317",)


def test_lay_phrases_keep_their_content_words() -> None:
    """Stop words are dropped from keys, so a phrase like "the runs" would become "runs"; only phrases
    whose remaining word is itself a symptom word may shrink to one word."""
    shrunk = set()
    for entry in read_lay_lexicon():
        words = [t for t in tokenize(entry.phrase) if t.kind == "word"]
        if len(words) > 1 and len([t for t in words if not t.stop]) == 1:
            shrunk.add(entry.phrase)
    assert shrunk <= {"having fits", "very sleepy", "very thirsty", "very shy"}


def test_disease_eponyms_are_not_findings(knowledge: Knowledge) -> None:
    lexicon = get_lexicon(knowledge)
    assert not lexicon.lookup(key_of("Crouzon syndrome"))  # synonym of Craniofacial dysostosis
    assert not lexicon.lookup(key_of("Treacher Collins syndrome"))
    assert "HP:0004439" in lexicon.lookup(key_of("craniofacial dysostosis"))
    # common words before "syndrome"/"disease" are not eponyms
    assert "HP:0000217" in lexicon.lookup(key_of("dry mouth syndrome"))  # Xerostomia
    assert lexicon.lookup(key_of("long QT syndrome"))
