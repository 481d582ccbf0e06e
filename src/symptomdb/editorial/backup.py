"""Whole-database backup and restore, portable between SQLite and PostgreSQL.

The backup is one JSON-lines file (gzip-compressed when its name ends in `.gz`):

    {"format": "symptomdb-backup", "version": 1, "schema": "0003", ...}      header
    {"table": "account", "columns": ["id", ...], "count": 2}                  each table, parents first,
    [1, "ada@example.org", ...]                                               then its rows in key order
    ...
    {"end": true, "rows": 1234, "sha256": "..."}                              checksum of all lines above

It is read from one consistent snapshot of the database (one read transaction) and written to a
temporary file that replaces FILE only when complete. Restore checks the checksum first, then, in one
transaction, empties every table, loads the rows and resets PostgreSQL sequences: either everything
is restored or nothing changes.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel
from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    String,
    Table,
    event,
    func,
    select,
    text,
)
from sqlalchemy.engine import make_url

from symptomdb import __version__
from symptomdb.db import migrate
from symptomdb.db.engine import make_engine
from symptomdb.db.models import Base
from symptomdb.editorial.errors import InvalidInput

FORMAT = "symptomdb-backup"
FORMAT_VERSION = 1
BATCH = 2000


class BackupReport(BaseModel):
    path: str
    schema_revision: str | None
    tables: dict[str, int]
    rows: int
    bytes: int


def tables() -> list[Table]:
    """Every table, parents before children."""
    return list(Base.metadata.sorted_tables)


def _is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


def _open(path: Path, mode: str, compressed: bool | None = None) -> IO[str]:
    if _is_gzip(path) if compressed is None else compressed:
        return gzip.open(path, mode + "t", encoding="utf-8", newline="\n")  # type: ignore[return-value]
    return open(path, mode, encoding="utf-8", newline="\n")


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decoder(table: Table) -> list[Any]:
    decoders: list[Any] = []
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders.append(lambda v: None if v is None else datetime.fromisoformat(v))
        elif isinstance(column.type, Date):
            decoders.append(lambda v: None if v is None else date.fromisoformat(v))
        elif isinstance(column.type, LargeBinary):
            decoders.append(lambda v: None if v is None else base64.b64decode(v, validate=True))
        else:
            decoders.append(None)
    return decoders


def _snapshot_engine(engine: Engine) -> Engine:
    """A private engine whose transactions really begin at BEGIN (pysqlite otherwise starts them lazily,
    which would let a backup see writes made between two tables)."""
    url = engine.url.render_as_string(hide_password=False)
    private = make_engine(url)
    if make_url(url).get_backend_name() == "sqlite":

        @event.listens_for(private, "connect")
        def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(private, "begin")
        def _begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN")

    return private


def _order_by(table: Table, dialect: str) -> list[Any]:
    keys = list(table.primary_key.columns) or list(table.columns)
    # Byte order for strings on both backends, so that the same data gives the same file.
    return [c.collate("C") if dialect == "postgresql" and isinstance(c.type, String) else c for c in keys]


def backup(engine: Engine, path: Path) -> BackupReport:
    revision = migrate.current_revision(engine)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    private = _snapshot_engine(engine)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    try:
        with _open(temp, "w", _is_gzip(path)) as out, private.connect() as conn:
            if private.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")

            def emit(value: Any) -> None:
                line = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
                digest.update(line.encode())
                out.write(line)

            with conn.begin():
                emit(
                    {
                        "format": FORMAT,
                        "version": FORMAT_VERSION,
                        "schema": revision,
                        "symptomdb": __version__,
                        "source": private.dialect.name,
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    }
                )
                for table in tables():
                    count = conn.scalar(select(func.count()).select_from(table)) or 0
                    emit({"table": table.name, "columns": [c.name for c in table.columns], "count": count})
                    written = 0
                    result = conn.execution_options(yield_per=BATCH).execute(
                        select(*table.columns).order_by(*_order_by(table, private.dialect.name))
                    )
                    for row in result:
                        emit([_encode(v) for v in row])
                        written += 1
                    if written != count:
                        raise RuntimeError(f"table {table.name} changed during the backup")
                    counts[table.name] = count
            out.write(
                json.dumps({"end": True, "rows": sum(counts.values()), "sha256": digest.hexdigest()}) + "\n"
            )
            out.flush()
        _fsync_file(temp)
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        private.dispose()
    return BackupReport(
        path=str(path),
        schema_revision=revision,
        tables=counts,
        rows=sum(counts.values()),
        bytes=path.stat().st_size,
    )


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lines(path: Path) -> Iterator[str]:
    try:
        with _open(path, "r") as handle:
            yield from handle
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile) as error:
        raise InvalidInput(f"Cannot read the backup {path}: {error}") from error


def verify(path: Path) -> dict[str, Any]:
    """Check a backup's format and checksum without touching any database; returns its header."""
    if not Path(path).is_file():
        raise InvalidInput(f"There is no backup file at {path}.")
    digest = hashlib.sha256()
    header: dict[str, Any] | None = None
    footer: dict[str, Any] | None = None
    for line in _lines(path):
        if footer is not None:
            raise InvalidInput("The backup has data after its end marker.")
        if header is None:
            try:
                header = json.loads(line)
            except json.JSONDecodeError:
                header = None
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise InvalidInput(f"{path} is not a symptomdb backup.")
            if header.get("version") != FORMAT_VERSION:
                raise InvalidInput(
                    f"This backup has format version {header.get('version')}; expected {FORMAT_VERSION}."
                )
        elif line.startswith('{"end"'):
            footer = json.loads(line)
            continue
        digest.update(line.encode())
    if header is None or footer is None:
        raise InvalidInput("The backup is incomplete (no end marker): it was cut short.")
    if footer.get("sha256") != digest.hexdigest():
        raise InvalidInput("The backup's checksum does not match: the file is damaged.")
    return header


def _is_empty(conn: Connection) -> bool:
    return all((conn.scalar(select(func.count()).select_from(t)) or 0) == 0 for t in tables())


def restore(engine: Engine, path: Path, *, replace: bool = False) -> BackupReport:
    """Load a backup into `engine`'s database (migrated to the same schema revision)."""
    header = verify(path)
    current = migrate.current_revision(engine)
    if header.get("schema") != current:
        raise InvalidInput(
            f"The backup was made with schema {header.get('schema')} and this database is at {current}; "
            "restore it with the symptomdb version that made it, or into a database at that schema."
        )
    known = {t.name: t for t in tables()}
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        if not replace and not _is_empty(conn):
            raise InvalidInput("The database is not empty; pass --replace to overwrite everything in it.")
        for each in reversed(tables()):
            conn.execute(each.delete())
        table: Table | None = None
        columns: list[str] = []
        decoders: list[Any] = []
        batch: list[dict[str, Any]] = []
        expected = 0

        def flush() -> None:
            if batch and table is not None:
                conn.execute(table.insert(), batch)
                batch.clear()

        lines = _lines(path)
        next(lines)  # header
        for line in lines:
            if line.startswith("{"):
                flush()
                if table is not None and counts[table.name] != expected:
                    raise InvalidInput(f"The backup's table {table.name} has the wrong number of rows.")
                marker = json.loads(line)
                if marker.get("end"):
                    break
                name = marker["table"]
                if name not in known:
                    raise InvalidInput(f"The backup has a table this version does not know: {name}.")
                table = known[name]
                columns = marker["columns"]
                unknown = set(columns) - set(table.columns.keys())
                if unknown:
                    raise InvalidInput(
                        f"The backup's table {name} has unknown columns: {', '.join(sorted(unknown))}."
                    )
                order = [table.columns.keys().index(c) for c in columns]
                all_decoders = _decoder(table)
                decoders = [all_decoders[i] for i in order]
                expected = int(marker["count"])
                counts[name] = 0
                continue
            if table is None:
                raise InvalidInput("The backup has rows before any table.")
            values = json.loads(line)
            batch.append(
                {c: (d(v) if d is not None else v) for c, d, v in zip(columns, decoders, values, strict=True)}
            )
            counts[table.name] += 1
            if len(batch) >= BATCH:
                flush()
        flush()
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
    return BackupReport(
        path=str(path),
        schema_revision=current,
        tables=counts,
        rows=sum(counts.values()),
        bytes=Path(path).stat().st_size,
    )


def _reset_sequences(conn: Connection) -> None:
    """Make PostgreSQL's id sequences continue after the restored rows."""
    for table in tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        column = keys[0]
        sequence = conn.scalar(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
        )
        if sequence:
            highest = conn.scalar(select(func.max(column)))
            conn.execute(
                text("SELECT setval(:s, :v, :called)"),
                {"s": sequence, "v": highest or 1, "called": highest is not None},
            )
