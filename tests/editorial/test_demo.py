"""The sample article says only what the open data record, and cites it."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session, sessionmaker

from symptomdb.editorial import articles, demo
from symptomdb.editorial.references import citation_problems, parse_references
from symptomdb.knowledge.store import Knowledge


def test_every_named_feature_has_the_stated_frequency_in_the_hpo_annotations(knowledge: Knowledge) -> None:
    condition = knowledge.conditions[demo.CONDITION_ID]
    annotated = {a.hpo_id: a for a in condition.annotations if a.aspect == "P" and not a.negated}
    for hpo_id, band in demo.CLAIMS:
        assert hpo_id in annotated, hpo_id
        assert annotated[hpo_id].frequency_raw == band, hpo_id
        assert demo.ANNOTATION_SOURCE in annotated[hpo_id].references
    # Every very frequent feature of the data is in the article.
    very_frequent = {h for h, a in annotated.items() if a.frequency_raw == demo.VERY_FREQUENT}
    assert very_frequent == {h for h, band in demo.CLAIMS if band == demo.VERY_FREQUENT}
    # The article claims nothing about course, onset or inheritance: the data have none.
    assert all(a.aspect == "P" for a in condition.annotations)


def test_diagnostic_and_treatment_statements_match_maxo(knowledge: Knowledge) -> None:
    for hpo_id, maxo_id in demo.DIAGNOSTIC_CLAIMS:
        assert maxo_id in {p.maxo_id for p in knowledge.diagnostics.get(hpo_id, [])}, (hpo_id, maxo_id)
    # "The curated medical-action data have no entries for this condition yet."
    assert knowledge.conditions[demo.CONDITION_ID].medical_actions == []


def test_the_article_cites_only_the_data_it_restates(knowledge: Knowledge) -> None:
    references = parse_references(demo.references(knowledge))
    assert citation_problems(demo.BODY, references) == []
    assert references[0].identifier == demo.ANNOTATION_SOURCE
    release_urls = {r.url for r in knowledge.releases}
    for reference in references[1:4]:
        assert reference.url in release_urls
    hpo = knowledge.release("hpo")
    assert hpo is not None and hpo.version in references[1].text
    assert "GARD:0010009" in {x for x, _ in knowledge.conditions[demo.CONDITION_ID].xrefs}
    # No PubMed id is cited: neither the HPO annotations nor MAxO cite one for this condition.
    pmids = {
        r
        for a in knowledge.conditions[demo.CONDITION_ID].annotations
        for r in a.references
        if r.startswith("PMID")
    }
    assert pmids == set() and not re.search(r"PMID", demo.references(knowledge))


def test_demo_load_is_marked_idempotent_and_removable(
    sessions: sessionmaker[Session], knowledge: Knowledge
) -> None:
    with sessions.begin() as session:
        first = demo.load_demo(session, knowledge)
    with sessions.begin() as session:
        again = demo.load_demo(session, knowledge)
    assert first.loaded and not again.loaded and again.article_id == first.article_id
    with sessions() as session:
        (listed,) = articles.published_articles_for(session, demo.CONDITION_ID, knowledge=knowledge)
        published = articles.get_published(session, listed.id)
    assert published.author.is_sample and "sample" in published.title.lower()
    assert "Sample content." in published.body_html
    assert published.references[0].url == "https://www.orpha.net/en/disease/detail/1183"
    with sessions.begin() as session:
        assert demo.remove_demo(session)
    with sessions() as session:
        assert articles.published_articles_for(session, demo.CONDITION_ID, knowledge=knowledge) == []
