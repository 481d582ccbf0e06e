"""Whole-database backup and restore: a round trip on each backend (and from SQLite to PostgreSQL)."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db import models
from symptomdb.db.editorial_models import Account, AuthorPhoto, Comment
from symptomdb.db.engine import make_session_factory
from symptomdb.editorial import accounts, articles, backup, comments, photos, ratings
from symptomdb.editorial.errors import InvalidInput
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, known_condition, make_user
from tests.editorial.hostile import ALL
from tests.editorial.test_photos import image_bytes


def _populate(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.add(
            models.DataRelease(
                source="hpo", title="HPO", version="2025-01-16", licence="x", url="https://example.org",
                checksum="abc", imported_at=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
                counts={"terms": 3, "ünï": 1},
            )
        )  # fmt: skip
        session.add(
            models.HpoTerm(id="HP:0001251", name="Ataxia", definition=None, categories=["HP:0000707"])
        )
        session.add(
            models.Condition(id="ORPHA:1183", database="ORPHA", name="Opsoclonus-myoclonus", mondo_id=None)
        )
        session.flush()
        session.add(
            models.Annotation(
                condition_id="ORPHA:1183", hpo_id="HP:0001251", aspect="P", negated=False,
                frequency_raw="HP:0040281", frequency=0.895, references="ORPHA:1183",
            )
        )  # fmt: skip
    author = make_user(sessions, "author", name=ALL[0])
    editor = make_user(sessions, "editor")
    readers = [make_user(sessions, name=name) for name in ALL[1:4]]
    with sessions.begin() as session:
        article = articles.create_article(
            session,
            author,
            "ORPHA:1183",
            ALL[5],
            ARTICLE_BODY,
            ARTICLE_REFERENCES,
            known_condition=known_condition,
        )
        articles.submit_for_review(session, author, article.id, 1)
        articles.publish(session, editor, article.id, 1)
        accounts.start_session(session, readers[0])
        accounts.create_api_token(session, author, "token")
        photos.set_photo(session, author, author.id, image_bytes("PNG", (40, 30)))
    with sessions.begin() as session:
        for i, reader in enumerate(readers):
            ratings.rate_author(session, reader, author.id, 1 + i)
            comment = comments.add_comment(session, reader, article.id, ALL[-(i + 1)] + "\nsecond line ✓")
        comments.moderate(session, editor, comment.id, "approve")
        comments.add_comment(session, author, article.id, "Reply", comment.id)


def _body(path: Path) -> list[str]:
    """The table sections of a backup (without the header and the end marker, which differ)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        lines = handle.read().splitlines()
    return lines[1:-1]


@pytest.mark.parametrize("name", ["backup.jsonl", "backup.jsonl.gz"])
def test_round_trip_restores_every_row(
    sessions: sessionmaker[Session], any_engine: Engine, tmp_path: Path, name: str
) -> None:
    _populate(sessions)
    source_engine = sessions.kw["bind"]
    first = tmp_path / name
    report = backup.backup(source_engine, first)
    assert (
        report.tables["account"] == 5 and report.tables["comment"] == 4 and report.tables["annotation"] == 1
    )
    restored = backup.restore(any_engine, first)
    assert restored.tables == report.tables
    second = tmp_path / ("again-" + name)
    backup.backup(any_engine, second)
    assert _body(first) == _body(second)
    # The restored database works: sign-in, new rows get fresh ids, text is intact.
    target = make_session_factory(any_engine)
    with target.begin() as session:
        assert session.scalar(select(Account.name).where(Account.role == "author")) == ALL[0]
        assert (
            session.scalar(select(func.count()).select_from(Comment).where(Comment.body.contains("✓"))) == 3
        )
    with sessions() as source, target() as copy:  # binary data survives byte for byte
        assert copy.scalars(select(AuthorPhoto.data)).one() == source.scalars(select(AuthorPhoto.data)).one()
    user = make_user(target)
    assert user.id == 6


def test_restore_refuses_a_non_empty_database_unless_told(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    _populate(sessions)
    engine = sessions.kw["bind"]
    path = tmp_path / "b.jsonl"
    backup.backup(engine, path)
    with pytest.raises(InvalidInput, match="not empty"):
        backup.restore(engine, path)
    make_user(sessions, email="after-backup@example.org")
    backup.restore(engine, path, replace=True)
    with sessions() as session:
        assert session.scalar(select(Account.id).where(Account.email == "after-backup@example.org")) is None


def test_a_damaged_backup_changes_nothing(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    _populate(sessions)
    engine = sessions.kw["bind"]
    path = tmp_path / "b.jsonl"
    backup.backup(engine, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("".join(lines[:-3]), encoding="utf-8")
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text("".join(lines).replace('"Reply"', '"Evil"'), encoding="utf-8")
    before = _body(path)
    for bad, message in ((truncated, "incomplete"), (tampered, "checksum")):
        with pytest.raises(InvalidInput, match=message):
            backup.restore(engine, bad, replace=True)
    check = tmp_path / "check.jsonl"
    backup.backup(engine, check)
    assert _body(check) == before
    with pytest.raises(InvalidInput, match="not a symptomdb backup"):
        bogus = tmp_path / "bogus.jsonl"
        bogus.write_text(json.dumps({"hello": 1}) + "\n", encoding="utf-8")
        backup.restore(engine, bogus)


def test_backup_replaces_the_file_only_when_complete(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    engine = sessions.kw["bind"]
    path = tmp_path / "backups" / "b.jsonl"
    path.parent.mkdir()
    path.write_text("previous backup\n", encoding="utf-8")
    backup.backup(engine, path)
    assert path.read_text(encoding="utf-8").startswith('{"format":"symptomdb-backup"')
    assert [p.name for p in path.parent.iterdir()] == ["b.jsonl"]  # no temporary file left behind
