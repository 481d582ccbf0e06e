"""Articles as files: one Markdown file per article with a small front matter, for editing in a text
editor, review in git, or moving content between installations.

    ---
    id: 12
    condition: "ORPHA:1183"
    title: "Opsoclonus-myoclonus syndrome: an overview"
    summary: "…"
    author_email: "author@example.org"
    author_name: "Dr A. Author"
    status: "published"
    last_reviewed: "2026-11-26"
    references:
      - "PMID:12345678 Author A. Title. Journal. 2020."
    ---
    Markdown text…

The front matter is a YAML subset whose values are JSON scalars (so any YAML reader can read it).
Export writes each article's working copy; import creates or updates articles by id in one
transaction, making a revision only when the text changed. export → import → export gives the same
bytes.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import Account, Article
from symptomdb.editorial import accounts
from symptomdb.editorial.articles import (
    ConditionLookup,
    _add_revision,
    _clean_fields,
    _insert_draft,
    _log,
)
from symptomdb.editorial.common import utcnow
from symptomdb.editorial.errors import InvalidInput
from symptomdb.editorial.references import citation_problems, parse_references
from symptomdb.knowledge.answer import slugify

STATUSES = ("draft", "in_review", "published", "withdrawn")
SCALAR_KEYS = (
    "id",
    "condition",
    "title",
    "summary",
    "author_email",
    "author_name",
    "status",
    "last_reviewed",
)
MAX_FILE_BYTES = 200_000


class ArticleFile(BaseModel):
    id: int
    condition: str
    title: str
    summary: str
    author_email: str
    author_name: str
    status: str
    last_reviewed: date | None
    references: list[str]
    body: str


class ImportReport(BaseModel):
    created: list[int] = []
    updated: list[int] = []
    unchanged: list[int] = []
    authors_created: list[str] = []


def file_name(article_id: int, title: str) -> str:
    return f"{article_id:05d}-{slugify(title)[:60]}.md"


def render_file(item: ArticleFile) -> str:
    lines = ["---"]
    for key in SCALAR_KEYS:
        value = getattr(item, key)
        if isinstance(value, date):
            value = value.isoformat()
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    if item.references:
        lines.append("references:")
        lines.extend(f"  - {json.dumps(r, ensure_ascii=False)}" for r in item.references)
    else:
        lines.append("references: []")
    lines.append("---")
    return "\n".join(lines) + "\n" + item.body + "\n"


def parse_file(content: str, name: str = "file") -> ArticleFile:
    if not content.startswith("---\n"):
        raise InvalidInput(f"{name}: the file must start with a front matter block (a line '---').")
    end = content.find("\n---\n", 3)
    if end < 0:
        raise InvalidInput(f"{name}: the front matter has no closing '---' line.")
    header, body = content[4:end], content[end + 5 :]
    body = body.removesuffix("\n")
    values: dict[str, Any] = {}
    references: list[str] | None = None
    for number, line in enumerate(header.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            if line.startswith("  - ") and references is not None:
                item = json.loads(line[4:])
                if not isinstance(item, str):
                    raise ValueError
                references.append(item)
                continue
            match = re.match(r"^([a-z_]+):\s*(.*)$", line)
            if not match:
                raise ValueError
            key, raw = match.groups()
            if key == "references":
                references = [] if raw.strip() in ("", "[]") else None
                if references is None:
                    raise ValueError
                continue
            if key not in SCALAR_KEYS:
                raise InvalidInput(f"{name}, line {number}: unknown key “{key}”.")
            values[key] = json.loads(raw) if raw.strip() else None
        except (ValueError, json.JSONDecodeError):
            raise InvalidInput(f"{name}, line {number}: cannot read “{line[:60]}”.") from None
    missing = [
        k for k in ("id", "condition", "title", "author_email", "status") if values.get(k) in (None, "")
    ]
    if missing:
        raise InvalidInput(f"{name}: missing {', '.join(missing)} in the front matter.")
    if not isinstance(values["id"], int) or values["id"] < 1:
        raise InvalidInput(f"{name}: id must be a positive whole number.")
    if values["status"] not in STATUSES:
        raise InvalidInput(f"{name}: status must be one of {', '.join(STATUSES)}.")
    try:
        reviewed = date.fromisoformat(values["last_reviewed"]) if values.get("last_reviewed") else None
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}: last_reviewed must be a date such as 2026-01-31.") from None
    return ArticleFile(
        id=values["id"],
        condition=str(values["condition"]),
        title=str(values["title"]),
        summary=str(values.get("summary") or ""),
        author_email=str(values["author_email"]),
        author_name=str(values.get("author_name") or values["author_email"]),
        status=values["status"],
        last_reviewed=reviewed,
        references=references or [],
        body=body,
    )


def export_articles(session: Session, directory: Path, status: str | None = None) -> list[Path]:
    """Write one file per article (its working copy) into `directory`; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    query = select(Article, Account).join(Account, Account.id == Article.author_id).order_by(Article.id)
    if status:
        query = query.where(Article.status == status)
    written = []
    for article, author in session.execute(query).all():
        item = ArticleFile(
            id=article.id,
            condition=article.condition_id,
            title=article.title,
            summary=article.summary,
            author_email=author.email,
            author_name=author.name,
            status=article.status,
            last_reviewed=article.last_reviewed,
            references=[r for r in article.references.split("\n") if r.strip()],
            body=article.body,
        )
        path = directory / file_name(article.id, article.title)
        _write_atomically(path, render_file(item).encode())
        written.append(path)
    return written


def _write_atomically(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".md")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_directory(directory: Path) -> list[tuple[str, ArticleFile]]:
    if not directory.is_dir():
        raise InvalidInput(f"{directory} is not a directory.")
    items = []
    problems = []
    for path in sorted(directory.glob("*.md")):
        try:
            raw = path.read_bytes()
            if len(raw) > MAX_FILE_BYTES:
                raise InvalidInput(f"{path.name}: larger than {MAX_FILE_BYTES // 1000} kB.")
            try:
                content = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidInput(f"{path.name}: not UTF-8 text.") from None
            items.append((path.name, parse_file(content, path.name)))
        except InvalidInput as error:
            problems.append(error.message)
    if problems:
        raise InvalidInput("Nothing was imported. " + " ".join(problems[:10]))
    ids = [item.id for _, item in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InvalidInput(
            f"Nothing was imported: several files have the id {', '.join(map(str, duplicates))}."
        )
    return items


def import_articles(session: Session, directory: Path, *, known_condition: ConditionLookup) -> ImportReport:
    """Create or update the articles in `directory` (all or nothing: the caller's transaction)."""
    report = ImportReport()
    problems: list[str] = []
    for name, item in read_directory(directory):
        try:
            _import_one(session, item, known_condition, report)
        except InvalidInput as error:
            problems.append(f"{name}: {error.message}")
    if problems:
        raise InvalidInput("Nothing was imported. " + " ".join(problems[:10]))
    if session.get_bind().dialect.name == "postgresql" and report.created:
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('article', 'id'), (SELECT max(id) FROM article))")
        )
    session.flush()
    return report


def _author(session: Session, item: ArticleFile, report: ImportReport) -> Account:
    email = accounts.normalise_email(item.author_email)
    account = session.scalar(select(Account).where(Account.email == email))
    if account is None:
        accounts.create_account(session, email, item.author_name, None, "author")
        report.authors_created.append(email)
        account = session.scalar(select(Account).where(Account.email == email))
        assert account is not None
    elif account.role == "reader":
        raise InvalidInput(
            f"{email} is a reader account; make it an author first (symptomdb users set-role)."
        )
    return account


def _import_one(
    session: Session, item: ArticleFile, known_condition: ConditionLookup, report: ImportReport
) -> None:
    condition = known_condition(item.condition)
    if condition is None:
        raise InvalidInput(f"unknown condition “{item.condition}”.")
    title, summary, body, references = _clean_fields(
        item.title, item.summary, item.body, "\n".join(item.references)
    )
    if item.status in ("in_review", "published"):
        problems = citation_problems(body, parse_references(references))
        if problems:
            raise InvalidInput(f"status {item.status} needs references: {' '.join(problems)}")
    author = _author(session, item, report)
    now = utcnow()
    article = session.get(Article, item.id)
    if article is None:
        fields = (title, summary, body, references)
        article = _insert_draft(
            session, condition, author.id, fields, None, "Imported from a file", "imported", item.id
        )
        report.created.append(item.id)
    else:
        if article.condition_id != condition:
            raise InvalidInput(
                f"article {item.id} in the database is about {article.condition_id}, not {condition}; "
                "give the file a new id to import it as a new article."
            )
        if article.author_id != author.id:
            raise InvalidInput(f"article {item.id} in the database has a different author.")
        changed = (title, summary, body, references) != (
            article.title,
            article.summary,
            article.body,
            article.references,
        )
        if changed:
            article.title, article.summary, article.body, article.references = (
                title,
                summary,
                body,
                references,
            )
            article.version += 1
            article.updated_at = now
            session.flush()
            _add_revision(session, article, None, "Imported from a file")
            _log(session, article, None, "imported")
        if changed or article.status != item.status or article.last_reviewed != item.last_reviewed:
            report.updated.append(item.id)
        else:
            report.unchanged.append(item.id)
    article.status = item.status
    article.last_reviewed = item.last_reviewed
    if item.status == "published":
        article.published_revision = article.version
        article.published_at = article.published_at or now
        if article.last_reviewed is None:
            article.last_reviewed = now.date()
    session.flush()


def count_articles(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Article)) or 0)
