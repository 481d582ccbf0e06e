"""Pure ASGI middleware: security headers on every response, request size limits, and a last-resort
error page (so that even a crash answers with the headers and a helpful body, never a traceback)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("symptomdb.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
MAX_BODY_BYTES = 64 * 1024
MAX_QUERY_BYTES = 4 * 1024
MAX_PATH_BYTES = 1024

# (status, code, message, path) -> (content type, body)
ErrorRenderer = Callable[[int, str, str, str], tuple[str, bytes]]


class _BodyTooLarge(Exception):
    pass


class SecurityMiddleware:
    """Adds the security headers, refuses oversized requests (413/414) and turns crashes into a 500 page."""

    def __init__(
        self,
        app: ASGIApp,
        render_error: ErrorRenderer,
        max_body: int = MAX_BODY_BYTES,
        upload_limits: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.render_error = render_error
        self.max_body = max_body
        self.upload_limits = upload_limits or {}  # path -> larger body limit (file uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)
                ]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        async def reply(status: int, code: str, text: str) -> None:
            content_type, body = self.render_error(status, code, text, path)
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", content_type.encode()),
                        (b"content-length", str(len(body)).encode()),
                        (b"cache-control", b"no-store"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})

        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES or len(path.encode()) > MAX_PATH_BYTES:
            await reply(414, "uri_too_long", "The address is too long.")
            return
        max_body = self.upload_limits.get(path, self.max_body)
        too_large = f"The request body is larger than {max_body // 1024} KiB."
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_body):
            await reply(413, "payload_too_large", too_large)
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await reply(413, "payload_too_large", too_large)
        except Exception:
            logger.exception("unhandled error on %s", path)
            if not started:
                await reply(
                    500, "internal_error", "Something went wrong on our side. Please try again later."
                )
