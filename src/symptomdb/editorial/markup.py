"""Markdown to safe HTML: markdown-it-py renders (raw HTML disabled), nh3 sanitises what comes out.

Two dialects: articles (headings, lists, tables, links, citations such as `[1]`) and comments (minimal:
paragraphs, emphasis, inline code, line breaks; no links, so spam has nothing to gain).
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

CITATION = re.compile(r"\[(\d{1,3})\]")

ARTICLE_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "code", "pre", "blockquote", "hr", "br",
    "table", "thead", "tbody", "tr", "th", "td", "sup",
}  # fmt: skip
COMMENT_TAGS = {"p", "strong", "em", "code", "br"}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _article_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=1)
def _comment_parser() -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "breaks": True})
    return parser.enable(["emphasis", "backticks", "newline", "escape", "paragraph"])


def _link_citations(tokens: list[Token], reference_count: int) -> None:
    """Turn `[n]` in text into a link to reference n (only for n that exist)."""
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        for child in token.children:
            if child.type != "text" or "[" not in child.content:
                children.append(child)
                continue
            position = 0
            for match in CITATION.finditer(child.content):
                number = int(match.group(1))
                if not 1 <= number <= reference_count:
                    continue
                if match.start() > position:
                    children.append(_text(child.content[position : match.start()]))
                cite = Token("html_inline", "", 0)
                cite.content = f'<sup><a href="#ref-{number}">[{number}]</a></sup>'
                children.append(cite)
                position = match.end()
            if position < len(child.content):
                children.append(_text(child.content[position:]))
        token.children = children


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def render_article(markdown: str, reference_count: int = 0) -> str:
    """An article's Markdown as sanitised HTML. Top-level headings become <h2> (the page has the <h1>)."""
    parser = _article_parser()
    tokens = parser.parse(markdown)
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
    _link_citations(tokens, reference_count)
    html = parser.renderer.render(tokens, parser.options, {})
    return sanitise(html, ARTICLE_TAGS)


def render_comment(text: str) -> str:
    return sanitise(_comment_parser().render(text), COMMENT_TAGS)


def sanitise(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
