"""What every editorial page and API route needs from a request: the database sessions, who is acting
(session cookie or API token), CSRF checking, the client's address, and the template environment."""

from __future__ import annotations

import hashlib
import os
import secrets
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Path as PathParam
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.editorial import accounts
from symptomdb.editorial.errors import NotAllowed
from symptomdb.editorial.schemas import CurrentUser

if TYPE_CHECKING:
    from symptomdb.web.site import Site

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
SESSION_COOKIE = "sdb_session"
CSRF_COOKIE = "sdb_csrf"
CSRF_FIELD = "csrf_token"
HTML = "text/html; charset=utf-8"
_environments: weakref.WeakKeyDictionary[Any, Environment] = weakref.WeakKeyDictionary()
_secrets: dict[str, str] = {}
# Ids in addresses and request bodies are database integers (32-bit on PostgreSQL): anything larger is a
# clear 422, not an overflow inside the database driver.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, PathParam(ge=-MAX_ROW_ID, le=MAX_ROW_ID)]


def secure_cookies() -> bool:
    """Cookies are `Secure` unless SYMPTOMDB_INSECURE_COOKIES=1 (plain-HTTP installs on a private network;
    browsers treat http://localhost and http://127.0.0.1 as secure already)."""
    return os.environ.get("SYMPTOMDB_INSECURE_COOKIES", "").lower() not in ("1", "true", "yes")


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def sessions_of(request: Request) -> sessionmaker[Session]:
    return site_of(request).db.sessions


def instance_secret(request: Request) -> str:
    sessions = sessions_of(request)
    key = str(sessions.kw.get("bind").url) if sessions.kw.get("bind") is not None else ""  # type: ignore[union-attr]
    if key not in _secrets:
        _secrets[key] = accounts.instance_secret(sessions)
    return _secrets[key]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@dataclass
class Viewer:
    """The person looking at a page, and the CSRF token their forms carry."""

    user: CurrentUser | None
    csrf_token: str
    new_nonce: str | None = None  # set as the anonymous CSRF cookie on the response

    @property
    def signed_in(self) -> bool:
        return self.user is not None


def viewer_of(request: Request) -> Viewer:
    """Resolve the session cookie (a database read, so call from a worker thread)."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with sessions_of(request).begin() as session:
            found = accounts.session_user(session, token)
        if found is not None:
            return Viewer(user=found[0], csrf_token=found[1])
    nonce = request.cookies.get(CSRF_COOKIE)
    new_nonce = None
    if not nonce or len(nonce) > 100:
        nonce = new_nonce = secrets.token_urlsafe(24)
    return Viewer(
        user=None,
        csrf_token=accounts.anonymous_csrf_token(instance_secret(request), nonce),
        new_nonce=new_nonce,
    )


def check_csrf(request: Request, viewer: Viewer, given: str | None) -> None:
    """Refuse a form that does not carry this browser's token, or that comes from another site."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise NotAllowed("This form was sent from another site, so it was refused.")
    if viewer.new_nonce is not None or not accounts.csrf_matches(viewer.csrf_token, given):
        raise NotAllowed(
            "This form has expired or did not come from this site (missing or wrong security token). "
            "Go back, reload the page and try again."
        )


def set_session_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        path="/",
        secure=secure_cookies(),
        httponly=True,
        samesite="lax",
    )
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure_cookies(), httponly=True, samesite="lax")


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure_cookies(), httponly=True, samesite="lax")


def remember_nonce(response: Response, viewer: Viewer) -> None:
    if viewer.new_nonce is not None:
        response.set_cookie(
            CSRF_COOKIE,
            viewer.new_nonce,
            max_age=60 * 60 * 24,
            path="/",
            secure=secure_cookies(),
            httponly=True,
            samesite="lax",
        )


def safe_next(value: str | None, default: str = "/account") -> str:
    """A local path to go to after signing in (never another site)."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")) or len(value) > 500:
        return default
    if any(c in value for c in "\r\n\t") or "://" in value.split("?")[0]:
        return default
    return value


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


# --- templates -------------------------------------------------------------------------------------------
def _static_version() -> str:
    return hashlib.blake2b((STATIC / "editorial.css").read_bytes(), digest_size=6).hexdigest()


def environment(site: Site) -> Environment:
    """The site's template environment with the editorial templates added (sharing base.html, globals)."""
    env = _environments.get(site)
    if env is None:
        base = site.templates
        env = base.overlay(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), base.loader]))  # type: ignore[list-item]
        version = _static_version()
        env.globals = {**base.globals, "editorial_css": f"/editorial/static/editorial.css?v={version}"}
        env.globals["csrf_field"] = CSRF_FIELD
        _environments[site] = env
    return env


def render(
    request: Request, viewer: Viewer | None, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    site = site_of(request)
    html = (
        environment(site)
        .get_template(template)
        .render(releases=site.releases(), viewer=viewer, user=viewer.user if viewer else None, **context)
    )
    response = HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
    if viewer is not None:
        remember_nonce(response, viewer)
    return response
