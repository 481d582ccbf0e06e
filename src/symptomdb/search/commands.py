"""CLI: `symptomdb resolve` and `symptomdb bench resolve`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.table import Table

BATCH_MATCHES = 10


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
    bench_app.command("resolve")(bench_resolve_command)


def resolve_command(
    query: Annotated[
        str | None, typer.Argument(help="A name, abbreviation, misspelling or question.")
    ] = None,
    batch: Annotated[
        str | None, typer.Option("--batch", help="File with one query per line ('-' for standard input).")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="With --batch: one JSON line per query.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 10,
    kind: Annotated[str | None, typer.Option("--kind", help="condition or symptom (default: both).")] = None,
) -> None:
    """Find conditions and symptoms by name, synonym, abbreviation, misspelling or question."""
    from symptomdb.cli import console, fail, open_db, print_json
    from symptomdb.search.resolve import QueryError, resolve

    kinds = (kind,) if kind else ("condition", "symptom")
    if kind not in (None, "condition", "symptom"):
        fail("--kind must be 'condition' or 'symptom'")
    if (query is None) == (batch is None):
        fail("give either a QUERY or --batch FILE")
    db = open_db()
    index = db.name_index
    if batch is not None:
        handle = _stdin() if batch == "-" else _open(batch)
        for line in handle:
            text = line.strip()
            if not text:
                continue
            try:
                found = resolve(index, text, max(limit, BATCH_MATCHES), kinds)
                record: dict[str, object] = {"query": text, "matches": [m.model_dump() for m in found]}
            except QueryError as error:
                record = {"query": text, "matches": [], "error": str(error)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    assert query is not None
    try:
        matches = resolve(index, query, limit, kinds)
    except QueryError as error:
        fail(str(error))
    if json_output:
        print_json({"query": query, "matches": [m.model_dump() for m in matches]})
        return
    if not matches:
        fail(f"nothing matches {query!r}")
    table = Table("score", "id", "name", "matched name", "kind")
    for m in matches:
        table.add_row(f"{m.score:.0f}", m.id, m.name, m.matched_name, m.kind)
    console.print(table)


def _stdin() -> TextIO:
    """Standard input; a line that is not UTF-8 becomes a query of its own (answered, or an error line)."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    return sys.stdin


def _open(path: str) -> TextIO:
    from symptomdb.cli import fail

    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")


def bench_resolve_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="TSV files with columns query and expected_ids (|-separated; empty: the query names "
            "nothing and must not be answered confidently)."
        ),
    ],
    json_output: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Top-1/top-5 accuracy, confident top-1 (score >= 80, the score `ask` answers at) and latency of name
    resolution on benchmark files."""
    from symptomdb.bench.resolve import run_resolve_benchmark
    from symptomdb.cli import console, fail, open_db, print_json

    db = open_db()
    try:
        reports = [run_resolve_benchmark(db.name_index, path) for path in files]
    except (OSError, ValueError) as error:
        fail(str(error))
    if json_output:
        print_json(reports[0] if len(reports) == 1 else reports)
        return
    table = Table("file", "queries", "top1", "top5", "confident", "p50 ms", "p95 ms")
    for r in reports:
        table.add_row(
            r["file"],
            str(r["queries"]),
            f"{r['top1']:.3f}",
            f"{r['top5']:.3f}",
            f"{r['confident']:.3f}",
            f"{r['p50_ms']:.2f}",
            f"{r['p95_ms']:.2f}",
        )
    console.print(table)
