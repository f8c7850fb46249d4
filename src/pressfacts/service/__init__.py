"""The HTTP service: a JSON API over the pipeline and the store, and a web page to read releases.

`create_app(db_path)` builds the FastAPI app; `pressfacts serve` runs it with uvicorn.
Modules: `app` (assembly), `guard` (body limit, security headers), `errors` (JSON errors),
`auth` (bearer token), `access` (the store shared by request threads), `extract` and
`browse` (the routes), `server` (uvicorn), `static/` (the page).
"""

from pressfacts.service.app import create_app

__all__ = ["create_app"]
