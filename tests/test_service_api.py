"""The HTTP API through FastAPI's TestClient: every endpoint, every error status."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pressfacts.service import access, create_app
from pressfacts.store import Store, StoreBusy
from tests.servicedata import SCRIPT_RELEASE, SEED, SEED_BYTES, add_company, seeded_store

TEXT = {"content-type": "text/plain"}
HTML_RELEASE = (
    "<html><body><p>Acme Widgets Corp. today reported revenue of $12.5 million for the quarter "
    "ended March 31, 2020, compared with $10.1 million for the quarter ended March 31, 2019.</p>"
    "</body></html>"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    seeded_store(path)
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture
def seed_id(db: Path) -> str:
    return str(Store(db).releases().items[0]["id"])


def error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    return str(body["error"])


# --------------------------------------------------------------------------- POST /api/extract


def test_extract_plain_text_gives_the_contract_and_the_text(client: TestClient) -> None:
    response = client.post("/api/extract", content=SEED_BYTES, headers=TEXT)
    assert response.status_code == 200
    release = response.json()
    assert {
        "document",
        "company",
        "facts",
        "unconfirmed",
        "derived",
        "checks",
        "statements",
    } <= release.keys()
    assert (release["company"], release["format"], len(release["facts"])) == (
        "IEC Electronics Corp.",
        "text",
        14,
    )
    assert "release_id" not in release  # not stored unless asked
    text = release["text"]
    for fact in release["facts"]:
        assert text[fact["span"]["start"] : fact["span"]["end"]] == fact["quote"]


def test_extract_html_and_the_name_parameter(client: TestClient) -> None:
    response = client.post(
        "/api/extract?name=acme.htm",
        content=HTML_RELEASE,
        headers={"content-type": "text/html; charset=utf-8"},
    )
    release = response.json()
    assert (release["document"], release["format"]) == ("acme.htm", "html")
    assert [f["value"] for f in release["facts"] if f["metric"] == "revenue"] == [12_500_000, 10_100_000]


def test_extract_a_multipart_upload_named_after_its_file(client: TestClient) -> None:
    response = client.post("/api/extract", files={"file": ("iec.txt", SEED_BYTES, "text/plain")})
    assert response.status_code == 200
    assert (response.json()["document"], len(response.json()["facts"])) == ("iec.txt", 14)
    # A form field holding the text (no file name) is taken too.
    field = client.post("/api/extract", data={"file": SEED_BYTES.decode()}, files={"x": ("x", b"")})
    assert len(field.json()["facts"]) == 14


def test_extract_and_store_then_read_it_back(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/api/extract?store=true&name=acme.htm", content=HTML_RELEASE, headers=TEXT)
    extracted = response.json()
    stored = client.get(f"/api/releases/{extracted['release_id']}").json()
    assert stored["document"] == "acme.htm"
    assert stored["text"] == extracted["text"]
    for key in ("facts", "unconfirmed", "derived", "checks"):
        assert stored[key] == extracted[key], key
    again = client.post("/api/extract?store=true&name=acme.htm", content=HTML_RELEASE, headers=TEXT).json()
    assert again["release_id"] == extracted["release_id"]  # the same bytes are one release
    assert client.get("/api/releases").json()["total"] == 2


def test_release_text_is_data_in_json(client: TestClient) -> None:
    release = client.post("/api/extract", content=SCRIPT_RELEASE, headers=TEXT).json()
    assert "<script>document.title" in release["text"]


@pytest.mark.parametrize(
    ("body", "headers", "status", "says"),
    [
        (b"", TEXT, 400, "empty"),
        (b"  \n ", TEXT, 400, "empty"),
        (b"{}", {"content-type": "application/json"}, 415, "not application/json"),
        (b"abc", {"content-type": "application/octet-stream"}, 415, "text/plain"),
        (b"abc", {}, 415, "no content type"),
        (b"\x00\x01\x02binary\x00" * 50, TEXT, 422, "binary"),
    ],
)
def test_extract_refuses(
    client: TestClient, body: bytes, headers: dict[str, str], status: int, says: str
) -> None:
    assert says in error(client.post("/api/extract", content=body, headers=headers), status)


def test_multipart_without_a_file_part_is_400(client: TestClient) -> None:
    response = client.post("/api/extract", data={"other": "x"}, files={"upload": ("a.txt", b"Revenue")})
    assert "no part named 'file'" in error(response, 400)


def test_broken_multipart_is_400(client: TestClient) -> None:
    headers = {"content-type": "multipart/form-data; boundary=xyz"}
    error(client.post("/api/extract", content=b"--xyz\r\nnonsense", headers=headers), 400)


# --------------------------------------------------------------------------- the body limit


def test_a_declared_body_over_the_limit_is_413(db: Path) -> None:
    small = TestClient(create_app(db, max_body=1000))
    assert "1,000 bytes" in error(small.post("/api/extract", content=SEED_BYTES, headers=TEXT), 413)
    assert small.post("/api/extract", content=SEED_BYTES[:900], headers=TEXT).status_code == 200


def raw_post(app: Any, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, Any, int]:
    """POST /api/extract straight through ASGI, the body as `chunks` messages of 1,000 bytes.

    Returns the status, the JSON body, and how many body messages the app pulled.
    """
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/extract", "raw_path": b"/api/extract", "root_path": "",
        "query_string": b"", "headers": [(b"content-type", b"text/plain"), *headers],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], json.loads(sent[1]["body"]), pulled


def test_a_streamed_body_is_cut_off_at_the_limit(db: Path) -> None:
    """Without Content-Length (chunked), reading stops at the chunk that passes the limit."""
    status, body, pulled = raw_post(create_app(db, max_body=2500), [(b"transfer-encoding", b"chunked")], 100)
    assert (status, pulled) == (413, 3)  # 3,000 bytes read, of 100,000 sent
    assert body == {"error": "the request body is over the limit of 2,500 bytes"}


def test_a_content_length_that_is_no_number_is_400(db: Path) -> None:
    status, body, pulled = raw_post(create_app(db), [(b"content-length", b"12x")], 1)
    assert (status, body, pulled) == (400, {"error": "the Content-Length header is not a number"}, 0)


# --------------------------------------------------------------------------- GET /api/releases


def test_releases_list_pages_and_filters(client: TestClient, db: Path) -> None:
    add_company(db, "a" * 16, "Acme Widgets Corp.", "ACME")
    listed = client.get("/api/releases").json()
    assert (listed["total"], listed["limit"], listed["offset"]) == (2, 50, 0)
    assert [r["document"] for r in listed["releases"]] == ["aaaaaaaaaaaaaaaa.txt", SEED.name]  # latest first
    assert listed["releases"][1]["facts"] == 14
    assert "source_path" not in listed["releases"][1]  # where the server read it from is its own business
    page = client.get("/api/releases", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], [r["document"] for r in page["releases"]]) == (2, [SEED.name])
    beyond = client.get("/api/releases", params={"offset": 5}).json()
    assert (beyond["total"], beyond["releases"]) == (2, [])
    for company in ("iece", "IEC Electronics", "electronics"):
        found = client.get("/api/releases", params={"company": company}).json()["releases"]
        assert [r["ticker"] for r in found] == ["IECE"], company
    dated = client.get("/api/releases", params={"from": "2003-10-28", "to": "2003-10-28"}).json()
    assert [r["ticker"] for r in dated["releases"]] == ["IECE"]
    assert client.get("/api/releases", params={"to": "2003-10-27"}).json()["total"] == 0
    assert client.get("/api/releases", params={"from": "2004-01-01", "to": "2003-01-01"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"from": "2003-13-01"}, 422, "query.from"),
        ({"limit": 0}, 422, "query.limit"),
        ({"limit": 501}, 422, "query.limit"),
        ({"offset": -1}, 422, "query.offset"),
        ({"to": "2003-02-30"}, 422, "not a date"),
        ({"to": "0"}, 422, "query.to"),  # not a Unix time
    ],
)
def test_releases_list_refuses(client: TestClient, params: dict[str, Any], status: int, says: str) -> None:
    assert says in error(client.get("/api/releases", params=params), status)


# --------------------------------------------------------------------------- GET /api/releases/{id}


def test_one_release_with_facts_checks_and_text(client: TestClient, seed_id: str) -> None:
    release = client.get(f"/api/releases/{seed_id}").json()
    assert release["id"] == seed_id
    assert release["text"] == client.post("/api/extract", content=SEED_BYTES, headers=TEXT).json()["text"]
    assert len(release["facts"]) == 14
    assert {c["status"] for c in release["checks"]} == {"pass"}
    fact = release["facts"][0]
    assert release["text"][fact["span"]["start"] : fact["span"]["end"]] == fact["quote"] == "$575,000"


def test_an_unknown_release_is_404(client: TestClient) -> None:
    assert "no stored release" in error(client.get("/api/releases/nope"), 404)
    error(client.get("/api/releases/" + "x" * 101), 422)


# --------------------------------------------------------------------------- GET /api/facts


def test_facts_filtered(client: TestClient) -> None:
    revenue = client.get("/api/facts", params={"metric": "revenue"}).json()
    assert revenue["total"] == 4
    assert {f["period"]["label"] for f in revenue["facts"]} == {"Q4 FY2003", "Q4 FY2002", "FY2003", "FY2002"}
    assert revenue["facts"][0]["document"] == SEED.name
    non_gaap = client.get("/api/facts", params={"basis": "non_gaap", "company": "IECE"}).json()
    assert [f["metric"] for f in non_gaap["facts"]] == ["net_income", "eps"]
    fy2003 = client.get(
        "/api/facts", params={"metric": "net_income", "from": "2003-01-01", "to": "2003-12-31"}
    )
    assert [f["value"] for f in fy2003.json()["facts"]] == [575_000, 325_000, 2_600_000]
    assert client.get("/api/facts", params={"company": "nobody"}).json() == {
        "total": 0, "limit": 100, "offset": 0, "facts": []
    }  # fmt: skip
    error(client.get("/api/facts", params={"basis": "ifrs"}), 422)


# --------------------------------------------------------------------------- GET /api/companies/{name}/series


def test_company_series(client: TestClient) -> None:
    series = client.get("/api/companies/IECE/series", params={"metric": "revenue", "months": 3}).json()
    assert [(p["period_label"], p["value"]) for p in series["points"]] == [
        ("Q4 FY2002", 8_600_000),
        ("Q4 FY2003", 9_100_000),
    ]
    loss = client.get("/api/companies/IEC Electronics/series", params={"metric": "net_income", "months": 12})
    assert [p["value"] for p in loss.json()["points"]] == [-11_000_000, 2_600_000]


def test_company_series_errors(client: TestClient, db: Path) -> None:
    assert "no stored release" in error(client.get("/api/companies/nobody/series"), 404)
    add_company(db, "b" * 16, "Acme Widgets Corp.", "ACMW")
    add_company(db, "c" * 16, "Acme Tools Inc.", "ACMT")
    assert "fits several companies" in error(client.get("/api/companies/Acme/series"), 400)
    error(client.get("/api/companies/IECE/series", params={"months": 13}), 422)


# --------------------------------------------------------------------------- the rest


def test_bearer_token_guards_the_api_only(db: Path) -> None:
    guarded = TestClient(create_app(db, token="s3cret"))
    missing = guarded.get("/api/releases")
    assert "bearer token" in error(missing, 401)
    assert missing.headers["www-authenticate"] == "Bearer"
    error(guarded.get("/api/releases", headers={"Authorization": "Bearer wrong"}), 401)
    error(guarded.post("/api/extract", content=SEED_BYTES, headers=TEXT), 401)
    assert guarded.get("/api/releases", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert guarded.get("/").status_code == 200
    assert guarded.get("/openapi.json").status_code == 200


def test_a_busy_store_is_retried_then_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def busy(self: Store, filters: object) -> None:
        nonlocal calls
        calls += 1
        raise StoreBusy("the store is in use by another process")

    monkeypatch.setattr(access, "RETRY_SECONDS", 0)
    monkeypatch.setattr(Store, "releases", busy)
    assert "another process" in error(client.get("/api/releases"), 503)
    assert calls == access.RETRIES


def test_unknown_routes_and_methods_are_json(client: TestClient) -> None:
    error(client.get("/api/nothing"), 404)
    error(client.delete("/api/releases"), 405)
    error(client.get("/static/nothing.js"), 404)


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/extract",
        "/api/releases",
        "/api/releases/{release_id}",
        "/api/facts",
        "/api/companies/{name}/series",
    }
    assert set(spec["paths"]["/api/extract"]["post"]["requestBody"]["content"]) == {
        "text/plain", "text/html", "multipart/form-data"
    }  # fmt: skip


def test_the_page_and_its_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<script type="module" src="/static/app.js">' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_the_page_never_parses_release_text_as_html() -> None:
    """Text reaches the page's DOM as text nodes only: no HTML-parsing sink in its scripts."""
    static = Path(create_app.__code__.co_filename).parent / "static"
    for script in static.glob("*.js"):
        code = script.read_text()
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in code, f"{script.name} uses {sink}"
