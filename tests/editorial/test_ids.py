"""Ids and numbers in addresses, bodies and forms that are no database integer: a clear answer, not a 500."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import func, select

from symptomdb.context import SymptomDB
from symptomdb.db.editorial_models import Comment, Rating
from symptomdb.editorial import accounts, articles
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, Visitor, make_user, visitor

HUGE = "9" * 25  # far past any database integer (SQLite: 64-bit; PostgreSQL: 32-bit)


def test_huge_ids_in_page_addresses_are_422(web_app: FastAPI, web_db: SymptomDB) -> None:
    anonymous = Visitor(web_app)
    for path in (
        f"/articles/{HUGE}",
        f"/articles/{HUGE}/a-title",
        f"/authors/{HUGE}",
        f"/authors/{HUGE}/photo",
    ):
        response = anonymous.get(path)
        assert response.status_code == 422, path
        assert "not valid" in response.text
    reader = visitor(web_app, make_user(web_db.sessions))
    rated = reader.post(f"/authors/{HUGE}/rating", {"stars": "4"})
    assert rated.status_code == 422
    assert reader.post(f"/comments/{2**31}/flag", {"reason": "spam"}).status_code == 422


def test_huge_ids_in_api_addresses_and_bodies_are_422(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    with web_db.sessions.begin() as session:
        headers = {"Authorization": f"Bearer {accounts.create_api_token(session, author).token}"}
    api = Visitor(web_app).client
    for path in (f"/api/v1/articles/{HUGE}", f"/api/v1/authors/{HUGE}", f"/api/v1/articles/{HUGE}/comments"):
        response = api.get(path)
        assert response.status_code == 422, path
        assert response.json()["error"]["code"] == "invalid_request"
    comment = api.post(
        "/api/v1/articles/1/comments", json={"body": "Hi", "parent_id": 10**20}, headers=headers
    )
    assert comment.status_code == 422 and "parent_id" in comment.json()["error"]["message"]
    step = api.post("/api/v1/articles/1/submit", json={"base_version": 10**20}, headers=headers)
    assert step.status_code == 422 and "base_version" in step.json()["error"]["message"]
    assert api.get("/api/v1/articles/123456").status_code == 404  # an ordinary unknown id is still 404


def test_digits_that_are_not_numbers_in_forms_are_refused_clearly(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    """ "²" passes str.isdigit() but int() refuses it: each numeric form field answers a page, not a 500."""
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    with web_db.sessions.begin() as session:
        article = articles.create_article(
            session, author, "ORPHA:1183", "OMS for families", ARTICLE_BODY, ARTICLE_REFERENCES,
            known_condition=web_db.knowledge.normalise_condition_id,
        )  # fmt: skip
    writer = visitor(web_app, author)
    edit = {"title": "OMS for families", "body": ARTICLE_BODY, "references": ARTICLE_REFERENCES}
    saved = writer.post(f"/articles/{article.id}/edit", {**edit, "base_version": "²"})
    assert saved.status_code == 409
    assert writer.post(f"/articles/{article.id}/submit", {"base_version": "²"}).status_code == 409
    assert writer.post(f"/articles/{article.id}/submit", {"base_version": "1"}).status_code == 303
    reviewer = visitor(web_app, editor)
    assert reviewer.post(f"/articles/{article.id}/publish", {"base_version": "²"}).status_code == 409
    assert reviewer.post(f"/articles/{article.id}/publish", {"base_version": "1"}).status_code == 303
    reader = visitor(web_app, make_user(web_db.sessions))
    rating = reader.post(f"/authors/{author.id}/rating", {"stars": "²"})
    assert rating.status_code == 422 and "1 to 5" in rating.text
    comment = reader.post(f"/articles/{article.id}/comments", {"body": "Thank you", "parent_id": "²"})
    assert comment.status_code == 303  # posted as a comment of its own, as for any other non-number
    with web_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Rating)) == 0
        assert session.scalar(select(Comment.parent_id)) is None
