"""The `symptomdb` command end to end, on the shared test database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomdb.cli import app

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("cli_uses_shared_db")


def test_ask_answers_the_seed_question_with_sources() -> None:
    result = runner.invoke(
        app, ["ask", "What are the symptoms and treatment options for opsoclonus-myoclonus syndrome?"]
    )
    assert result.exit_code == 0, result.output
    for text in (
        "Opsoclonus-myoclonus syndrome",
        "Opsoclonus",
        "Myoclonus",
        "Ataxia",
        "Very frequent",
        "Treatment options",
        "2025-01-16",
        "Not medical advice",
    ):
        assert text in result.output


def test_ask_json_is_the_same_answer_as_data() -> None:
    result = runner.invoke(app, ["ask", "opsoclonous myoclonis syndrom", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["match"]["id"] == "ORPHA:1183"
    assert data["answer"]["symptoms"]["count"] == 22
    frequent = {
        s["name"]
        for g in data["answer"]["symptoms"]["groups"]
        for s in g["symptoms"]
        if (s["frequency"] or 0) >= 0.8
    }
    assert {"Opsoclonus", "Myoclonus", "Ataxia"} <= frequent


def test_condition_by_id_and_unknown_id() -> None:
    ok = runner.invoke(app, ["condition", "OMIM:154700", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["name"] == "Marfan syndrome"
    bad = runner.invoke(app, ["condition", "OMIM:000000"])
    assert bad.exit_code == 1
    assert "unknown condition id" in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize("args", [["ask", ""], ["ask", "zzzzqqqq xxxxjjjj"], ["resolve", "   "], ["resolve"]])
def test_bad_queries_exit_non_zero_with_a_message(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert "error" in result.output and "Traceback" not in result.output


def test_resolve_batch_jsonl(tmp_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text("OMS\nsyndrome, marfan\n\n?!\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", "--batch", str(queries), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["OMS", "syndrome, marfan", "?!"]
    assert len(lines[0]["matches"]) >= 10
    assert set(lines[0]["matches"][0]) == {"id", "name", "matched_name", "score", "kind", "matched_by"}
    assert lines[1]["matches"][0]["name"] == "Marfan syndrome"
    assert lines[2]["matches"] == [] and "error" in lines[2]


def test_data_status_lists_sources() -> None:
    result = runner.invoke(app, ["data", "status", "--json"])
    assert result.exit_code == 0
    sources = {r["source"]: r for r in json.loads(result.stdout)}
    assert sources["hpo"]["version"] == "2025-01-16" and sources["mondo"]["licence"] == "CC0 1.0"
    assert sources["hpo"]["counts"]["condition"] > 12_000


def test_bench_resolve_prints_figures(tmp_path: Path) -> None:
    cases = tmp_path / "cases.tsv"
    cases.write_text(
        "query\texpected_ids\nmarfan syndrom\tOMIM:154700|ORPHA:558\nopsoclonus myoclonus\tORPHA:1183\n"
    )
    result = runner.invoke(app, ["bench", "resolve", str(cases), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["queries"] == 2 and figures["top1"] == 1.0
    assert {"top5", "p50_ms", "p95_ms"} <= set(figures)
