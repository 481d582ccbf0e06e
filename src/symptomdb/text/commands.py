"""CLI: `symptomdb annotate` and `symptomdb bench text`."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from symptomdb.text.annotate import Mention
    from symptomdb.text.bench import BenchResult
    from symptomdb.text.lexicon import Lexicon


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("annotate")(annotate_command)
    bench_app.command("text")(bench_text_command)


def _term_record(mention: Mention, with_family: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": mention.hpo_id,
        "label": mention.label,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "excluded": mention.excluded,
    }
    if with_family:
        record["family"] = mention.family
    return record


def _lexicon() -> Lexicon:
    from symptomdb.cli import open_db
    from symptomdb.text.lexicon import get_lexicon

    db = open_db(quiet=True)
    return get_lexicon(db.knowledge, cache_dir=db.settings.cache_dir)


def _stdin_bytes() -> Any:
    """Standard input as bytes when it has them, so each line is decoded (and reported) on its own."""
    return getattr(sys.stdin, "buffer", sys.stdin)


def _batch_document(raw: bytes | str, number: int) -> tuple[object, str] | None:
    """(id, text) of one batch line; None for a blank line; ValueError says what is wrong with it."""
    try:
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start + 1}); save the file as UTF-8") from None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
        doc_id, doc_text = row.get("id", number), row["text"]
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"expected a JSON object with 'id' and 'text' ({error})") from None
    if not isinstance(doc_text, str):
        raise ValueError("expected a JSON object with 'id' and 'text' ('text' is not a string)")
    return doc_id, doc_text


def _write_batch_record(record: dict[str, object], as_json: bool) -> None:
    from rich.markup import escape

    from symptomdb.cli import console

    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif "error" in record:
        console.print(f"[red]{escape(str(record['error']))}[/]")
    else:
        terms = record["terms"]
        assert isinstance(terms, list)
        listed = ", ".join(("no " if t["excluded"] else "") + t["label"] for t in terms) or "—"
        console.print(f"[bold]{escape(str(record['id']))}[/]: {escape(listed)}")


def annotate_command(
    text: Annotated[
        str | None, typer.Argument(help="Text to annotate, e.g. a description in your own words.")
    ] = None,
    batch: Annotated[
        str | None,
        typer.Option("--batch", help='JSON-lines file of {"id", "text"} objects (\'-\' for standard input).'),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="With --batch: one JSON line per document.")] = False,
    family: Annotated[
        bool, typer.Option("--family", help="Also list findings about relatives (flagged, never as present).")
    ] = False,
) -> None:
    """Find HPO symptoms in free text, with negation ("no fever") and family history."""
    from rich.table import Table

    from symptomdb.cli import console, fail, print_json
    from symptomdb.text.annotate import annotate_with

    if (text is None) == (batch is None):
        fail("give either TEXT or --batch FILE")
    if jsonl and batch is None:
        fail("--jsonl goes with --batch")
    if batch is not None:
        if batch != "-" and not Path(batch).is_file():
            fail(f"cannot read {batch}: no such file")
        lexicon = _lexicon()
        with nullcontext(_stdin_bytes()) if batch == "-" else open(batch, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    doc = _batch_document(raw, number)
                except ValueError as error:
                    # One bad line is reported in its place and the batch goes on, as
                    # `resolve --batch` and `diagnose --phenopackets` do.
                    _write_batch_record(
                        {"id": number, "terms": [], "error": f"{batch}:{number}: {error}"},
                        jsonl or json_output,
                    )
                    continue
                if doc is None:
                    continue
                doc_id, doc_text = doc
                mentions = annotate_with(lexicon, doc_text, include_family=family)
                _write_batch_record(
                    {"id": doc_id, "terms": [_term_record(m, family) for m in mentions]}, jsonl or json_output
                )
        return
    assert text is not None
    if not text.strip():
        fail("the text is empty")
    mentions = annotate_with(_lexicon(), text, include_family=family)
    if json_output:
        print_json({"text": text, "terms": [_term_record(m, family) for m in mentions]})
        return
    if not mentions:
        console.print("No symptoms found.")
        return
    table = Table("id", "term", "in the text", "span", "status")
    for m in mentions:
        if m.family:
            status = "family history"
        elif m.excluded:
            status = "[red]absent[/]"
        else:
            status = "[yellow]possible[/]" if m.uncertain else "[green]present[/]"
        table.add_row(m.hpo_id, m.label, m.text, f"{m.start}–{m.end}", status)
    console.print(table)


def bench_text_command(
    corpus: Annotated[
        Path, typer.Argument(help="JSON-lines corpus: {id, text, hpo_ids[, excluded_hpo_ids]}.")
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Document-level precision/recall/F1 of the annotator against an exact-name baseline."""
    from symptomdb.cli import console, fail, open_db, print_json
    from symptomdb.text.bench import CorpusError, run_bench
    from symptomdb.text.lexicon import get_lexicon

    db = open_db(quiet=True)
    try:
        result = run_bench(corpus, db.knowledge, get_lexicon(db.knowledge, cache_dir=db.settings.cache_dir))
    except CorpusError as error:
        fail(str(error))
    if json_output:
        print_json(result.model_dump())
        return
    console.print(_bench_table(result))


def _bench_table(result: BenchResult) -> Any:
    from rich.table import Table

    table = Table(
        "system",
        "precision",
        "recall",
        "F1",
        "ms/doc (CPU)",
        "docs/s (CPU)",
        title=f"{result.corpus}: {result.documents} documents, {result.gold_ids} gold ids (document level)",
    )
    for system in (result.engine, result.baseline):
        s = system.present
        table.add_row(
            system.name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{system.ms_per_document:.2f}",
            f"{system.documents_per_second:.0f}",
        )
    if result.has_excluded:
        for system in (result.engine, result.baseline):
            e = system.excluded
            if e is not None:
                table.add_row(
                    f"{system.name}: negation", f"{e.precision:.3f}", f"{e.recall:.3f}", f"{e.f1:.3f}", "", ""
                )
    return table
