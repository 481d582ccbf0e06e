"""Readers see only the revision an editor published, on every path that lists or shows articles.

The scenario: an article is published ("Reviewed title for readers"), then its author edits the
title, summary and text (the working copy, version 2, not reviewed) and submits it. Every reader-facing
path (API listings with and without `condition`, the article itself, its revisions and diffs, the author
page with its list of articles and of comments received, the condition page and the article page, the
history page) must show the published revision and never a word of the edit (all of which contain
"Zanzibar"). The author and editors still see the working copy where they work on it (the author's
account page, the editor, the preview, the working-copy API, the review queue).
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.context import SymptomDB
from symptomdb.editorial import accounts, articles, comments
from symptomdb.editorial.schemas import CurrentUser
from tests.editorial.conftest import (
    ARTICLE_BODY,
    ARTICLE_REFERENCES,
    Visitor,
    known_condition,
    make_user,
    visitor,
)

REVIEWED_TITLE = "Reviewed title for readers"
REVIEWED_SLUG = "reviewed-title-for-readers"
REVIEWED_SUMMARY = "The summary an editor approved."
MARKER = "zanzibar"  # in every unreviewed field, and nowhere else
WORKING_TITLE = "Zanzibar working title"
WORKING_SUMMARY = "Zanzibar working summary, not reviewed yet."
WORKING_BODY = ARTICLE_BODY + "\nA Zanzibar sentence nobody has reviewed.\n"
OMS = "/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome"


@dataclass
class Scenario:
    author: CurrentUser
    editor: CurrentUser
    article_id: int


def _published_then_edited(sessions: sessionmaker[Session]) -> Scenario:
    """Publish revision 1, then the author edits title, summary and text (revision 2) and submits it."""
    author = make_user(sessions, "author", name="Dr Pat Writer")
    editor = make_user(sessions, "editor", name="Eddie Editor")
    with sessions.begin() as session:
        created = articles.create_article(
            session, author, "ORPHA:1183", REVIEWED_TITLE, ARTICLE_BODY, ARTICLE_REFERENCES, REVIEWED_SUMMARY,
            known_condition=known_condition,
        )  # fmt: skip
        articles.submit_for_review(session, author, created.id, 1)
        articles.publish(session, editor, created.id, 1)
        comments.add_comment(session, author, created.id, "Thank you for reading.")  # visible at once
    with sessions.begin() as session:
        edited = articles.update_article(
            session, author, created.id, 1, title=WORKING_TITLE, body=WORKING_BODY,
            references=ARTICLE_REFERENCES, summary=WORKING_SUMMARY,
        )  # fmt: skip
        assert (edited.version, edited.published_revision, edited.status) == (2, 1, "draft")
        articles.submit_for_review(session, author, created.id, 2)
    return Scenario(author=author, editor=editor, article_id=created.id)


def _token(db: SymptomDB, user: CurrentUser) -> dict[str, str]:
    with db.sessions.begin() as session:
        return {"Authorization": f"Bearer {accounts.create_api_token(session, user).token}"}


def _hidden(text: str) -> bool:
    return MARKER not in text.lower()


def test_services_list_the_published_revision_for_readers_and_the_working_copy_for_authors(
    sessions: sessionmaker[Session],
) -> None:
    made = _published_then_edited(sessions)
    with sessions() as session:
        for listed in (
            articles.published_articles(session),
            articles.published_articles(session, author_id=made.author.id),
        ):
            assert [(a.id, a.title, a.slug, a.summary) for a in listed] == [
                (made.article_id, REVIEWED_TITLE, REVIEWED_SLUG, REVIEWED_SUMMARY)
            ]
            assert (listed[0].status, listed[0].version, listed[0].published_revision) == ("published", 1, 1)
        working = articles.list_articles(session, author_id=made.author.id)
        assert [(a.title, a.summary, a.version) for a in working] == [(WORKING_TITLE, WORKING_SUMMARY, 2)]
        received = comments.comments_received(session, made.author.id)
        assert [title for _, title in received] == [REVIEWED_TITLE]
        revisions, events = articles.history(session, None, made.article_id)
        assert [r.number for r in revisions] == [1]
        assert all(e.revision <= 1 for e in events)
        assert [r.number for r in articles.history(session, made.author, made.article_id)[0]] == [2, 1]
        assert articles.history_title(session, None, made.article_id) == REVIEWED_TITLE


def test_the_api_listing_without_a_condition_shows_the_published_revision(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    made = _published_then_edited(web_db.sessions)
    api = Visitor(web_app).client
    for params in ({}, {"condition": "ORPHA:1183"}):
        response = api.get("/api/v1/articles", params=params)
        assert response.status_code == 200, response.text
        assert _hidden(response.text), params
        [listed] = response.json()
        assert listed["id"] == made.article_id
        assert (listed["title"], listed["slug"], listed["summary"]) == (
            REVIEWED_TITLE,
            REVIEWED_SLUG,
            REVIEWED_SUMMARY,
        )
        assert (listed["status"], listed["version"], listed["published_revision"]) == ("published", 1, 1)


def test_the_author_page_shows_the_published_titles(web_app: FastAPI, web_db: SymptomDB) -> None:
    made = _published_then_edited(web_db.sessions)
    reader = visitor(web_app, make_user(web_db.sessions, name="Rita Reader"))
    for browser in (Visitor(web_app), reader):
        page = browser.get(f"/authors/{made.author.id}")
        assert page.status_code == 200
        assert f'<a href="/articles/{made.article_id}/{REVIEWED_SLUG}">{REVIEWED_TITLE}</a>' in page.text
        # "Comments on these articles" names the article by its published title, too
        assert "#comment-" in page.text and page.text.count(REVIEWED_TITLE) >= 2
        assert _hidden(page.text)
    profile = Visitor(web_app).client.get(f"/api/v1/authors/{made.author.id}")
    assert profile.status_code == 200 and _hidden(profile.text)


def test_the_article_and_condition_pages_show_the_published_revision(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    made = _published_then_edited(web_db.sessions)
    anonymous = Visitor(web_app)
    short = anonymous.get(f"/articles/{made.article_id}")
    assert short.status_code == 301
    assert short.headers["location"] == f"/articles/{made.article_id}/{REVIEWED_SLUG}"
    page = anonymous.get(short.headers["location"])
    assert page.status_code == 200
    assert f"<title>{REVIEWED_TITLE}" in page.text and REVIEWED_SUMMARY in page.text
    assert _hidden(page.text)
    assert anonymous.get(f"/articles/{made.article_id}/zanzibar-working-title").status_code == 301
    api = anonymous.client.get(f"/api/v1/articles/{made.article_id}")
    assert api.json()["title"] == REVIEWED_TITLE and _hidden(api.text)
    condition = anonymous.get(OMS)
    assert condition.status_code == 200 and REVIEWED_TITLE in condition.text and _hidden(condition.text)


def test_readers_see_the_history_only_up_to_the_published_revision(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    made = _published_then_edited(web_db.sessions)
    with web_db.sessions.begin() as session:  # the editor's note to the author is about the edit
        articles.return_to_author(session, made.editor, made.article_id, 2, "Zanzibar needs a source.")
    anonymous = Visitor(web_app)
    history = anonymous.get(f"/articles/{made.article_id}/history")
    assert history.status_code == 200
    assert f"History of “{REVIEWED_TITLE}”" in history.text and "published" in history.text
    assert _hidden(history.text) and "/diff?from=1&amp;to=2" not in history.text
    revisions = anonymous.client.get(f"/api/v1/articles/{made.article_id}/revisions")
    assert revisions.status_code == 200 and _hidden(revisions.text)
    assert [r["number"] for r in revisions.json()["revisions"]] == [1]
    for path in (f"/api/v1/articles/{made.article_id}/diff", f"/articles/{made.article_id}/diff"):
        diff = anonymous.client.get(path, params={"from": 1, "to": 2})
        assert diff.status_code == 404 and _hidden(diff.text), path
    assert (
        anonymous.client.get(
            f"/api/v1/articles/{made.article_id}/diff", params={"from": 1, "to": 1}
        ).status_code
        == 200
    )
    # The author and editors still see every revision, the edit and the note.
    for user in (made.author, made.editor):
        headers = _token(web_db, user)
        own = anonymous.client.get(f"/api/v1/articles/{made.article_id}/revisions", headers=headers)
        assert [r["number"] for r in own.json()["revisions"]] == [2, 1]
        changes = anonymous.client.get(
            f"/api/v1/articles/{made.article_id}/diff", params={"from": 1, "to": 2}, headers=headers
        )
        assert changes.status_code == 200 and "Zanzibar sentence" in changes.text
        page = visitor(web_app, user).get(f"/articles/{made.article_id}/history")
        assert "Zanzibar needs a source." in page.text and "/diff?from=1&amp;to=2" in page.text


def test_the_author_and_editors_still_work_on_the_working_copy(web_app: FastAPI, web_db: SymptomDB) -> None:
    made = _published_then_edited(web_db.sessions)
    author = visitor(web_app, made.author)
    dashboard = author.get("/account")
    assert WORKING_TITLE in dashboard.text
    edit = author.get(f"/articles/{made.article_id}/edit")
    assert edit.status_code == 200 and WORKING_TITLE in edit.text and WORKING_SUMMARY in edit.text
    preview = author.get(f"/articles/{made.article_id}/preview")
    assert WORKING_TITLE in preview.text and "Zanzibar sentence" in preview.text
    # On the public page the author reads what readers read, with a pointer to the working copy.
    public = author.get(f"/articles/{made.article_id}/{REVIEWED_SLUG}")
    assert public.status_code == 200 and _hidden(public.text) and "Working copy: version 2" in public.text
    working = author.client.get(
        f"/api/v1/articles/{made.article_id}/working", headers=_token(web_db, made.author)
    )
    assert working.json()["title"] == WORKING_TITLE and working.json()["summary"] == WORKING_SUMMARY
    editor = visitor(web_app, made.editor)
    assert WORKING_TITLE in editor.get("/editorial").text  # the review queue: what is to be reviewed
    assert WORKING_TITLE in editor.get(f"/articles/{made.article_id}/preview").text
