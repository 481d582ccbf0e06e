"""Real-browser tests (Playwright + Debian chromium) of the editorial workflow and of hostile input.

The site runs in uvicorn on a loopback port, in a thread of this process, on a fresh editorial
database (the knowledge base is shared in memory). Skipped locally when chromium is missing; with
CI=true a missing browser is a failure. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from symptomdb.context import SymptomDB
from symptomdb.web.app import create_app
from tests.browser_support import ARTIFACTS, launch_browser, serve
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, PASSWORD, make_user
from tests.editorial.hostile import ALL
from tests.editorial.test_photos import image_bytes
from tests.editorial.test_security import hostile_content

pytestmark = pytest.mark.browser

# Scripts the site itself loads; anything else in the DOM would be injected.
SCRIPT_CHECK = """() => {
  const foreign = [...document.scripts].filter(s => !(s.src && new URL(s.src).pathname.startsWith('/static/'))
    && s.type !== 'application/ld+json').map(s => s.outerHTML.slice(0, 80));
  const handlers = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith('on')).map(a => e.tagName + '[' + a.name + ']'));
  const urls = [...document.querySelectorAll('[href],[src],[action],[formaction]')].flatMap(e =>
    ['href', 'src', 'action', 'formaction'].map(n => e.getAttribute(n) || '')
    .filter(v => /^\\s*(javascript|data|vbscript):/i.test(v)));
  return {xss: window.__xss ?? null, foreign, handlers, urls};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_browser()


@pytest.fixture
def served(web_db: SymptomDB) -> Iterator[str]:
    """The real app in uvicorn on a free loopback port (lifespan off: the knowledge is in memory)."""
    with serve(create_app(web_db), lifespan="off") as url:
        yield url


class Tab:
    """A browser context (its own cookies) with one page, collecting console errors and dialogs."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.errors: list[str] = []
        self.page.on(
            "console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        self.assert_inert(path)
        return response

    def assert_inert(self, where: str) -> None:
        found = self.page.evaluate(SCRIPT_CHECK)
        assert found == {"xss": None, "foreign": [], "handlers": [], "urls": []}, (where, found)

    def sign_in(self, email: str) -> None:
        self.go("/account/sign-in")
        self.page.get_by_label("E-mail address").fill(email)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url("**/account")

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"editorial-{name}.png"))

    def close(self) -> list[str]:
        self.context.close()
        return self.errors


def test_author_writes_editor_publishes_reader_rates_and_comments(
    browser: Any, served: str, web_db: SymptomDB
) -> None:
    author = make_user(web_db.sessions, "author", email="author@example.org", name="Dr Alex Author")
    editor = make_user(web_db.sessions, "editor", email="editor@example.org", name="Eda Editor")
    tabs: list[Tab] = []

    # The author writes the article and submits it.
    writer = Tab(browser, served)
    tabs.append(writer)
    writer.sign_in(author.email)
    writer.go("/account/profile")
    writer.page.get_by_label("Credentials").fill("MD")
    writer.page.get_by_label("Affiliation").fill("Example Children's Hospital")
    writer.page.get_by_role("button", name="Save profile").click()
    writer.go("/account/profile")
    portrait = {"name": "me.png", "mimeType": "image/png", "buffer": image_bytes("PNG", (600, 400))}
    writer.page.get_by_label("A portrait").set_input_files(portrait)
    writer.page.get_by_role("button", name="Upload photo").click()
    writer.page.wait_for_url("**/account/profile?done=photo")
    assert "Your photo is saved." in writer.page.inner_text("main")
    writer.go(f"/authors/{author.id}")
    shown = writer.page.locator("img.author-photo")
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 512  # loaded under the CSP
    writer.go("/articles/new?condition=ORPHA-1183")
    writer.page.get_by_label("Title").fill("Opsoclonus-myoclonus syndrome for families")
    writer.page.get_by_label("Summary").fill("What the main signs are.")
    writer.page.get_by_label("Text (Markdown)").fill(ARTICLE_BODY)
    writer.page.get_by_label("References, one per line").fill(ARTICLE_REFERENCES)
    writer.page.get_by_role("button", name="Save draft").click()
    writer.page.wait_for_url("**/preview?done=created")
    writer.page.get_by_role("button", name="Submit for review").click()
    assert "Submitted for review" in writer.page.inner_text("main")
    writer.shot("1-author-submitted")

    # The editor publishes it from the queue.
    reviewer = Tab(browser, served)
    tabs.append(reviewer)
    reviewer.sign_in(editor.email)
    reviewer.go("/editorial")
    reviewer.page.get_by_role("link", name="Opsoclonus-myoclonus syndrome for families").click()
    reviewer.page.get_by_role("button", name="Publish version 1").click()
    assert "Published: readers now see this revision" in reviewer.page.inner_text("main")

    # A new reader signs up, rates the author and comments.
    reader = Tab(browser, served)
    tabs.append(reader)
    reader.go("/account/sign-up")
    reader.page.get_by_label("Your name").fill("Rosa Reader")
    reader.page.get_by_label("E-mail address").fill("rosa@example.org")
    reader.page.get_by_label("Password").fill("rosa's long password")
    reader.page.get_by_role("button", name="Create account").click()
    reader.page.wait_for_url("**/account?done=signed-up")
    reader.go("/conditions/ORPHA-1183")
    reader.page.get_by_role("link", name="Read the article").click()
    reader.assert_inert("article")
    reader.page.get_by_label("4 stars").check()
    reader.page.get_by_role("button", name="Save rating").click()
    assert "Your rating is saved" in reader.page.inner_text("main")
    reader.page.get_by_label("Add a comment").fill("Thank you, this *really* helped our family.")
    reader.page.get_by_role("button", name="Post comment").click()
    assert "after a moderator has approved it" in reader.page.inner_text("main")
    assert "awaiting moderation" in reader.page.inner_text("#comments")

    # The editor approves the comment.
    reviewer.go("/editorial")
    item = reviewer.page.locator(".queue-item", has_text="Rosa Reader")
    item.get_by_role("button", name="Approve").click()
    assert "Done." in reviewer.page.inner_text("main")

    # Anyone now sees byline, rating and comment on the condition page.
    visitor = Tab(browser, served)
    tabs.append(visitor)
    visitor.go("/conditions/ORPHA-1183")
    block = visitor.page.locator("#articles")
    text = block.inner_text()
    byline = ["syndrome for families", "Dr Alex Author", "MD", "Example Children's Hospital"]
    for expected in [*byline, "4.0", "1 rating", "Rosa Reader", "really helped"]:
        assert expected in text, expected
    assert block.locator("em", has_text="really").count() == 1  # minimal Markdown, rendered
    visitor.shot("2-condition-page")
    visitor.page.get_by_role("link", name="Read the article").click()
    assert "Rosa Reader" in visitor.page.inner_text("#comments")
    visitor.shot("3-article")
    errors = [e for tab in tabs for e in tab.close()]
    assert errors == []


def test_hostile_input_runs_no_script_in_the_browser(browser: Any, served: str, web_db: SymptomDB) -> None:
    made = hostile_content(web_db)
    editor = made["editor"]
    tab = Tab(browser, served)
    tab.sign_in(editor.email)  # type: ignore[attr-defined]
    # The condition page, the author list and the queue show every payload in titles, summaries, bylines,
    # names, comments and report reasons; article pages add the body, references and <title>; author
    # pages the bio. (Every page type with every payload is also checked over HTTP in test_security.)
    paths = ["/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome", "/authors", "/editorial", "/account"]
    for article_id in made["articles"]:  # type: ignore[attr-defined]
        paths.append(f"/articles/{article_id}")
    for author_id in made["authors"]:  # type: ignore[attr-defined]
        paths.append(f"/authors/{author_id}")
    breakouts = [i + 1 for i, p in enumerate(ALL) if "</textarea>" in p or "</title>" in p]
    paths += [f"/articles/{i}/edit" for i in breakouts] + [f"/articles/{i}/history" for i in breakouts]
    for path in paths:
        tab.go(path)
    tab.go("/articles/1/preview")
    tab.go("/articles/1/diff?from=1&to=2")
    tab.shot("4-hostile-condition-page")
    assert tab.close() == []
