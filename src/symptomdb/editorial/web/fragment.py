"""Published articles on the condition page.

The condition page is rendered once per data version and cached by the web layer, but articles,
ratings and comments change at any time. So the condition template only carries a marker,
`<!-- editorial:articles -->`, and this middleware fills it per request with a fragment that is
cached for a few seconds (and dropped at once when this process changes editorial content). Pages
of conditions without articles pass through untouched, keeping their caching; pages with articles
get their own ETag and `Cache-Control: no-cache`, so that browsers revalidate them.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MARKER = b"<!-- editorial:articles -->"
CONDITION_PAGE = re.compile(r"^/conditions/([A-Za-z]+)-([A-Za-z0-9_.]+)/[^/]+$")
TTL_SECONDS = 5.0
_generation = 0
_lock = threading.Lock()


def invalidate() -> None:
    """Forget cached fragments (call after any write that changes what the condition page shows)."""
    global _generation
    with _lock:
        _generation += 1


class FragmentCache:
    def __init__(self, ttl: float = TTL_SECONDS, max_entries: int = 4096) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._items: dict[str, tuple[float, int, bytes]] = {}

    def get(self, condition_id: str) -> bytes | None:
        hit = self._items.get(condition_id)
        if hit is None:
            return None
        expires, generation, html = hit
        if generation != _generation or expires < time.monotonic():
            return None
        return html

    def put(self, condition_id: str, html: bytes, generation: int) -> None:
        if len(self._items) >= self.max_entries:
            self._items.clear()
        self._items[condition_id] = (time.monotonic() + self.ttl, generation, html)


def render_fragment(site: Any, condition_id: str) -> bytes:
    """The articles block for one condition (empty when it has none)."""
    from symptomdb.editorial import articles, comments
    from symptomdb.editorial.web.context import environment

    with site.db.sessions() as session:
        published = articles.published_articles_for(session, condition_id, knowledge=site.knowledge)
        if not published:
            return b""
        recent = {a.id: comments.comments_for(session, a.id)[-3:] for a in published}
    html = (
        environment(site)
        .get_template("editorial/condition_articles.html")
        .render(articles=published, recent=recent, condition_id=condition_id)
    )
    return html.encode()


class EditorialFragmentMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cache = FragmentCache()

    async def fragment(self, site: Any, condition_id: str) -> bytes:
        html = self.cache.get(condition_id)
        if html is None:
            generation = _generation
            html = await run_in_threadpool(render_fragment, site, condition_id)
            self.cache.put(condition_id, html, generation)
        return html

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        match = CONDITION_PAGE.match(scope.get("path", ""))
        site = getattr(getattr(scope.get("app"), "state", None), "site", None)
        if match is None or site is None:
            await self.app(scope, receive, send)
            return
        condition_id = f"{match.group(1).upper()}:{match.group(2)}"
        try:
            fragment = await self.fragment(site, condition_id)
        except Exception:  # never break the condition page because of the articles block
            fragment = b""
        if not fragment:
            await self.app(scope, receive, send)
            return
        # The page is asked for uncompressed (the marker must be found) and compressed here after splicing.
        dropped = (b"if-none-match", b"accept-encoding")
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in dropped]
        client_etags: set[str] = set()
        accepts_gzip = False
        for key, value in scope.get("headers", []):
            if key.lower() == b"if-none-match":
                client_etags.update(t.strip().removeprefix("W/") for t in value.decode("latin-1").split(","))
            elif key.lower() == b"accept-encoding":
                accepts_gzip = accepts_gzip or b"gzip" in value
        inner_scope = {**scope, "headers": headers}
        start: Message | None = None
        body = bytearray()

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(inner_scope, receive, capture)
        if start is None:
            return
        response_headers = MutableHeaders(raw=list(start.get("headers", [])))
        content = bytes(body)
        if (
            start["status"] == 200
            and MARKER in content
            and "text/html" in response_headers.get("content-type", "")
        ):
            content = content.replace(MARKER, fragment, 1)
            digest = hashlib.blake2b(content, digest_size=12).hexdigest()
            etag = f'"{digest}-gz"' if accepts_gzip else f'"{digest}"'
            response_headers["etag"] = etag
            response_headers["cache-control"] = "no-cache"
            response_headers["vary"] = "Accept-Encoding"
            if etag in client_etags or "*" in client_etags:
                del response_headers["content-length"]
                await send({"type": "http.response.start", "status": 304, "headers": response_headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
            if accepts_gzip:
                content = gzip.compress(content, compresslevel=6, mtime=0)
                response_headers["content-encoding"] = "gzip"
            response_headers["content-length"] = str(len(content))
        await send({**start, "headers": response_headers.raw})
        await send({"type": "http.response.body", "body": content})
