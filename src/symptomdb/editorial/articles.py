"""Articles about a condition: Markdown with references, a review workflow, revisions and diffs.

Workflow: draft → in_review (author submits) → published (an editor approves). Readers always see the
revision an editor published; later edits make a new working revision that waits for review again.
Every save is a new, immutable revision. Saves use optimistic locking: an edit names the version it
started from, and if someone saved in between, it is refused with a conflict (nothing is overwritten).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import (
    Account,
    Article,
    ArticleEvent,
    ArticleRevision,
    AuthorProfile,
    Comment,
)
from symptomdb.editorial.common import as_utc, clean_text, utcnow
from symptomdb.editorial.errors import EditConflict, InvalidInput, NotAllowed, NotFound
from symptomdb.editorial.markup import render_article
from symptomdb.editorial.profiles import byline, byline_of
from symptomdb.editorial.ratings import rating_summaries, rating_summary
from symptomdb.editorial.references import citation_problems, parse_references
from symptomdb.editorial.schemas import (
    ArticleEventOut,
    ArticleOut,
    ArticleSummary,
    Byline,
    ConditionArticle,
    CurrentUser,
    DiffLine,
    DiffOut,
    PublishedArticle,
    RevisionOut,
)
from symptomdb.knowledge.answer import slugify
from symptomdb.knowledge.store import Knowledge

MAX_TITLE = 200
MAX_SUMMARY = 500
MAX_BODY = 60_000
MAX_REFERENCES_TEXT = 20_000
MAX_NOTE = 300

SECTION_TEMPLATE = """## Symptoms

Describe the main symptoms and how often they occur, citing a reference for each statement [1].

## Diagnosis

## Treatment options

## Prognosis and ongoing research

## Support groups

## Conclusion
"""

# Resolves a condition id in any accepted spelling to its canonical id, or None if unknown.
ConditionLookup = Callable[[str], str | None]


def _clean_fields(title: str, summary: str, body: str, references: str) -> tuple[str, str, str, str]:
    title = clean_text(title, "Title", max_length=MAX_TITLE, required=True, min_length=3)
    summary = clean_text(summary, "Summary", max_length=MAX_SUMMARY)
    body = clean_text(body, "Text", max_length=MAX_BODY, required=True, multiline=True)
    references = clean_text(references, "References", max_length=MAX_REFERENCES_TEXT, multiline=True)
    parse_references(references)  # refuse a malformed list early, with the lines named
    return title, summary, body, references


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound("There is no such article.")
    return article


def _can_edit(user: CurrentUser, article: Article) -> bool:
    return article.author_id == user.id or user.is_editor


def _require_view(user: CurrentUser | None, article: Article) -> None:
    """Working copies are for the article's author and for editors."""
    if user is None or not _can_edit(user, article):
        raise NotFound("There is no such article.")


def is_public(article: Article) -> bool:
    return article.published_revision is not None and article.status != "withdrawn"


def article_out(session: Session, article: Article) -> ArticleOut:
    references = parse_references(article.references)
    return ArticleOut(
        id=article.id,
        condition_id=article.condition_id,
        author=byline(session, article.author_id),
        title=article.title,
        slug=slugify(article.title),
        summary=article.summary,
        body=article.body,
        references_text=article.references,
        references=references,
        status=article.status,
        version=article.version,
        published_revision=article.published_revision,
        last_reviewed=article.last_reviewed,
        created_at=as_utc(article.created_at),
        updated_at=as_utc(article.updated_at),
        published_at=as_utc(article.published_at) if article.published_at else None,
        problems=citation_problems(article.body, references),
    )


def _summary(session: Session, article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        condition_id=article.condition_id,
        title=article.title,
        slug=slugify(article.title),
        summary=article.summary,
        status=article.status,
        version=article.version,
        author=byline(session, article.author_id),
        published_revision=article.published_revision,
        last_reviewed=article.last_reviewed,
        updated_at=as_utc(article.updated_at),
    )


def _log(session: Session, article: Article, actor: CurrentUser | None, action: str, note: str = "") -> None:
    session.add(
        ArticleEvent(
            article_id=article.id,
            actor_id=actor.id if actor else None,
            action=action,
            revision=article.version,
            note=clean_text(note, "Note", max_length=500, multiline=True),
            created_at=utcnow(),
        )
    )


def create_article(
    session: Session,
    user: CurrentUser,
    condition_id: str,
    title: str,
    body: str,
    references: str = "",
    summary: str = "",
    *,
    known_condition: ConditionLookup,
) -> ArticleOut:
    if not user.is_author:
        raise NotAllowed("Only authors can write articles.")
    canonical = known_condition(clean_text(condition_id, "Condition", max_length=40, required=True))
    if canonical is None:
        raise InvalidInput(f"We know no condition with the id “{condition_id[:40]}”.")
    fields = _clean_fields(title, summary, body, references)
    article = _insert_draft(session, canonical, user.id, fields, user, "Created", "created")
    session.flush()
    return article_out(session, article)


def _insert_draft(
    session: Session,
    condition_id: str,
    author_id: int,
    fields: tuple[str, str, str, str],
    actor: CurrentUser | None,
    note: str,
    action: str,
    article_id: int | None = None,
) -> Article:
    """A new draft (version 1) with its first revision and log entry; shared by the editor and imports."""
    title, summary, body, references = fields
    now = utcnow()
    article = Article(
        condition_id=condition_id,
        author_id=author_id,
        title=title,
        summary=summary,
        body=body,
        references=references,
        status="draft",
        version=1,
        created_at=now,
        updated_at=now,
    )
    if article_id is not None:
        article.id = article_id
    session.add(article)
    session.flush()
    _add_revision(session, article, actor, note)
    _log(session, article, actor, action)
    return article


def _add_revision(session: Session, article: Article, user: CurrentUser | None, note: str) -> None:
    session.add(
        ArticleRevision(
            article_id=article.id,
            number=article.version,
            title=article.title,
            summary=article.summary,
            body=article.body,
            references=article.references,
            edited_by=user.id if user else None,
            note=clean_text(note, "Edit note", max_length=MAX_NOTE),
            created_at=article.updated_at,
        )
    )


def _conflict(session: Session, article_id: int, base_version: int) -> EditConflict:
    current = session.scalar(select(Article.version).where(Article.id == article_id)) or base_version
    editor = session.scalar(
        select(Account.name)
        .join(ArticleRevision, ArticleRevision.edited_by == Account.id)
        .where(ArticleRevision.article_id == article_id, ArticleRevision.number == current)
    )
    who = f" by {editor}" if editor else ""
    return EditConflict(
        f"This article was changed{who} after you opened it: you edited version {base_version}, "
        f"and it is now version {current}. Your changes were not saved. Open the current version, "
        "compare, and apply your changes again.",
        current_version=current,
    )


def update_article(
    session: Session,
    user: CurrentUser,
    article_id: int,
    base_version: int,
    *,
    title: str,
    body: str,
    references: str = "",
    summary: str = "",
    note: str = "",
) -> ArticleOut:
    """Save a new revision if `base_version` is still the latest (else EditConflict, nothing saved)."""
    article = _article(session, article_id)
    if not _can_edit(user, article):
        raise NotAllowed("You can only edit your own articles.")
    title, summary, body, references = _clean_fields(title, summary, body, references)
    if article.version != base_version:
        raise _conflict(session, article_id, base_version)
    if (title, summary, body, references) == (
        article.title,
        article.summary,
        article.body,
        article.references,
    ):
        return article_out(session, article)
    status = article.status
    if status in ("published", "withdrawn"):
        status = "draft"  # readers keep seeing the published revision until an editor approves this one
    now = utcnow()
    result = session.execute(
        update(Article)
        .where(Article.id == article_id, Article.version == base_version)
        .values(
            title=title,
            summary=summary,
            body=body,
            references=references,
            version=base_version + 1,
            status=status,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:  # someone saved between our read and our write
        raise _conflict(session, article_id, base_version)
    session.refresh(article)
    _add_revision(session, article, user, note or "Edited")
    session.flush()
    return article_out(session, article)


def _bump(session: Session, article: Article, base_version: int, **values: object) -> None:
    """A workflow change guarded by the version the actor saw (so they act on what they reviewed)."""
    if article.version != base_version:
        raise _conflict(session, article.id, base_version)
    result = session.execute(
        update(Article)
        .where(Article.id == article.id, Article.version == base_version)
        .values(updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise _conflict(session, article.id, base_version)
    session.refresh(article)


def _require_publishable(article: Article) -> None:
    problems = citation_problems(article.body, parse_references(article.references))
    if problems:
        raise InvalidInput(" ".join(problems))


def submit_for_review(session: Session, user: CurrentUser, article_id: int, base_version: int) -> ArticleOut:
    article = _article(session, article_id)
    if not _can_edit(user, article):
        raise NotAllowed("You can only submit your own articles.")
    if article.status == "in_review":
        raise InvalidInput("This article is already waiting for review.")
    if article.status == "published":
        raise InvalidInput("This version is already published.")
    _require_publishable(article)
    _bump(session, article, base_version, status="in_review")
    _log(session, article, user, "submitted")
    session.flush()
    return article_out(session, article)


def publish(
    session: Session, user: CurrentUser, article_id: int, base_version: int, note: str = ""
) -> ArticleOut:
    """An editor approves the version they reviewed; it becomes what readers see."""
    if not user.is_editor:
        raise NotAllowed("Only editors can publish articles.")
    article = _article(session, article_id)
    if article.author_id == user.id and not user.has_role("admin"):
        raise NotAllowed("Another editor must review and publish your own article.")
    if article.status != "in_review":
        raise InvalidInput("Only an article that was submitted for review can be published.")
    _require_publishable(article)
    now = utcnow()
    _bump(
        session,
        article,
        base_version,
        status="published",
        published_revision=base_version,
        last_reviewed=now.date(),
        reviewed_by=user.id,
        published_at=article.published_at or now,
    )
    _log(session, article, user, "published", note)
    session.flush()
    return article_out(session, article)


def return_to_author(
    session: Session, user: CurrentUser, article_id: int, base_version: int, note: str
) -> ArticleOut:
    if not user.is_editor:
        raise NotAllowed("Only editors can return articles to their author.")
    article = _article(session, article_id)
    if article.status != "in_review":
        raise InvalidInput("Only an article waiting for review can be returned.")
    if not clean_text(note, "Note", max_length=500, multiline=True):
        raise InvalidInput("Say what the author should change.")
    _bump(session, article, base_version, status="draft")
    _log(session, article, user, "returned", note)
    session.flush()
    return article_out(session, article)


def withdraw(session: Session, user: CurrentUser, article_id: int, note: str = "") -> ArticleOut:
    """Take an article off the site (its author or an editor). Editing it again starts a new review."""
    article = _article(session, article_id)
    if not _can_edit(user, article):
        raise NotAllowed("You can only withdraw your own articles.")
    if article.status == "withdrawn":
        return article_out(session, article)
    _bump(session, article, article.version, status="withdrawn")
    _log(session, article, user, "withdrawn", note)
    session.flush()
    return article_out(session, article)


def mark_reviewed(session: Session, user: CurrentUser, article_id: int, note: str = "") -> ArticleOut:
    """An editor confirms the published text is still current: updates the "last reviewed" date."""
    if not user.is_editor:
        raise NotAllowed("Only editors can mark articles as reviewed.")
    article = _article(session, article_id)
    if not is_public(article):
        raise InvalidInput("Only a published article can be marked as reviewed.")
    article.last_reviewed = utcnow().date()
    article.reviewed_by = user.id
    _log(session, article, user, "reviewed", note)
    session.flush()
    return article_out(session, article)


def get_article(session: Session, user: CurrentUser | None, article_id: int) -> ArticleOut:
    """The working copy (author and editors only; others get NotFound, not a hint that it exists)."""
    article = _article(session, article_id)
    _require_view(user, article)
    return article_out(session, article)


def get_published(session: Session, article_id: int) -> PublishedArticle:
    article = _article(session, article_id)
    if not is_public(article):
        raise NotFound("There is no such article.")
    return _published(session, article)


def _published(session: Session, article: Article) -> PublishedArticle:
    assert article.published_revision is not None
    revision = session.scalar(
        select(ArticleRevision).where(
            ArticleRevision.article_id == article.id, ArticleRevision.number == article.published_revision
        )
    )
    assert revision is not None
    references = parse_references(revision.references)
    count = session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.article_id == article.id, Comment.status == "visible")
    )
    return PublishedArticle(
        id=article.id,
        condition_id=article.condition_id,
        author=byline(session, article.author_id),
        rating=rating_summary(session, article.author_id),
        title=revision.title,
        slug=slugify(revision.title),
        summary=revision.summary,
        body_html=render_article(revision.body, len(references)),
        references=references,
        revision=revision.number,
        last_reviewed=article.last_reviewed,
        published_at=as_utc(article.published_at) if article.published_at else None,
        comment_count=int(count or 0),
        has_pending_changes=article.version != article.published_revision,
    )


def _same_disease_ids(knowledge: Knowledge, condition: str) -> list[str]:
    """The canonical id of `condition` (any accepted spelling), then the ids of the entries MONDO calls
    the same disease (OMIM:154700 -> [OMIM:154700, ORPHA:558]); [] for an unknown id."""
    cid = knowledge.normalise_condition_id(condition)
    if cid is None:
        return []
    return [cid, *(e for e in knowledge.conditions[cid].equivalent_ids if e != cid)]


# The revision readers see of an article: join ArticleRevision on this (never-published articles drop out)
PUBLISHED_REVISION = (ArticleRevision.article_id == Article.id) & (
    ArticleRevision.number == Article.published_revision
)


def _published_rows() -> Select[Article, ArticleRevision, Account, AuthorProfile]:
    """Public articles with their published revision, author and author profile (one query; callers add
    their conditions and order). Joining on the published revision leaves out never-published articles."""
    return (
        select(Article, ArticleRevision, Account, AuthorProfile)
        .join(ArticleRevision, PUBLISHED_REVISION)
        .join(Account, Account.id == Article.author_id)
        .outerjoin(AuthorProfile, AuthorProfile.account_id == Account.id)
        .where(Article.status != "withdrawn")
    )


def _published_fields(article: Article, revision: ArticleRevision, author: Byline) -> dict[str, Any]:
    """An `ArticleSummary` as readers see it: everything from the published revision, nothing from a
    working copy that waits for review (its title, summary, status, version or time of saving)."""
    return {
        "id": article.id,
        "condition_id": article.condition_id,
        "title": revision.title,
        "slug": slugify(revision.title),
        "summary": revision.summary,
        "status": "published",
        "version": revision.number,
        "author": author,
        "published_revision": revision.number,
        "last_reviewed": article.last_reviewed,
        "updated_at": as_utc(revision.created_at),
    }


def published_articles(
    session: Session, *, author_id: int | None = None, limit: int = 200
) -> list[ArticleSummary]:
    """The published articles (all, or one author's) as readers see them: the published revision's title,
    slug and summary, never an unreviewed edit's; newest published text first. One query."""
    query = _published_rows().order_by(ArticleRevision.created_at.desc(), Article.id.desc()).limit(limit)
    if author_id is not None:
        query = query.where(Article.author_id == author_id)
    return [
        ArticleSummary(**_published_fields(article, revision, byline_of(account, profile)))
        for article, revision, account, profile in session.execute(query).all()
    ]


def published_articles_for(
    session: Session, condition: str, *, knowledge: Knowledge
) -> list[ConditionArticle]:
    """The published articles about a condition (any accepted id) and about every entry that MONDO calls
    the same disease as readers see them (the published revision's title, summary, version and time, status
    "published"; nothing of an edit waiting for review), with their authors' ratings and comment
    counts: articles written for this entry first, then newest review first. Those written for another
    entry say so (`equivalent_entry`, with that entry in `condition_id`). Unknown ids have no articles.
    Three queries whatever the number of articles (articles, ratings, comment counts)."""
    ids = _same_disease_ids(knowledge, condition)
    if not ids:
        return []
    rows = session.execute(
        _published_rows()
        .where(Article.condition_id.in_(ids))
        .order_by(
            case((Article.condition_id == ids[0], 0), else_=1),
            Article.last_reviewed.desc(),
            Article.id,
        )
    ).all()
    if not rows:
        return []
    ratings = rating_summaries(session, {article.author_id for article, *_ in rows})
    counts: dict[int, int] = {
        article_id: int(count)
        for article_id, count in session.execute(
            select(Comment.article_id, func.count())
            .where(Comment.article_id.in_([a.id for a, *_ in rows]), Comment.status == "visible")
            .group_by(Comment.article_id)
        )
    }
    return [
        ConditionArticle(
            **_published_fields(article, revision, byline_of(account, profile)),
            equivalent_entry=article.condition_id != ids[0],
            rating=ratings[article.author_id],
            comment_count=counts.get(article.id, 0),
            reference_count=len(parse_references(revision.references)),
        )
        for article, revision, account, profile in rows
    ]


def list_articles(
    session: Session,
    *,
    author_id: int | None = None,
    status: str | None = None,
    condition_id: str | None = None,
    limit: int = 200,
) -> list[ArticleSummary]:
    """Working copies (current title, summary and status), for their authors, editors and the CLI.
    Never for readers: they get `published_articles` / `published_articles_for`."""
    query = select(Article).order_by(Article.updated_at.desc(), Article.id.desc()).limit(limit)
    if author_id is not None:
        query = query.where(Article.author_id == author_id)
    if status is not None:
        query = query.where(Article.status == status)
    if condition_id is not None:
        query = query.where(Article.condition_id == condition_id)
    return [_summary(session, a) for a in session.scalars(query)]


def _newest_visible(user: CurrentUser | None, article: Article) -> int | None:
    """The newest revision `user` may see of an article's history: every one (None) for its author and
    editors; for readers, the published revision (later ones wait for review), and nothing (NotFound)
    of an article that is not public."""
    if user is not None and _can_edit(user, article):
        return None
    if not is_public(article):
        raise NotFound("There is no such article.")
    return article.published_revision


def history_title(session: Session, user: CurrentUser | None, article_id: int) -> str:
    """The title to head the article's history with: the published revision's for readers, the working
    copy's for its author and editors (NotFound as for `history`)."""
    article = _article(session, article_id)
    newest = _newest_visible(user, article)
    if newest is None:
        return article.title
    title = session.scalar(
        select(ArticleRevision.title).where(
            ArticleRevision.article_id == article.id, ArticleRevision.number == newest
        )
    )
    assert title is not None
    return title


def history(
    session: Session, user: CurrentUser | None, article_id: int
) -> tuple[list[RevisionOut], list[ArticleEventOut]]:
    """The revisions (newest first) and the workflow log. Its author and editors see all of it; readers
    only a published article's, up to the published revision (not the edits and review notes after it)."""
    article = _article(session, article_id)
    newest = _newest_visible(user, article)
    revision_filter = ArticleRevision.article_id == article_id
    event_filter = ArticleEvent.article_id == article_id
    if newest is not None:
        revision_filter &= ArticleRevision.number <= newest
        event_filter &= ArticleEvent.revision <= newest
    names = dict(session.execute(select(Account.id, Account.name)).all())
    revisions = [
        RevisionOut(
            number=r.number,
            title=r.title,
            summary=r.summary,
            body=r.body,
            references_text=r.references,
            edited_by=r.edited_by,
            edited_by_name=names.get(r.edited_by, "(deleted account)") if r.edited_by else "(import)",
            note=r.note,
            created_at=as_utc(r.created_at),
        )
        for r in session.scalars(
            select(ArticleRevision).where(revision_filter).order_by(ArticleRevision.number.desc())
        )
    ]
    events = [
        ArticleEventOut(
            action=e.action,
            revision=e.revision,
            actor_name=names.get(e.actor_id, "(deleted account)") if e.actor_id else "(system)",
            note=e.note,
            created_at=as_utc(e.created_at),
        )
        for e in session.scalars(select(ArticleEvent).where(event_filter).order_by(ArticleEvent.id.desc()))
    ]
    return revisions, events


def _revision_text(revision: ArticleRevision) -> list[str]:
    return [
        f"Title: {revision.title}",
        f"Summary: {revision.summary}",
        "",
        *revision.body.split("\n"),
        "",
        "References:",
        *revision.references.split("\n"),
    ]


def diff(
    session: Session, user: CurrentUser | None, article_id: int, from_revision: int, to_revision: int
) -> DiffOut:
    """A unified diff (difflib) between two revisions of an article (for readers, two revisions up to the
    published one: as for `history`)."""
    article = _article(session, article_id)
    newest = _newest_visible(user, article)
    rows = {
        r.number: r
        for r in session.scalars(
            select(ArticleRevision).where(
                ArticleRevision.article_id == article_id,
                ArticleRevision.number.in_([from_revision, to_revision]),
            )
        )
    }
    for number in (from_revision, to_revision):
        if number not in rows or (newest is not None and number > newest):
            raise NotFound(f"This article has no revision {number}.")
    old, new = rows[from_revision], rows[to_revision]
    unified = list(
        difflib.unified_diff(
            _revision_text(old),
            _revision_text(new),
            fromfile=f"revision {from_revision}",
            tofile=f"revision {to_revision}",
            lineterm="",
        )
    )
    lines = []
    for line in unified:
        if line.startswith(("---", "+++", "@@")):
            kind = "header"
        elif line.startswith("+"):
            kind = "added"
        elif line.startswith("-"):
            kind = "removed"
        else:
            kind = "context"
        lines.append(DiffLine(kind=kind, text=line))
    return DiffOut(
        article_id=article_id,
        from_revision=from_revision,
        to_revision=to_revision,
        unified="\n".join(unified),
        lines=lines,
    )


def author_byline_rows(session: Session, author_ids: list[int]) -> dict[int, str]:
    rows = session.execute(
        select(Account, AuthorProfile)
        .outerjoin(AuthorProfile, AuthorProfile.account_id == Account.id)
        .where(Account.id.in_(author_ids))
    ).all()
    return {a.id: byline_of(a, p).text for a, p in rows}


def today() -> date:
    return utcnow().date()
