"""CLI: `symptomdb ask` and `symptomdb condition`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from symptomdb.knowledge.answer import ConditionAnswer, Section

MAX_LISTED = 12


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("ask")(ask_command)
    app.command("condition")(condition_command)


def ask_command(
    question: Annotated[
        str, typer.Argument(help='e.g. "What are the symptoms and treatment options for OMS?"')
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer a question about a condition: symptoms, diagnosis, treatment, course, sources."""
    from symptomdb.cli import console, fail, open_db, print_json
    from symptomdb.knowledge.service import NoConfidentMatchError, ask
    from symptomdb.search.resolve import QueryError

    db = open_db()
    try:
        result = ask(db.knowledge, db.name_index, question)
    except QueryError as error:
        fail(str(error))
    except NoConfidentMatchError as error:
        hint = "; ".join(f"{m.name} ({m.id})" for m in error.suggestions[:5])
        fail(f"{error}." + (f" Did you mean: {hint}?" if hint else ""))
    if json_output:
        print_json(result.model_dump(mode="json"))
        return
    if result.match.matched_name != result.answer.name:
        console.print(f"[dim]Matched {result.match.matched_name!r} (score {result.match.score:.0f}).[/]")
    render_answer(console, result.answer)
    if result.alternatives:
        console.print(
            "[dim]Other matches: " + "; ".join(f"{m.name} ({m.id})" for m in result.alternatives[:4]) + "[/]"
        )


def condition_command(
    condition_id: Annotated[str, typer.Argument(help="OMIM:…, ORPHA:…, DECIPHER:… or MONDO:… id")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Show everything known about one condition, by id."""
    from symptomdb.cli import console, fail, open_db, print_json
    from symptomdb.knowledge.answer import answer
    from symptomdb.knowledge.store import UnknownIdError

    db = open_db()
    try:
        result = answer(db.knowledge, condition_id)
    except UnknownIdError as error:
        fail(f"{error}. Try `symptomdb resolve NAME` to find the id.")
    if json_output:
        print_json(result.model_dump(mode="json"))
    else:
        render_answer(console, result)


def render_answer(console: Console, result: ConditionAnswer) -> None:
    o = result.overview
    ids = ", ".join([result.id, *o.equivalent_ids, *(x.id for x in o.xrefs if x.id.startswith("MONDO:"))])
    lines = [f"[bold]{result.name}[/]  [dim]{ids}[/]"]
    other_names = [n.name for n in o.names if n.name != result.name]
    if other_names:
        lines.append("Also known as: " + "; ".join(other_names[:6]))
    lines.append("Inheritance: " + (", ".join(t.name for t in o.inheritance) or "not stated in the sources"))
    lines.append("Onset: " + (", ".join(t.name for t in o.onset) or "not stated in the sources"))
    lines.append("Genes: " + (", ".join(g.symbol for g in o.genes) or "none recorded"))
    console.print(Panel("\n".join(lines), title="Overview", expand=False))

    table = Table(title=f"Symptoms ({result.symptoms.count})", show_lines=False)
    table.add_column("Symptom (plain words)")
    table.add_column("HPO term")
    table.add_column("How often")
    table.add_column("Source")
    for group in result.symptoms.groups:
        table.add_row(f"[bold]{group.category_name}[/]", "", "", "")
        for s in group.symptoms:
            table.add_row(
                "  " + s.plain_name,
                f"{s.name} ({s.hpo_id})",
                s.frequency_label,
                ", ".join(r.label for r in s.sources[:3]),
            )
    if result.symptoms.note:
        console.print(result.symptoms.note)
    else:
        console.print(table)
    if result.symptoms.reported:
        console.print(
            "Symptoms listed by the Disease Ontology (no frequencies): "
            + ", ".join(f.label for f in result.symptoms.reported)
        )
        console.print(f"[dim]Source: {result.symptoms.reported_source}[/]")
    if result.symptoms.excluded:
        console.print(
            "Not a feature (per the sources): " + ", ".join(s.name for s in result.symptoms.excluded)
        )
    console.print(f"[dim]Source: {result.symptoms.source}[/]")
    for section in (result.diagnosis, result.treatment, result.course, result.research, result.support):
        _render_section(console, section)
    console.print(
        "[dim]Data: "
        + "; ".join(f"{r.title.split(' (')[0]} {r.version} ({r.licence})" for r in result.sources)
        + "[/]"
    )
    console.print(Panel(result.disclaimer, title="Not medical advice", style="yellow", expand=False))


def _render_section(console: Console, section: Section) -> None:
    console.print(f"\n[bold underline]{section.title}[/]")
    for fact in section.items[:MAX_LISTED]:
        detail = f" — {fact.detail}" if fact.detail and fact.detail != fact.label else ""
        url = f" [link={fact.url}]{fact.url}[/link]" if fact.url else ""
        refs = (
            f" [dim]({', '.join(s.label for s in fact.sources[:3])})[/]"
            if fact.sources and not fact.url
            else ""
        )
        console.print(f"  • {fact.label}{detail}{url}{refs}")
    if len(section.items) > MAX_LISTED:
        console.print(f"  … and {len(section.items) - MAX_LISTED} more (use --json for all)")
    if section.note:
        console.print(f"  [italic]{section.note}[/]")
    if section.source:
        console.print(f"  [dim]Source: {section.source}[/]")
