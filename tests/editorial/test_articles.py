from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Article, ArticleRevision
from symptomdb.editorial import articles
from symptomdb.editorial.errors import EditConflict, InvalidInput, NotAllowed, NotFound
from symptomdb.editorial.schemas import ArticleOut, CurrentUser
from tests.editorial.conftest import (
    ARTICLE_BODY,
    ARTICLE_REFERENCES,
    known_condition,
    make_user,
    stub_knowledge,
)


def _create(sessions: sessionmaker[Session], author: CurrentUser, **fields: str) -> ArticleOut:
    values = {
        "condition_id": "ORPHA-1183",
        "title": "Living with opsoclonus-myoclonus syndrome",
        "body": ARTICLE_BODY,
        "references": ARTICLE_REFERENCES,
        "summary": "What the main features are.",
        **fields,
    }
    with sessions.begin() as session:
        return articles.create_article(session, author, known_condition=known_condition, **values)


def _edit(
    sessions: sessionmaker[Session], user: CurrentUser, article: ArticleOut, base: int, body: str
) -> ArticleOut:
    with sessions.begin() as session:
        return articles.update_article(
            session,
            user,
            article.id,
            base,
            title=article.title,
            body=body,
            references=article.references_text,
            summary=article.summary,
        )


def _publish(
    sessions: sessionmaker[Session], author: CurrentUser, editor: CurrentUser, article: ArticleOut
) -> ArticleOut:
    with sessions.begin() as session:
        submitted = articles.submit_for_review(session, author, article.id, article.version)
    with sessions.begin() as session:
        return articles.publish(session, editor, article.id, submitted.version)


def test_only_authors_write_articles_about_known_conditions(sessions: sessionmaker[Session]) -> None:
    reader = make_user(sessions)
    author = make_user(sessions, "author")
    with pytest.raises(NotAllowed), sessions.begin() as session:
        articles.create_article(
            session, reader, "ORPHA:1183", "Title", "Body", known_condition=known_condition
        )
    with pytest.raises(InvalidInput, match="no condition"), sessions.begin() as session:
        articles.create_article(
            session, author, "ORPHA:999999", "Title", "Body", known_condition=known_condition
        )
    article = _create(sessions, author)
    assert article.condition_id == "ORPHA:1183"
    assert article.status == "draft" and article.version == 1
    assert article.author.account_id == author.id
    assert [r.identifier for r in article.references] == ["PMID:12345678", "https://example.org/guide"]


def test_the_full_workflow_publishes_the_reviewed_revision(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor")
    article = _create(sessions, author)
    with pytest.raises(NotFound), sessions() as session:
        articles.get_published(session, article.id)  # drafts are not public
    with pytest.raises(NotAllowed, match="Only editors"), sessions.begin() as session:
        articles.publish(session, author, article.id, article.version)
    published = _publish(sessions, author, editor, article)
    assert published.status == "published"
    assert published.published_revision == 1
    assert published.last_reviewed == datetime.now(UTC).date()
    with sessions() as session:
        public = articles.get_published(session, article.id)
        listed = articles.published_articles_for(session, "ORPHA:1183", knowledge=stub_knowledge())
    assert public.title == article.title
    assert '<sup><a href="#ref-1"' in public.body_html
    assert [a.id for a in listed] == [article.id]
    assert public.author.display_name == author.name


def test_editing_a_published_article_keeps_readers_on_the_reviewed_text(
    sessions: sessionmaker[Session],
) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor")
    article = _publish(sessions, author, editor, _create(sessions, author))
    edited = _edit(
        sessions, author, article, article.version, ARTICLE_BODY + "\nA new unreviewed sentence.\n"
    )
    assert edited.status == "draft" and edited.version == 2 and edited.published_revision == 1
    with sessions() as session:
        public = articles.get_published(session, article.id)
    assert "unreviewed" not in public.body_html and public.has_pending_changes
    republished = _publish(sessions, author, editor, edited)
    assert republished.published_revision == 2
    with sessions() as session:
        assert "unreviewed" in articles.get_published(session, article.id).body_html


def test_a_stale_edit_is_a_conflict_and_overwrites_nothing(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor", name="Erin Editor")
    article = _create(sessions, author)
    _edit(sessions, editor, article, 1, ARTICLE_BODY + "\nEditor's change.\n")
    with pytest.raises(EditConflict) as caught, sessions.begin() as session:
        articles.update_article(
            session, author, article.id, 1, title="Stale", body="Author's stale change", references=""
        )
    assert caught.value.current_version == 2
    assert "Erin Editor" in caught.value.message and "not saved" in caught.value.message
    with sessions() as session:
        current = articles.get_article(session, author, article.id)
        count = session.scalar(select(func.count()).select_from(ArticleRevision))
    assert "Editor's change." in current.body and current.title == article.title
    assert count == 2


def test_publishing_needs_references_for_clinical_claims(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    article = _create(sessions, author, references="")
    with pytest.raises(InvalidInput, match="at least one reference"), sessions.begin() as session:
        articles.submit_for_review(session, author, article.id, 1)
    uncited = _create(sessions, author, body="## Symptoms\n\nAtaxia is common.\n")
    with pytest.raises(InvalidInput, match="Symptoms"), sessions.begin() as session:
        articles.submit_for_review(session, author, uncited.id, 1)
    dangling = _create(sessions, author, body="## Symptoms\n\nAtaxia is common [7].\n")
    with pytest.raises(InvalidInput, match=r"\[7\]"), sessions.begin() as session:
        articles.submit_for_review(session, author, dangling.id, 1)


def test_malformed_references_are_refused_with_the_line(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    with pytest.raises(InvalidInput, match="line 2"), sessions.begin() as session:
        articles.create_article(
            session, author, "ORPHA:1183", "Title", "Body",
            references="PMID:1\njavascript:alert(1)", known_condition=known_condition,
        )  # fmt: skip


def test_authors_cannot_touch_other_authors_articles(sessions: sessionmaker[Session]) -> None:
    owner = make_user(sessions, "author")
    other = make_user(sessions, "author")
    reader = make_user(sessions)
    article = _create(sessions, owner)
    with pytest.raises(NotAllowed), sessions.begin() as session:
        articles.update_article(session, other, article.id, 1, title="Hijacked", body="x", references="")
    with pytest.raises(NotAllowed), sessions.begin() as session:
        articles.submit_for_review(session, other, article.id, 1)
    with pytest.raises(NotAllowed), sessions.begin() as session:
        articles.withdraw(session, other, article.id)
    for user in (other, reader, None):
        with pytest.raises(NotFound), sessions() as session:
            articles.get_article(session, user, article.id)
    with sessions() as session:
        assert session.scalar(select(Article.title).where(Article.id == article.id)) == article.title


def test_editors_cannot_publish_their_own_article(sessions: sessionmaker[Session]) -> None:
    editor = make_user(sessions, "editor")
    article = _create(sessions, editor)
    with sessions.begin() as session:
        articles.submit_for_review(session, editor, article.id, 1)
    with pytest.raises(NotAllowed, match="Another editor"), sessions.begin() as session:
        articles.publish(session, editor, article.id, 1)


def test_publishing_a_version_other_than_the_reviewed_one_is_a_conflict(
    sessions: sessionmaker[Session],
) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor")
    article = _create(sessions, author)
    with sessions.begin() as session:
        articles.submit_for_review(session, author, article.id, 1)
    _edit(sessions, author, article, 1, ARTICLE_BODY + "\nLate change.\n")  # still in review, now v2
    with pytest.raises(EditConflict), sessions.begin() as session:
        articles.publish(session, editor, article.id, 1)  # the editor reviewed version 1


def test_history_and_diff(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    article = _create(sessions, author)
    _edit(sessions, author, article, 1, ARTICLE_BODY.replace("ataxia", "unsteady walking (ataxia)"))
    with sessions() as session:
        revisions, events = articles.history(session, author, article.id)
        result = articles.diff(session, author, article.id, 1, 2)
    assert [r.number for r in revisions] == [2, 1]
    assert events[-1].action == "created"
    removed = [line.text for line in result.lines if line.kind == "removed"]
    added = [line.text for line in result.lines if line.kind == "added"]
    assert any("include ataxia" in t for t in removed)
    assert any("unsteady walking (ataxia)" in t for t in added)
    assert result.unified.startswith("--- revision 1")
    with pytest.raises(NotFound), sessions() as session:
        articles.diff(session, author, article.id, 1, 9)
    with pytest.raises(NotFound), sessions() as session:
        articles.history(session, None, article.id)  # drafts' history is private


def test_an_unchanged_save_makes_no_revision(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    article = _create(sessions, author)
    again = _edit(sessions, author, article, 1, article.body)
    assert again.version == 1


def test_withdrawn_articles_leave_the_site(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor")
    article = _publish(sessions, author, editor, _create(sessions, author))
    with sessions.begin() as session:
        articles.withdraw(session, editor, article.id, "Outdated")
    with sessions() as session:
        assert articles.published_articles_for(session, "ORPHA:1183", knowledge=stub_knowledge()) == []
        with pytest.raises(NotFound):
            articles.get_published(session, article.id)


def test_sql_metacharacters_are_stored_as_text(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author", name="Robert'); DROP TABLE account;--")
    nasty = "1' OR '1'='1\"; DELETE FROM article; -- %_\\"
    article = _create(sessions, author, title=nasty, summary=nasty)
    with sessions() as session:
        stored = articles.get_article(session, author, article.id)
        assert stored.title == nasty and stored.summary == nasty
        assert stored.author.display_name == "Robert'); DROP TABLE account;--"
        assert session.scalar(select(func.count()).select_from(Article)) == 1


def test_oversized_fields_are_refused(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    with pytest.raises(InvalidInput, match="too long"):
        _create(sessions, author, body="x" * (articles.MAX_BODY + 1))
    with pytest.raises(InvalidInput, match="too long"):
        _create(sessions, author, title="x" * 201)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0


def test_mark_reviewed_updates_the_date(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    editor = make_user(sessions, "editor")
    article = _publish(sessions, author, editor, _create(sessions, author))
    with sessions.begin() as session:
        session.execute(
            Article.__table__.update()
            .where(Article.id == article.id)
            .values(last_reviewed=datetime(2020, 1, 1).date())
        )
    with sessions.begin() as session:
        reviewed = articles.mark_reviewed(session, editor, article.id)
    assert reviewed.last_reviewed == datetime.now(UTC).date()
    with pytest.raises(NotAllowed), sessions.begin() as session:
        articles.mark_reviewed(session, author, article.id)
