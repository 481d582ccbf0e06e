"""Real-browser tests: Playwright driving Debian's chromium against the site served by uvicorn.

Skipped locally when chromium is missing; with CI=true a missing browser is a failure.
Screenshots go to test-artifacts/ (ignored by git).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from symptomdb.context import SymptomDB
from symptomdb.web.app import create_app
from tests.browser_support import ARTIFACTS, launch_browser, serve

pytestmark = pytest.mark.browser

OMS_TITLE = "Opsoclonus-myoclonus syndrome"


@pytest.fixture(scope="module")
def base_url(shared_db: SymptomDB) -> Iterator[str]:
    """The site served by a real uvicorn on a free loopback port, in a thread of this process."""
    app = create_app(shared_db)
    app.state.site.warm_up()
    with serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_browser()


class Console:
    """Every console error, page error and failed request (CSP violations show up here too)."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on(
            "console",
            lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("requestfailed", self._request_failed)

    def _request_failed(self, request: Any) -> None:
        # A suggestion request cancelled by typing on or by leaving the page is normal.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"request failed: {request.url} {request.failure}")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def shot(page: Any, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_search_with_a_misspelling_reaches_the_condition_page(page: Any, base_url: str) -> None:
    console = Console(page)
    page.goto(base_url + "/")
    shot(page, "home")
    page.get_by_label("Search for a condition or a symptom").fill("opsoclonus myoclonis")
    page.keyboard.press("Enter")  # no suggestion highlighted: Enter submits the form
    page.wait_for_url("**/search?q=*")
    shot(page, "search-misspelling")
    page.get_by_role("link", name=OMS_TITLE, exact=True).click()
    page.wait_for_url("**/conditions/ORPHA-1183/opsoclonus-myoclonus-syndrome")
    assert page.get_by_role("heading", level=1).inner_text() == OMS_TITLE
    for heading in (
        "Symptoms",
        "How it is diagnosed",
        "Treatment options",
        "Course and prognosis",
        "Sources",
    ):
        assert page.get_by_role("heading", name=heading, exact=True).count() == 1
    assert page.get_by_role("link", name="Jerking").count() >= 1
    shot(page, "condition-page", full_page=True)
    assert console.errors == []


def test_autocomplete_with_the_keyboard_opens_a_page(page: Any, base_url: str) -> None:
    console = Console(page)
    page.goto(base_url + "/")
    box = page.get_by_role("combobox", name="Search for a condition or a symptom")
    box.press_sequentially("opsoclonus-myo", delay=20)
    listbox = page.locator("#q-listbox")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    shot(page, "autocomplete")
    options = listbox.get_by_role("option").all_inner_texts()
    index = next(i for i, text in enumerate(options) if text.startswith(OMS_TITLE))
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == f"q-listbox-{index}"
    page.keyboard.press("Enter")
    page.wait_for_url("**/conditions/ORPHA-1183/**")
    assert console.errors == []


def _tab_to(page: Any, predicate: str, limit: int = 60) -> None:
    """Press Tab until `predicate` (a JS expression on document.activeElement `el`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({predicate}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def _wait_for_focus(page: Any, element_id: str, timeout: float = 10.0) -> None:
    """Poll from Python: wait_for_function would `eval` in the page, which the CSP rightly forbids."""
    deadline = time.monotonic() + timeout
    while page.evaluate("document.activeElement ? document.activeElement.id : ''") != element_id:
        if time.monotonic() > deadline:
            raise AssertionError(f"#{element_id} never got the focus")
        time.sleep(0.05)


def _choose_symptom(page: Any, text: str, option_text: str) -> None:
    page.keyboard.type(text, delay=20)
    listbox = page.locator("#symptom-q-listbox")
    listbox.get_by_role("option").first.wait_for()
    options = listbox.get_by_role("option").all_inner_texts()
    index = next(i for i, label in enumerate(options) if label.startswith(option_text))
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # choose the suggestion (fills the hidden id)
    assert page.locator("#symptom-id").input_value().startswith("HP:")


def test_symptom_checker_works_with_the_keyboard_only(page: Any, base_url: str) -> None:
    console = Console(page)
    page.goto(base_url + "/checker")
    _tab_to(page, "el.id === 'symptom-q'")
    _choose_symptom(page, "jerk", "Jerking")
    page.keyboard.press("Enter")  # submit: adds the chosen symptom as present
    page.wait_for_url("**/checker?present=HP%3A0001336*")
    assert page.locator(".picked").first.get_by_role("link", name="Jerking").count() == 1

    # The box has focus again (autofocus): add "ataxia" as present, then "fever" as absent.
    _wait_for_focus(page, "symptom-q")
    _choose_symptom(page, "ataxi", "Ataxia")
    page.keyboard.press("Enter")
    page.wait_for_url("**present=HP%3A0001251*")
    _wait_for_focus(page, "symptom-q")
    page.keyboard.type("fever", delay=20)
    page.locator("#symptom-q-listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("Escape")
    _tab_to(page, "el.name === 'as' && el.value === 'present'")
    page.keyboard.press("ArrowRight")  # radio group: move to "does not have it"
    assert page.evaluate("document.activeElement.value") == "absent"
    _tab_to(page, "el.id === 'add-button'")
    page.keyboard.press("Enter")
    page.wait_for_url("**absent=HP%3A0001945*")
    lists = page.locator(".picked")
    assert lists.nth(0).get_by_role("link").all_inner_texts() == ["Jerking", "Ataxia"]
    assert lists.nth(1).get_by_role("link").all_inner_texts() == ["Fever"]
    results = page.locator("#results")
    assert results.get_by_role("heading", name="Conditions that match").count() == 1
    if results.locator("ol.differential").count():
        assert results.locator("ol.differential > li").count() >= 1
    shot(page, "checker-keyboard", full_page=True)

    # Remove "Ataxia" with the keyboard.
    _tab_to(page, "el.name === 'remove' && el.value === 'HP:0001251'")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "HP%3A0001251" not in url)
    assert page.locator(".picked").first.get_by_role("link").all_inner_texts() == ["Jerking"]
    assert console.errors == []


def test_pages_work_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/checker")
    page.get_by_label("Symptom name").fill("jerking")
    page.get_by_role("button", name="Add symptom").click()
    page.wait_for_url("**/checker?present=HP%3A0001336*")
    assert page.locator(".picked").first.get_by_role("link", name="Jerking").count() == 1
    page.goto(base_url + "/")
    page.get_by_label("Search for a condition or a symptom").fill("opsoclonus myoclonus syndrome")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/conditions/ORPHA-1183/**")
    context.close()


def test_no_console_errors_and_labelled_controls_across_pages(browser: Any, base_url: str) -> None:
    paths = ["/", "/conditions", "/conditions?letter=O", "/systems", "/symptoms", "/about", "/api/docs"]
    paths += ["/symptoms/HP-0001336/jerking", "/search?q=marfan", "/conditions/OMIM-154700"]
    for width, label in ((1280, "desktop"), (390, "mobile")):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        console = Console(page)
        for path in paths:
            page.goto(base_url + path)
            unlabelled = page.evaluate(
                """() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button')]
                     .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                                   && !(el.tagName === 'BUTTON' && el.textContent.trim()))
                     .map(el => el.outerHTML)"""
            )
            assert unlabelled == [], (path, unlabelled)
            assert page.locator("main#main").count() == 1 and page.locator("h1").count() == 1, path
            if label == "mobile":
                overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
                assert not overflow, f"{path} scrolls sideways on a phone"
        shot(page, f"{label}-marfan")
        page.goto(base_url + "/checker?present=HP:0001336&present=HP:0001251&absent=HP:0001945")
        shot(page, f"{label}-checker", full_page=True)
        assert console.errors == [], console.errors
        context.close()


def test_skip_link_is_the_first_tab_stop(page: Any, base_url: str) -> None:
    page.goto(base_url + "/conditions/ORPHA-1183")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
