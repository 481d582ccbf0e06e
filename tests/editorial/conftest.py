"""Fixtures for the editorial tests: fresh migrated databases (a copied SQLite template, or a
throw-away PostgreSQL database), a cheap password hasher, and helpers that make accounts."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.config import Settings
from symptomdb.context import SymptomDB
from symptomdb.db import migrate
from symptomdb.db.engine import make_engine, make_session_factory
from symptomdb.editorial import accounts
from symptomdb.editorial.schemas import CurrentUser
from symptomdb.knowledge.store import ConditionRecord, Knowledge

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)
KNOWN_CONDITIONS = {"ORPHA:1183", "OMIM:256700", "ORPHA:558"}


def known_condition(condition_id: str) -> str | None:
    """A stand-in for `Knowledge.normalise_condition_id` (no knowledge base needed)."""
    cid = condition_id.strip().upper().replace("-", ":", 1)
    return cid if cid in KNOWN_CONDITIONS else None


def stub_knowledge() -> Knowledge:
    """A knowledge base that knows only KNOWN_CONDITIONS (for services that take a `Knowledge`)."""
    conditions = {c: ConditionRecord(c, c.split(":")[0], c, None) for c in sorted(KNOWN_CONDITIONS)}
    return Knowledge("stub", {}, {}, conditions, [])


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with small parameters: the same code path, a fraction of the time."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("editorial-template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh, migrated SQLite database (copied from a template: fast)."""
    path = tmp_path / "editorial.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def any_engine(empty_database_url: str) -> Iterator[Engine]:
    """A fresh, migrated database on each backend (SQLite, and PostgreSQL when configured)."""
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def any_sessions(any_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(any_engine)


def make_user(
    sessions: sessionmaker[Session], role: str = "reader", email: str | None = None, name: str | None = None
) -> CurrentUser:
    email = email or f"{role}-{next(_counter)}@example.org"
    with sessions.begin() as session:
        account = accounts.create_account(session, email, name or f"{role.title()} Person", PASSWORD, role)
    return CurrentUser(id=account.id, name=account.name, email=account.email, role=account.role)


ARTICLE_BODY = """Opening paragraph.

## Symptoms

Very frequent features include ataxia and myoclonus [1].

## Diagnosis

Opsoclonus can be seen on an eye examination [2].

## Support groups

Patient organisations can help.
"""
ARTICLE_REFERENCES = "PMID:12345678 A study\nhttps://example.org/guide An eye examination guide"


@pytest.fixture(scope="session")
def knowledge_db_template(shared_db: SymptomDB, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated copy of the shared imported knowledge base (editorial tests write to copies of it)."""
    import sqlite3

    path = tmp_path_factory.mktemp("knowledge-template") / "symptomdb.sqlite3"
    source_path = make_url(shared_db.settings.database_url).database
    assert source_path is not None
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def knowledge_settings(knowledge_db_template: Path, shared_db: SymptomDB, tmp_path: Path) -> Settings:
    """Settings for a private, writable copy of the imported knowledge base (sharing its caches)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "cache").symlink_to(shared_db.settings.cache_dir.resolve(), target_is_directory=True)
    shutil.copyfile(knowledge_db_template, data_dir / "symptomdb.sqlite3")
    return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'symptomdb.sqlite3'}")


@pytest.fixture
def web_db(sqlite_url: str, shared_db: SymptomDB, tmp_path: Path) -> Iterator[SymptomDB]:
    """A SymptomDB on a fresh editorial database that shares the shared knowledge base in memory
    (pages read knowledge from memory; editorial content lives in this database)."""
    db = SymptomDB(Settings(data_dir=tmp_path / "web-data", database_url=sqlite_url))
    db.__dict__["knowledge"] = shared_db.knowledge
    db.__dict__["name_index"] = shared_db.name_index
    yield db
    db.engine.dispose()


@asynccontextmanager
async def _no_lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield  # the knowledge is already in memory; nothing to import or warm up


@pytest.fixture
def web_app(web_db: SymptomDB) -> Iterator[FastAPI]:
    from symptomdb.web.app import create_app

    app = create_app(web_db)
    app.router.lifespan_context = _no_lifespan
    app.state.test_clients = []
    yield app
    for client in app.state.test_clients:
        client.__exit__(None, None, None)


class Visitor:
    """One browser (its own cookies) on the app, with helpers for forms."""

    def __init__(self, app: FastAPI) -> None:
        self.client = TestClient(app, base_url="https://testserver", follow_redirects=False)
        self.client.__enter__()  # one event loop for all its requests (much faster than one each)
        app.state.test_clients.append(self.client)

    def csrf(self, path: str = "/account/sign-in") -> str:
        page = self.client.get(path)
        match = re.search(r'name="csrf_token" value="([^"]*)"', page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def sign_in(self, email: str, password: str = PASSWORD) -> Response:
        token = self.csrf("/account/sign-in")
        return self.client.post(
            "/account/sign-in", data={"email": email, "password": password, "csrf_token": token}
        )

    def post(self, path: str, data: dict[str, str], csrf_from: str = "/account") -> Response:
        return self.client.post(path, data={**data, "csrf_token": self.csrf(csrf_from)})

    def get(self, path: str) -> Response:
        return self.client.get(path)


def visitor(app: FastAPI, user: CurrentUser | None = None) -> Visitor:
    browser = Visitor(app)
    if user is not None:
        response = browser.sign_in(user.email)
        assert response.status_code == 303, response.text
    return browser
