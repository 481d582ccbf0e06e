"""Response helpers shared by pages and API: cached bodies with ETag/Cache-Control, and error bodies."""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from symptomdb.web.cache import Body

HTML = "text/html; charset=utf-8"
JSON = "application/json"
PAGE_MAX_AGE = 300
API_MAX_AGE = 300

ERROR_TITLES = {
    400: "Bad request",
    404: "Page not found",
    405: "Method not allowed",
    413: "Request too large",
    414: "Address too long",
    422: "We could not read that request",
    500: "Something went wrong",
}


GZIP_MIN_BYTES = 1024  # smaller bodies gain nothing from compression


def etag_matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


def cached(request: Request, body: Body, media_type: str, max_age: int = PAGE_MAX_AGE) -> Response:
    """A read-only body with a strong ETag, gzip-compressed when the client accepts it; `304 Not Modified`
    when the client already has it."""
    compress = len(body.content) >= GZIP_MIN_BYTES and "gzip" in request.headers.get("accept-encoding", "")
    etag = body.gzip_etag if compress else body.etag
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Encoding"}
    if etag_matches(request, etag):
        return Response(status_code=304, headers=headers)
    if compress:
        headers["Content-Encoding"] = "gzip"
        return Response(body.gzipped, media_type=media_type, headers=headers)
    return Response(body.content, media_type=media_type, headers=headers)


def is_api(path: str) -> bool:
    return path.startswith("/api/")


def error_json(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()


def error_code(status: int) -> str:
    return {
        400: "bad_request",
        404: "not_found",
        405: "method_not_allowed",
        413: "payload_too_large",
        414: "uri_too_long",
        422: "invalid_request",
        500: "internal_error",
    }.get(status, f"http_{status}")


class ApiError(HTTPException):
    """An HTTP error with a specific machine-readable code for the `{"error": {"code", "message"}}` body."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(status_code, message)
        self.error_code = code
