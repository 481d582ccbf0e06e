"""Typed results of the editorial services (what pages, the API and the CLI format)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from symptomdb.editorial.references import Reference

ROLES = ("reader", "author", "editor", "admin")


def role_rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


class AccountOut(BaseModel):
    id: int
    email: str
    name: str
    role: str
    is_active: bool
    is_sample: bool
    created_at: datetime


class CurrentUser(BaseModel):
    """Who is acting: passed to every service that checks permissions."""

    id: int
    name: str
    email: str
    role: str
    is_sample: bool = False

    def has_role(self, role: str) -> bool:
        return role_rank(self.role) >= role_rank(role)

    @property
    def is_editor(self) -> bool:
        return self.has_role("editor")

    @property
    def is_author(self) -> bool:
        return self.has_role("author")


class SignInResult(BaseModel):
    account: CurrentUser | None = None
    error: str | None = None
    retry_after: int | None = None


class NewSession(BaseModel):
    token: str  # goes in the cookie; only its hash is stored
    csrf_token: str


class ApiTokenOut(BaseModel):
    id: int
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewApiToken(BaseModel):
    token: str  # shown once
    info: ApiTokenOut


class RatingSummary(BaseModel):
    average: float | None
    count: int

    @property
    def label(self) -> str:
        if not self.count or self.average is None:
            return "Not rated yet"
        return f"{self.average:.1f} out of 5 ({self.count} rating{'s' if self.count != 1 else ''})"


class RatingOut(BaseModel):
    id: int
    rater_id: int
    author_id: int
    stars: int
    created_at: datetime
    updated_at: datetime


class Byline(BaseModel):
    account_id: int
    display_name: str
    credentials: str = ""
    specialty: str = ""
    affiliation: str = ""
    is_sample: bool = False
    photo_url: str | None = None  # versioned address of the author's photo, if there is one

    @property
    def text(self) -> str:
        name = f"{self.display_name}, {self.credentials}" if self.credentials else self.display_name
        return f"{name} ({self.affiliation})" if self.affiliation else name


class AuthorProfileOut(Byline):
    bio: str = ""
    bio_html: str = ""
    rating: RatingSummary
    updated_at: datetime | None = None


class ArticleOut(BaseModel):
    """An article's working copy (what its author and editors see and edit)."""

    id: int
    condition_id: str
    author: Byline
    title: str
    slug: str
    summary: str
    body: str
    references_text: str
    references: list[Reference]
    status: str
    version: int
    published_revision: int | None
    last_reviewed: date | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    problems: list[str] = []  # what stops it from going to review or being published


class PublishedArticle(BaseModel):
    """What readers see: the revision an editor published."""

    id: int
    condition_id: str
    author: Byline
    rating: RatingSummary
    title: str
    slug: str
    summary: str
    body_html: str
    references: list[Reference]
    revision: int
    last_reviewed: date | None
    published_at: datetime | None
    comment_count: int
    has_pending_changes: bool = False


class ArticleSummary(BaseModel):
    id: int
    condition_id: str
    title: str
    slug: str
    summary: str
    status: str
    version: int
    author: Byline
    published_revision: int | None
    last_reviewed: date | None
    updated_at: datetime
    # In a listing for a condition: True when the article was written for `condition_id`, another entry
    # that MONDO calls the same disease (OMIM:154700 listed for ORPHA:558, both Marfan syndrome).
    equivalent_entry: bool = False


class ConditionArticle(ArticleSummary):
    """A published article as listed for a condition: title and summary of the published revision."""

    rating: RatingSummary  # its author's
    comment_count: int
    reference_count: int


class RevisionOut(BaseModel):
    number: int
    title: str
    summary: str
    body: str
    references_text: str
    edited_by: int | None
    edited_by_name: str
    note: str
    created_at: datetime


class ArticleEventOut(BaseModel):
    action: str
    revision: int
    actor_name: str
    note: str
    created_at: datetime


class DiffLine(BaseModel):
    kind: str  # context, added, removed, header
    text: str


class DiffOut(BaseModel):
    article_id: int
    from_revision: int
    to_revision: int
    unified: str
    lines: list[DiffLine]


class CommentOut(BaseModel):
    id: int
    article_id: int
    account_id: int
    author_name: str
    is_article_author: bool
    is_staff: bool
    parent_id: int | None
    body: str
    body_html: str
    status: str
    flag_count: int
    created_at: datetime
    moderation_reason: str = ""
    replies: list[CommentOut] = []


class QueueItem(BaseModel):
    comment: CommentOut
    article_title: str
    article_id: int
    reasons: list[str]


class ModerationQueue(BaseModel):
    held: list[QueueItem]
    flagged: list[QueueItem]
    articles_in_review: list[ArticleSummary]
