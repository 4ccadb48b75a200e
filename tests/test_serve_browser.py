"""The web UI in a real browser: Playwright drives Debian's Chromium against `faultlines
serve`'s app on the demo corpus, clicks through network -> actor -> claim -> article, and
saves a screenshot of every step under test-output/screenshots/ at the repository root.

Skipped when /usr/bin/chromium or the playwright package is missing (``apt-get install
chromium``; ``pip install -e '.[test]'``).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

import faultlines

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
uvicorn = pytest.importorskip("uvicorn")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on the demo database, served by uvicorn on a free loopback port."""
    from faultlines.serve import create_app

    path = tmp_path_factory.mktemp("serve-browser") / "demo.db"
    with faultlines.open(path) as db:
        db.ingest([faultlines.api.demo_corpus_path()])
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records script errors and every host it loads from."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.errors, opened.hosts = [], set()
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    opened.on("request", lambda request: opened.hosts.add(request.url.split("/")[2]))
    opened.base = server
    yield opened
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def wait_ready(page, selector: str) -> None:
    page.wait_for_selector(f"{selector}[data-ready]", state="attached", timeout=15000)
    assert page.get_attribute(selector, "data-ready") == "true", page.inner_text(selector)


PAGES = [
    ("overview", "/", "Overview"),
    ("network", "/network", "Alliance network"),
    ("claims", "/claims", "Claims"),
    ("contested", "/contested", "Contested claims"),
    ("actors", "/actors", "Actors"),
    ("actor-isis", "/actors/ISIS", "Islamic State"),
    ("articles", "/articles", "Articles"),
    ("article-11", "/articles/11", "Coalition says Russian jets struck SDF"),
    ("map", "/map", "Map of events"),
    ("search-raqqa", "/search?q=Raqqa", "Search"),
    ("api-docs", "/docs", None),
]


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_serve_browser_page_loads_offline(page, name, path, heading):
    page.goto(page.base + path)
    if name == "network":
        wait_ready(page, "#graph")
    elif name == "map":
        wait_ready(page, "#map")
    elif name == "api-docs":
        page.wait_for_selector(".opblock-summary", timeout=15000)  # Swagger UI, served by the app itself
        assert "Claims across sources" in page.inner_text("#swagger-ui")
    else:
        page.wait_for_load_state("networkidle")
    if heading:
        assert heading in page.inner_text("h1")
    shot(page, name)
    assert page.errors == []
    assert page.hosts == {page.base.split("/")[2]}, "the page loaded something from another host"


def node_position(page, actor_id: str) -> tuple[float, float]:
    """Where an actor's node is drawn, in page coordinates."""
    box = page.locator("#graph").bounding_box()
    at = page.evaluate("id => window.cy.getElementById(id).renderedPosition()", actor_id)
    return box["x"] + at["x"], box["y"] + at["y"]


def test_serve_browser_network_to_actor_to_claim_to_article(page):
    page.goto(page.base + "/network")
    wait_ready(page, "#graph")
    assert page.evaluate("window.cy.nodes().length") >= 10
    assert page.evaluate("window.cy.edges().length") >= 10
    page.mouse.click(*node_position(page, "SDF"))
    panel = page.locator("#panel-body")
    assert "Syrian Democratic Forces" in panel.inner_text()
    assert "ally" in panel.inner_text() and "enemy" in panel.inner_text()
    shot(page, "flow-1-network-sdf-selected")

    panel.locator("a.open-actor").click()
    page.wait_for_url("**/actors/SDF")
    assert page.inner_text("h1").startswith("Syrian Democratic Forces")
    assert "United States" in page.locator("section", has_text="Backers").inner_text()
    shot(page, "flow-2-actor-sdf")

    timeline_row = page.locator("table.timeline tr", has_text="fought by").filter(has_text="Russian").first
    timeline_row.locator("a.claim-link").click()
    page.wait_for_url("**/claims/*")
    assert "ASSAULT" in page.inner_text("h1") and "Syrian Democratic Forces" in page.inner_text("h1")
    first_sentence = page.locator("ol.evidence blockquote").first.inner_text()
    shot(page, "flow-3-claim")

    page.locator("ol.evidence a.open-article").first.click()
    page.wait_for_url("**/articles/*")
    highlighted = page.locator(".article-text .stmt.highlighted")
    assert highlighted.count() >= 1
    assert first_sentence.strip() in " ".join(highlighted.all_inner_texts())
    assert highlighted.first.is_visible()
    shot(page, "flow-4-article-highlighted")
    assert page.errors == []


def test_serve_browser_claims_table_row_opens_its_evidence(page):
    page.goto(page.base + "/claims?contested=true")
    rows = page.locator("tr.claim-row")
    assert rows.count() >= 2
    rows.first.locator("td").nth(5).click()  # the sources cell: not a link, the row itself opens
    page.wait_for_url("**/claims/*")
    assert page.locator("ol.evidence li").count() >= 1
    assert "Contested" in page.inner_text(".notice")


def test_serve_browser_network_type_filter_hides_edges(page):
    page.goto(page.base + "/network")
    wait_ready(page, "#graph")
    visible = "window.cy.edges().filter(e => e.style('display') !== 'none').length"
    everything = page.evaluate(visible)
    boxes = page.locator("#type-filter input")
    assert boxes.count() >= 3
    for i in range(boxes.count()):
        if boxes.nth(i).get_attribute("value") != "SUPPORT":
            boxes.nth(i).uncheck()
    only_support = page.evaluate(visible)
    assert 0 < only_support < everything
    shot(page, "network-support-only")


def test_serve_browser_network_time_window_reloads_graph(page):
    page.goto(page.base + "/network")
    wait_ready(page, "#graph")
    everything = page.evaluate("window.cy.nodes().length")
    page.fill("input[name=since]", "2017-11-01")
    page.click("#network-filters button[type=submit]")
    page.wait_for_url("**since=2017-11-01**")
    wait_ready(page, "#graph")
    assert 0 < page.evaluate("window.cy.nodes().length") < everything


def test_serve_browser_map_shows_places_and_lists_the_rest(page):
    page.goto(page.base + "/map")
    wait_ready(page, "#map")
    assert page.locator("path.leaflet-interactive").count() >= 5      # one circle per placed town
    assert page.locator(".leaflet-overlay-pane path").count() > 50     # and the countries beneath
    assert "Euphrates" in page.inner_text("ul.unplaced")
    page.locator("path.leaflet-interactive").first.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() >= 1


def test_serve_browser_search_box_finds_an_alias(page):
    page.goto(page.base + "/")
    page.fill("header input[name=q]", "Daesh")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Daesh")
    page.locator("ul.results-actors a", has_text="Islamic State").first.click()
    page.wait_for_url("**/actors/ISIS")
