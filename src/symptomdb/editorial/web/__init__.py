"""Editorial web pages and API routes, for the web app to include:

    app.include_router(editorial_router())       # pages: /account, /authors, /articles, /editorial
    app.include_router(editorial_api_router())   # JSON: /api/v1/articles, /comments, /authors, ...
    app.add_middleware(EditorialFragmentMiddleware)  # published articles on condition pages

The condition template marks where the articles go with `<!-- editorial:articles -->`.
"""

from __future__ import annotations

from fastapi import APIRouter

from symptomdb.editorial.web.fragment import EditorialFragmentMiddleware, invalidate


def editorial_router() -> APIRouter:
    from symptomdb.editorial.web.pages import router

    return router


def editorial_api_router() -> APIRouter:
    from symptomdb.editorial.web.api import router

    return router


__all__ = ["EditorialFragmentMiddleware", "editorial_api_router", "editorial_router", "invalidate"]
