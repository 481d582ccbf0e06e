"""Ids in addresses and bodies that no database integer can hold are a clear 422, never a server error."""

from __future__ import annotations

from fastapi import FastAPI

from symptomdb.context import SymptomDB
from symptomdb.editorial import accounts
from tests.editorial.conftest import Visitor, make_user, visitor

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
