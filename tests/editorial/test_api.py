"""The editorial API: token auth, the workflow, conflicts, IDOR and validation, as JSON."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from symptomdb.context import SymptomDB
from symptomdb.db.editorial_models import Article, Rating
from symptomdb.editorial import accounts
from symptomdb.editorial.schemas import CurrentUser
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, Visitor, make_user, visitor


def _token(db: SymptomDB, user: CurrentUser) -> dict[str, str]:
    with db.sessions.begin() as session:
        return {"Authorization": f"Bearer {accounts.create_api_token(session, user).token}"}


def _client(app: FastAPI) -> TestClient:
    return Visitor(app).client


def test_no_or_bad_token_is_401(web_app: FastAPI) -> None:
    api = _client(web_app)
    missing = api.get("/api/v1/me")
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "not_signed_in"
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert api.get("/api/v1/me", headers={"Authorization": "Bearer sdb_forged"}).status_code == 401
    assert (
        api.post(
            "/api/v1/articles", json={"condition_id": "ORPHA:1183", "title": "T", "body": "B"}
        ).status_code
        == 401
    )


def test_session_cookies_do_not_authorise_api_writes(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    browser = visitor(web_app, author)  # signed in with a cookie, but no token
    response = browser.client.post(
        "/api/v1/articles", json={"condition_id": "ORPHA:1183", "title": "T", "body": "B"}
    )
    assert response.status_code == 401


def test_the_workflow_through_the_api(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    api = _client(web_app)
    as_author, as_editor = _token(web_db, author), _token(web_db, editor)
    draft = {
        "condition_id": "ORPHA-1183",
        "title": "API article",
        "body": ARTICLE_BODY,
        "references": ARTICLE_REFERENCES,
    }
    created = api.post("/api/v1/articles", json=draft, headers=as_author)
    assert created.status_code == 201, created.text
    article = created.json()
    assert article["condition_id"] == "ORPHA:1183" and article["version"] == 1 and article["problems"] == []
    edit = {
        "base_version": 1,
        "title": "API article",
        "body": ARTICLE_BODY + "\nMore.",
        "references": ARTICLE_REFERENCES,
    }
    assert api.put(f"/api/v1/articles/{article['id']}", json=edit, headers=as_author).json()["version"] == 2
    stale = api.put(f"/api/v1/articles/{article['id']}", json={**edit, "body": "stale"}, headers=as_editor)
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "edit_conflict" and stale.json()["error"]["current_version"] == 2
    assert api.get(f"/api/v1/articles/{article['id']}").status_code == 404  # not published yet
    submitted = api.post(
        f"/api/v1/articles/{article['id']}/submit", json={"base_version": 2}, headers=as_author
    )
    assert submitted.json()["status"] == "in_review"
    refused = api.post(
        f"/api/v1/articles/{article['id']}/publish", json={"base_version": 2}, headers=as_author
    )
    assert refused.status_code == 403
    published = api.post(
        f"/api/v1/articles/{article['id']}/publish", json={"base_version": 2}, headers=as_editor
    )
    assert published.status_code == 200 and published.json()["published_revision"] == 2
    public = api.get(f"/api/v1/articles/{article['id']}").json()
    assert public["revision"] == 2 and public["author"]["account_id"] == author.id
    listed = api.get("/api/v1/articles", params={"condition": "ORPHA:1183"}).json()
    assert [a["id"] for a in listed] == [article["id"]]
    history = api.get(f"/api/v1/articles/{article['id']}/revisions").json()
    assert [r["number"] for r in history["revisions"]] == [2, 1]
    diff = api.get(f"/api/v1/articles/{article['id']}/diff", params={"from": 1, "to": 2}).json()
    assert any(line["kind"] == "added" and "More." in line["text"] for line in diff["lines"])


def test_idor_on_articles_and_ratings_is_refused(web_app: FastAPI, web_db: SymptomDB) -> None:
    owner, other, rated = (make_user(web_db.sessions, "author") for _ in range(3))
    api = _client(web_app)
    created = api.post(
        "/api/v1/articles",
        json={"condition_id": "ORPHA:1183", "title": "Owned", "body": ARTICLE_BODY},
        headers=_token(web_db, owner),
    ).json()
    as_other = _token(web_db, other)
    hijack = {"base_version": 1, "title": "Hijacked", "body": "x"}
    assert api.put(f"/api/v1/articles/{created['id']}", json=hijack, headers=as_other).status_code == 403
    assert api.get(f"/api/v1/articles/{created['id']}/working", headers=as_other).status_code == 404
    rating = api.put(
        f"/api/v1/authors/{rated.id}/rating", json={"stars": 5}, headers=_token(web_db, owner)
    ).json()
    stolen = api.put(f"/api/v1/ratings/{rating['id']}", json={"stars": 1}, headers=as_other)
    assert stolen.status_code == 403 and stolen.json()["error"]["code"] == "forbidden"
    assert (
        api.put(f"/api/v1/authors/{other.id}/rating", json={"stars": 5}, headers=as_other).status_code == 403
    )
    with web_db.sessions() as session:
        assert session.scalar(select(Article.title).where(Article.id == created["id"])) == "Owned"
        assert session.scalar(select(Rating.stars).where(Rating.id == rating["id"])) == 5


def test_comments_and_moderation_through_the_api(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    api = _client(web_app)
    as_author, as_editor = _token(web_db, author), _token(web_db, editor)
    article = api.post(
        "/api/v1/articles",
        json={
            "condition_id": "ORPHA:1183",
            "title": "Comments",
            "body": ARTICLE_BODY,
            "references": ARTICLE_REFERENCES,
        },
        headers=as_author,
    ).json()
    api.post(f"/api/v1/articles/{article['id']}/submit", json={"base_version": 1}, headers=as_author)
    api.post(f"/api/v1/articles/{article['id']}/publish", json={"base_version": 1}, headers=as_editor)
    comment = api.post(
        f"/api/v1/articles/{article['id']}/comments", json={"body": "<b>hi</b>"}, headers=as_editor
    )
    assert comment.status_code == 201 and "&lt;b&gt;" in comment.json()["body_html"]
    flagged = api.post(
        f"/api/v1/comments/{comment.json()['id']}/flag", json={"reason": "x"}, headers=as_author
    )
    assert flagged.json()["flag_count"] == 1
    queue = api.get("/api/v1/moderation/queue", headers=as_editor).json()
    assert [item["comment"]["id"] for item in queue["flagged"]] == [comment.json()["id"]]
    assert api.get("/api/v1/moderation/queue", headers=as_author).status_code == 403
    denied = api.post(
        f"/api/v1/comments/{comment.json()['id']}/moderate", json={"action": "hide"}, headers=as_author
    )
    assert denied.status_code == 403
    needs_reason = api.post(
        f"/api/v1/comments/{comment.json()['id']}/moderate", json={"action": "delete"}, headers=as_editor
    )
    assert needs_reason.status_code == 422 and "reason" in needs_reason.json()["error"]["message"]
    listed = api.get(f"/api/v1/articles/{article['id']}/comments").json()
    assert [c["id"] for c in listed] == [comment.json()["id"]]


def test_invalid_and_oversized_requests(web_app: FastAPI, web_db: SymptomDB) -> None:
    author, rated = make_user(web_db.sessions, "author"), make_user(web_db.sessions, "author")
    api = _client(web_app)
    headers = _token(web_db, author)
    bad = api.put(f"/api/v1/authors/{rated.id}/rating", json={"stars": 6}, headers=headers)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
    huge = api.post(
        "/api/v1/articles",
        json={"condition_id": "ORPHA:1183", "title": "T", "body": "x" * 100_000},
        headers=headers,
    )
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "payload_too_large"
    with web_db.sessions() as session:
        assert session.scalar(select(Article.id)) is None


def test_the_openapi_document_lists_the_editorial_api(web_app: FastAPI) -> None:
    paths = _client(web_app).get("/api/openapi.json").json()["paths"]
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/authors/{author_id}/rating"} <= set(
        paths
    )
