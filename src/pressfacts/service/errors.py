"""Every error as JSON `{"error": "..."}` with its status, whatever raised it."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from pressfacts.service.guard import BodyTooLarge
from pressfacts.store import Ambiguous, NoMatch, StoreBusy

log = logging.getLogger("pressfacts.service")

# The error body, for the OpenAPI document.
ERROR_SCHEMA = {
    "type": "object",
    "properties": {"error": {"type": "string"}},
    "required": ["error"],
}


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses` entries for these error statuses."""
    return {
        s: {"description": "error", "content": {"application/json": {"schema": ERROR_SCHEMA}}}
        for s in statuses
    }


def install(app: FastAPI) -> None:
    """Register the handlers that turn each kind of error into JSON."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BodyTooLarge, _too_large)
    app.add_exception_handler(NoMatch, _status(404))
    app.add_exception_handler(Ambiguous, _status(400))
    app.add_exception_handler(StoreBusy, _status(503))
    app.add_exception_handler(Exception, _unexpected)


async def _api_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return error_response(error.status, error.message, headers)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return error_response(error.status_code, str(error.detail), error.headers)


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return error_response(422, "; ".join(parts) or "invalid request")


async def _too_large(request: Request, error: Exception) -> JSONResponse:
    # The rest of the body is never read: close the connection rather than drain it.
    return error_response(413, str(error), {"Connection": "close"})


def _status(status: int):  # type: ignore[no-untyped-def]  # Starlette's handler type is loose
    async def handler(request: Request, error: Exception) -> JSONResponse:
        return error_response(status, str(error))

    return handler


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(500, f"internal error: {type(error).__name__}")
