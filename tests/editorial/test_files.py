from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Account, Article, ArticleRevision
from symptomdb.editorial import articles, files
from symptomdb.editorial.errors import InvalidInput
from symptomdb.editorial.files import ArticleFile, parse_file, render_file
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, known_condition, make_user


def _populate(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author", email="dr.a@example.org", name="Dr Ä. Author")
    editor = make_user(sessions, "editor")
    with sessions.begin() as session:
        published = articles.create_article(
            session, author, "ORPHA:1183", 'Quotes " and \\ backslashes: a "title"', ARTICLE_BODY,
            ARTICLE_REFERENCES, "Summary with ünïcödé and --- dashes", known_condition=known_condition,
        )  # fmt: skip
        articles.submit_for_review(session, author, published.id, 1)
        articles.publish(session, editor, published.id, 1)
        articles.create_article(
            session, author, "OMIM:256700", "A draft", "---\nfront-matter-like body\n---\n\n    code block",
            known_condition=known_condition,
        )  # fmt: skip


def _read_all(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_export_import_export_is_byte_identical(
    sessions: sessionmaker[Session], any_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    _populate(sessions)
    first, second = tmp_path / "first", tmp_path / "second"
    with sessions() as session:
        written = files.export_articles(session, first)
    assert len(written) == 2
    with any_sessions.begin() as session:
        report = files.import_articles(session, first, known_condition=known_condition)
    assert sorted(report.created) == [1, 2] and report.authors_created == ["dr.a@example.org"]
    with any_sessions() as session:
        files.export_articles(session, second)
        imported = session.scalar(select(Article).where(Article.id == 1))
        assert imported is not None and imported.status == "published" and imported.published_revision == 1
    assert _read_all(first) == _read_all(second)
    # New articles made after an import get fresh ids (PostgreSQL's sequence was moved on).
    author = make_user(any_sessions, "author")
    with any_sessions.begin() as session:
        new = articles.create_article(
            session, author, "ORPHA:558", "New", "Body", known_condition=known_condition
        )
    assert new.id == 3


def test_reimporting_unchanged_files_changes_nothing(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    _populate(sessions)
    with sessions() as session:
        files.export_articles(session, tmp_path)
    with sessions.begin() as session:
        report = files.import_articles(session, tmp_path, known_condition=known_condition)
    assert sorted(report.unchanged) == [1, 2] and report.updated == []
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRevision)) == 2


def test_an_edited_file_becomes_a_new_revision(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    _populate(sessions)
    with sessions() as session:
        (path,) = [p for p in files.export_articles(session, tmp_path) if p.name.startswith("00002")]
    path.write_text(path.read_text(encoding="utf-8") + "A new paragraph.\n", encoding="utf-8")
    with sessions.begin() as session:
        report = files.import_articles(session, tmp_path, known_condition=known_condition)
    assert report.updated == [2]
    with sessions() as session:
        article = session.get(Article, 2)
        assert article is not None and article.version == 2 and article.body.endswith("A new paragraph.")


def _front(**fields: str) -> str:
    values = {"id": "9", "condition": '"ORPHA:1183"', "title": '"T"', "author_email": '"a@example.org"'}
    values["status"] = '"draft"'
    values.update(fields)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in values.items() if v) + "---\nBody\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("no front matter", "front matter"),
        ("---\nid: 1\n", "closing"),
        (_front(id='"x"'), "id must"),
        (_front(status='"live"'), "status"),
        (_front(evil="1"), "unknown key"),
        (_front(condition=""), "missing condition"),
        (_front(condition="ORPHA:1183"), "line 3"),
    ],
)
def test_malformed_files_are_refused_and_nothing_is_imported(
    sessions: sessionmaker[Session], tmp_path: Path, content: str, message: str
) -> None:
    good = ArticleFile(
        id=5, condition="ORPHA:1183", title="Good", summary="", author_email="good@example.org",
        author_name="Good", status="draft", last_reviewed=None, references=[], body="Body",
    )  # fmt: skip
    (tmp_path / "00005-good.md").write_text(render_file(good), encoding="utf-8")
    (tmp_path / "00009-bad.md").write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message), sessions.begin() as session:
        files.import_articles(session, tmp_path, known_condition=known_condition)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0
        assert session.scalar(select(func.count()).select_from(Account)) == 0


def test_published_files_need_references(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    item = ArticleFile(
        id=1, condition="ORPHA:1183", title="Unsourced", summary="", author_email="a@example.org",
        author_name="A", status="published", last_reviewed=None, references=[], body="## Symptoms\n\nClaims.",
    )  # fmt: skip
    (tmp_path / "00001-unsourced.md").write_text(render_file(item), encoding="utf-8")
    with pytest.raises(InvalidInput, match="needs references"), sessions.begin() as session:
        files.import_articles(session, tmp_path, known_condition=known_condition)


def test_render_and_parse_are_inverse() -> None:
    item = ArticleFile(
        id=3, condition="ORPHA:1183", title='A "quoted" title: with colon', summary="Line\twith tab",
        author_email="a@example.org", author_name="Ä", status="in_review", last_reviewed=None,
        references=["PMID:1 One", 'https://example.org/x?a=1&b="2" Two'], body="---\nBody\n\n---",
    )  # fmt: skip
    assert parse_file(render_file(item)) == item
