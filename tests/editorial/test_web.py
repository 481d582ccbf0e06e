"""Editorial pages over HTTP: sign-in, CSRF, the review workflow, comments, ratings and the condition page."""

from __future__ import annotations

import re

from fastapi import FastAPI
from sqlalchemy import func, select

from symptomdb.context import SymptomDB
from symptomdb.db.editorial_models import Article, Comment, Rating
from symptomdb.editorial import articles, comments, ratelimit
from symptomdb.editorial.schemas import CurrentUser
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, PASSWORD, Visitor, make_user, visitor

OMS = "/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"


def _published(
    db: SymptomDB, author: CurrentUser, editor: CurrentUser, title: str = "OMS for families"
) -> int:
    with db.sessions.begin() as session:
        article = articles.create_article(
            session, author, "ORPHA:1183", title, ARTICLE_BODY, ARTICLE_REFERENCES, "A short summary.",
            known_condition=db.knowledge.normalise_condition_id,
        )  # fmt: skip
        articles.submit_for_review(session, author, article.id, 1)
        articles.publish(session, editor, article.id, 1)
    return article.id


def test_sign_in_sets_a_secure_httponly_samesite_session_cookie(web_app: FastAPI, web_db: SymptomDB) -> None:
    user = make_user(web_db.sessions, email="cookie@example.org")
    browser = Visitor(web_app)
    first = browser.client.get("/account/sign-in")
    anon = first.headers["set-cookie"].lower()
    assert "sdb_csrf=" in anon and "httponly" in anon and "secure" in anon and "samesite=lax" in anon
    response = browser.sign_in(user.email)
    assert response.status_code == 303 and response.headers["location"] == "/account"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("sdb_session="))
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    page = browser.get("/account")
    assert page.status_code == 200 and "cookie@example.org" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    signed_out = browser.post("/account/sign-out", {})
    assert signed_out.status_code == 303
    assert browser.get("/account").status_code == 303  # back to the sign-in page


def test_wrong_password_and_brute_force_are_refused(web_app: FastAPI, web_db: SymptomDB) -> None:
    user = make_user(web_db.sessions, email="victim@example.org")
    browser = Visitor(web_app)
    for _ in range(ratelimit.SIGN_IN_ACCOUNT.max_events):
        wrong = browser.sign_in(user.email, "not the password")
        assert wrong.status_code == 401 and "not correct" in wrong.text
    blocked = browser.sign_in(user.email, PASSWORD)  # even the right password, for a while
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "Too many failed sign-ins" in blocked.text
    assert "sdb_session" not in blocked.headers.get("set-cookie", "")


def test_forms_without_a_valid_csrf_token_are_refused(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    article_id = _published(web_db, author, editor)
    reader = make_user(web_db.sessions)
    browser = visitor(web_app, reader)
    other = visitor(web_app, make_user(web_db.sessions))
    path = f"/articles/{article_id}/comments"
    attempts = [
        ({"body": "no token"}, {}),
        ({"body": "wrong token", "csrf_token": "0" * 64}, {}),
        ({"body": "someone else's token", "csrf_token": other.csrf("/account")}, {}),
        ({"body": "cross-site", "csrf_token": browser.csrf("/account")}, {"origin": "https://evil.example"}),
    ]
    for data, headers in attempts:
        response = browser.client.post(path, data=data, headers=headers)
        assert response.status_code == 403, data
    no_token_sign_in = Visitor(web_app).client.post(
        "/account/sign-in", data={"email": reader.email, "password": PASSWORD}
    )
    assert no_token_sign_in.status_code == 403
    rating = browser.client.post(f"/authors/{author.id}/rating", data={"stars": "1"})
    assert rating.status_code == 403
    with web_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 0
        assert session.scalar(select(func.count()).select_from(Rating)) == 0


def test_the_review_workflow_in_pages(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author", name="Dr Ada Author")
    editor = make_user(web_db.sessions, "editor", name="Eve Editor")
    writer = visitor(web_app, author)
    form = writer.get("/articles/new?condition=ORPHA-1183")
    assert (
        form.status_code == 200
        and "## Symptoms" in form.text
        and "Opsoclonus-myoclonus syndrome" in form.text
    )
    created = writer.post(
        "/articles/new",
        {"condition": "ORPHA:1183", "title": "Understanding OMS", "summary": "For families.",
         "body": ARTICLE_BODY, "references": ARTICLE_REFERENCES},
    )  # fmt: skip
    assert created.status_code == 303, created.text
    article_id = int(re.search(r"/articles/(\d+)/preview", created.headers["location"]).group(1))  # type: ignore[union-attr]
    preview = writer.get(created.headers["location"])
    assert "Draft saved" in preview.text and "Submit for review" in preview.text
    assert writer.post(f"/articles/{article_id}/submit", {"base_version": "1"}).status_code == 303
    assert writer.post(f"/articles/{article_id}/publish", {"base_version": "1"}).status_code == 403
    reviewer = visitor(web_app, editor)
    queue = reviewer.get("/editorial")
    assert "Understanding OMS" in queue.text
    published = reviewer.post(f"/articles/{article_id}/publish", {"base_version": "1", "note": "Looks good"})
    assert published.status_code == 303
    page = Visitor(web_app).get(f"/articles/{article_id}")
    assert page.status_code == 301
    public = Visitor(web_app).get(page.headers["location"])
    assert public.status_code == 200 and "Dr Ada Author" in public.text and 'id="ref-1"' in public.text
    history = Visitor(web_app).get(f"/articles/{article_id}/history")
    assert "published" in history.text and "Eve Editor" in history.text


def test_a_stale_edit_in_the_page_is_a_conflict_that_keeps_your_text(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    with web_db.sessions.begin() as session:
        article = articles.create_article(
            session,
            author,
            "ORPHA:1183",
            "Shared",
            ARTICLE_BODY,
            known_condition=web_db.knowledge.normalise_condition_id,
        )
    fields = {"title": "Shared", "body": ARTICLE_BODY, "references": "", "summary": ""}
    editor_browser, author_browser = visitor(web_app, editor), visitor(web_app, author)
    first = editor_browser.post(
        f"/articles/{article.id}/edit", {**fields, "body": "Editor text", "base_version": "1"}
    )
    assert first.status_code == 303
    second = author_browser.post(
        f"/articles/{article.id}/edit", {**fields, "body": "Author text", "base_version": "1"}
    )
    assert second.status_code == 409
    assert "not saved" in second.text and "Author text" in second.text and "Editor text" in second.text
    assert 'name="base_version" value="2"' in second.text
    with web_db.sessions() as session:
        assert session.scalar(select(Article.body).where(Article.id == article.id)) == "Editor text"


def test_other_authors_cannot_edit_and_readers_cannot_see_drafts(web_app: FastAPI, web_db: SymptomDB) -> None:
    owner = make_user(web_db.sessions, "author")
    intruder = make_user(web_db.sessions, "author")
    with web_db.sessions.begin() as session:
        article = articles.create_article(
            session,
            owner,
            "ORPHA:1183",
            "Mine",
            ARTICLE_BODY,
            known_condition=web_db.knowledge.normalise_condition_id,
        )
    attacker = visitor(web_app, intruder)
    response = attacker.post(
        f"/articles/{article.id}/edit",
        {"title": "Hijacked", "body": "x", "references": "", "base_version": "1"},
    )
    assert response.status_code == 403 and "your own articles" in response.text
    assert attacker.get(f"/articles/{article.id}/edit").status_code == 404
    assert attacker.post(f"/articles/{article.id}/withdraw", {}).status_code == 403
    assert Visitor(web_app).get(f"/articles/{article.id}/preview").status_code == 303  # sign in first
    with web_db.sessions() as session:
        assert session.scalar(select(Article.title).where(Article.id == article.id)) == "Mine"


def test_comments_ratings_and_moderation_show_on_the_condition_page(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    author = make_user(web_db.sessions, "author", name="Dr Byline Person")
    editor = make_user(web_db.sessions, "editor")
    anonymous = Visitor(web_app)
    before = anonymous.get(OMS)
    assert "Written by clinicians" not in before.text and "public" in before.headers["cache-control"]
    article_id = _published(web_db, author, editor, "OMS explained")
    reader = visitor(web_app, make_user(web_db.sessions, name="Rita Reader"))
    slug_path = Visitor(web_app).get(f"/articles/{article_id}").headers["location"]
    posted = reader.post(
        f"/articles/{article_id}/comments", {"body": "Thank you, *very* clear."}, csrf_from=slug_path
    )
    assert posted.status_code == 303 and "done=comment-held" in posted.headers["location"]
    assert "awaiting moderation" in reader.get(slug_path).text
    assert "Thank you" not in Visitor(web_app).get(slug_path).text
    rated = reader.post(
        f"/authors/{author.id}/rating", {"stars": "4", "next": slug_path}, csrf_from=slug_path
    )
    assert rated.status_code == 303
    moderator = visitor(web_app, editor)
    queue = moderator.get("/editorial")
    comment_id = int(re.search(r'id="queue-(\d+)"', queue.text).group(1))  # type: ignore[union-attr]
    approved = moderator.post(
        f"/comments/{comment_id}/moderate", {"action": "approve"}, csrf_from="/editorial"
    )
    assert approved.status_code == 303
    page = anonymous.get(OMS)
    assert page.status_code == 200
    expected = ["Written by clinicians", "OMS explained", "Dr Byline Person", "4.0", "1 rating"]
    for text in [*expected, "Rita Reader", "<em>very</em> clear", "1 comment"]:
        assert text in page.text, text
    assert page.headers["cache-control"] == "no-cache"
    assert anonymous.client.get(OMS, headers={"if-none-match": page.headers["etag"]}).status_code == 304
    hide = moderator.post(
        f"/comments/{comment_id}/moderate", {"action": "hide", "reason": "test"}, csrf_from="/editorial"
    )
    assert hide.status_code == 303
    after = anonymous.get(OMS)
    assert "Rita Reader" not in after.text and after.headers["etag"] != page.headers["etag"]


def test_authors_cannot_rate_themselves_in_pages(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    browser = visitor(web_app, author)
    response = browser.post(f"/authors/{author.id}/rating", {"stars": "5"})
    assert response.status_code == 403 and "cannot rate themselves" in response.text


def test_oversized_bodies_are_refused_and_nothing_is_stored(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    article_id = _published(web_db, author, editor)
    browser = visitor(web_app, author)
    token = browser.csrf("/account")
    huge = browser.client.post(
        f"/articles/{article_id}/comments", data={"body": "x" * 200_000, "csrf_token": token}
    )
    assert huge.status_code == 413
    long = browser.client.post(
        f"/articles/{article_id}/comments",
        data={"body": "x" * (comments.MAX_COMMENT + 1), "csrf_token": token},
    )
    assert long.status_code == 422 and "too long" in long.text
    with web_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 0


def test_comment_rate_limit_in_pages(web_app: FastAPI, web_db: SymptomDB) -> None:
    author = make_user(web_db.sessions, "author")
    editor = make_user(web_db.sessions, "editor")
    article_id = _published(web_db, author, editor)
    browser = visitor(web_app, make_user(web_db.sessions))
    token = browser.csrf("/account")
    codes = [
        browser.client.post(
            f"/articles/{article_id}/comments", data={"body": f"c{i}", "csrf_token": token}
        ).status_code
        for i in range(ratelimit.COMMENT_BURST.max_events + 1)
    ]
    assert codes[:-1] == [303] * ratelimit.COMMENT_BURST.max_events and codes[-1] == 429


def test_open_redirects_are_not_followed(web_app: FastAPI, web_db: SymptomDB) -> None:
    user = make_user(web_db.sessions)
    browser = Visitor(web_app)
    token = browser.csrf("/account/sign-in")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = browser.client.post(
            "/account/sign-in",
            data={"email": user.email, "password": PASSWORD, "next": target, "csrf_token": token},
        )
        assert response.headers["location"] == "/account", target
        browser.client.cookies.clear()
        token = browser.csrf("/account/sign-in")
