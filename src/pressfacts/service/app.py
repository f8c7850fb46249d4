"""The app: the API under /api, the page at /, OpenAPI at /openapi.json."""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from pressfacts.read import DEFAULT_MAX_BYTES
from pressfacts.service import browse, errors, extract
from pressfacts.service.access import StoreAccess, prepare_store
from pressfacts.service.auth import require_token
from pressfacts.service.guard import Guard
from pressfacts.service.settings import Settings

STATIC = Path(__file__).parent / "static"
# How `pressfacts serve` hands its options to uvicorn's worker processes.
ENV_DB = "PRESSFACTS_DB"
ENV_TOKEN = "PRESSFACTS_TOKEN"
ENV_MAX_BODY = "PRESSFACTS_MAX_BODY"


def create_app(
    db_path: str | os.PathLike[str], token: str | None = None, max_body: int = DEFAULT_MAX_BYTES
) -> FastAPI:
    """The service over the store at `db_path` (created if missing).

    `token`: if given, every /api request needs `Authorization: Bearer <token>`.
    `max_body`: the largest request body read, in bytes (413 beyond).
    """
    path = Path(db_path)
    prepare_store(path)
    app = FastAPI(
        title="pressfacts",
        version=metadata.version("pressfacts"),
        description="Structured, checked facts from earnings press releases.",
        # Swagger UI and ReDoc load their code from a CDN: the page must not.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = Settings(path, max_body, token, StoreAccess(path))
    api = APIRouter(prefix="/api", dependencies=[Depends(require_token(token))] if token else [])
    api.include_router(extract.router)
    api.include_router(browse.router)
    app.include_router(api)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.add_middleware(Guard, max_body=max_body)
    return app


def app_from_env() -> FastAPI:
    """The app as `pressfacts serve` configured it through the environment (uvicorn's factory)."""
    return create_app(
        os.environ[ENV_DB],
        token=os.environ.get(ENV_TOKEN) or None,
        max_body=int(os.environ.get(ENV_MAX_BODY, DEFAULT_MAX_BYTES)),
    )
