"""`data update --from DIR` end to end, including a corrupted file that must leave the old data serving."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomdb.cli import app
from symptomdb.knowledge.update import find_files, plan_from_directory
from tests.conftest import SHARED_DATA, shared_file

runner = CliRunner()


def test_finds_official_file_names_anywhere_under_a_directory() -> None:
    shared_file("maxo", "maxo-annotations.tsv")
    found = find_files(SHARED_DATA)
    assert found["maxo-annotations.tsv"].parent.name == "maxo"
    plan = plan_from_directory(SHARED_DATA)
    assert plan.inputs.mondo_version == "2026-08-04"  # read from the SSSOM headers
    assert len(plan.inputs.mondo_paths) == 5


def test_update_from_directory_then_a_corrupted_file_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_file("maxo", "maxo-annotations.tsv")
    monkeypatch.setenv("SYMPTOMDB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SYMPTOMDB_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    source = tmp_path / "sources"
    for part in ("maxo", "mondo", "disease-ontology"):
        shutil.copytree(SHARED_DATA / part, source / part)

    first = runner.invoke(app, ["data", "update", "--from", str(source)])
    assert first.exit_code == 0, first.output
    status = {r["source"]: r for r in json.loads(runner.invoke(app, ["data", "status", "--json"]).stdout)}
    assert status["maxo"]["counts"]["medical_action"] > 900
    assert status["do"]["counts"]["condition_symptom"] > 2000
    assert status["mondo"]["version"] == "2026-08-04"

    again = runner.invoke(app, ["data", "update", "--from", str(source)])
    assert again.exit_code == 0 and "Already up to date" in again.output

    broken = source / "maxo" / "maxo-annotations.tsv"
    broken.chmod(0o644)
    broken.write_text("this is not\ta MAxO file\n", encoding="utf-8")
    failed = runner.invoke(app, ["data", "update", "--from", str(source)])
    assert failed.exit_code == 1
    assert "previous data is unchanged" in failed.output and "Traceback" not in failed.output
    after = {r["source"]: r for r in json.loads(runner.invoke(app, ["data", "status", "--json"]).stdout)}
    assert after == status

    answer = runner.invoke(app, ["ask", "influenza", "--json"])
    assert answer.exit_code == 0 and json.loads(answer.stdout)["answer"]["symptoms"]["reported"]


def test_update_refuses_half_a_source(tmp_path: Path) -> None:
    (tmp_path / "HumanDO.tsv").write_text("id\tlabel\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="disease-symptom"):
        plan_from_directory(tmp_path)
    with pytest.raises(FileNotFoundError, match="not a directory"):
        find_files(tmp_path / "missing")


def test_update_from_a_directory_without_source_files_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYMPTOMDB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SYMPTOMDB_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    source = tmp_path / "sources"
    source.mkdir()
    (source / "notes.txt").write_text("not a source file\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="no source files"):
        plan_from_directory(source)
    result = runner.invoke(app, ["data", "update", "--from", str(source)])
    output = " ".join(result.output.split())  # Rich wraps long lines
    assert result.exit_code == 1 and "no source files" in output and "hp.obo" in output
    assert "Already up to date" not in output
