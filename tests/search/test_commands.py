"""`symptomdb resolve --batch` and `symptomdb bench resolve` on malformed input: answers or clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomdb.cli import app

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("cli_uses_shared_db")


BATCH = b"OMS\n\xff\xfe\nmarfan syndrome \xe9\n"


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_batch_lines_that_are_not_utf8_still_get_one_json_line_each(tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_bytes(BATCH)
    for args, stdin in (([str(queries)], None), (["-"], BATCH)):
        result = runner.invoke(app, ["resolve", "--batch", *args, "--jsonl"], input=stdin)
        assert result.exit_code == 0, result.output
        lines = _lines(result.stdout)
        assert len(lines) == 3
        assert lines[1]["matches"] == [] and "no letters" in str(lines[1]["error"])
        assert lines[2]["matches"][0]["name"] == "Marfan syndrome"  # type: ignore[index]


def test_bench_resolve_rows_without_expected_ids_are_a_clear_error(tmp_path: Path) -> None:
    cases = tmp_path / "cases.tsv"
    cases.write_text("query\texpected_ids\nOMS\tORPHA:1183\nmarfan syndrome\n", encoding="utf-8")
    result = runner.invoke(app, ["bench", "resolve", str(cases), "--json"])
    assert result.exit_code == 1
    assert "line 3" in result.output and not isinstance(result.exception, AttributeError)


def test_bench_resolve_rows_with_empty_expected_ids_must_not_be_answered_confidently(tmp_path: Path) -> None:
    cases = tmp_path / "cases.tsv"
    rows = "xyzzyqq disease\t\nBlorfman syndrome\t\nmarfan syndrome\tOMIM:154700|ORPHA:558\nOMS\tORPHA:1183\n"
    cases.write_text("query\texpected_ids\n" + rows, encoding="utf-8")
    result = runner.invoke(app, ["bench", "resolve", str(cases), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # The made-up names are right when nothing is confident; the real ones when found at 80 or more.
    assert report["top1"] == 1.0 and report["confident"] == 1.0, report["misses"]
    cases.write_text("query\texpected_ids\nmarfan syndrome\t\n", encoding="utf-8")  # a known name
    report = json.loads(runner.invoke(app, ["bench", "resolve", str(cases), "--json"]).stdout)
    assert report["top1"] == 0.0 and report["misses"][0]["query"] == "marfan syndrome"
