#!/usr/bin/env python3
"""The HTTP service under load: concurrent clients posting a release to /api/extract.

Starts `pressfacts serve` as a subprocess on 127.0.0.1 (a free port, a temporary store,
one worker process per core by default), warms it up outside the timed region (every
worker compiles its patterns on its first release), then runs N clients for S seconds,
each on its own keep-alive connection, posting the seed release and waiting for the
answer before the next. The clients are asyncio streams in this process: a few tens of
microseconds of CPU per request, so that the server, not the load, is what is measured.

Prints requests/s, latency p50 / p99 / max, and errors (any answer but a 200 with the
contract, or a broken connection). Goal: >= 200 requests/s on 2 cores, zero errors.

Examples:
  python bench/bench_serve.py
  python bench/bench_serve.py --clients 32 --seconds 10 --workers 1
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
GOAL_RPS = 200.0
WARM_SECONDS = 3.0


class BenchError(Exception):
    """A problem that stops the benchmark: printed as one line, exit code 2."""


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""

    def error(self, what: str) -> None:
        self.errors += 1
        self.first_error = self.first_error or what


def seed_release() -> Path:
    corpus = Path(os.environ.get("PRESSFACTS_CORPUS", REPO.parent / "shared" / "corpus"))
    found = corpus / "docs" / "iec-2003-q4.txt"
    return found if found.is_file() else REPO / "tests" / "data" / "iec-2003-q4.txt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "pressfacts", "serve", "--db", str(db), "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"the server exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=1) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise BenchError("the server did not answer within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGINT)  # uvicorn's clean shutdown, workers included
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def request_bytes(body: bytes, port: int) -> bytes:
    head = (
        f"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")), 0
    )
    return status, await reader.readexactly(length)


async def client(port: int, request: bytes, until: float, tally: Tally | None) -> None:
    """One connection, one request at a time until `until`; reconnects after an error."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < until:
            started = time.perf_counter()
            try:
                writer.write(request)
                status, body = await read_answer(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                if tally:
                    tally.error(f"{type(error).__name__}: {error}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            if tally is None:
                continue
            if status != 200 or b'"facts"' not in body:
                tally.error(f"HTTP {status}: {body[:200]!r}")
            else:
                tally.latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def load(port: int, request: bytes, clients: int, seconds: float, tally: Tally | None) -> float:
    until = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(client(port, request, until, tally) for _ in range(clients)))
    return time.perf_counter() - started


def report(tally: Tally, elapsed: float, args: argparse.Namespace, size: int, console: Console) -> bool:
    done = len(tally.latencies)
    rps = done / elapsed
    ms = sorted(x * 1000 for x in tally.latencies) or [0.0]
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    title = (
        f"POST /api/extract: {size:,}-byte release, {args.clients} clients, {args.seconds:.0f} s, "
        f"{args.workers} workers, {os.cpu_count()} cores"
    )
    console.print(title)  # above the table, not its title: a title wraps to the table's width
    table = Table()
    for column in ("requests", "errors", "seconds", "requests/s", "p50 ms", "p99 ms", "max ms"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{done:,}",
        f"{tally.errors:,}",
        f"{elapsed:.1f}",
        f"{rps:.1f}",
        f"{p50:.1f}",
        f"{p99:.1f}",
        f"{ms[-1]:.1f}",
    )
    console.print(table)
    if tally.first_error:
        console.print(f"first error: {tally.first_error}")
    met = rps >= GOAL_RPS and tally.errors == 0
    console.print(f"goal >= {GOAL_RPS:.0f} requests/s with zero errors: {'met' if met else 'NOT met'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the timed load (default 20)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server worker processes")
    parser.add_argument("--release", type=Path, default=None, help="the release to post (default: the seed)")
    args = parser.parse_args()
    console = Console(highlight=False, width=110)
    body = (args.release or seed_release()).read_bytes()
    port = free_port()
    try:
        with tempfile.TemporaryDirectory(prefix="pressfacts-bench-serve-") as folder:
            server = start_server(Path(folder) / "bench.duckdb", port, args.workers)
            try:
                request = request_bytes(body, port)
                asyncio.run(load(port, request, args.clients, WARM_SECONDS, None))
                tally = Tally()
                elapsed = asyncio.run(load(port, request, args.clients, args.seconds, tally))
            finally:
                stop_server(server)
            report(tally, elapsed, args, len(body), console)
    except BenchError as error:
        print(f"bench_serve: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
