"""A corpus of hostile inputs: script injection in its many spellings, and SQL metacharacters.

Each XSS payload, if it ever ran, would set `window.__xss` (the browser tests check it stays unset).
"""

from __future__ import annotations

from html.parser import HTMLParser

XSS = [
    "<script>window.__xss=1</script>",
    '"><script>window.__xss=2</script>',
    '\'><img src=x onerror="window.__xss=3">',
    "<svg onload=window.__xss=4>",
    "<svg><script>window.__xss=5</script></svg>",
    '<iframe src="javascript:window.__xss=6"></iframe>',
    '<a href="javascript:window.__xss=7">click</a>',
    "[click](javascript:window.__xss=8)",
    "[click](JaVaScRiPt:window.__xss=9)",
    "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTA8L3NjcmlwdD4=)",
    '![x](x" onerror="window.__xss=11)',
    "<img src=x onerror=window.__xss=12>",
    "<details open ontoggle=window.__xss=13>",
    "<body onload=window.__xss=14>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=15>",
    "<<script>script>window.__xss=16<</script>/script>",
    "</textarea><script>window.__xss=17</script>",
    "</title><script>window.__xss=18</script>",
    "{{ 7*7 }}{% raw %}<script>window.__xss=19</script>",
    '<style>*{display:none}</style><div style="background:url(javascript:window.__xss=20)">',
    "\u202e<script>window.__xss=21</script>",
    '<a href="&#106;avascript:window.__xss=22">x</a>',
    '<form action="javascript:window.__xss=23"><button>x</button></form>',
    '<object data="javascript:window.__xss=24"></object>',
    '<base href="javascript:window.__xss=25//">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=26">',
]
SQL = [
    "Robert'); DROP TABLE account;--",
    "1' OR '1'='1",
    '"; DELETE FROM comment; --',
    "%_\\ LIKE '%'",
    "x' UNION SELECT password_hash FROM account --",
]
ALL = XSS + SQL


DANGEROUS_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "img", "base", "meta", "form", "style", "link",
    "frame", "frameset", "applet", "template", "details", "body", "html", "input", "textarea", "button",
}  # fmt: skip


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "formaction", "data", "style"):
                cleaned = "".join(c for c in (value or "") if c > " ").lower()
                if cleaned.startswith(("javascript:", "data:", "vbscript:")) or "url(" in cleaned:
                    self.found.append(f"{tag}[{name}={value}]")


def looks_executable(html: str) -> list[str]:
    """Real tags or attributes (not escaped text) in sanitised HTML that could run script."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


class _PageScanner(HTMLParser):
    """Looks at a whole page: only the site's own scripts, no handlers, no script URLs, no frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            src = values.get("src") or ""
            if not (src.startswith("/static/") or values.get("type") == "application/ld+json"):
                self.found.append(f"<script {attrs}>")
        if tag in ("iframe", "frame", "object", "embed", "base", "svg", "math", "style", "img", "applet"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:
            self.found.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "formaction", "data", "srcdoc"):
                cleaned = "".join(c for c in (value or "") if c > " ").lower()
                if cleaned.startswith(("javascript:", "data:", "vbscript:")):
                    self.found.append(f"{tag}[{name}={value}]")
            if name == "style":
                self.found.append(f"{tag}[style]")


def page_problems(html: str) -> list[str]:
    scanner = _PageScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found
