"""The web UI's pages and JSON endpoints, through FastAPI's TestClient on the demo corpus."""

from __future__ import annotations

import re
import sqlite3
import warnings

import pytest

import faultlines
from faultlines.errors import StoreError

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions is not ours to fix
    from fastapi.testclient import TestClient

from faultlines.serve import create_app
from faultlines.serve.highlight import cut
from faultlines.serve.places import locate

pytestmark = pytest.mark.slow
LOCAL = "http://127.0.0.1"  # the test client names a loopback host, as a browser on this machine does


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "demo.db"
    with faultlines.open(path) as db:
        db.ingest([faultlines.api.demo_corpus_path()])
    return path


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def demo(demo_db):
    """The same database through the Python API, to compare the pages with."""
    with faultlines.open(demo_db, create=False) as db:
        yield db


# -- pages -------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "expected"), [
    ("/", ["Overview", "Levant Wire", "Syrian Democratic Forces", "Statements over time", "Most contested"]),
    ("/network", ["Alliance network", "/static/vendor/cytoscape.min.js", "/api/network"]),
    ("/claims", ["Claims", "United States", "SUPPORT", "Syrian Democratic Forces"]),
    ("/contested", ["Contested claims", "denial", "asserts", "denies", "Oleg Varnakov"]),
    ("/actors", ["Actors", "Islamic State", "person:rojhat-sheikhmous"]),
    ("/actors/SDF", ["Syrian Democratic Forces", "Backers", "United States", "Enemies", "Timeline", "Who says what"]),
    ("/articles", ["Articles", "Coalition says Russian jets struck SDF near Deir ez-Zor"]),
    ("/articles/11", ["Coalition says Russian jets struck SDF", "Levant Wire", 'class="stmt status-', "Statements"]),
    ("/map", ["Map of events", "Raqqa", "Euphrates", "Without coordinates", "/static/vendor/leaflet/leaflet.js"]),
    ("/search?q=Daesh", ["Islamic State"]),
    ("/search?q=Raqqa", ["SDF declares Raqqa liberated"]),
    ("/docs", ["/static/vendor/swagger-ui/swagger-ui-bundle.js"]),
])
def test_serve_page_shows_its_data(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    for text in expected:
        assert text in response.text, f"{text!r} missing from {path}"


def test_serve_pages_load_nothing_from_other_hosts(client):
    for path in ("/", "/network", "/claims", "/map", "/articles/11", "/docs"):
        response = client.get(path)
        loaded = re.findall(r"""<(?:script|link|img)\b[^>]*?(?:src|href)=["']([^"']+)""", response.text)
        assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded), (path, loaded)
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_serve_claims_page_filters(client):
    everything = client.get("/claims").text.count('class="claim-row"')
    support = client.get("/claims", params={"type": "SUPPORT"}).text
    assert 0 < support.count('class="claim-row"') < everything
    assert "<b>ASSAULT</b>" not in support
    contested = client.get("/claims", params={"contested": "true"}).text.count('class="claim-row"')
    assert 0 < contested < everything
    denied = client.get("/claims", params={"polarity": "denied"}).text
    assert 'polarity-asserted">asserted' not in denied and 'polarity-denied">denied' in denied


def test_serve_claim_page_links_each_sentence_to_its_article_highlighted(client, demo):
    claim = next(c for c in demo.claims(actor="SDF", type="ASSAULT") if c.source_actor_id == "RUS.MIL"
                 and c.polarity == "asserted")
    page = client.get(f"/claims/{claim.id}").text
    for evidence in claim.evidence:
        assert f"/articles/{evidence.article_id}?claim={claim.id}#evidence" in page
    article_id = claim.evidence[0].article_id
    article = client.get(f"/articles/{article_id}", params={"claim": claim.id}).text
    marked = article.split('class="stmt status-')[1:]
    highlighted = [m for m in marked if m.split('"')[0].endswith(" highlighted")]
    assert highlighted, "the claim's sentence is not highlighted"
    assert 'id="evidence"' in article


def test_serve_article_marks_every_statement_inline(client, demo):
    view = demo.article(11)
    page = client.get("/articles/11").text
    assert page.count('class="chip status-') == len(view.statements)
    assert page.count('<li id="statement-') == len(view.statements)


# -- JSON ----------------------------------------------------------------------------

def test_serve_api_overview_counts_match_the_database(client, demo):
    data = client.get("/api/overview").json()
    assert data["counts"] == demo.counts()
    assert data["claims"] == len(demo.claims())
    assert sum(m["articles"] for m in data["months"]) == demo.counts()["articles"]
    assert {o["outlet"] for o in data["outlets"]} >= {"Levant Wire", "Rojava Dispatch"}


def test_serve_api_network_is_the_cli_json_with_claim_labels(client):
    data = client.get("/api/network").json()
    ids = {n["id"] for n in data["nodes"]}
    assert {"SDF", "USA", "ISIS", "RUS"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert all(claim in data["claim_labels"] for e in data["edges"] for claim in e["claims"])
    assert data["factions"]
    late = client.get("/api/network", params={"since": "2017-11-01"}).json()
    assert 0 < len(late["nodes"]) < len(data["nodes"])


def test_serve_api_actor_has_timeline_backers_enemies_and_claims(client):
    data = client.get("/api/actors/SDF").json()
    assert data["actor"]["name"] == "Syrian Democratic Forces"
    assert "USA" in {b["other"]["id"] for b in data["backers"]}
    assert "ISIS" in {e["other"]["id"] for e in data["enemies"]}
    assert data["timeline"] and data["claims"]
    assert client.get("/api/actors/Daesh").json()["actor"]["id"] == "ISIS"  # a name finds its actor


def test_serve_api_claims_filters(client):
    everything = client.get("/api/claims").json()
    assert everything and all(c["evidence"] for c in everything)
    by_asserter = client.get("/api/claims", params={"by": "person"}).json()
    assert 0 < len(by_asserter) < len(everything)
    opinion = client.get("/api/claims", params={"status": "opinion"}).json()
    assert all(any(e["status"] == "opinion" for e in c["evidence"]) for c in opinion)
    sdf = client.get("/api/claims", params={"actor": "SDF"}).json()
    assert sdf and all("SDF" in (c["source"]["id"], c["target"]["id"]) or "SDF" in c["source"]["id"] + c["target"]["id"]
                       for c in sdf)
    assert len(client.get("/api/claims", params={"limit": 3}).json()) == 3
    one = everything[0]
    assert client.get(f"/api/claims/{one['id']}").json()["id"] == one["id"]


def test_serve_api_contested_has_each_side_with_sources(client):
    disputes = client.get("/api/contested").json()
    assert disputes
    for dispute in disputes:
        assert len(dispute["sides"]) >= 2
        assert all(side["evidence"] and side["independent_sources"] >= 1 for side in dispute["sides"])
    denials = client.get("/api/contested", params={"kind": "denial"}).json()
    assert denials and {d["kind"] for d in denials} == {"denial"}


def test_serve_api_article_offsets_point_into_its_text(client):
    data = client.get("/api/articles/11").json()
    assert data["statements"]
    for statement in data["statements"]:
        assert data["text"][statement["start"]:statement["end"]] == statement["sentence"]
    assert len(client.get("/api/articles", params={"outlet": "Levant Wire"}).json()) == 5


def test_serve_api_places_lists_unplaced_names_instead_of_dropping_them(client):
    data = client.get("/api/places").json()
    placed = {p["name"]: p for p in data["placed"]}
    assert placed["Raqqa"]["country"] == "SY" and 35 < placed["Raqqa"]["lat"] < 37
    assert placed["Palmyra"]["gazetteer_name"] == "Tadmur"  # not Palmyra in Brazil
    assert "Euphrates" in {p["name"] for p in data["unplaced"]}


def test_serve_api_search_finds_actors_by_alias_and_articles_by_words(client):
    data = client.get("/api/search", params={"q": "Daesh"}).json()
    assert "ISIS" in {a["id"] for a in data["actors"]}
    assert client.get("/api/search", params={"q": "liberated"}).json()["articles"]


def test_serve_openapi_documents_every_json_endpoint(client):
    schema = client.get("/openapi.json").json()
    documented = set(schema["paths"])
    for path in ("/api/overview", "/api/search", "/api/network", "/api/actors", "/api/actors/{actor_id}",
                 "/api/claims", "/api/claims/{claim_id}", "/api/contested", "/api/articles",
                 "/api/articles/{article_id}", "/api/places"):
        assert path in documented
        assert "200" in schema["paths"][path]["get"]["responses"]
        assert "$ref" in str(schema["paths"][path]["get"]["responses"]["200"]) or path == "/api/network"
    assert not any(p for p in documented if not p.startswith("/api/"))  # pages stay out of the API docs


# -- errors and safety ---------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/actors/no-such-actor", "/api/actors/no-such-actor", "/articles/9999", "/api/articles/9999",
    "/claims/0000000000", "/api/claims/0000000000", "/no-such-page",
])
def test_serve_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json()["detail"]


@pytest.mark.parametrize(("path", "params"), [
    ("/api/claims", {"type": "NOT_A_TYPE"}), ("/claims", {"since": "2017-13-45"}),
    ("/api/network", {"until": "soon"}), ("/api/actors", {"kind": "wizard"}),
])
def test_serve_bad_filters_are_400_with_the_reason(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert "use" in response.text  # the message says what to use instead


@pytest.mark.parametrize("path", [
    "/static/../database.py", "/static/%2e%2e/database.py", "/static/..%2fdatabase.py",
    "/static/%2e%2e%2f%2e%2e%2fapi.py", "/static//etc/passwd", "/static/vendor/../../app.py",
])
def test_serve_static_refuses_path_traversal(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "ReadOnlyStore" not in response.text and "create_app" not in response.text and "root:" not in response.text


def test_serve_static_serves_the_vendored_libraries(client):
    for path in ("/static/vendor/cytoscape.min.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/topojson-client.min.js", "/static/vendor/countries-50m.json", "/static/app.css"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_serve_only_reads(client, method):
    for path in ("/", "/api/claims", "/api/articles/1", "/articles/1"):
        assert getattr(client, method)(path).status_code == 405


def test_serve_never_writes_the_database(demo_db):
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in demo_db.parent.iterdir()}
    app = create_app(demo_db)
    with TestClient(app, base_url=LOCAL) as fresh:
        for path in ("/", "/network", "/api/network", "/claims", "/contested", "/actors/SDF", "/articles/3",
                     "/map", "/search?q=Raqqa"):
            assert fresh.get(path).status_code == 200
        with app.state.database.use() as db, pytest.raises(sqlite3.OperationalError):
            db.store.conn.execute("DELETE FROM articles")
    after = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in demo_db.parent.iterdir() if p.name in before}
    assert after == before


def test_serve_refuses_a_request_for_another_host(client):
    # A web page cannot reach the app through DNS rebinding: the Host must be loopback.
    assert client.get("/api/overview", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/api/overview", headers={"host": "127.0.0.1:8765"}).status_code == 200


def test_serve_escapes_html_in_article_text(tmp_path):
    (tmp_path / "evil.txt").write_text(
        "Headline <img src=x onerror=alert(2)>\n\n"
        "RAQQA, Oct. 3, 2017 — <script>alert(1)</script> The Syrian Democratic Forces said ISIS "
        "fighters attacked their positions near Raqqa.\n", encoding="utf-8")
    path = tmp_path / "evil.db"
    with faultlines.open(path) as db:
        assert db.ingest([tmp_path / "evil.txt"]).ingested == 1
        article_id = db.articles()[0].id
    with TestClient(create_app(path), base_url=LOCAL) as evil:
        for url in (f"/articles/{article_id}", "/articles", "/search?q=alert", "/claims", "/"):
            page = evil.get(url).text
            assert "<script>alert(1)" not in page and "<img src=x" not in page, url
        article = evil.get(f"/articles/{article_id}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
        assert "&lt;img src=x onerror=alert(2)&gt;" in article
        assert "<script>alert" not in evil.get("/search", params={"q": "<script>alert(3)</script>"}).text


def test_serve_refuses_a_missing_or_foreign_database(tmp_path):
    with pytest.raises(StoreError, match="no faultlines database"):
        create_app(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(StoreError, match="another program"):
        create_app(other)


# -- the pieces ----------------------------------------------------------------------

def test_serve_highlight_cut_keeps_text_whole_and_marks_spans():
    text = "One <b>two</b>. Three four. Five."
    pieces = cut(text, [(0, 15), (16, 27), (16, 27)], highlighted={1})
    assert "".join(p.text for p in pieces) == text
    assert [p.statements for p in pieces] == [(0,), (), (1, 2), ()]
    assert [p.highlighted for p in pieces] == [False, False, True, False]
    assert pieces[2].anchor == "evidence" and pieces[2].ending == [1, 2]
    assert "".join(p.text for p in cut(text, [(-5, 999)])) == text  # offsets out of range are clipped


def test_serve_places_prefer_the_corpus_country_for_ambiguous_names():
    found = {p.name: p for p in locate(["Palmyra", "Raqqa", "Deir ez-Zor province", "Euphrates"])}
    assert found["Palmyra"].town.country == "SY"
    assert found["Deir ez-Zor province"].approximate and found["Deir ez-Zor province"].town.name == "Deir ez-Zor"
    assert found["Euphrates"].town is None
