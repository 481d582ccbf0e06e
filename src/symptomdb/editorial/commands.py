"""CLI: `symptomdb users …`, `symptomdb articles export|import|list`, `symptomdb backup`, `symptomdb
restore` and `symptomdb demo load|remove`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from symptomdb.context import SymptomDB

T = TypeVar("T")
users_app = typer.Typer(help="Accounts: create, set passwords and roles, API tokens.", no_args_is_help=True)
articles_app = typer.Typer(help="Authored articles as Markdown files.", no_args_is_help=True)
demo_app = typer.Typer(help="Sample content (a sample author and article).", no_args_is_help=True)

EmailOption = Annotated[str, typer.Option("--email", help="The account's e-mail address.")]
PasswordFileOption = Annotated[
    Path | None,
    typer.Option("--password-file", help="Read the password from the first line of this file ('-': stdin)."),
]


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(articles_app, name="articles")
    app.add_typer(demo_app, name="demo")
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)


def _database() -> SymptomDB:
    """The configured database, migrated (without importing the knowledge base)."""
    from symptomdb.context import SymptomDB

    db = SymptomDB()
    db.migrate()
    return db


@contextmanager
def _transaction(db: SymptomDB) -> Iterator[Session]:
    """One transaction; editorial errors become a clear message and a non-zero exit."""
    from symptomdb.cli import fail
    from symptomdb.editorial.errors import EditorialError

    try:
        with db.sessions.begin() as session:
            yield session
    except EditorialError as error:
        fail(error.message)


def _run(work: Callable[[], T]) -> T:
    from symptomdb.cli import fail
    from symptomdb.editorial.errors import EditorialError

    try:
        return work()
    except EditorialError as error:
        fail(error.message)


def _read_password(password_file: Path | None) -> str:
    from symptomdb.cli import fail

    if password_file is None:
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    try:
        text = (
            sys.stdin.readline() if str(password_file) == "-" else password_file.read_text(encoding="utf-8")
        )
    except OSError as error:
        fail(f"cannot read the password file: {error}")
    except UnicodeDecodeError:
        fail("cannot read the password file: it is not UTF-8 text.")
    lines = text.splitlines()
    if not lines or not lines[0]:
        fail("the password file is empty.")
    return lines[0]


# --- users ---------------------------------------------------------------------------------------------
@users_app.command("create")
def users_create(
    email: EmailOption,
    name: Annotated[str, typer.Option("--name", help="Full name (shown on comments and as the byline).")],
    role: Annotated[str, typer.Option("--role", help="reader, author, editor or admin.")] = "reader",
    password_file: PasswordFileOption = None,
) -> None:
    """Create an account (the password is asked for, or read from --password-file)."""
    from symptomdb.cli import console, fail
    from symptomdb.editorial import accounts
    from symptomdb.editorial.schemas import ROLES

    if role not in ROLES:
        fail(f"unknown role “{role}”; use one of {', '.join(ROLES)}.")
    db = _database()
    password = _read_password(password_file)
    with _transaction(db) as session:
        account = accounts.create_account(session, email, name, password, role)
    console.print(f"Created {account.role} account {account.id} for {account.email}.")


@users_app.command("set-password")
def users_set_password(email: EmailOption, password_file: PasswordFileOption = None) -> None:
    """Set an account's password (it is signed out everywhere)."""
    from symptomdb.cli import console
    from symptomdb.editorial import accounts

    db = _database()
    password = _read_password(password_file)
    with _transaction(db) as session:
        account = accounts.set_password(session, email, password)
    console.print(f"Password changed for {account.email}; its sessions were ended.")


@users_app.command("set-role")
def users_set_role(
    email: EmailOption, role: Annotated[str, typer.Option("--role", help="reader, author, editor or admin.")]
) -> None:
    """Change an account's role."""
    from symptomdb.cli import console
    from symptomdb.editorial import accounts

    db = _database()
    with _transaction(db) as session:
        account = accounts.set_role(session, email, role)
    console.print(f"{account.email} is now {account.role}.")


@users_app.command("deactivate")
def users_deactivate(email: EmailOption) -> None:
    """Stop an account from signing in (ends its sessions, revokes its API tokens)."""
    from symptomdb.cli import console
    from symptomdb.editorial import accounts

    db = _database()
    with _transaction(db) as session:
        account = accounts.set_active(session, email, False)
    console.print(f"{account.email} can no longer sign in.")


@users_app.command("activate")
def users_activate(email: EmailOption) -> None:
    """Allow a deactivated account to sign in again."""
    from symptomdb.cli import console
    from symptomdb.editorial import accounts

    db = _database()
    with _transaction(db) as session:
        account = accounts.set_active(session, email, True)
    console.print(f"{account.email} can sign in again.")


@users_app.command("list")
def users_list(json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the accounts."""
    from rich.table import Table

    from symptomdb.cli import console, print_json
    from symptomdb.editorial import accounts

    db = _database()
    with db.sessions() as session:
        rows = accounts.list_accounts(session)
    if json_output:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    table = Table("id", "e-mail", "name", "role", "active", "sample")
    for r in rows:
        table.add_row(
            str(r.id), r.email, r.name, r.role, "yes" if r.is_active else "no", "yes" if r.is_sample else ""
        )
    console.print(table)


@users_app.command("token")
def users_token(
    email: EmailOption, label: Annotated[str, typer.Option("--label", help="What the token is for.")] = ""
) -> None:
    """Make an API token for an author or editor (printed once; keep it secret)."""
    from symptomdb.cli import console, fail
    from symptomdb.editorial import accounts

    db = _database()
    with _transaction(db) as session:
        account = accounts.find_account(session, email)
        if not account.is_active:
            fail(f"{account.email} is deactivated.")
        new = accounts.create_api_token(session, accounts.current_user(account), label)
    console.print(f"API token {new.info.id} for {email.strip().lower()} (shown only now):")
    sys.stdout.write(new.token + "\n")


# --- articles ------------------------------------------------------------------------------------------
@articles_app.command("export")
def articles_export(
    directory: Annotated[Path, typer.Argument(help="Directory to write the Markdown files into.")],
    status: Annotated[str | None, typer.Option("--status", help="Only articles with this status.")] = None,
) -> None:
    """Write every article (its working copy) as a Markdown file with front matter."""
    from symptomdb.cli import console, fail
    from symptomdb.editorial import files

    if status is not None and status not in files.STATUSES:
        fail(f"unknown status “{status}”; use one of {', '.join(files.STATUSES)}.")
    db = _database()
    try:
        with db.sessions() as session:
            written = files.export_articles(session, directory, status)
    except OSError as error:
        fail(f"cannot write to {directory}: {error}")
    console.print(f"Wrote {len(written)} article file{'s' if len(written) != 1 else ''} to {directory}.")


@articles_app.command("import")
def articles_import(
    directory: Annotated[Path, typer.Argument(help="Directory of Markdown files made by `articles export`.")],
) -> None:
    """Create or update articles from Markdown files (all of them, or none if one is invalid)."""
    from symptomdb.cli import console, open_db
    from symptomdb.editorial import files

    db = open_db()
    knowledge = db.knowledge
    with _transaction(db) as session:
        report = files.import_articles(session, directory, known_condition=knowledge.normalise_condition_id)
    console.print(
        f"Imported {len(report.created)} new and {len(report.updated)} changed article(s); "
        f"{len(report.unchanged)} unchanged."
        + (
            f" New author accounts (no password yet): {', '.join(report.authors_created)}."
            if report.authors_created
            else ""
        )
    )


@articles_app.command("list")
def articles_list(json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the articles with their status."""
    from rich.table import Table

    from symptomdb.cli import console, print_json
    from symptomdb.editorial import articles

    db = _database()
    with db.sessions() as session:
        rows = articles.list_articles(session, limit=10_000)
    if json_output:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    table = Table("id", "condition", "title", "author", "status", "version", "published")
    for r in rows:
        table.add_row(
            str(r.id), r.condition_id, r.title, r.author.display_name, r.status, str(r.version),
            str(r.published_revision or ""),
        )  # fmt: skip
    console.print(table)


# --- backup / restore --------------------------------------------------------------------------------
def backup_command(
    file: Annotated[Path, typer.Argument(help="Backup file to write (.jsonl, or .jsonl.gz to compress).")],
) -> None:
    """Back up the whole database (all tables, one consistent snapshot) to a portable JSON-lines file."""
    from symptomdb.cli import console, fail
    from symptomdb.editorial import backup

    db = _database()
    try:
        with console.status("Backing up…"):
            report = backup.backup(db.engine, file)
    except OSError as error:
        fail(f"cannot write the backup: {error}")
    console.print(
        f"Backed up {report.rows:,} rows from {len(report.tables)} tables to {file} ({report.bytes:,} bytes)."
    )


def restore_command(
    file: Annotated[Path, typer.Argument(help="Backup file made by `symptomdb backup`.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace everything in a database that is not empty.")
    ] = False,
) -> None:
    """Restore the whole database from a backup (into the configured database, in one transaction)."""
    from symptomdb.cli import console
    from symptomdb.editorial import backup

    db = _database()
    with console.status("Restoring…"):
        report = _run(lambda: backup.restore(db.engine, file, replace=replace))
    console.print(f"Restored {report.rows:,} rows into {len(report.tables)} tables from {file}.")


# --- demo ----------------------------------------------------------------------------------------------
@demo_app.command("load")
def demo_load() -> None:
    """Add a sample author (marked as a sample) and a sample article on opsoclonus-myoclonus syndrome."""
    from symptomdb.cli import console, open_db
    from symptomdb.editorial import demo

    db = open_db()
    knowledge = db.knowledge
    with _transaction(db) as session:
        report = demo.load_demo(session, knowledge)
    console.print(f"{report.message} Article {report.article_id}: /articles/{report.article_id}")


@demo_app.command("remove")
def demo_remove() -> None:
    """Delete the sample author and their article."""
    from symptomdb.cli import console
    from symptomdb.editorial import demo

    db = _database()
    with _transaction(db) as session:
        removed = demo.remove_demo(session)
    console.print("Removed the sample content." if removed else "No sample content was loaded.")
