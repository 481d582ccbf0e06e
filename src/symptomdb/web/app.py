"""The FastAPI application: server-rendered pages, the JSON API under /api/v1, static files.

`create_app(db)` builds one app around one `SymptomDB`; without a db it opens the configured one and
imports the bundled data on first start. Run it with `symptomdb serve`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from symptomdb import __version__
from symptomdb.context import SymptomDB
from symptomdb.web.head import HeadAsGetMiddleware
from symptomdb.web.responses import ERROR_TITLES, HTML, JSON, error_code, error_json, is_api
from symptomdb.web.security import SecurityMiddleware
from symptomdb.web.site import STATIC, Site

logger = logging.getLogger("symptomdb.web")


class CachedStaticFiles(StaticFiles):
    """Static files are addressed with a content hash (`?v=`), so they may be cached for a long time."""

    async def get_response(self, path: str, scope):  # type: ignore[no-untyped-def]
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def render_error_page(site: Site, status: int, message: str, q: str = "") -> bytes:
    title = ERROR_TITLES.get(status, "Error")
    try:
        html = site.render("error.html", title=title, message=message, status=status, q=q)
    except Exception:  # the data itself may be what failed: fall back to a page without the footer data
        logger.exception("could not render the error page")
        html = site.render("error.html", title=title, message=message, status=status, q=q, releases=[])
    return html.encode()


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "The request is not valid."


def create_app(db: SymptomDB | None = None) -> FastAPI:
    site = Site(db or SymptomDB())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(site.db.ensure_ready)
        await run_in_threadpool(site.warm_up)
        yield

    app = FastAPI(
        title="symptomdb API",
        version=__version__,
        description="Conditions, their symptoms (with frequencies and sources), name search and differential "
        "diagnosis from open data (HPO, Mondo). Not medical advice.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.site = site

    def render_error(status: int, code: str, message: str, path: str) -> tuple[str, bytes]:
        if is_api(path):
            return JSON, error_json(code, message)
        return HTML, render_error_page(site, status, message)

    from symptomdb.editorial.photos import MAX_UPLOAD_BYTES

    uploads = {"/account/profile/photo": MAX_UPLOAD_BYTES + 64 * 1024}  # the file plus the form around it
    app.add_middleware(SecurityMiddleware, render_error=render_error, upload_limits=uploads)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else ERROR_TITLES.get(exc.status_code, "Error")
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        if exc.status_code == 405:
            message = "This address does not accept that method."
        headers = dict(exc.headers or {})
        if is_api(request.url.path):
            code = getattr(exc, "error_code", None) or error_code(exc.status_code)
            return JSONResponse(
                {"error": {"code": code, "message": message}},
                status_code=exc.status_code,
                headers=headers,
            )
        q = request.query_params.get("q", "")
        return Response(
            render_error_page(site, exc.status_code, message, q=q[:200]),
            status_code=exc.status_code,
            media_type=HTML,
            headers=headers,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        message = _validation_message(exc)
        if is_api(request.url.path):
            return JSONResponse({"error": {"code": "invalid_request", "message": message}}, status_code=422)
        return Response(
            render_error_page(site, 422, f"Some of the request's values are not valid ({message})."),
            status_code=422,
            media_type=HTML,
        )

    from symptomdb.api.docs import router as docs_router
    from symptomdb.api.v1 import router as api_router
    from symptomdb.web.pages import router as pages_router

    # Pages first: the most requested routes are matched first (their paths do not overlap the API's).
    app.include_router(pages_router)
    app.include_router(api_router)
    app.include_router(docs_router)
    from symptomdb.editorial.web import EditorialFragmentMiddleware, editorial_api_router, editorial_router

    app.include_router(editorial_api_router())
    app.include_router(editorial_router())
    app.add_middleware(EditorialFragmentMiddleware)  # published articles on condition pages
    app.mount("/static", CachedStaticFiles(directory=STATIC), name="static")
    app.add_middleware(HeadAsGetMiddleware)  # outermost: every GET address also answers HEAD
    return app
