"""`symptomdb annotate` and `symptomdb bench text` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomdb.cli import app

runner = CliRunner()
SENTENCE = "my son's eyes dart around and he jerks, no fever"


pytestmark = pytest.mark.usefixtures("cli_uses_shared_db")


def test_annotate_table() -> None:
    result = runner.invoke(app, ["annotate", SENTENCE])
    assert result.exit_code == 0, result.output
    for text in ("HP:0010543", "Opsoclonus", "Myoclonus", "Fever", "absent", "present"):
        assert text in result.output


def test_annotate_table_shows_uncertain_findings() -> None:
    result = runner.invoke(app, ["annotate", "possible seizures"])
    assert result.exit_code == 0, result.output
    assert "Seizure" in result.output and "possible" in result.output


def test_annotate_json() -> None:
    result = runner.invoke(app, ["annotate", SENTENCE, "--json"])
    assert result.exit_code == 0, result.output
    terms = json.loads(result.stdout)["terms"]
    assert {(t["id"], t["excluded"]) for t in terms} == {
        ("HP:0010543", False),
        ("HP:0001336", False),
        ("HP:0001945", True),
    }
    for t in terms:
        assert set(t) == {"id", "label", "start", "end", "text", "excluded"}
        assert SENTENCE[t["start"] : t["end"]] == t["text"]


def test_annotate_batch_jsonl(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": SENTENCE})
        + "\n\n"
        + json.dumps({"id": 2, "text": "nothing here"})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["annotate", "--batch", str(batch), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", 2]
    assert {t["id"] for t in lines[0]["terms"]} == {"HP:0010543", "HP:0001336", "HP:0001945"}
    assert lines[1]["terms"] == []


def test_annotate_family_flag() -> None:
    result = runner.invoke(app, ["annotate", "his father has epilepsy", "--json", "--family"])
    assert result.exit_code == 0, result.output
    assert [t["family"] for t in json.loads(result.stdout)["terms"]] == [True]
    result = runner.invoke(app, ["annotate", "his father has epilepsy", "--json"])
    assert json.loads(result.stdout)["terms"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate"], "either TEXT or --batch"),
        (["annotate", "x", "--batch", "f"], "either TEXT or --batch"),
        (["annotate", "   "], "empty"),
        (["annotate", "--batch", "/no/such/file.jsonl"], "no such file"),
        (["bench", "text", "/no/such/file.jsonl"], "no such file"),
    ],
)
def test_clear_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def _records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_malformed_batch_lines_are_reported_in_place_and_the_batch_goes_on(tmp_path: Path) -> None:
    batch = tmp_path / "bad.jsonl"
    batch.write_text(
        '{"id": 1, "text": "fever"}\nnot json\n{"id": 3}\n'
        '{"id": 4, "text": 5}\n{"id": 5, "text": "seizures"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["annotate", "--batch", str(batch), "--jsonl"])
    assert result.exit_code == 0, result.output
    records = _records(result.output)
    assert [r["id"] for r in records] == [1, 2, 3, 4, 5]
    assert [bool(r.get("error")) for r in records] == [False, True, True, True, False]
    assert str(records[1]["error"]).startswith(f"{batch}:2: expected a JSON object")
    assert records[4]["terms"] and "Traceback" not in result.output


def test_batch_line_that_is_not_utf8_is_reported_and_the_rest_annotated(tmp_path: Path) -> None:
    batch = tmp_path / "latin1.jsonl"
    latin1 = '{"id": 2, "text": "caf\u00e9 fever"}\n'.encode("latin-1")
    batch.write_bytes(b'{"id": 1, "text": "fever"}\n' + latin1 + b'{"id": 3, "text": "fever"}\n')
    result = runner.invoke(app, ["annotate", "--batch", str(batch), "--jsonl"])
    assert result.exit_code == 0, result.output
    records = _records(result.output)
    assert [r["id"] for r in records] == [1, 2, 3]
    assert ":2: not UTF-8 text (byte 23)" in str(records[1]["error"]) and records[1]["terms"] == []
    assert records[2]["terms"] and "Traceback" not in result.output


def test_batch_errors_in_the_table_output(tmp_path: Path) -> None:
    batch = tmp_path / "bad.jsonl"
    batch.write_text('[oops]\n{"id": "[b]x", "text": "fever"}\n', encoding="utf-8")
    result = runner.invoke(app, ["annotate", "--batch", str(batch)])
    assert result.exit_code == 0, result.output
    output = result.output.replace("\n", "")  # the console wraps long lines
    assert "bad.jsonl:1: expected a JSON object" in output
    assert "[b]x: Fever" in output  # ids are shown as written, not read as markup


def test_bench_text_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "lay.jsonl"
    rows = [
        {
            "id": "1",
            "text": SENTENCE,
            "hpo_ids": ["HP:0010543", "HP:0001336"],
            "excluded_hpo_ids": ["HP:0001945"],
        },
        {"id": "2", "text": "She has seizures.", "hpo_ids": ["HP:0001250"], "excluded_hpo_ids": []},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["bench", "text", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert data["engine"]["present"]["f1"] == 1.0
    assert data["engine"]["excluded"]["precision"] == 1.0
    assert data["baseline"]["present"]["recall"] < 1.0  # exact names miss "eyes dart around" and "jerks"
    table = runner.invoke(app, ["bench", "text", str(corpus)])
    assert table.exit_code == 0 and "baseline" in table.output and "negation" in table.output
