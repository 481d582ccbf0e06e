"""Hostile input in every text field, rendered through the real pages: nothing executable comes out,
and SQL metacharacters are stored and shown as plain text."""

from __future__ import annotations

import html
import re

from fastapi import FastAPI
from markupsafe import escape
from sqlalchemy import select

from symptomdb.context import SymptomDB
from symptomdb.db.editorial_models import Account
from symptomdb.editorial import articles, comments, profiles
from tests.editorial.conftest import ARTICLE_BODY, Visitor, make_user, visitor
from tests.editorial.hostile import ALL, SQL, page_problems

OMS = "/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"


def hostile_content(db: SymptomDB) -> dict[str, object]:
    """For every payload: an author (name and every profile field), a published article (title, summary,
    body, reference text, edit note), a reader (name) with a held comment, and an approved comment."""
    editor = make_user(db.sessions, "editor")
    made: dict[str, list[int]] = {"articles": [], "authors": []}
    for payload in ALL:
        author = make_user(db.sessions, "author", name=payload[:120])
        reader = make_user(db.sessions, name=payload[:120])
        with db.sessions.begin() as session:
            profiles.update_profile(
                session, author, author.id, display_name=payload[:120], credentials=payload[:120],
                specialty=payload[:120], affiliation=payload[:200], bio=payload,
            )  # fmt: skip
            body = ARTICLE_BODY.replace("Opening paragraph.", f"{payload}\n\n- {payload}\n\n> {payload}")
            article = articles.create_article(
                session, author, "ORPHA:1183", f"Article {payload}"[:200], body,
                f"PMID:12345 {payload}\nhttps://example.org/ref {payload}", payload[:500],
                known_condition=db.knowledge.normalise_condition_id,
            )  # fmt: skip
            articles.update_article(
                session, author, article.id, 1, title=f"Article {payload}"[:200], body=body + "\nMore.",
                references=f"PMID:12345 {payload}\nhttps://example.org/ref {payload}", summary=payload[:500],
                note=payload[:300],
            )  # fmt: skip
            articles.submit_for_review(session, author, article.id, 2)
            articles.publish(session, editor, article.id, 2, note=payload)
            comments.add_comment(session, reader, article.id, payload)  # held: shown in the queue
            visible = comments.add_comment(session, author, article.id, payload)  # authors' show at once
            comments.flag_comment(session, reader, visible.id, payload[:300])
        made["articles"].append(article.id)
        made["authors"].append(author.id)
    return {"editor": editor, **made}


def test_hostile_text_renders_inert_on_every_page(web_app: FastAPI, web_db: SymptomDB) -> None:
    made = hostile_content(web_db)
    editor = visitor(web_app, made["editor"])  # type: ignore[arg-type]
    anonymous = Visitor(web_app)
    pages = [OMS, "/authors", "/editorial", "/account"]
    for article_id in made["articles"]:  # type: ignore[attr-defined]
        slug = anonymous.get(f"/articles/{article_id}").headers["location"]
        pages += [slug, f"/articles/{article_id}/preview", f"/articles/{article_id}/edit",
                  f"/articles/{article_id}/history", f"/articles/{article_id}/diff?from=1&to=2"]  # fmt: skip
    for author_id in made["authors"]:  # type: ignore[attr-defined]
        pages.append(f"/authors/{author_id}")
    for path in pages:
        response = editor.get(path)
        assert response.status_code == 200, (path, response.status_code)
        assert page_problems(response.text) == [], path
    condition_page = anonymous.get(OMS).text
    assert condition_page.count('class="article-card"') == len(ALL)
    assert html.escape("<script>window.__xss=1</script>", quote=False) in condition_page


def test_hostile_form_input_is_echoed_escaped(web_app: FastAPI, web_db: SymptomDB) -> None:
    """Forms that fail validation show the input again: it must come back escaped, too."""
    browser = Visitor(web_app)
    for payload in ALL:
        token = browser.csrf("/account/sign-up")
        response = browser.client.post(
            "/account/sign-up", data={"email": payload, "name": payload, "password": "x", "csrf_token": token}
        )
        assert response.status_code == 422
        assert page_problems(response.text) == [], payload
        sign_in = browser.client.post(
            "/account/sign-in", data={"email": payload, "password": "x", "next": payload, "csrf_token": token}
        )
        assert sign_in.status_code in (401, 429) and page_problems(sign_in.text) == [], payload


def test_sql_metacharacters_are_stored_and_shown_as_text(web_app: FastAPI, web_db: SymptomDB) -> None:
    browser = Visitor(web_app)
    for i, payload in enumerate(SQL):
        token = browser.csrf("/account/sign-up")
        response = browser.client.post(
            "/account/sign-up",
            data={
                "email": f"sql{i}@example.org",
                "name": payload,
                "password": "long enough pw",
                "csrf_token": token,
            },
        )
        assert response.status_code == 303, response.text
        page = browser.get("/account")
        assert str(escape(payload)) in page.text
        browser.post("/account/sign-out", {})
    with web_db.sessions() as session:
        names = session.scalars(select(Account.name).order_by(Account.id)).all()
    assert names == SQL
    assert re.search(r"DROP TABLE", " ".join(names))
