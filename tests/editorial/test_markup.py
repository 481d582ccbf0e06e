from __future__ import annotations

import pytest

from symptomdb.editorial.markup import render_article, render_comment
from tests.editorial.hostile import ALL, XSS, looks_executable


@pytest.mark.parametrize("payload", ALL)
def test_hostile_article_markdown_renders_inert(payload: str) -> None:
    html = render_article(f"## Symptoms\n\n{payload} [1]\n\n- {payload}\n\n> {payload}\n", 1)
    assert looks_executable(html) == [], html


@pytest.mark.parametrize("payload", XSS)
def test_hostile_comments_render_inert(payload: str) -> None:
    html = render_comment(payload)
    assert looks_executable(html) == [], html
    assert "<a" not in html  # comments have no links at all


def test_article_markdown_keeps_useful_formatting() -> None:
    html = render_article(
        "# Heading\n\n**bold** *it* `code` [site](https://example.org) [1]\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        1,
    )
    assert "<h2>Heading</h2>" in html  # the page has the only <h1>
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html and "<code>code</code>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert '<sup><a href="#ref-1"' in html
    assert "<table>" in html


def test_citations_only_link_to_existing_references() -> None:
    html = render_article("Claim [1] and [2].", 1)
    assert 'href="#ref-1"' in html and 'href="#ref-2"' not in html and "[2]" in html
