"""`symptomdb diagnose` and `symptomdb bench diagnose` end to end (Typer's CliRunner)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomdb.cli import app
from tests.conftest import shared_file

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("cli_uses_shared_db")


@pytest.fixture(scope="module")
def few_phenopackets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five real phenopackets (from different cohorts) and one malformed file."""
    source = shared_file("phenopacket-store", "phenopackets-public.zip")
    folder = tmp_path_factory.mktemp("phenopackets")
    with zipfile.ZipFile(source) as archive:
        names = [n for n in archive.namelist() if n.endswith(".json")]
        for i, name in enumerate(names[:: len(names) // 5][:5]):
            (folder / f"{i}.json").write_bytes(archive.read(name))
    (folder / "9-bad.json").write_text('{"id": "bad", "phenotypicFeatures": [{"type": {"id": ')
    return folder


def test_diagnose_ids_with_an_absent_finding_as_json() -> None:
    result = runner.invoke(
        app,
        [
            "diagnose",
            "HP:0010543",
            "HP:0001336",
            "HP:0001251",
            "--not",
            "HP:0001250",
            "--json",
            "--limit",
            "5",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [t["id"] for t in data["query"]["absent"]] == ["HP:0001250"]
    assert len(data["results"]) == 5 and data["results"][0]["rank"] == 1
    assert "ORPHA:1183" in [r["id"] for r in data["results"][:3]]
    assert data["results"][0]["explanation"]["summary"]


def test_diagnose_plain_names_and_table_output() -> None:
    result = runner.invoke(
        app, ["diagnose", "opsoclonus", "jerky eye movements", "myoclonus", "--sex", "female", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "'opsoclonus' → Opsoclonus (HP:0010543)" in output
    assert "'jerky eye movements' →" in output  # resolved to the closest HPO name
    assert "Not medical advice" in output


def test_unknown_id_and_unknown_name_fail_clearly() -> None:
    result = runner.invoke(app, ["diagnose", "HP:9999999"])
    assert result.exit_code == 1
    assert "unknown HPO term id 'HP:9999999'" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["diagnose", "qwxzzv plorf"])
    assert result.exit_code == 1 and "no HPO finding matches" in result.output
    result = runner.invoke(app, ["diagnose", "HP:0001251", "--sex", "robot"])
    assert result.exit_code == 1 and "sex must be" in result.output
    assert runner.invoke(app, ["diagnose"]).exit_code == 1


def test_diagnose_phenopackets_jsonl_one_line_per_case(few_phenopackets: Path) -> None:
    result = runner.invoke(app, ["diagnose", "--phenopackets", str(few_phenopackets), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 6
    ranked = [line for line in lines if "ranking" in line]
    assert len(ranked) == 5
    for line in ranked:
        assert len(line["ranking"]) >= 50
        scores = [r["score"] for r in line["ranking"]]
        assert scores == sorted(scores, reverse=True)
        assert set(line["ranking"][0]) == {"id", "name", "score"}
    errors = [line for line in lines if "error" in line]
    assert errors[0]["case"] == "9-bad" and "not valid JSON" in errors[0]["error"]


def test_bench_diagnose_reports_engine_and_baseline(few_phenopackets: Path) -> None:
    result = runner.invoke(
        app, ["bench", "diagnose", "--phenopackets", str(few_phenopackets), "--json", "--limit-cases", "6"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for model in ("engine", "baseline"):
        assert set(report[model]) == {"cases", "top1", "top3", "top10", "mrr", "p50_ms", "p95_ms"}
        assert report[model]["cases"] == 5
        assert 0 <= report[model]["top1"] <= report[model]["top3"] <= report[model]["top10"] <= 1
    assert report["cases_with_errors"] == 1
    assert report["held_out_by_fold"] == 5  # these publications are in the shipped training data


def test_diagnose_from_plain_text_uses_present_and_absent_findings() -> None:
    result = runner.invoke(
        app,
        ["diagnose", "--text", "my son's eyes dart around and he jerks, no fever", "--json", "--limit", "10"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "HP:0001336" in {t["id"] for t in data["query"]["present"]}
    assert [t["id"] for t in data["query"]["absent"]] == ["HP:0001945"]
    assert "ORPHA:1183" in [r["id"] for r in data["results"][:10]]
    nothing = runner.invoke(app, ["diagnose", "--text", "no fever at all"])
    assert nothing.exit_code == 1 and "no finding" in nothing.output
