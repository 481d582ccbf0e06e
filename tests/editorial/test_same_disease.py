"""Articles follow the disease, not the entry: an article written for one of two entries that MONDO
calls the same disease (OMIM:154700 and ORPHA:558, Marfan syndrome) shows on both condition pages and
in the API's listing for either id, saying which entry it was written for."""

from __future__ import annotations

import re

from fastapi import FastAPI
from sqlalchemy import event

from symptomdb.context import SymptomDB
from symptomdb.editorial import articles
from symptomdb.editorial.schemas import CurrentUser
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, Visitor, make_user, visitor

OMIM = "/conditions/OMIM-154700/marfan-syndrome"
ORPHA = "/conditions/ORPHA-558/marfan-syndrome"
NOTE = "Written for OMIM:154700, the same disease per MONDO"


def _article(
    db: SymptomDB, author: CurrentUser, condition: str, title: str, editor: CurrentUser | None = None
) -> int:
    """A draft, or (with an editor) a published article."""
    with db.sessions.begin() as session:
        article = articles.create_article(
            session, author, condition, title, ARTICLE_BODY, ARTICLE_REFERENCES, "About Marfan syndrome.",
            known_condition=db.knowledge.normalise_condition_id,
        )  # fmt: skip
        if editor is not None:
            articles.submit_for_review(session, author, article.id, 1)
            articles.publish(session, editor, article.id, 1)
    return article.id


def _card(page: str, title: str) -> str:
    match = re.search(r'<article class="article-card".*?</article>', page[page.index(title) - 400 :], re.S)
    assert match, title
    return match.group(0)


def test_the_pages_of_both_entries_show_the_article_and_say_which_it_was_written_for(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    assert web_db.knowledge.condition("ORPHA:558").equivalent_ids == ["OMIM:154700"]
    author = make_user(web_db.sessions, "author", name="Dr Twin Writer")
    editor = make_user(web_db.sessions, "editor")
    article_id = _article(web_db, author, "OMIM:154700", "Living with Marfan syndrome", editor)
    _article(web_db, author, "OMIM:154700", "An unfinished draft")
    reader = visitor(web_app, make_user(web_db.sessions, name="Rita Reader"))
    assert reader.post(f"/authors/{author.id}/rating", {"stars": "4"}).status_code == 303
    anonymous = Visitor(web_app)
    own, twin = anonymous.get(OMIM), anonymous.get(ORPHA)
    assert own.status_code == twin.status_code == 200
    for page in (own, twin):
        card = _card(page.text, "Living with Marfan syndrome")
        assert f'href="/articles/{article_id}/living-with-marfan-syndrome"' in card
        for text in ("Dr Twin Writer", "Rated 4.0 out of 5 by 1 reader", "0 comments"):
            assert text in card, text
        assert "An unfinished draft" not in page.text
    assert NOTE in re.sub(r"<[^>]+>", "", _card(twin.text, "Living with Marfan syndrome"))
    assert 'href="/conditions/OMIM-154700"' in _card(twin.text, "Living with Marfan syndrome")
    assert NOTE not in own.text  # on its own entry's page it needs no note
    assert "Written for" not in anonymous.get("/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome").text


def test_the_api_lists_the_article_for_either_id(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    published = _article(web_db, author, "ORPHA:558", "Marfan syndrome explained", editor)
    _article(web_db, author, "ORPHA:558", "A draft nobody may see")
    api = Visitor(web_app).client
    for condition in ("ORPHA:558", "OMIM:154700", "omim-154700", "MONDO:0007947"):
        listed = api.get("/api/v1/articles", params={"condition": condition})
        assert listed.status_code == 200
        assert [(a["id"], a["condition_id"]) for a in listed.json()] == [(published, "ORPHA:558")], condition
        assert listed.json()[0]["equivalent_entry"] is condition.upper().startswith(("OMIM", "MONDO"))
    assert api.get("/api/v1/articles", params={"condition": "ORPHA:1183"}).json() == []
    assert api.get("/api/v1/articles", params={"condition": "OMIM:999999999"}).json() == []


def test_withdrawn_articles_leave_both_pages(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    article_id = _article(web_db, author, "OMIM:154700", "Soon withdrawn", editor)
    with web_db.sessions.begin() as session:
        articles.withdraw(session, author, article_id)
    api = Visitor(web_app).client
    assert api.get("/api/v1/articles", params={"condition": "ORPHA:558"}).json() == []
    assert "Soon withdrawn" not in Visitor(web_app).get(ORPHA).text


def test_articles_of_every_equivalent_id_come_from_one_query(web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    first = _article(web_db, author, "OMIM:154700", "Written for the OMIM entry", editor)
    second = _article(web_db, author, "ORPHA:558", "Written for the Orphanet entry", editor)
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if re.search(r"\bFROM article\b", statement):
            statements.append(statement)

    event.listen(web_db.engine, "before_cursor_execute", record)
    try:
        with web_db.sessions() as session:
            listed = articles.published_articles_for(session, "ORPHA:558", knowledge=web_db.knowledge)
    finally:
        event.remove(web_db.engine, "before_cursor_execute", record)
    assert sorted(a.id for a in listed) == [first, second]
    assert len(statements) == 1 and " IN " in statements[0]
    by_id = {a.id: a for a in listed}
    assert by_id[first].condition_id == "OMIM:154700" and by_id[first].equivalent_entry
    assert by_id[second].condition_id == "ORPHA:558" and not by_id[second].equivalent_entry
    with web_db.sessions() as session:
        assert articles.published_articles_for(session, "no such id", knowledge=web_db.knowledge) == []


def test_listings_show_the_published_revision_own_entry_first(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    twin = _article(web_db, author, "OMIM:154700", "Reviewed title", editor)
    own = _article(web_db, author, "ORPHA:558", "The Orphanet entry's article", editor)
    with web_db.sessions.begin() as session:  # an unreviewed edit must not reach readers
        articles.update_article(
            session, author, twin, 1, title="Unreviewed title", body=ARTICLE_BODY,
            references=ARTICLE_REFERENCES, summary="Unreviewed summary.",
        )  # fmt: skip
    listed = Visitor(web_app).client.get("/api/v1/articles", params={"condition": "ORPHA:558"}).json()
    assert [(a["id"], a["title"], a["equivalent_entry"]) for a in listed] == [
        (own, "The Orphanet entry's article", False),
        (twin, "Reviewed title", True),
    ]
    assert listed[1]["summary"] == "About Marfan syndrome."
    page = Visitor(web_app).get(ORPHA).text
    assert "Reviewed title" in page and "Unreviewed" not in page
