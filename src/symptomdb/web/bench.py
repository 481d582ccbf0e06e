"""`symptomdb bench web`: start the site with uvicorn on a free loopback port in a subprocess, drive N
concurrent HTTP clients against a condition page, a search, the API answer and a trivial endpoint in
the same run, and report requests/s and latency percentiles (and each endpoint's throughput relative
to the trivial one).

The clients are asyncio coroutines with one keep-alive connection each (see `_Connection`).
Bounded: at most `clients` connections, `duration` seconds and `max_requests` requests per endpoint,
127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx
from pydantic import BaseModel

HOST = "127.0.0.1"
STARTUP_TIMEOUT = 300.0
CONDITION_IDS = [
    "ORPHA:1183",
    "ORPHA:558",
    "ORPHA:586",
    "OMIM:154700",
    "ORPHA:273",
    "ORPHA:98896",
    "OMIM:219700",
    "ORPHA:778",
]
SEARCHES = [
    "/search?q=opsoclonus+myoclonis",
    "/search?q=OMS",
    "/search?q=marfan",
    "/search?q=cistic+fibrosis",
    "/search?q=what+are+the+symptoms+of+duchenne",
    "/search?q=jerking",
]
API_ANSWERS = [
    "/api/v1/conditions/ORPHA:1183",
    "/api/v1/conditions/ORPHA:558",
    "/api/v1/conditions/OMIM:219700",
]
TRIVIAL = ["/healthz"]


class EndpointFigures(BaseModel):
    name: str
    paths: list[str]
    requests: int
    errors: int
    seconds: float
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    ratio_to_trivial: float | None = None


class WebBenchResult(BaseModel):
    clients: int
    duration_s: float
    server: str
    python: str
    endpoints: list[EndpointFigures]
    cold_condition_render_ms: float | None = None
    goal_condition_ratio: float = 0.30
    goal_p95_ms: float = 50.0
    condition_ratio_met: bool
    p95_met: bool
    cpus: int | None = None
    load_average_before: float | None = None
    load_average_after: float | None = None


@dataclass
class Endpoint:
    name: str
    paths: Sequence[str]


def _endpoints(base_url: str) -> list[Endpoint]:
    pages = []
    with httpx.Client(base_url=base_url, timeout=30.0, trust_env=False) as client:
        for cid in CONDITION_IDS:
            location = client.get(f"/conditions/{cid}").headers.get("location")
            if location:
                pages.append(location)
    if not pages:
        raise RuntimeError("none of the benchmark's conditions is in the knowledge base")
    return [
        Endpoint("trivial /healthz", TRIVIAL),
        Endpoint("condition page", pages),
        Endpoint("search page", SEARCHES),
        Endpoint("API answer", API_ANSWERS),
    ]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Server:
    """uvicorn serving `symptomdb.web.app:create_app` in a subprocess on a free loopback port."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        command = [
            sys.executable, "-m", "uvicorn", "symptomdb.web.app:create_app", "--factory",
            "--host", HOST, "--port", str(self.port), "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise RuntimeError(f"the server exited during start-up: {error[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0, trust_env=False).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"the server did not answer within {STARTUP_TIMEOUT:.0f} s")

    def __exit__(self, *_: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _Connection:
    """A minimal HTTP/1.1 keep-alive client for GET on loopback.

    httpx's own per-request overhead on this machine is about ten times the server's, so with it the
    benchmark would measure the client; this client costs little, so the figures are the server's.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\nAccept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip().lower()
        if headers.get(b"transfer-encoding") == b"chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await self.reader.readexactly(int(headers.get(b"content-length", b"0")))
        if headers.get(b"connection") == b"close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def _drive(
    port: int, paths: Sequence[str], clients: int, duration: float, max_requests: int
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    issued = 0
    start = time.perf_counter()
    deadline = start + duration

    async def worker(offset: int) -> None:
        nonlocal errors, issued
        connection = _Connection(port)
        i = offset
        try:
            while issued < max_requests and time.perf_counter() < deadline:
                issued += 1
                path = paths[i % len(paths)]
                i += 1
                t0 = time.perf_counter()
                try:
                    ok = await asyncio.wait_for(connection.get(path), timeout=10.0) < 400
                except (TimeoutError, OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                    ok = False
                    await connection.close()
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += 0 if ok else 1
        finally:
            await connection.close()

    await asyncio.gather(*(worker(n) for n in range(clients)))
    return latencies, errors, time.perf_counter() - start


def _cold_render_ms(base_url: str) -> float | None:
    """Median time of a first (uncached) render of a few condition pages not used elsewhere."""
    samples = []
    with httpx.Client(base_url=base_url, timeout=30.0, trust_env=False) as client:
        for cid in ("ORPHA-166024", "OMIM-613155", "ORPHA-79318", "OMIM-300624", "ORPHA-2322"):
            t0 = time.perf_counter()
            response = client.get(f"/conditions/{cid}", follow_redirects=True)
            if response.status_code == 200:
                samples.append((time.perf_counter() - t0) * 1000)
    return round(percentile(samples, 0.5), 1) if samples else None


def run(
    clients: int = 50,
    duration: float = 5.0,
    max_requests: int = 50_000,
    env: dict[str, str] | None = None,
    on_step: Callable[[str], None] = lambda _: None,
) -> WebBenchResult:
    on_step("starting the server")
    load_before = _load()
    with Server(env) as server:
        cold = _cold_render_ms(server.url)
        figures: list[EndpointFigures] = []
        for endpoint in _endpoints(server.url):
            on_step(f"warming up: {endpoint.name}")
            asyncio.run(_drive(server.port, endpoint.paths, min(clients, 8), min(1.0, duration), 2_000))
            on_step(f"measuring: {endpoint.name}")
            latencies, errors, elapsed = asyncio.run(
                _drive(server.port, endpoint.paths, clients, duration, max_requests)
            )
            figures.append(
                EndpointFigures(
                    name=endpoint.name,
                    paths=list(endpoint.paths),
                    requests=len(latencies),
                    errors=errors,
                    seconds=round(elapsed, 2),
                    requests_per_s=round(len(latencies) / elapsed, 1) if elapsed else 0.0,
                    p50_ms=round(percentile(latencies, 0.50), 2),
                    p95_ms=round(percentile(latencies, 0.95), 2),
                    p99_ms=round(percentile(latencies, 0.99), 2),
                )
            )
    trivial = figures[0].requests_per_s or 1.0
    for f in figures:
        f.ratio_to_trivial = round(f.requests_per_s / trivial, 3)
    condition = next(f for f in figures if f.name == "condition page")
    return WebBenchResult(
        clients=clients,
        duration_s=duration,
        server="uvicorn (1 worker) on " + HOST,
        python=sys.version.split()[0],
        endpoints=figures,
        cold_condition_render_ms=cold,
        condition_ratio_met=(condition.ratio_to_trivial or 0) >= 0.30,
        p95_met=all(f.p95_ms <= 50.0 for f in figures),
        cpus=os.cpu_count(),
        load_average_before=load_before,
        load_average_after=_load(),
    )


def _load() -> float | None:
    """The 1-minute load average: other work on the machine shows in the latencies."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None
