"""Running the app with uvicorn: `pressfacts serve`."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn

from pressfacts.service.access import prepare_store
from pressfacts.service.app import ENV_DB, ENV_MAX_BODY, ENV_TOKEN
from pressfacts.service.workers import APP, Supervisor


def serve(
    db_path: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    max_body: int = 20_000_000,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Serve until interrupted. Worker processes build the app from the environment set here.

    One worker is uvicorn as it is; several are `workers.Supervisor`'s, a socket each.
    """
    prepare_store(db_path)  # once, before the workers start: they then find every table there
    os.environ[ENV_DB] = str(db_path.absolute())
    os.environ[ENV_MAX_BODY] = str(max_body)
    if token:
        os.environ[ENV_TOKEN] = token
    else:
        os.environ.pop(ENV_TOKEN, None)
    if workers > 1:
        Supervisor(host, port, workers, log_level).run()
        return
    uvicorn.run(APP, factory=True, host=host, port=port, log_level=log_level, server_header=False)
