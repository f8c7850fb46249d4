"""`pressfacts serve` as a user runs it: a real process, several workers, a token, a signal to stop."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from pressfacts.cli import app
from tests.servicedata import SEED_BYTES


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def wait_until_up(server: subprocess.Popen[str], port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            if request(port, "GET", "/openapi.json")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer")


def test_serve_with_workers_and_a_token(tmp_path: Path) -> None:
    port = free_port()
    command = [
        sys.executable, "-m", "pressfacts", "serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port),
        "--workers", "2", "--max-body", "10000", "--log-level", "warning",
    ]  # fmt: skip
    env = {"PRESSFACTS_TOKEN": "t0ken", "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        wait_until_up(server, port)
        assert request(port, "GET", "/api/releases")[0] == 401
        auth = {"Authorization": "Bearer t0ken"}
        status, body = request(port, "GET", "/api/releases", headers=auth)
        assert (status, json.loads(body)["total"]) == (200, 0)
        extract = {**auth, "Content-Type": "text/plain"}
        status, body = request(port, "POST", "/api/extract", SEED_BYTES, extract)
        assert (status, len(json.loads(body)["facts"])) == (200, 14)
        status, body = request(port, "POST", "/api/extract", b"x" * 20_000, extract)
        assert (status, json.loads(body)) == (
            413,
            {"error": "the request body is over the limit of 10,000 bytes"},
        )
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert f"serving on http://127.0.0.1:{port} with 2 workers" in out


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port), "--workers", "2"]
        )
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1" in result.stderr


def test_serve_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "Example: pressfacts serve" in result.stdout
    assert "127.0.0.1" in result.stdout
