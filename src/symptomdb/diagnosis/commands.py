"""CLI: `symptomdb diagnose` and `symptomdb bench diagnose`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from symptomdb.context import SymptomDB
    from symptomdb.diagnosis.phenopackets import PhenopacketCase
    from symptomdb.diagnosis.rank import Engine, Query
    from symptomdb.diagnosis.service import DiagnosisQuery
    from symptomdb.knowledge.store import Knowledge

BATCH_RANKING = 50
_HPO_ID = re.compile(r"^\s*HP[:_]\d{7}\s*$", re.IGNORECASE)
RESOLVE_MIN_SCORE = 60.0  # the resolver's scale: 100 an exact name, ~98 an exact synonym
EXACT_SCORE = 98.0


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("diagnose")(diagnose_command)
    bench_app.command("diagnose")(bench_diagnose_command)


def diagnose_command(
    findings: Annotated[
        list[str] | None,
        typer.Argument(
            help='Findings the person has: HPO ids (HP:0000609) or names ("jerky eye movements").'
        ),
    ] = None,
    absent: Annotated[
        list[str] | None, typer.Option("--not", help="A finding the person does not have (repeatable).")
    ] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="female or male")] = None,
    onset: Annotated[
        str | None,
        typer.Option("--onset", help="Age at onset: an HPO onset term (HP:0003593) or an age (P2Y)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Conditions to show.")] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    phenopackets: Annotated[
        Path | None,
        typer.Option(
            "--phenopackets", help="Rank each case of a phenopacket file, directory or ZIP instead."
        ),
    ] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="With --phenopackets: one JSON line per case (the default).")
    ] = False,
    text: Annotated[
        str | None,
        typer.Option("--text", help='Describe the findings in words ("jerks, eyes dart around, no fever").'),
    ] = None,
) -> None:
    """Rank conditions by how well they explain the findings present and absent, with the reasons."""
    from symptomdb.cli import fail, open_db

    if phenopackets is not None:
        if findings or absent:
            fail("give either findings or --phenopackets, not both")
        db = open_db(quiet=True)
        _rank_phenopackets(db, phenopackets, max(limit, BATCH_RANKING))
        return
    if jsonl:
        fail("--jsonl goes with --phenopackets")
    text_present: list[str] = []
    text_absent: list[str] = []
    text_notes: list[str] = []
    if text is not None:
        from symptomdb.text.annotate import annotate

        db = open_db(quiet=json_output)
        for mention in annotate(db.knowledge, text):
            (text_absent if mention.excluded else text_present).append(mention.hpo_id)
            state = "absent" if mention.excluded else "present"
            text_notes.append(f"{mention.text!r} → {mention.label} ({mention.hpo_id}), {state}")
        if not text_present:
            fail("no finding the person has was recognised in the text; name them, e.g. 'jerky movements'")
    if not findings and not text_present:
        fail("give at least one finding the person has (an HPO id or a name), or --phenopackets PATH")
    db = open_db(quiet=json_output)
    present_ids, present_notes = _resolve_all(db, findings or [])
    absent_ids, absent_notes = _resolve_all(db, absent or [])
    present_ids = list(dict.fromkeys([*present_ids, *text_present]))
    absent_ids = list(dict.fromkeys([*absent_ids, *text_absent]))
    _diagnose_and_print(
        db, present_ids, absent_ids, sex, onset, limit, json_output, text_notes + present_notes + absent_notes
    )


def _diagnose_and_print(
    db: SymptomDB,
    present: list[str],
    absent: list[str],
    sex: str | None,
    onset: str | None,
    limit: int,
    json_output: bool,
    resolved: list[str],
) -> None:
    from rich.table import Table

    from symptomdb.cli import console, fail, print_json
    from symptomdb.diagnosis.service import diagnose
    from symptomdb.knowledge.store import UnknownIdError

    try:
        result = diagnose(
            db.knowledge, present, absent, sex=sex, onset=onset, limit=limit, cache_dir=db.settings.cache_dir
        )
    except UnknownIdError as error:
        fail(str(error.args[0] if error.args else error))
    except ValueError as error:
        fail(str(error))
    if json_output:
        data = result.model_dump(mode="json")
        data["resolved"] = resolved
        print_json(data)
        return
    for line in resolved:
        console.print(f"[dim]{line}[/]")
    for note in result.query.notes:
        console.print(f"[yellow]{note}[/]")
    if not result.results:
        console.print("No condition to show.")
        return
    table = Table("#", "score", "P", "condition", "why", show_lines=False)
    for r in result.results:
        probability = f"{r.probability:.0%}" if r.probability is not None else ""
        table.add_row(
            str(r.rank), f"{r.score:.1f}", probability, f"{r.name}\n[dim]{r.id}[/]", r.explanation.summary
        )
    console.print(table)
    for group in result.look_alikes:
        console.print(f"[yellow]{group.note}[/]")
    console.print(f"[dim]{result.model.description} HPO {result.model.hpo_version}. Not medical advice.[/]")


def _resolve_all(db: SymptomDB, texts: list[str]) -> tuple[list[str], list[str]]:
    from symptomdb.cli import fail

    ids: list[str] = []
    notes: list[str] = []
    for text in texts:
        if _HPO_ID.match(text):
            ids.append(text.strip())
            continue
        found = resolve_name(db, text)
        if found is None:
            fail(f"no HPO finding matches {text!r}; give an HPO id (HP:…) or another name")
        ids.append(found[0])
        exact = found[2] >= EXACT_SCORE
        notes.append(
            f"{text!r} → {found[1]} ({found[0]})"
            + ("" if exact else f", closest name match (score {found[2]:.0f})")
        )
    return ids, notes


def resolve_name(db: SymptomDB, text: str) -> tuple[str, str, float] | None:
    """The HPO term for a plain name or short description ("tummy ache"), else exact names and synonyms."""
    from symptomdb.search.resolve import QueryError
    from symptomdb.search.symptoms import find_symptoms

    try:
        matches = find_symptoms(db.knowledge, db.name_index, text, limit=3)
    except QueryError:
        return None
    if matches and matches[0].score >= RESOLVE_MIN_SCORE:
        return matches[0].id, matches[0].name, matches[0].score
    return exact_name(db.knowledge, text)


def exact_name(knowledge: Knowledge, text: str) -> tuple[str, str, float] | None:
    wanted = " ".join(text.casefold().split())
    for term in knowledge.terms.values():
        if term.is_obsolete:
            continue
        if term.name.casefold() == wanted or any(s.text.casefold() == wanted for s in term.synonyms):
            return term.id, term.name, 100.0
    return None


def _rank_phenopackets(db: SymptomDB, path: Path, n: int) -> None:
    from symptomdb.cli import fail
    from symptomdb.diagnosis.phenopackets import PhenopacketError, read_phenopackets
    from symptomdb.diagnosis.service import get_engine, rank
    from symptomdb.knowledge.store import UnknownIdError

    knowledge = db.knowledge
    engine = get_engine(knowledge, db.settings.cache_dir, warm=True)
    model = engine.model
    try:
        cases = read_phenopackets(path)
        for case in cases:
            if isinstance(case, PhenopacketError):
                _line({"case": case.id, "error": f"{case.location}: {case.error}"})
                continue
            try:
                query, _ = _case_query(knowledge, engine, case)
            except (UnknownIdError, ValueError) as error:
                _line({"case": case.id, "error": str(error.args[0] if error.args else error)})
                continue
            if not query.present:
                _line({"case": case.id, "error": "no observed HPO term of this HPO release"})
                continue
            ranking = [
                {"id": model.condition_ids[row], "name": model.condition_names[row], "score": round(score, 3)}
                for row, score, _, _ in rank(engine, query, n)
            ]
            _line({"case": case.id, "ranking": ranking})
    except FileNotFoundError as error:
        fail(str(error))


def _case_query(knowledge: Knowledge, engine: Engine, case: PhenopacketCase) -> tuple[Query, DiagnosisQuery]:
    """The service's query for a case; unknown HPO ids of newer releases are left out, not fatal."""
    from symptomdb.diagnosis.service import build_query
    from symptomdb.knowledge.store import UnknownIdError

    def known(ids: tuple[str, ...]) -> list[str]:
        kept = []
        for tid in ids:
            try:
                knowledge.primary_term_id(tid)
            except UnknownIdError:
                continue
            kept.append(tid)
        return kept

    try:
        return build_query(knowledge, engine, known(case.present), known(case.excluded), case.sex, case.onset)
    except ValueError:  # an onset this release does not know: rank without it
        return build_query(knowledge, engine, known(case.present), known(case.excluded), case.sex, None)


def _line(record: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def bench_diagnose_command(
    phenopackets: Annotated[Path, typer.Option("--phenopackets", help="Phenopacket file, directory or ZIP.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    limit_cases: Annotated[
        int | None, typer.Option("--limit-cases", min=1, help="Only the first N cases.")
    ] = None,
) -> None:
    """Top-1/3/10, MRR and time per case of the engine and of a Resnik baseline, in one run."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from symptomdb.cli import console, err_console, fail, open_db, print_json
    from symptomdb.diagnosis.bench import run_benchmark

    if not phenopackets.exists():
        fail(f"no such file or directory: {phenopackets}")
    db = open_db(quiet=json_output)
    progress = Progress(
        TextColumn("ranking cases"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
    )
    with progress:
        task = progress.add_task("bench", total=limit_cases)
        report = run_benchmark(
            db.knowledge,
            phenopackets,
            limit_cases=limit_cases,
            cache_dir=db.settings.cache_dir,
            progress=lambda n: progress.update(task, completed=n),
        )
    if json_output:
        print_json(report.model_dump(mode="json"))
        return
    table = Table("model", "cases", "top-1", "top-3", "top-10", "MRR", "p50 ms", "p95 ms")
    for name, m in (("engine", report.engine), ("baseline (Resnik BMA)", report.baseline)):
        table.add_row(
            name,
            str(m.cases),
            f"{m.top1:.3f}",
            f"{m.top3:.3f}",
            f"{m.top10:.3f}",
            f"{m.mrr:.3f}",
            f"{m.p50_ms:.2f}",
            f"{m.p95_ms:.2f}",
        )
    console.print(table)
    console.print(
        f"speed-up (p50): {report.speedup_p50}×; "
        f"engine p50 with every term seen before: {report.engine_warm_p50_ms} ms, "
        f"without its term cache: {report.engine_uncached_p50_ms} ms; "
        f"{report.cases_without_known_diagnosis} cases have a diagnosis the engine does not know; "
        f"{report.cases_with_errors} unreadable; peak memory {report.max_rss_mb:.0f} MB."
    )
    if report.mean_top1_probability is not None:
        console.print(
            f"calibration: mean probability of the first condition {report.mean_top1_probability:.3f} "
            f"(uncalibrated {report.mean_top1_probability_uncalibrated}), top-1 accuracy "
            f"{report.engine.top1:.3f}; calibration error {report.calibration_error}; temperatures "
            f"{report.temperatures}, confidence slopes {report.confidence_slopes}"
        )
        bins = Table("probability", "cases", "mean probability", "right")
        for b in report.reliability:
            if b.cases:
                mean, right = f"{b.mean_probability:.3f}", f"{b.accuracy:.3f}"
                bins.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.cases), mean, right)
        console.print(bins)
    console.print(f"[dim]{report.protocol}[/]")
