"""Editorial pages: sign-in and accounts, author profiles and ratings, articles (write, review,
publish, history), comments and moderation. Server-rendered forms (no JavaScript needed), each
carrying a CSRF token; every write is one transaction and ends in a redirect (post/redirect/get)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from symptomdb.db.editorial_models import Article
from symptomdb.editorial import accounts, articles, comments, photos, profiles, ratings
from symptomdb.editorial.errors import EditConflict, EditorialError, NotAllowed, NotFound, RateLimited
from symptomdb.editorial.schemas import ArticleOut, CurrentUser
from symptomdb.editorial.web import fragment
from symptomdb.editorial.web.context import (
    STATIC,
    RowId,
    Viewer,
    check_csrf,
    clear_session_cookie,
    client_ip,
    render,
    safe_next,
    sessions_of,
    set_session_cookie,
    site_of,
    viewer_of,
)

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]

MESSAGES = {
    "signed-up": "Welcome! Your account is ready. Your first comment appears once a moderator approves it.",
    "signed-in": "You are signed in.",
    "password": "Your password is changed. Other browsers signed in to your account were signed out.",
    "profile": "Your author profile is saved.",
    "photo": "Your photo is saved.",
    "photo-removed": "Your photo is removed.",
    "revoked": "The API token is revoked.",
    "created": "Draft saved. Check the preview, then submit it for review.",
    "saved": "Saved as a new revision.",
    "unchanged": "Nothing changed, so no new revision was made.",
    "submitted": "Submitted for review. An editor will check and publish it.",
    "published": "Published: readers now see this revision.",
    "returned": "Returned to the author with your note.",
    "withdrawn": "Withdrawn: the article is no longer shown to readers.",
    "reviewed": "Marked as reviewed today.",
    "rated": "Your rating is saved.",
    "unrated": "Your rating is removed.",
    "comment-posted": "Your comment is published.",
    "comment-held": "Thank you. Your comment will appear after a moderator has approved it.",
    "flagged": "Thank you for the report. A moderator will look at the comment.",
    "moderated": "Done.",
}


def _message(done: str) -> str | None:
    return MESSAGES.get(done)


def _error(request: Request, viewer: Viewer | None, error: EditorialError, **context: Any) -> Response:
    template = context.pop("template", "editorial/message.html")
    response = render(
        request, viewer, template, status=error.status, error=error.message, title=_title(error), **context
    )
    if isinstance(error, RateLimited):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _title(error: EditorialError) -> str:
    return {
        401: "Please sign in",
        403: "Not allowed",
        404: "Not found",
        409: "Someone else saved first",
        422: "Please check what you entered",
        429: "Please slow down",
    }.get(error.status, "Something is not right")


def _sign_in_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    from urllib.parse import quote

    return RedirectResponse(f"/account/sign-in?next={quote(target, safe='/')}", status_code=303)


def _redirect(path: str, done: str | None = None, anchor: str = "") -> RedirectResponse:
    separator = "&" if "?" in path else "?"
    return RedirectResponse(
        f"{path}{separator}done={done}{anchor}" if done else path + anchor, status_code=303
    )


def _post(
    request: Request, csrf_token: str, work: Callable[[Viewer, CurrentUser], Response], **error_context: Any
) -> Response:
    """A signed-in form post: CSRF check, then `work`; editorial errors become a helpful page."""
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    try:
        check_csrf(request, viewer, csrf_token)
        return work(viewer, viewer.user)
    except EditorialError as error:
        return _error(request, viewer, error, **error_context)


def _condition(request: Request, condition_id: str) -> dict[str, str]:
    site = site_of(request)
    record = site.knowledge.conditions.get(condition_id)
    if record is None:
        return {"id": condition_id, "name": condition_id, "url": ""}
    return {"id": condition_id, "name": record.name, "url": site.canonical_path("condition", condition_id)}


def article_path(article_id: int, slug: str) -> str:
    return f"/articles/{article_id}/{slug}"


# --- static -------------------------------------------------------------------------------------------
@router.get("/editorial/static/editorial.css")
def stylesheet() -> Response:
    return Response(
        (STATIC / "editorial.css").read_bytes(),
        media_type="text/css; charset=utf-8",
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )


# --- accounts -----------------------------------------------------------------------------------------
@router.get("/account/sign-in")
def sign_in_page(request: Request, next: Annotated[str, Query(max_length=500)] = "") -> Response:
    viewer = viewer_of(request)
    if viewer.user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, viewer, "editorial/sign_in.html", next=safe_next(next, ""), email="")


@router.post("/account/sign-in")
def sign_in(
    request: Request,
    email: FormText = "",
    password: FormText = "",
    next: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    viewer = viewer_of(request)
    form = {"template": "editorial/sign_in.html", "next": safe_next(next, ""), "email": email[:254]}
    try:
        check_csrf(request, viewer, csrf_token)
    except EditorialError as error:
        return _error(request, viewer, error, **form)
    sessions = sessions_of(request)
    with sessions.begin() as session:
        result = accounts.sign_in(session, email, password, client_ip(request))
    if result.account is None:
        status = 429 if result.retry_after else 401
        page = render(
            request, viewer, "editorial/sign_in.html", status=status, error=result.error,
            next=form["next"], email=form["email"],
        )  # fmt: skip
        if result.retry_after:
            page.headers["Retry-After"] = str(result.retry_after)
        return page
    with sessions.begin() as session:
        new = accounts.start_session(session, result.account)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_session_cookie(response, new.token)
    return response


@router.get("/account/sign-up")
def sign_up_page(request: Request) -> Response:
    viewer = viewer_of(request)
    if viewer.user is not None:
        return RedirectResponse("/account", status_code=303)
    return render(request, viewer, "editorial/sign_up.html", email="", name="")


@router.post("/account/sign-up")
def sign_up(
    request: Request,
    email: FormText = "",
    name: FormText = "",
    password: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    viewer = viewer_of(request)
    form = {"template": "editorial/sign_up.html", "email": email[:254], "name": name[:120]}
    try:
        check_csrf(request, viewer, csrf_token)
        sessions = sessions_of(request)
        with sessions.begin() as session:
            account = accounts.sign_up(session, email, name, password, client_ip(request))
            user = CurrentUser(id=account.id, name=account.name, email=account.email, role=account.role)
            new = accounts.start_session(session, user)
    except EditorialError as error:
        return _error(request, viewer, error, **form)
    response = _redirect("/account", "signed-up")
    set_session_cookie(response, new.token)
    return response


@router.post("/account/sign-out")
def sign_out(request: Request, csrf_token: FormText = "") -> Response:
    viewer = viewer_of(request)
    try:
        check_csrf(request, viewer, csrf_token)
    except EditorialError as error:
        return _error(request, viewer, error)
    with sessions_of(request).begin() as session:
        accounts.end_session(session, request.cookies.get("sdb_session"))
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response)
    return response


@router.get("/account")
def account_page(request: Request, done: Annotated[str, Query(max_length=40)] = "") -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    user = viewer.user
    with sessions_of(request)() as session:
        mine = articles.list_articles(session, author_id=user.id) if user.is_author else []
        tokens = accounts.list_api_tokens(session, user) if user.is_author else []
        profile = profiles.get_profile(session, user.id) if user.is_author else None
    return render(
        request, viewer, "editorial/account.html", articles=mine, tokens=tokens, profile=profile,
        message=_message(done), condition_of=lambda cid: _condition(request, cid),
    )  # fmt: skip


@router.post("/account/password")
def change_password(
    request: Request, current: FormText = "", new: FormText = "", csrf_token: FormText = ""
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            accounts.change_password(session, user, current, new)
            fresh = accounts.start_session(session, user)
        response = _redirect("/account", "password")
        set_session_cookie(response, fresh.token)
        return response

    return _post(request, csrf_token, work)


@router.post("/account/tokens")
def create_token(request: Request, label: FormText = "", csrf_token: FormText = "") -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            new = accounts.create_api_token(session, user, label)
        return render(request, viewer, "editorial/token.html", token=new)

    return _post(request, csrf_token, work)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: RowId, csrf_token: FormText = "") -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            accounts.revoke_api_token(session, user, token_id)
        return _redirect("/account", "revoked")

    return _post(request, csrf_token, work)


@router.get("/account/profile")
def profile_page(request: Request, done: Annotated[str, Query(max_length=40)] = "") -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    try:
        with sessions_of(request)() as session:
            profile = profiles.get_profile(session, viewer.user.id)
    except NotFound:
        return _error(request, viewer, NotFound("Only authors have a profile."))
    return render(
        request, viewer, "editorial/profile_edit.html", profile=profile.model_dump(), message=_message(done)
    )


class ProfileForm(BaseModel):
    """The author-profile form, as posted."""

    display_name: str = ""
    credentials: str = ""
    specialty: str = ""
    affiliation: str = ""
    bio: str = ""
    csrf_token: str = ""

    def values(self) -> dict[str, str]:
        return self.model_dump(exclude={"csrf_token"})


@router.post("/account/profile")
def save_profile(request: Request, form: Annotated[ProfileForm, Form()]) -> Response:
    values = form.values()

    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            profiles.update_profile(session, user, user.id, **values)
        fragment.invalidate()
        return _redirect("/account", "profile")

    return _post(request, form.csrf_token, work, template="editorial/profile_edit.html", profile=values)


def _own_profile(request: Request, user: CurrentUser) -> dict[str, Any]:
    with sessions_of(request)() as session:
        return profiles.get_profile(session, user.id).model_dump()


@router.post("/account/profile/photo")
def upload_photo(
    request: Request, photo: Annotated[UploadFile, File()], csrf_token: FormText = ""
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        raw = photo.file.read(photos.MAX_UPLOAD_BYTES + 1)
        try:
            with sessions_of(request).begin() as session:
                photos.set_photo(session, user, user.id, raw)
        except EditorialError as error:
            profile = _own_profile(request, user)
            return _error(request, viewer, error, template="editorial/profile_edit.html", profile=profile)
        fragment.invalidate()
        return _redirect("/account/profile", "photo")

    return _post(request, csrf_token, work)


@router.post("/account/profile/photo/remove")
def remove_photo(request: Request, csrf_token: FormText = "") -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            photos.remove_photo(session, user, user.id)
        fragment.invalidate()
        return _redirect("/account/profile", "photo-removed")

    return _post(request, csrf_token, work)


@router.get("/authors/{author_id}/photo")
def author_photo(
    request: Request, author_id: RowId, v: Annotated[str, Query(max_length=64)] = ""
) -> Response:
    try:
        with sessions_of(request)() as session:
            found = photos.get_photo(session, author_id)
    except NotFound as error:
        return _error(request, viewer_of(request), error)
    etag = f'"{found.sha256[:32]}"'
    # The versioned address (from a byline) never changes content; the bare one may.
    versioned = bool(v) and found.sha256.startswith(v)
    cache = "public, max-age=31536000, immutable" if versioned else "public, max-age=300"
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": cache})
    return Response(found.data, media_type=found.media_type, headers={"ETag": etag, "Cache-Control": cache})


# --- authors and ratings ------------------------------------------------------------------------------
@router.get("/authors")
def authors_page(request: Request) -> Response:
    viewer = viewer_of(request)
    with sessions_of(request)() as session:
        people = profiles.list_authors(session)
        summaries = {p.account_id: ratings.rating_summary(session, p.account_id) for p in people}
    return render(request, viewer, "editorial/authors.html", authors=people, summaries=summaries)


@router.get("/authors/{author_id}")
def author_page(
    request: Request, author_id: RowId, done: Annotated[str, Query(max_length=40)] = ""
) -> Response:
    viewer = viewer_of(request)
    try:
        with sessions_of(request)() as session:
            profile = profiles.get_profile(session, author_id)
            published = articles.published_articles(session, author_id=author_id)
            received = comments.comments_received(session, author_id)
            mine = ratings.my_rating(session, viewer.user, author_id)
    except EditorialError as error:
        return _error(request, viewer, error)
    return render(
        request, viewer, "editorial/author.html", profile=profile, articles=published, received=received,
        my_rating=mine, message=_message(done), condition_of=lambda cid: _condition(request, cid),
    )  # fmt: skip


@router.post("/authors/{author_id}/rating")
def rate_author(
    request: Request, author_id: RowId, stars: FormText = "", next: FormText = "", csrf_token: FormText = ""
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        back = safe_next(next, f"/authors/{author_id}")
        with sessions_of(request).begin() as session:
            if stars == "remove":
                ratings.remove_rating(session, user, author_id)
                done = "unrated"
            else:
                value = _number(stars, 2) or 0
                ratings.rate_author(session, user, author_id, value)
                done = "rated"
        fragment.invalidate()
        return _redirect(back, done, "#rating")

    return _post(request, csrf_token, work)


# --- articles: writing and review ----------------------------------------------------------------------
@router.get("/articles/new")
def new_article_page(request: Request, condition: Annotated[str, Query(max_length=40)] = "") -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    if not viewer.user.is_author:
        return _error(request, viewer, NotAllowed("Only authors can write articles. Ask an editor."))
    cid = site_of(request).knowledge.normalise_condition_id(condition) if condition else None
    form = {
        "condition": cid or condition,
        "title": "",
        "summary": "",
        "body": articles.SECTION_TEMPLATE,
        "references_text": "",
    }
    return render(
        request, viewer, "editorial/article_edit.html", form=form, article=None,
        condition=_condition(request, cid) if cid else None,
    )  # fmt: skip


class ArticleForm(BaseModel):
    """The article editor's fields, as posted (new article: `condition`; edit: `base_version`, `note`)."""

    condition: str = ""
    base_version: str = ""
    title: str = ""
    summary: str = ""
    body: str = ""
    references: str = ""
    note: str = ""
    csrf_token: str = ""

    def template_values(self) -> dict[str, str]:
        """What the editor template shows again when the post is refused."""
        values = self.model_dump(exclude={"csrf_token", "base_version", "references"})
        return {**values, "references_text": self.references}


@router.post("/articles/new")
def create_article(request: Request, form: Annotated[ArticleForm, Form()]) -> Response:
    knowledge = site_of(request).knowledge

    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            created = articles.create_article(
                session, user, form.condition, form.title, form.body, form.references, form.summary,
                known_condition=knowledge.normalise_condition_id,
            )  # fmt: skip
        return _redirect(f"/articles/{created.id}/preview", "created")

    return _post(
        request, form.csrf_token, work, template="editorial/article_edit.html", form=form.template_values(),
        article=None,
    )  # fmt: skip


def _working(request: Request, viewer: Viewer, article_id: int) -> ArticleOut:
    with sessions_of(request)() as session:
        return articles.get_article(session, viewer.user, article_id)


@router.get("/articles/{article_id}/edit")
def edit_article_page(request: Request, article_id: RowId) -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    try:
        article = _working(request, viewer, article_id)
    except EditorialError as error:
        return _error(request, viewer, error)
    return render(
        request, viewer, "editorial/article_edit.html", form=article.model_dump(), article=article,
        condition=_condition(request, article.condition_id),
    )  # fmt: skip


@router.post("/articles/{article_id}/edit")
def save_article(request: Request, article_id: RowId, posted: Annotated[ArticleForm, Form()]) -> Response:
    form = {key: value for key, value in posted.template_values().items() if key != "condition"}
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    user = viewer.user
    try:
        check_csrf(request, viewer, posted.csrf_token)
        version = _version(posted.base_version)
        with sessions_of(request).begin() as session:
            saved = articles.update_article(
                session, user, article_id, version, title=posted.title, body=posted.body,
                references=posted.references, summary=posted.summary, note=posted.note,
            )  # fmt: skip
    except EditConflict as conflict:
        current = _working(request, viewer, article_id)
        return _error(
            request, viewer, conflict, template="editorial/article_edit.html", form=form, article=current,
            conflict=current, condition=_condition(request, current.condition_id),
        )  # fmt: skip
    except EditorialError as error:
        try:
            current = _working(request, viewer, article_id)
        except EditorialError:
            return _error(request, viewer, error)
        return _error(
            request, viewer, error, template="editorial/article_edit.html", form=form, article=current,
            condition=_condition(request, current.condition_id),
        )  # fmt: skip
    done = "saved" if saved.version != version else "unchanged"
    return _redirect(f"/articles/{article_id}/preview", done)


@router.get("/articles/{article_id}/preview")
def preview_article(
    request: Request, article_id: RowId, done: Annotated[str, Query(max_length=40)] = ""
) -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    try:
        article = _working(request, viewer, article_id)
        with sessions_of(request)() as session:
            _, events = articles.history(session, viewer.user, article_id)
    except EditorialError as error:
        return _error(request, viewer, error)
    from symptomdb.editorial.markup import render_article

    return render(
        request, viewer, "editorial/article_preview.html", article=article,
        body_html=render_article(article.body, len(article.references)), events=events[:10],
        message=_message(done), condition=_condition(request, article.condition_id),
    )  # fmt: skip


def _workflow(
    request: Request, article_id: int, csrf_token: str, action: Callable[..., Any], done: str, **kwargs: Any
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            action(session, user, article_id, **kwargs)
        fragment.invalidate()
        return _redirect(f"/articles/{article_id}/preview", done)

    return _post(request, csrf_token, work)


def _number(value: str, digits: int) -> int | None:
    """A whole number typed in a form, or None (`isdecimal`, not `isdigit`: int() refuses "²")."""
    return int(value) if value.isdecimal() and len(value) <= digits else None


def _version(value: str) -> int:
    return _number(value, 9) or 0


@router.post("/articles/{article_id}/submit")
def submit_article(
    request: Request, article_id: RowId, base_version: FormText = "", csrf_token: FormText = ""
) -> Response:
    return _workflow(
        request,
        article_id,
        csrf_token,
        articles.submit_for_review,
        "submitted",
        base_version=_version(base_version),
    )


@router.post("/articles/{article_id}/publish")
def publish_article(
    request: Request,
    article_id: RowId,
    base_version: FormText = "",
    note: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    return _workflow(
        request,
        article_id,
        csrf_token,
        articles.publish,
        "published",
        base_version=_version(base_version),
        note=note,
    )


@router.post("/articles/{article_id}/return")
def return_article(
    request: Request,
    article_id: RowId,
    base_version: FormText = "",
    note: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    return _workflow(
        request, article_id, csrf_token, articles.return_to_author, "returned",
        base_version=_version(base_version), note=note,
    )  # fmt: skip


@router.post("/articles/{article_id}/withdraw")
def withdraw_article(
    request: Request, article_id: RowId, note: FormText = "", csrf_token: FormText = ""
) -> Response:
    return _workflow(request, article_id, csrf_token, articles.withdraw, "withdrawn", note=note)


@router.post("/articles/{article_id}/reviewed")
def mark_reviewed(
    request: Request, article_id: RowId, note: FormText = "", csrf_token: FormText = ""
) -> Response:
    return _workflow(request, article_id, csrf_token, articles.mark_reviewed, "reviewed", note=note)


@router.get("/articles/{article_id}/history")
def article_history(request: Request, article_id: RowId) -> Response:
    viewer = viewer_of(request)
    try:
        with sessions_of(request)() as session:
            revisions, events = articles.history(session, viewer.user, article_id)
            title = articles.history_title(session, viewer.user, article_id)
    except EditorialError as error:
        return _error(request, viewer, error)
    return render(
        request,
        viewer,
        "editorial/history.html",
        article_id=article_id,
        title=title,
        revisions=revisions,
        events=events,
    )


@router.get("/articles/{article_id}/diff")
def article_diff(
    request: Request,
    article_id: RowId,
    from_revision: Annotated[int, Query(alias="from", ge=1, le=1_000_000)] = 1,
    to_revision: Annotated[int, Query(alias="to", ge=1, le=1_000_000)] = 2,
) -> Response:
    viewer = viewer_of(request)
    try:
        with sessions_of(request)() as session:
            result = articles.diff(session, viewer.user, article_id, from_revision, to_revision)
    except EditorialError as error:
        return _error(request, viewer, error)
    return render(request, viewer, "editorial/diff.html", diff=result)


# --- articles: reading, comments ------------------------------------------------------------------------
@router.get("/articles/{article_id}")
def article_short(request: Request, article_id: RowId) -> Response:
    viewer = viewer_of(request)
    with sessions_of(request)() as session:
        row = session.get(Article, article_id)
        public = row is not None and articles.is_public(row)
    if public:
        with sessions_of(request)() as session:
            slug = articles.get_published(session, article_id).slug
        return RedirectResponse(article_path(article_id, slug), status_code=301)
    if (
        row is not None
        and viewer.user is not None
        and (row.author_id == viewer.user.id or viewer.user.is_editor)
    ):
        return RedirectResponse(f"/articles/{article_id}/preview", status_code=303)
    return _error(request, viewer, NotFound("There is no such article."))


@router.get("/articles/{article_id}/{slug}")
def article_page(
    request: Request, article_id: RowId, slug: str, done: Annotated[str, Query(max_length=40)] = ""
) -> Response:
    viewer = viewer_of(request)
    try:
        with sessions_of(request)() as session:
            article = articles.get_published(session, article_id)
            thread = comments.comments_for(session, article_id, viewer.user)
            mine = ratings.my_rating(session, viewer.user, article.author.account_id)
            row = session.get(Article, article_id)
            assert row is not None
            working = {"status": row.status, "version": row.version}
    except NotFound as error:
        if viewer.user is not None:
            return article_short(request, article_id)
        return _error(request, viewer, error)
    if slug != article.slug:
        return RedirectResponse(article_path(article_id, article.slug), status_code=301)
    user = viewer.user
    can_edit = user is not None and (user.id == article.author.account_id or user.is_editor)
    return render(
        request, viewer, "editorial/article.html", article=article, comments=thread, my_rating=mine,
        can_edit=can_edit, can_reply=can_edit, working=working if can_edit else None,
        message=_message(done), condition=_condition(request, article.condition_id),
        canonical=article_path(article_id, article.slug),
    )  # fmt: skip


@router.post("/articles/{article_id}/comments")
def post_comment(
    request: Request,
    article_id: RowId,
    body: FormText = "",
    parent_id: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        parent = _number(parent_id, 9)
        with sessions_of(request).begin() as session:
            posted = comments.add_comment(session, user, article_id, body, parent)
            slug = articles.get_published(session, article_id).slug
        fragment.invalidate()
        done = "comment-held" if posted.status == "held" else "comment-posted"
        return _redirect(article_path(article_id, slug), done, f"#comment-{posted.id}")

    return _post(request, csrf_token, work, comment_body=body[:5000], article_id=article_id)


@router.post("/comments/{comment_id}/flag")
def flag_comment(
    request: Request, comment_id: RowId, reason: FormText = "", csrf_token: FormText = ""
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            flagged = comments.flag_comment(session, user, comment_id, reason)
            slug = articles.get_published(session, flagged.article_id).slug
        fragment.invalidate()
        return _redirect(article_path(flagged.article_id, slug), "flagged", "#comments")

    return _post(request, csrf_token, work)


@router.post("/comments/{comment_id}/moderate")
def moderate_comment(
    request: Request,
    comment_id: RowId,
    action: FormText = "",
    reason: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    def work(viewer: Viewer, user: CurrentUser) -> Response:
        with sessions_of(request).begin() as session:
            comments.moderate(session, user, comment_id, action, reason)  # type: ignore[arg-type]
        fragment.invalidate()
        return _redirect("/editorial", "moderated")

    return _post(request, csrf_token, work)


@router.get("/editorial")
def editorial_queue(request: Request, done: Annotated[str, Query(max_length=40)] = "") -> Response:
    viewer = viewer_of(request)
    if viewer.user is None:
        return _sign_in_redirect(request)
    try:
        with sessions_of(request)() as session:
            queue = comments.moderation_queue(session, viewer.user)
    except EditorialError as error:
        return _error(request, viewer, error)
    return render(
        request, viewer, "editorial/queue.html", queue=queue, message=_message(done),
        condition_of=lambda cid: _condition(request, cid),
    )  # fmt: skip
