"""Name-resolution benchmark: accuracy at 1 and 5, confident accuracy, per-query latency after start-up.

A row with an empty expected_ids column ("query<TAB>") names nothing: it is right when no answer is
confident (none, or the first below `CONFIDENT_SCORE`, the score at which `ask` answers).
"""

from __future__ import annotations

import contextlib
import csv
import time
from pathlib import Path
from typing import Any

import numpy as np

from symptomdb.knowledge.service import CONFIDENT_SCORE
from symptomdb.search.resolve import Match, NameIndex, QueryError, resolve


def read_cases(path: Path) -> list[tuple[str, set[str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if not reader.fieldnames or not {"query", "expected_ids"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: expected a TSV with columns 'query' and 'expected_ids'")
        cases = []
        for row in reader:
            if row["query"] is None or row["expected_ids"] is None:
                raise ValueError(f"{path}, line {reader.line_num}: expected a query and its expected_ids")
            cases.append((row["query"], {i.strip() for i in row["expected_ids"].split("|") if i.strip()}))
        return cases


def expected_kinds(expected: set[str]) -> tuple[str, ...]:
    """Resolve among the kinds the expected ids are: a list of condition names is a condition search."""
    kinds = {"symptom" if i.startswith("HP:") else "condition" for i in expected}
    return tuple(sorted(kinds)) or ("condition", "symptom")


def run_resolve_benchmark(index: NameIndex, path: Path, warmup: int = 20) -> dict[str, Any]:
    cases = read_cases(path)
    for query, _ in cases[:warmup]:
        with contextlib.suppress(QueryError):
            resolve(index, query, 5, expected_kinds(_))
    top1 = top5 = confident = 0
    timings: list[float] = []
    misses: list[dict[str, object]] = []
    for query, expected in cases:
        kinds = expected_kinds(expected)
        started = time.perf_counter()
        try:
            matches = resolve(index, query, 5, kinds)
        except QueryError:
            matches = []
        timings.append((time.perf_counter() - started) * 1000)
        ids = [m.id for m in matches]
        sure = bool(matches) and matches[0].score >= CONFIDENT_SCORE
        if expected:
            first = bool(ids[:1] and ids[0] in expected)
            top1 += first
            top5 += bool(expected & set(ids))
            confident += first and sure
        else:  # names nothing: right when nothing is answered confidently
            first = not sure
            top1 += first
            top5 += first
            confident += first
        if not first and len(misses) < 20:
            misses.append({"query": query, "expected": sorted(expected), "got": _got(matches[:3])})
    n = max(len(cases), 1)
    return {
        "file": str(path),
        "queries": len(cases),
        "top1": round(top1 / n, 4),
        "top5": round(top5 / n, 4),
        "confident": round(confident / n, 4),
        "p50_ms": round(float(np.percentile(timings, 50)), 3) if timings else 0.0,
        "p95_ms": round(float(np.percentile(timings, 95)), 3) if timings else 0.0,
        "misses": misses,
    }


def _got(matches: list[Match]) -> list[str]:
    return [f"{m.id} {m.score:.1f}" for m in matches]
