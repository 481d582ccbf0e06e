"""Editorial API under /api/v1: articles, revisions, comments, moderation, authors and ratings.

Reading published content is open; writing needs an API token (`Authorization: Bearer sdb_…`) of an
author or editor (`symptomdb users token --email …`, or the account page). Session cookies are not
accepted here, so the API needs no CSRF token. Errors have the body
`{"error": {"code": ..., "message": ...}}` (a conflict adds `current_version`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from symptomdb.editorial import accounts, articles, comments, profiles, ratings
from symptomdb.editorial.errors import EditConflict, EditorialError, NotSignedIn, RateLimited
from symptomdb.editorial.schemas import (
    ArticleOut,
    ArticleSummary,
    AuthorProfileOut,
    Byline,
    CommentOut,
    CurrentUser,
    DiffOut,
    ModerationQueue,
    PublishedArticle,
    RatingOut,
    RevisionOut,
)
from symptomdb.editorial.web import fragment
from symptomdb.editorial.web.context import MAX_ROW_ID, RowId, bearer_token, sessions_of, site_of

T = TypeVar("T")
router = APIRouter(prefix="/api/v1", tags=["editorial"])


class ErrorDetail(BaseModel):
    code: str
    message: str
    current_version: int | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in {
        401: "No valid API token.",
        403: "Not allowed for this account.",
        404: "No such item.",
        409: "Edit conflict: the article changed since `base_version`.",
        422: "Invalid input.",
        429: "Rate limited (see Retry-After).",
    }.items()
}


class ArticleCreate(BaseModel):
    condition_id: str = Field(max_length=40, examples=["ORPHA:1183"])
    title: str = Field(max_length=200)
    summary: str = Field("", max_length=500)
    body: str = Field(max_length=60_000, description="Markdown; cite references as [1], [2]…")
    references: str = Field("", max_length=20_000, description="One per line: PMID:…, doi:…, https://…")


class ArticleUpdate(BaseModel):
    base_version: int = Field(
        ge=1, le=MAX_ROW_ID, description="The version this edit starts from (optimistic locking)."
    )
    title: str = Field(max_length=200)
    summary: str = Field("", max_length=500)
    body: str = Field(max_length=60_000)
    references: str = Field("", max_length=20_000)
    note: str = Field("", max_length=300)


class WorkflowStep(BaseModel):
    base_version: int = Field(ge=1, le=MAX_ROW_ID)
    note: str = Field("", max_length=500)


class Note(BaseModel):
    note: str = Field("", max_length=500)


class CommentCreate(BaseModel):
    body: str = Field(max_length=4000)
    parent_id: int | None = Field(None, ge=-MAX_ROW_ID, le=MAX_ROW_ID)


class FlagCreate(BaseModel):
    reason: str = Field("", max_length=300)


class Moderation(BaseModel):
    action: Literal["approve", "hide", "delete"]
    reason: str = Field("", max_length=500)


class RatingSet(BaseModel):
    stars: int = Field(ge=1, le=5)


class History(BaseModel):
    revisions: list[RevisionOut]


def _error(error: EditorialError) -> JSONResponse:
    detail: dict[str, Any] = {"code": error.code, "message": error.message}
    if isinstance(error, EditConflict):
        detail["current_version"] = error.current_version
    headers = {"Cache-Control": "no-store"}
    if isinstance(error, RateLimited):
        headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, NotSignedIn):
        headers["WWW-Authenticate"] = 'Bearer realm="symptomdb"'
    return JSONResponse({"error": detail}, status_code=error.status, headers=headers)


def _user(request: Request) -> CurrentUser:
    token = bearer_token(request)
    if token is None:
        raise NotSignedIn("This needs an API token: send `Authorization: Bearer <token>`.")
    with sessions_of(request).begin() as session:
        user = accounts.token_user(session, token)
    if user is None:
        raise NotSignedIn("The API token is not valid (unknown, revoked, or its account is deactivated).")
    return user


def _optional_user(request: Request) -> CurrentUser | None:
    return _user(request) if bearer_token(request) else None


def _call(work: Callable[[], T], status: int = 200) -> Any:
    try:
        result = work()
    except EditorialError as error:
        return _error(error)
    if isinstance(result, Response):
        return result
    if status != 200:
        payload = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
        return JSONResponse(payload, status_code=status)
    return result


def _write(request: Request, action: Callable[[Any, CurrentUser], T], status: int = 200) -> Any:
    def work() -> T:
        user = _user(request)
        with sessions_of(request).begin() as session:
            result = action(session, user)
        fragment.invalidate()
        return result

    return _call(work, status)


# --- articles -----------------------------------------------------------------------------------------
@router.get(
    "/articles",
    response_model=list[ArticleSummary],
    summary="Published articles",
    description="With `condition`: the articles about that condition and about every entry that MONDO calls "
    "the same disease (OMIM:154700 and ORPHA:558); those written for another entry have `equivalent_entry` "
    "true, and that entry in `condition_id`.",
)
def list_published(request: Request, condition: Annotated[str, Query(max_length=40)] = "") -> Any:
    knowledge = site_of(request).knowledge
    with sessions_of(request)() as session:
        if condition:
            return articles.published_articles_for(session, condition, knowledge=knowledge)
        return articles.published_articles(session)


@router.post(
    "/articles", response_model=ArticleOut, status_code=201, responses=ERRORS, summary="Create a draft"
)
def create(request: Request, payload: ArticleCreate) -> Any:
    knowledge = site_of(request).knowledge
    return _write(
        request,
        lambda session, user: articles.create_article(
            session,
            user,
            payload.condition_id,
            payload.title,
            payload.body,
            payload.references,
            payload.summary,
            known_condition=knowledge.normalise_condition_id,
        ),
        status=201,
    )


@router.get(
    "/articles/{article_id}", response_model=PublishedArticle, responses=ERRORS, summary="A published article"
)
def read_published(request: Request, article_id: RowId) -> Any:
    def work() -> PublishedArticle:
        with sessions_of(request)() as session:
            return articles.get_published(session, article_id)

    return _call(work)


@router.get(
    "/articles/{article_id}/working", response_model=ArticleOut, responses=ERRORS, summary="The working copy"
)
def read_working(request: Request, article_id: RowId) -> Any:
    def work() -> ArticleOut:
        user = _user(request)
        with sessions_of(request)() as session:
            return articles.get_article(session, user, article_id)

    return _call(work)


@router.put(
    "/articles/{article_id}", response_model=ArticleOut, responses=ERRORS, summary="Save a new revision"
)
def update(request: Request, article_id: RowId, payload: ArticleUpdate) -> Any:
    return _write(
        request,
        lambda session, user: articles.update_article(
            session,
            user,
            article_id,
            payload.base_version,
            title=payload.title,
            body=payload.body,
            references=payload.references,
            summary=payload.summary,
            note=payload.note,
        ),
    )


@router.post(
    "/articles/{article_id}/submit", response_model=ArticleOut, responses=ERRORS, summary="Submit for review"
)
def submit(request: Request, article_id: RowId, payload: WorkflowStep) -> Any:
    return _write(request, lambda s, u: articles.submit_for_review(s, u, article_id, payload.base_version))


@router.post(
    "/articles/{article_id}/publish", response_model=ArticleOut, responses=ERRORS, summary="Publish (editors)"
)
def publish(request: Request, article_id: RowId, payload: WorkflowStep) -> Any:
    return _write(
        request, lambda s, u: articles.publish(s, u, article_id, payload.base_version, payload.note)
    )


@router.post(
    "/articles/{article_id}/return",
    response_model=ArticleOut,
    responses=ERRORS,
    summary="Return to the author",
)
def return_to_author(request: Request, article_id: RowId, payload: WorkflowStep) -> Any:
    return _write(
        request, lambda s, u: articles.return_to_author(s, u, article_id, payload.base_version, payload.note)
    )


@router.post(
    "/articles/{article_id}/withdraw", response_model=ArticleOut, responses=ERRORS, summary="Withdraw"
)
def withdraw(request: Request, article_id: RowId, payload: Note) -> Any:
    return _write(request, lambda s, u: articles.withdraw(s, u, article_id, payload.note))


@router.get(
    "/articles/{article_id}/revisions", response_model=History, responses=ERRORS, summary="Revision history"
)
def revisions(request: Request, article_id: RowId) -> Any:
    def work() -> History:
        user = _optional_user(request)
        with sessions_of(request)() as session:
            return History(revisions=articles.history(session, user, article_id)[0])

    return _call(work)


@router.get(
    "/articles/{article_id}/diff", response_model=DiffOut, responses=ERRORS, summary="Diff of two revisions"
)
def diff(
    request: Request,
    article_id: RowId,
    from_revision: Annotated[int, Query(alias="from", ge=1, le=1_000_000)],
    to_revision: Annotated[int, Query(alias="to", ge=1, le=1_000_000)],
) -> Any:
    def work() -> DiffOut:
        user = _optional_user(request)
        with sessions_of(request)() as session:
            return articles.diff(session, user, article_id, from_revision, to_revision)

    return _call(work)


# --- comments -----------------------------------------------------------------------------------------
@router.get(
    "/articles/{article_id}/comments", response_model=list[CommentOut], responses=ERRORS, summary="Comments"
)
def list_comments(request: Request, article_id: RowId) -> Any:
    def work() -> list[CommentOut]:
        with sessions_of(request)() as session:
            articles.get_published(session, article_id)
            return comments.comments_for(session, article_id)

    return _call(work)


@router.post(
    "/articles/{article_id}/comments", response_model=CommentOut, status_code=201, responses=ERRORS,
    summary="Add a comment or a reply",
)  # fmt: skip
def add_comment(request: Request, article_id: RowId, payload: CommentCreate) -> Any:
    return _write(
        request,
        lambda s, u: comments.add_comment(s, u, article_id, payload.body, payload.parent_id),
        status=201,
    )


@router.post(
    "/comments/{comment_id}/flag", response_model=CommentOut, responses=ERRORS, summary="Report a comment"
)
def flag(request: Request, comment_id: RowId, payload: FlagCreate) -> Any:
    return _write(request, lambda s, u: comments.flag_comment(s, u, comment_id, payload.reason))


@router.post(
    "/comments/{comment_id}/moderate",
    response_model=CommentOut,
    responses=ERRORS,
    summary="Moderate (editors)",
)
def moderate(request: Request, comment_id: RowId, payload: Moderation) -> Any:
    return _write(request, lambda s, u: comments.moderate(s, u, comment_id, payload.action, payload.reason))


@router.get("/moderation/queue", response_model=ModerationQueue, responses=ERRORS, summary="Moderation queue")
def queue(request: Request) -> Any:
    def work() -> ModerationQueue:
        user = _user(request)
        with sessions_of(request)() as session:
            return comments.moderation_queue(session, user)

    return _call(work)


# --- authors and ratings ------------------------------------------------------------------------------
@router.get("/authors", response_model=list[Byline], summary="Authors")
def list_authors(request: Request) -> Any:
    with sessions_of(request)() as session:
        return profiles.list_authors(session)


@router.get("/authors/{author_id}", response_model=AuthorProfileOut, responses=ERRORS, summary="An author")
def read_author(request: Request, author_id: RowId) -> Any:
    def work() -> AuthorProfileOut:
        with sessions_of(request)() as session:
            return profiles.get_profile(session, author_id)

    return _call(work)


@router.put(
    "/authors/{author_id}/rating", response_model=RatingOut, responses=ERRORS, summary="Rate an author (1–5)"
)
def rate(request: Request, author_id: RowId, payload: RatingSet) -> Any:
    return _write(request, lambda s, u: ratings.rate_author(s, u, author_id, payload.stars))


@router.put("/ratings/{rating_id}", response_model=RatingOut, responses=ERRORS, summary="Change your rating")
def change_rating(request: Request, rating_id: RowId, payload: RatingSet) -> Any:
    return _write(request, lambda s, u: ratings.change_rating(s, u, rating_id, payload.stars))


@router.get("/me", response_model=CurrentUser, responses=ERRORS, summary="The token's account")
def me(request: Request) -> Any:
    return _call(lambda: _user(request))
