"""Comments on published articles, flags, and the moderation queue.

- Comments are plain text with minimal Markdown, sanitised when rendered.
- A reader's comments are held for moderation until a moderator has approved one of them.
- Comments and flags are rate-limited per account (limits kept in the database).
- The article's author and editors can reply; replies are one level deep.
- Moderators approve, hide or delete (with a reason, kept in the log; deleting erases the text).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import (
    Account,
    Article,
    ArticleRevision,
    Comment,
    CommentFlag,
    ModerationAction,
)
from symptomdb.editorial import ratelimit
from symptomdb.editorial.articles import PUBLISHED_REVISION, _summary, is_public
from symptomdb.editorial.common import as_utc, clean_text, utcnow
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound
from symptomdb.editorial.markup import render_comment
from symptomdb.editorial.schemas import CommentOut, CurrentUser, ModerationQueue, QueueItem, role_rank

MAX_COMMENT = 4000
TRUSTED_AFTER_APPROVED = 1  # approved comments before an account's comments appear without moderation
AUTO_HOLD_FLAGS = 3  # a visible comment with this many reports is held until a moderator looks at it

Action = Literal["approve", "hide", "delete"]


def _out(comment: Comment, account: Account, article_author_id: int) -> CommentOut:
    return CommentOut(
        id=comment.id,
        article_id=comment.article_id,
        account_id=comment.account_id,
        author_name=account.name,
        is_article_author=comment.account_id == article_author_id,
        is_staff=role_rank(account.role) >= role_rank("editor"),
        parent_id=comment.parent_id,
        body=comment.body,
        body_html=render_comment(comment.body) if comment.status != "deleted" else "",
        status=comment.status,
        flag_count=comment.flag_count,
        created_at=as_utc(comment.created_at),
        moderation_reason=comment.moderation_reason,
    )


def _needs_moderation(session: Session, user: CurrentUser) -> bool:
    if user.is_author:
        return False
    approved = session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.account_id == user.id, Comment.status == "visible")
    )
    return (approved or 0) < TRUSTED_AFTER_APPROVED


def add_comment(
    session: Session, user: CurrentUser, article_id: int, body: str, parent_id: int | None = None
) -> CommentOut:
    article = session.get(Article, article_id)
    if article is None or not is_public(article):
        raise NotFound("There is no such article.")
    text = clean_text(body, "Comment", max_length=MAX_COMMENT, required=True, multiline=True)
    if parent_id is not None:
        if article.author_id != user.id and not user.is_editor:
            raise NotAllowed("Only the article's author and editors can reply to comments.")
        parent = session.get(Comment, parent_id)
        if parent is None or parent.article_id != article_id or parent.status != "visible":
            raise NotFound("The comment you reply to does not exist (or is not visible).")
        parent_id = parent.parent_id or parent.id  # replies are one level deep
    if not user.is_editor:
        ratelimit.check(session, ratelimit.COMMENT_BURST, str(user.id))
        ratelimit.check(session, ratelimit.COMMENT_DAY, str(user.id))
    status = "held" if _needs_moderation(session, user) else "visible"
    comment = Comment(
        article_id=article_id,
        account_id=user.id,
        parent_id=parent_id,
        body=text,
        status=status,
        flag_count=0,
        created_at=utcnow(),
        moderation_reason="",
    )
    session.add(comment)
    ratelimit.record(session, ratelimit.COMMENT_BURST.kind, str(user.id))
    session.flush()
    account = session.get(Account, user.id)
    assert account is not None
    return _out(comment, account, article.author_id)


def comments_for(session: Session, article_id: int, viewer: CurrentUser | None = None) -> list[CommentOut]:
    """Visible comments, threaded, oldest first; plus the viewer's own comments awaiting moderation."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound("There is no such article.")
    condition = Comment.status == "visible"
    if viewer is not None:
        condition = condition | ((Comment.account_id == viewer.id) & (Comment.status == "held"))
    rows = session.execute(
        select(Comment, Account)
        .join(Account, Account.id == Comment.account_id)
        .where(Comment.article_id == article_id, condition)
        .order_by(Comment.created_at, Comment.id)
    ).all()
    items = [_out(c, a, article.author_id) for c, a in rows]
    by_parent: dict[int, list[CommentOut]] = defaultdict(list)
    roots = []
    ids = {c.id for c in items}
    for item in items:
        if item.parent_id is not None and item.parent_id in ids:
            by_parent[item.parent_id].append(item)
        elif item.parent_id is None:
            roots.append(item)
    for root in roots:
        root.replies = by_parent.get(root.id, [])
    return roots


def comments_received(session: Session, author_id: int, limit: int = 20) -> list[tuple[CommentOut, str]]:
    """Recent visible comments on an author's published articles, with the article's published title
    (not an unreviewed edit's: this is shown to readers)."""
    rows = session.execute(
        select(Comment, Account, ArticleRevision.title)
        .join(Account, Account.id == Comment.account_id)
        .join(Article, Article.id == Comment.article_id)
        .join(ArticleRevision, PUBLISHED_REVISION)
        .where(
            Article.author_id == author_id,
            Comment.status == "visible",
            Article.published_revision.is_not(None),
            Article.status != "withdrawn",
        )
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(limit)
    ).all()
    return [(_out(c, a, author_id), title) for c, a, title in rows]


def flag_comment(session: Session, user: CurrentUser, comment_id: int, reason: str = "") -> CommentOut:
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != "visible":
        raise NotFound("There is no such comment.")
    if comment.account_id == user.id:
        raise InvalidInput("You cannot report your own comment.")
    ratelimit.check(session, ratelimit.FLAG, str(user.id))
    already = session.get(CommentFlag, (comment_id, user.id))
    if already is not None:
        raise InvalidInput("You have already reported this comment; a moderator will look at it.")
    session.add(
        CommentFlag(
            comment_id=comment_id,
            account_id=user.id,
            reason=clean_text(reason, "Reason", max_length=300),
            created_at=utcnow(),
        )
    )
    try:
        session.flush()
    except IntegrityError as error:
        raise InvalidInput("You have already reported this comment.") from error
    comment.flag_count = (comment.flag_count or 0) + 1
    if comment.flag_count >= AUTO_HOLD_FLAGS:
        comment.status = "held"
    ratelimit.record(session, ratelimit.FLAG.kind, str(user.id))
    session.flush()
    account = session.get(Account, comment.account_id)
    article = session.get(Article, comment.article_id)
    assert account is not None and article is not None
    return _out(comment, account, article.author_id)


def moderate(
    session: Session, user: CurrentUser, comment_id: int, action: Action, reason: str = ""
) -> CommentOut:
    if not user.is_editor:
        raise NotAllowed("Only editors can moderate comments.")
    if action not in ("approve", "hide", "delete"):
        raise InvalidInput("The action must be approve, hide or delete.")
    reason = clean_text(reason, "Reason", max_length=500, multiline=True)
    if action in ("hide", "delete") and not reason:
        raise InvalidInput("Give a reason for hiding or deleting a comment.")
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status == "deleted":
        raise NotFound("There is no such comment.")
    now = utcnow()
    comment.status = {"approve": "visible", "hide": "hidden", "delete": "deleted"}[action]
    comment.moderated_by = user.id
    comment.moderated_at = now
    comment.moderation_reason = reason
    comment.flag_count = 0  # the reports were looked at
    if action == "delete":
        comment.body = ""
    session.add(
        ModerationAction(
            comment_id=comment_id, moderator_id=user.id, action=action, reason=reason, created_at=now
        )
    )
    session.flush()
    account = session.get(Account, comment.account_id)
    article = session.get(Article, comment.article_id)
    assert account is not None and article is not None
    return _out(comment, account, article.author_id)


def moderation_queue(session: Session, user: CurrentUser, limit: int = 200) -> ModerationQueue:
    if not user.is_editor:
        raise NotAllowed("Only editors can see the moderation queue.")
    rows = session.execute(
        select(Comment, Account, Article)
        .join(Account, Account.id == Comment.account_id)
        .join(Article, Article.id == Comment.article_id)
        .where((Comment.status == "held") | ((Comment.status == "visible") & (Comment.flag_count > 0)))
        .order_by(Comment.created_at, Comment.id)
        .limit(limit)
    ).all()
    flag_reasons: dict[int, list[str]] = defaultdict(list)
    ids = [c.id for c, _, _ in rows]
    if ids:
        for flag in session.scalars(select(CommentFlag).where(CommentFlag.comment_id.in_(ids))):
            flag_reasons[flag.comment_id].append(flag.reason or "(no reason given)")
    held: list[QueueItem] = []
    flagged: list[QueueItem] = []
    for comment, account, article in rows:
        reasons = [f"Reported: {r}" for r in flag_reasons.get(comment.id, [])]
        if comment.status == "held" and not reasons:
            reasons = ["New account: first comments wait for approval."]
        item = QueueItem(
            comment=_out(comment, account, article.author_id),
            article_title=article.title,
            article_id=article.id,
            reasons=reasons,
        )
        (held if comment.status == "held" else flagged).append(item)
    in_review = session.scalars(
        select(Article).where(Article.status == "in_review").order_by(Article.updated_at)
    )
    return ModerationQueue(
        held=held, flagged=flagged, articles_in_review=[_summary(session, a) for a in in_review]
    )
