"""Shared fixtures: one imported SQLite knowledge base per machine, reused across test runs.

The database lives in `.test-data/` at the repository root (ignored by git); the import is skipped
when the same input files are already in (checksums), so only the first run pays for it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from symptomdb.config import Settings
from symptomdb.context import SymptomDB
from symptomdb.knowledge.store import Knowledge

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA_DIR = Path(os.environ.get("SYMPTOMDB_TEST_DATA_DIR", REPO / ".test-data"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def shared_file(*parts: str) -> Path:
    """A file from ../shared/data; skipped locally if absent, a failure in CI."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"missing shared data file {path}")
        pytest.skip(f"missing shared data file {path}")
    return path


@pytest.fixture(scope="session")
def shared_db() -> Iterator[SymptomDB]:
    """The shared, fully imported SQLite knowledge base (read-only use, please)."""
    TEST_DATA_DIR.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=TEST_DATA_DIR, database_url=f"sqlite:///{TEST_DATA_DIR / 'test.sqlite3'}")
    db = SymptomDB(settings)
    with open(TEST_DATA_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers import once, one at a time
        db.ensure_ready()
        _ = db.knowledge
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield db
    db.engine.dispose()


@pytest.fixture
def cli_uses_shared_db(shared_db: SymptomDB, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI opens its database from the environment: point it at the shared test database.
    Use with ``pytestmark = pytest.mark.usefixtures("cli_uses_shared_db")``."""
    monkeypatch.setenv("SYMPTOMDB_DATA_DIR", str(shared_db.settings.data_dir))
    monkeypatch.setenv("SYMPTOMDB_DATABASE_URL", shared_db.settings.database_url)
    yield


@pytest.fixture(scope="session")
def knowledge(shared_db: SymptomDB) -> Knowledge:
    return shared_db.knowledge


MINI_HPO = Path(__file__).parent / "fixtures" / "mini-hpo"


def postgres_url() -> str:
    """The test PostgreSQL server's URL; skipped locally if unset, a failure in CI."""
    url = os.environ.get("SYMPTOMDB_TEST_POSTGRES_URL")
    if not url:
        message = "SYMPTOMDB_TEST_POSTGRES_URL is not set (start one with .ci/start-postgres.sh)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend (PostgreSQL: a throw-away schema-free database)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(postgres_url()).set(drivername="postgresql+psycopg")
    name = f"symptomdb_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
