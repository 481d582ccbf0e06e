"""The editorial commands end to end, each on its own database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from symptomdb.cli import app
from symptomdb.config import Settings
from symptomdb.context import SymptomDB
from symptomdb.db.engine import make_engine, make_session_factory
from symptomdb.editorial import accounts

runner = CliRunner()


def _text(result: Result) -> str:
    """The output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


def _use(monkeypatch: pytest.MonkeyPatch, data_dir: Path, url: str) -> None:
    monkeypatch.setenv("SYMPTOMDB_DATA_DIR", str(data_dir))
    monkeypatch.setenv("SYMPTOMDB_DATABASE_URL", url)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, sqlite_url: str, tmp_path: Path) -> str:
    _use(monkeypatch, tmp_path / "data", sqlite_url)
    return sqlite_url


def _password_file(tmp_path: Path, password: str = "a long enough password") -> Path:
    path = tmp_path / "password.txt"
    path.write_text(password + "\n", encoding="utf-8")
    return path


def test_users_create_and_sign_in(env: str, tmp_path: Path) -> None:
    args = ["users", "create", "--role", "editor", "--email", "Ed@Example.org", "--name", "Ed Itor"]
    result = runner.invoke(app, [*args, "--password-file", str(_password_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Created editor account 1 for ed@example.org" in _text(result)
    sessions = make_session_factory(make_engine(env))
    with sessions.begin() as session:
        signed_in = accounts.sign_in(session, "ed@example.org", "a long enough password", "127.0.0.1")
    assert signed_in.account is not None and signed_in.account.role == "editor"
    again = runner.invoke(app, [*args, "--password-file", str(_password_file(tmp_path))])
    assert again.exit_code == 1 and "already exists" in _text(again) and "Traceback" not in _text(again)


def test_users_create_prompts_for_the_password(env: str) -> None:
    result = runner.invoke(
        app,
        ["users", "create", "--email", "r@example.org", "--name", "R"],
        input="prompted password\nprompted password\n",
    )
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["users", "list", "--json"])
    assert [(u["email"], u["role"]) for u in json.loads(listed.stdout)] == [("r@example.org", "reader")]


def test_users_set_password_from_stdin_and_errors(env: str, tmp_path: Path) -> None:
    runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "a@example.org",
            "--name",
            "A",
            "--password-file",
            str(_password_file(tmp_path)),
        ],
    )
    result = runner.invoke(
        app,
        ["users", "set-password", "--email", "a@example.org", "--password-file", "-"],
        input="another password 123\n",
    )
    assert result.exit_code == 0, result.output
    sessions = make_session_factory(make_engine(env))
    with sessions.begin() as session:
        assert accounts.sign_in(session, "a@example.org", "another password 123", "127.0.0.1").account
    short = runner.invoke(
        app, ["users", "set-password", "--email", "a@example.org", "--password-file", "-"], input="short\n"
    )
    assert short.exit_code == 1 and "at least 10" in _text(short)
    unknown = runner.invoke(
        app,
        [
            "users",
            "set-password",
            "--email",
            "nobody@example.org",
            "--password-file",
            str(_password_file(tmp_path)),
        ],
    )
    assert unknown.exit_code == 1 and "no account" in _text(unknown)
    bad_role = runner.invoke(
        app, ["users", "create", "--email", "b@example.org", "--name", "B", "--role", "god"]
    )
    assert bad_role.exit_code == 1 and "unknown role" in _text(bad_role)


def test_users_token_for_authors_only(env: str, tmp_path: Path) -> None:
    pw = str(_password_file(tmp_path))
    runner.invoke(app, ["users", "create", "--email", "r@example.org", "--name", "R", "--password-file", pw])
    refused = runner.invoke(app, ["users", "token", "--email", "r@example.org"])
    assert refused.exit_code == 1 and "authors and editors" in _text(refused)
    runner.invoke(app, ["users", "set-role", "--email", "r@example.org", "--role", "author"])
    made = runner.invoke(app, ["users", "token", "--email", "r@example.org", "--label", "ci"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[-1]
    sessions = make_session_factory(make_engine(env))
    with sessions.begin() as session:
        user = accounts.token_user(session, token)
    assert user is not None and user.email == "r@example.org"


def test_backup_and_restore_commands(
    env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path
) -> None:
    runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "a@example.org",
            "--name",
            "A",
            "--password-file",
            str(_password_file(tmp_path)),
        ],
    )
    file = tmp_path / "backup.jsonl.gz"
    made = runner.invoke(app, ["backup", str(file)])
    assert made.exit_code == 0, made.output
    assert file.exists() and "Backed up" in _text(made)
    refused = runner.invoke(app, ["restore", str(file)])
    assert refused.exit_code == 1 and "--replace" in _text(refused)
    other = tmp_path / "other.sqlite3"
    _use(monkeypatch, tmp_path / "other-data", f"sqlite:///{other}")
    restored = runner.invoke(app, ["restore", str(file)])
    assert restored.exit_code == 0, restored.output
    listed = runner.invoke(app, ["users", "list", "--json"])
    assert [u["email"] for u in json.loads(listed.stdout)] == ["a@example.org"]
    missing = runner.invoke(app, ["restore", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "no backup file" in _text(missing)


def test_demo_load_and_articles_export_import(
    knowledge_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _use(monkeypatch, knowledge_settings.data_dir, knowledge_settings.database_url)
    loaded = runner.invoke(app, ["demo", "load"])
    assert loaded.exit_code == 0, loaded.output
    assert "Loaded the sample author and article" in _text(loaded)
    assert "already loaded" in runner.invoke(app, ["demo", "load"]).output
    listed = json.loads(runner.invoke(app, ["articles", "list", "--json"]).stdout)
    assert [(a["condition_id"], a["status"]) for a in listed] == [("ORPHA:1183", "published")]
    out = tmp_path / "articles"
    exported = runner.invoke(app, ["articles", "export", str(out)])
    assert exported.exit_code == 0, exported.output
    (path,) = out.iterdir()
    assert path.read_text(encoding="utf-8").startswith('---\nid: 1\ncondition: "ORPHA:1183"\n')
    again = runner.invoke(app, ["articles", "import", str(out)])
    assert again.exit_code == 0 and "1 unchanged" in _text(again)
    path.write_text(
        path.read_text(encoding="utf-8").replace('condition: "ORPHA:1183"', 'condition: "ORPHA:0"')
    )
    bad = runner.invoke(app, ["articles", "import", str(out)])
    assert bad.exit_code == 1 and "unknown condition" in _text(bad)
    db = SymptomDB(knowledge_settings)
    db.engine.dispose()


def test_a_password_file_that_is_not_utf8_is_a_clear_error(env: str, tmp_path: Path) -> None:
    binary = tmp_path / "password.bin"
    binary.write_bytes(b"\xff\xfe not text\n")
    args = ["users", "create", "--email", "b@example.org", "--name", "B", "--password-file", str(binary)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "not UTF-8" in _text(result)
    assert not isinstance(result.exception, UnicodeDecodeError)
    piped = runner.invoke(
        app,
        ["users", "set-password", "--email", "b@example.org", "--password-file", "-"],
        input=b"\xff\xfe\n",
    )
    assert piped.exit_code == 1 and "not UTF-8" in _text(piped)


def test_export_with_an_unknown_status_is_an_error_not_an_empty_export(env: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "export", str(tmp_path / "out"), "--status", "publshed"])
    assert result.exit_code == 1 and "unknown status" in _text(result) and "in_review" in _text(result)
    assert not (tmp_path / "out").exists()
