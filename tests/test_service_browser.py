"""The web page in headless Chromium (Debian's, driven by Playwright) against a real server.

The server is uvicorn on 127.0.0.1, on a port of its own, in a thread, over a temporary
store holding the seed release (and three NVIDIA releases of the corpus, when it is there).
Screenshots go to each test's tmp folder, and a copy to /tmp/pressfacts-shots/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from pressfacts.service import create_app
from tests.servicedata import NVIDIA, SCRIPT_RELEASE, SEED_BYTES, seeded_store

CHROMIUM = Path("/usr/bin/chromium")
# As this machine's notes say: headless, no sandbox (root), and no background traffic
# (Chromium's own connections are refused here, and slow its start).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]  # fmt: skip
SHOTS = Path("/tmp/pressfacts-shots")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    seeded_store(db, nvidia=True)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # bound here and handed over: no race for the port
    config = uvicorn.Config(create_app(db), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM}: scripts/install_browser.sh installs it (as root, with apt-get)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=base_url)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    opened.on("console", console)
    yield opened
    context.close()
    assert errors == []  # no script error, no failed load, no refused inline script


def screenshot(page: Page, tmp_path: Path, name: str) -> None:
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, SHOTS / shot.name)


def extract_pasted(page: Page, text: str, *, store: bool = False) -> None:
    page.goto("/")
    page.fill("#release-input", text)
    if store:
        page.check("#store-release")
    page.click("#extract-button")
    page.wait_for_selector("#release-text mark, #extract-status.error")


def test_paste_the_seed_see_the_facts_and_click_one(page: Page, tmp_path: Path) -> None:
    extract_pasted(page, SEED_BYTES.decode())
    assert page.locator("#extract-status").inner_text() == "Extracted: 14 facts."
    assert page.locator(".facts-table.fact tbody tr").count() == 14
    marked = {page.locator("#release-text mark.fact").nth(i).inner_text() for i in range(14)}
    assert {"$575,000", "$0.07", "$9.1 million"} <= marked
    page.locator("#release-text mark", has_text="$9.1 million").click()
    detail = page.locator("#fact-detail")
    assert detail.locator('dd[data-field="metric"]').inner_text() == "revenue"
    assert detail.locator('dd[data-field="value"]').inner_text() == "$9,100,000"
    assert detail.locator('dd[data-field="period"]').inner_text() == "Q4 FY2003 (3 months to 2003-09-30)"
    assert detail.locator('dd[data-field="basis"]').inner_text() == "GAAP"
    assert page.locator('.facts-table tr.selected[data-fact="f5"]').count() == 1
    # A row of the table picks its fact too, with its checks.
    page.locator('.facts-table tr[data-fact="f6"]').click()
    assert "Q4 FY2002" in detail.locator('dd[data-field="period"]').inner_text()
    assert "per_share" in detail.locator(".checks").inner_text()
    page.locator("#release-text mark", has_text="$9.1 million").click()
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, tmp_path, "extract")


def test_releases_list_search_and_a_company_chart(page: Page, tmp_path: Path) -> None:
    page.goto("/#/releases")
    page.wait_for_selector("#releases-table tbody tr")
    page.fill("#search-company", "IEC")
    page.click("#search-form button")
    expect(page.locator("#releases-table tbody tr")).to_have_count(1)  # no eval: the page's CSP forbids it
    screenshot(page, tmp_path, "releases")
    page.locator("#releases-table tbody a", has_text="iec-2003-q4.txt").click()
    page.wait_for_selector("#release-result mark.fact")
    assert page.locator("#release-result .facts-table.fact tbody tr").count() == 14
    nvidia = (page.locator("#release-result").count() > 0) and _has_nvidia(page)
    page.goto(f"/#/company/{'NVDA' if nvidia else 'IECE'}")
    page.wait_for_selector("#chart svg")
    assert page.locator("#chart path.line.revenue").count() == 1
    assert page.locator("#chart path.line.net-income").count() == 1
    dots = page.locator("#chart circle.dot.revenue").count()
    assert dots >= (9 if nvidia else 2)
    assert page.locator("#series-table tbody tr").count() == dots
    screenshot(page, tmp_path, "company")
    page.click('#months-choice button[data-months="12"]')
    assert page.locator("#chart circle.dot.revenue").count() >= 2


def _has_nvidia(page: Page) -> bool:
    answer = page.request.get("/api/releases?company=NVDA").json()
    return int(answer["total"]) == len(NVIDIA)


def test_a_script_in_a_release_is_shown_as_text_and_never_runs(page: Page, tmp_path: Path) -> None:
    extract_pasted(page, SCRIPT_RELEASE, store=True)
    text = page.locator("#release-text")
    assert '<script>document.title = "pwned"; window.pwned = true;</script>' in text.inner_text()
    assert '<img src=x onerror="window.pwned = true">' in text.inner_text()
    assert text.locator("script, img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert page.title() == "pressfacts"
    screenshot(page, tmp_path, "script")
    # Stored and read back, it is text still.
    page.click("#stored-link")
    page.wait_for_selector("#release-result #release-text mark")
    assert "<script>document.title" in page.locator("#release-result #release-text").inner_text()
    assert page.evaluate("window.pwned") is None
