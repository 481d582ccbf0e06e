"""Sanity floors on the annotated corpora (figures are printed by `symptomdb bench text`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.bench import run_bench
from tests.conftest import REPO, shared_file


@pytest.mark.parametrize(("name", "floor"), [("gsc-plus-public.jsonl", 0.75), ("id-68-public.jsonl", 0.78)])
def test_document_level_f1_floor(knowledge: Knowledge, name: str, floor: float) -> None:
    result = run_bench(shared_file("text-corpora", name), knowledge)
    assert result.engine.present.f1 >= floor
    assert result.engine.present.f1 > result.baseline.present.f1 + 0.15


def test_lay_set_negation_and_presence_floor(knowledge: Knowledge) -> None:
    path = Path(REPO / "benchmarks" / "lay-text.jsonl")
    if not path.is_file():
        pytest.skip("benchmarks/lay-text.jsonl not present")
    result = run_bench(path, knowledge)
    assert result.engine.excluded is not None
    assert result.engine.excluded.precision >= 0.93
    assert result.engine.present.f1 >= 0.65
