"""The web app under load and odd requests (issue 11, item 10), and UTF-16 files.

Through FastAPI's TestClient on a small database; the load figures themselves are
benchmarks/serve_load.py's business (no timed tests here).
"""

from __future__ import annotations

import shutil
import threading
import warnings

import pytest

import faultlines

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from faultlines.serve import create_app

pytestmark = pytest.mark.slow
LOCAL = "http://127.0.0.1"
API_PAGE = 100  # claims per /api/claims answer by default

NEWS = (
    "Turkish forces shell YPG positions near Afrin\n\n"
    "AFRIN, Jan. 21, 2018 — Turkey shelled positions of the YPG near Afrin on Sunday, and the "
    "YPG accused Turkey of killing civilians. Russia said it had withdrawn its observers.\n"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("robust-serve") / "demo.db"
    with faultlines.open(path) as db:
        db.ingest(sorted(faultlines.api.demo_corpus_path().glob("*.txt"))[:10])
    return path


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db), base_url=LOCAL) as test_client:
        yield test_client


def test_serve_refuses_the_test_clients_host_name_unless_told(demo_db):
    # "testserver" is only a name TestClient sends by default; a real server refuses it.
    with TestClient(create_app(demo_db)) as default:
        assert default.get("/api/overview").status_code == 400
    with TestClient(create_app(demo_db, allowed_hosts=("testserver",))) as told:
        assert told.get("/api/overview").status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/claims", "/api/overview", "/claims", "/static/app.css"])
def test_serve_head_is_answered_like_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_serve_api_claims_come_a_page_at_a_time(client):
    first = client.get("/api/claims")
    total = int(first.headers["x-total-count"])
    assert total > 3 and len(first.json()) == min(total, API_PAGE)
    pages = [client.get("/api/claims", params={"limit": 3, "offset": start}).json() for start in range(0, total, 3)]
    assert [c["id"] for page in pages for c in page] == [c["id"] for c in
                                                         client.get("/api/claims", params={"limit": 5000}).json()]
    assert client.get("/api/claims", params={"offset": total}).json() == []
    assert client.get("/api/claims", params={"limit": 0}).status_code == 422


def test_serve_a_request_in_progress_does_not_hold_up_the_others(client):
    database = client.app.state.database
    answered: list[int] = []
    with database.use():  # one request reading, for as long as it likes
        other = threading.Thread(target=lambda: answered.append(client.get("/api/articles").status_code))
        other.start()
        other.join(timeout=30)
        held_up = other.is_alive()
    other.join(timeout=30)
    assert not held_up and answered == [200]


def test_serve_answers_follow_the_database_when_an_ingest_adds_to_it(demo_db, tmp_path):
    path = tmp_path / "live.db"
    shutil.copy(demo_db, path)
    with TestClient(create_app(path), base_url=LOCAL) as live:
        before = live.get("/api/overview").json()["counts"]["articles"]
        claims_before = int(live.get("/api/claims").headers["x-total-count"])
        (tmp_path / "afrin.txt").write_text(NEWS, encoding="utf-8")
        with faultlines.open(path) as db:
            assert db.ingest([tmp_path / "afrin.txt"]).ingested == 1
        assert live.get("/api/overview").json()["counts"]["articles"] == before + 1
        assert int(live.get("/api/claims").headers["x-total-count"]) > claims_before
        assert "TUR" in {n["id"] for n in live.get("/api/network").json()["nodes"]}


@pytest.mark.parametrize("bom_encoding", ["utf-16-le", "utf-16-be"])
def test_ingest_files_utf16_with_a_byte_order_mark_is_read(tmp_path, bom_encoding):
    file = tmp_path / "afrin.txt"
    bom = b"\xff\xfe" if bom_encoding.endswith("le") else b"\xfe\xff"
    file.write_bytes(bom + NEWS.encode(bom_encoding))
    with faultlines.open(":memory:") as db:
        summary = db.ingest([file])
        assert summary.ingested == 1, summary.skipped
        assert db.articles()[0].title == "Turkish forces shell YPG positions near Afrin"


def test_serve_a_file_damaged_while_serving_is_a_clear_503(tmp_path):
    import random

    from test_robust_store import _filled_store

    path = tmp_path / "x.db"
    _filled_store(path)
    with TestClient(create_app(path), base_url=LOCAL) as client:
        size = path.stat().st_size
        with open(path, "r+b") as file:
            file.seek(size // 2 // 4096 * 4096)
            file.write(random.Random(7).randbytes(16384))
        answer = client.get("/api/articles", params={"search": "nothing"})
        pages = client.get("/articles")
    assert answer.status_code == 503 and "x.db" in answer.json()["detail"]
    assert pages.status_code == 503 and "integrity_check" in pages.text
