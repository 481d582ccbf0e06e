"""CLI: `symptomdb serve` and `symptomdb bench web`."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    bench_app.command("web")(bench_web_command)


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the web site and JSON API (builds the database on first run)."""
    import uvicorn

    from symptomdb.cli import console, fail, open_db
    from symptomdb.web.app import create_app

    db = open_db()
    with console.status("Loading the knowledge base, search index and diagnosis engine…"):
        app = create_app(db)
        app.state.site.warm_up()
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    console.print(
        f"symptomdb is running at [bold]http://{shown}:{port}/[/]  "
        f"(API: http://{shown}:{port}/api/docs; Ctrl+C stops it)"
    )
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error}")


def bench_web_command(
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    clients: Annotated[int, typer.Option("--clients", min=1, max=200, help="Concurrent clients.")] = 50,
    duration: Annotated[
        float, typer.Option("--duration", min=0.5, max=60, help="Seconds per endpoint.")
    ] = 5.0,
    max_requests: Annotated[
        int, typer.Option("--max-requests", min=10, max=500_000, help="Cap per endpoint.")
    ] = 50_000,
) -> None:
    """Throughput and latency of a condition page, a search, the API answer and /healthz, in one run."""
    from rich.table import Table

    from symptomdb.cli import console, err_console, fail, open_db, print_json
    from symptomdb.web.bench import run

    open_db(quiet=json_output)  # import the data first (with a progress bar), not inside the server
    try:
        with err_console.status("Benchmarking…") as status:
            result = run(
                clients, duration, max_requests, on_step=lambda text: status.update(f"Benchmarking: {text}")
            )
    except RuntimeError as error:
        fail(str(error))
    if json_output:
        print_json(result.model_dump())
        return
    table = Table(
        "endpoint",
        "requests/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "vs trivial",
        title=f"{clients} concurrent clients, {duration:g} s each",
    )
    for f in result.endpoints:
        table.add_row(
            f.name,
            f"{f.requests_per_s:,.0f}",
            f"{f.p50_ms:.1f}",
            f"{f.p95_ms:.1f}",
            f"{f.p99_ms:.1f}",
            str(f.errors),
            f"{f.ratio_to_trivial:.0%}",
        )
    console.print(table)
    if result.load_average_before is not None:
        console.print(
            f"machine: {result.cpus} CPUs, load average {result.load_average_before} before, "
            f"{result.load_average_after} after (client and server share the machine)"
        )
    if result.cold_condition_render_ms is not None:
        console.print(f"first (uncached) condition page render: {result.cold_condition_render_ms:.0f} ms")
    console.print(
        f"goals: condition page ≥ 30% of trivial: {'met' if result.condition_ratio_met else 'NOT met'}; "
        f"p95 ≤ 50 ms: {'met' if result.p95_met else 'NOT met'}"
    )
