"""The optional bearer token that guards everything under /api."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from pressfacts.service.errors import ApiError

# auto_error=False: a missing header is our 401 with a JSON body, not FastAPI's 403.
_bearer = HTTPBearer(auto_error=False, description="the token given to `pressfacts serve --token`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def require_token(token: str) -> Callable[[HTTPAuthorizationCredentials | None], Awaitable[None]]:
    """A dependency refusing requests without `Authorization: Bearer <token>`."""
    expected = token.encode()

    async def check(credentials: Credentials) -> None:
        given = credentials.credentials.encode() if credentials else b""
        # Constant time: the comparison must not tell how much of a guess was right.
        if not hmac.compare_digest(given, expected):
            raise ApiError(401, "a bearer token is required: Authorization: Bearer <token>")

    return check
