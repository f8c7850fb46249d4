"""What a running app was configured with, kept on `app.state`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import HTTPConnection

from pressfacts.service.access import StoreAccess


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path
    max_body: int
    token: str | None
    access: StoreAccess


def settings_of(request: HTTPConnection) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
