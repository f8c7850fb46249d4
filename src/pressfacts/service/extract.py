"""POST /api/extract: a release in the body, its facts out (and into the store if asked)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from pressfacts.document import build_documents
from pressfacts.errors import InputError
from pressfacts.models import Document, Release
from pressfacts.outputs import release_dict
from pressfacts.pipeline import extract_document
from pressfacts.service.errors import ApiError, responses
from pressfacts.service.settings import settings_of

router = APIRouter()

RAW_TYPES = {"text/plain": "release.txt", "text/html": "release.htm"}
# Extraction is pure Python and holds the GIL: a thread does not run it beside the event loop,
# it only hands the GIL back and forth (measured with bench/bench_serve.py: 160 requests/s
# through a thread, 250 on the loop). A release up to this size (a few ms of work) is extracted
# on the loop; a larger one in a thread, so that the loop still gets a turn every switch
# interval for the worker's other connections. Several workers serve in parallel.
INLINE_BYTES = 256_000
MULTIPART = "multipart/form-data"
UPLOAD_FIELD = "file"

# What a release's text must be: some words, and no control characters but white space (and
# ESC, seen in old filings). The pipeline refuses binary input (422), and an empty body is 400.
_CONTROL = r"\x00-\x08\x0e-\x1a\x1c-\x1f\x7f"
TEXT_PATTERN = rf"^[^{_CONTROL}]*[^\s{_CONTROL}][^{_CONTROL}]*$"
TEXT_SCHEMA = {"type": "string", "pattern": TEXT_PATTERN}
# The body as OpenAPI describes it: FastAPI cannot infer it, the route reads the raw request.
REQUEST_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": TEXT_SCHEMA},
        "text/html": {"schema": TEXT_SCHEMA},
        MULTIPART: {
            "schema": {
                "type": "object",
                # A file, but of text: a release as text or HTML, as the raw bodies are.
                "properties": {UPLOAD_FIELD: TEXT_SCHEMA},
                "required": [UPLOAD_FIELD],
                "additionalProperties": False,
            },
            "encoding": {UPLOAD_FIELD: {"contentType": "text/plain, text/html"}},
        },
    },
}
RELEASE_SCHEMA = {
    "type": "object",
    "description": "the JSON contract of `pressfacts extract`, with the document `text` its spans point into",
    "required": ["document", "facts", "unconfirmed", "derived", "checks", "statements", "text", "format"],
    "properties": {
        "document": {"type": "string"},
        "text": {"type": "string"},
        "format": {"type": "string"},
        "release_id": {"type": ["string", "null"]},
        "facts": {"type": "array", "items": {"type": "object"}},
        "unconfirmed": {"type": "array", "items": {"type": "object"}},
        "derived": {"type": "array", "items": {"type": "object"}},
        "checks": {"type": "array", "items": {"type": "object"}},
        "statements": {"type": "array", "items": {"type": "object"}},
    },
}


@router.post(
    "/extract",
    summary="Extract the facts of a release sent as the body (text/plain, text/html or an upload)",
    openapi_extra={"requestBody": REQUEST_BODY},
    responses={
        200: {"content": {"application/json": {"schema": RELEASE_SCHEMA}}},
        **responses(400, 401, 413, 415, 422, 503),
    },
)
async def extract_release(
    request: Request,
    store: Annotated[bool, Query(description="also store the release (and its text)")] = False,
    name: Annotated[str | None, Query(max_length=200, description="the document's name")] = None,
) -> Response:
    data, default_name = await read_release(request)
    name = name or default_name
    if len(data) <= INLINE_BYTES:
        release = extract_release_bytes(data, name)
    else:
        release = await run_in_threadpool(extract_release_bytes, data, name)
    body = release_dict(release) | {"text": release.document.text, "format": release.document.format}
    if store:
        settings = settings_of(request)
        ids = await run_in_threadpool(
            settings.access.write, lambda s: s.add(data, name, source=f"upload:{name}")
        )
        body["release_id"] = ids[0] if ids else None
    # Serialised here: FastAPI's encoder would walk the whole contract again, for nothing.
    return Response(json.dumps(body, ensure_ascii=False).encode(), media_type="application/json")


async def read_release(request: Request) -> tuple[bytes, str]:
    """The release's bytes and a default name, by content type; 415 for any other type."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in RAW_TYPES:
        data, name = await request.body(), RAW_TYPES[media]
    elif media == MULTIPART:
        data, name = await _upload(request)
    else:
        raise ApiError(
            415, f"send the release as text/plain, text/html or {MULTIPART}, not {media or 'no content type'}"
        )
    if not data.strip():
        raise ApiError(400, "the release is empty")
    return data, name


async def _upload(request: Request) -> tuple[bytes, str]:
    """The `file` part of a multipart body: an uploaded file, or a plain field holding the text."""
    async with request.form(max_files=1, max_fields=8) as form:
        part: Any = form.get(UPLOAD_FIELD)
        if isinstance(part, UploadFile):
            return await part.read(), part.filename or "upload"
        if isinstance(part, str):
            return part.encode("utf-8"), "release.txt"
    raise ApiError(400, f"the upload has no part named {UPLOAD_FIELD!r}")


def extract_release_bytes(data: bytes, name: str) -> Release:
    """The first release of the bytes (as `pressfacts.extract`), named `name`; 422 if unreadable."""
    try:
        documents = build_documents(data, name)
    except InputError as error:
        raise ApiError(422, str(error)) from None
    if not documents:  # a submission file without a release exhibit
        return Release(document=Document(name, "", "text"), facts=[])
    return extract_document(documents[0])
