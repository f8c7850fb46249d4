"""Several server processes on one port, each listening on a socket of its own (SO_REUSEPORT).

Why not uvicorn's own workers: they share one listening socket, and an asyncio server
accepts every waiting connection at once, so keep-alive clients that connect together
all land on one worker (measured with bench/bench_serve.py: 16 clients, 2 workers, one
at 98% CPU and one idle, 140 requests/s). With a socket per worker the kernel spreads new
connections over the workers. Only processes of the same user can join such a port.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import time
from types import FrameType

import uvicorn

from pressfacts.errors import PressfactsError

log = logging.getLogger("pressfacts.service")
APP = "pressfacts.service.app:app_from_env"
# A worker that dies this soon after it started will die again (a broken set-up): stop then.
EARLY_DEATH_SECONDS = 5.0


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP said outright: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
    # proto says TCP, and with Nagle on, each answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise PressfactsError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return sock


def run_worker(host: str, port: int, log_level: str) -> None:
    """One worker process: its own socket on the shared port, and uvicorn on it."""
    config = uvicorn.Config(APP, factory=True, log_level=log_level, server_header=False)
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


class Supervisor:
    """Starts the workers, restarts one that dies, and stops them all on SIGINT or SIGTERM."""

    def __init__(self, host: str, port: int, workers: int, log_level: str) -> None:
        # Bound (not listening) for the supervisor's life: it claims the port, and names it when 0 was asked.
        self._claim = listening_socket(host, port)
        self.host, self.port = host, int(self._claim.getsockname()[1])
        self.log_level = log_level
        self._context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
        self._workers = [self._start() for _ in range(workers)]
        self._stopping = False

    def _start(self) -> tuple[multiprocessing.process.BaseProcess, float]:
        process = self._context.Process(
            target=run_worker, args=(self.host, self.port, self.log_level), name="pressfacts-worker"
        )
        process.start()
        return process, time.monotonic()

    def run(self) -> None:
        signal.signal(signal.SIGINT, self._stop)
        signal.signal(signal.SIGTERM, self._stop)
        print(
            f"pressfacts: serving on http://{self.host}:{self.port} with {len(self._workers)} workers",
            flush=True,
        )
        try:
            while not self._stopping:
                self._replace_dead()
                time.sleep(0.5)
        finally:
            self._shutdown()

    def _replace_dead(self) -> None:
        for index, (process, started) in enumerate(self._workers):
            if process.is_alive() or self._stopping:
                continue
            if time.monotonic() - started < EARLY_DEATH_SECONDS:
                raise PressfactsError(
                    f"a worker exited at start (code {process.exitcode}); see its output above"
                )
            log.warning("worker %s exited (code %s): starting another", process.pid, process.exitcode)
            self._workers[index] = self._start()

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def _shutdown(self) -> None:
        for process, _ in self._workers:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for process, _ in self._workers:
            process.join(timeout=15)
            if process.is_alive():
                process.kill()
                process.join()
        self._claim.close()
