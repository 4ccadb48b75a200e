"""The SQLite store: schema and migrations, one transaction per article, versions."""

from __future__ import annotations

import sqlite3

import pytest

import faultlines
from faultlines.store import SCHEMA_VERSION, Store, content_hash
from faultlines.values import Article, Sentence


def _article(text="Russia accused the coalition of shielding ISIS.", key="k1"):
    return Article(text=text, key=key, input_kind="txt", title="T", outlet="Levant Wire", published="2017-10-03")


def test_store_file_is_plain_sqlite_with_wal_and_schema_version(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "sentences", "actors", "mentions", "statements", "runs", "latest_articles"} <= tables


def test_store_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.add_article(_article(), [], digest=content_hash("a"), model="m")
    with Store(path) as store:
        assert store.counts()["articles"] == 1


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(faultlines.SchemaTooNew, match="Upgrade faultlines"):
        Store(path)


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database " * 100)
    with pytest.raises(faultlines.StoreError, match="cannot open"):
        Store(path)


def test_store_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(faultlines.StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "x.db")


def test_store_foreign_keys_enforced():
    store = Store(":memory:")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO sentences (article_id, idx, start, end, text) VALUES (99, 0, 0, 1, 'x')")


def test_store_article_and_sentences_commit_together():
    store = Store(":memory:")
    bad = [Sentence(0, 0, 5, "Russia"), Sentence(0, 6, 9, "dup")]  # duplicate index violates UNIQUE
    with pytest.raises(sqlite3.IntegrityError):
        store.add_article(_article(), bad, digest="d1", model="m")
    assert set(store.counts().values()) == {0}


def test_store_same_key_new_text_is_next_version():
    store = Store(":memory:")
    assert store.add_article(_article(), [], digest="d1", model="m")[1] == 1
    assert store.add_article(_article("Changed text."), [], digest="d2", model="m")[1] == 2
    assert [a.version for a in store.articles()] == [2]


def test_store_content_hash_ignores_whitespace_only():
    assert content_hash("Russia  denied\r\nit.") == content_hash(" Russia denied it. \n")
    assert content_hash("Russia denied it.") != content_hash("Russia confirmed it.")


def test_store_article_filters():
    store = Store(":memory:")
    store.add_article(_article(key="a"), [], digest="1", model="m")
    store.add_article(Article(text="Hezbollah fighters moved.", key="b", input_kind="txt", outlet="Damascus Courier", published="2017-06-01"), [], digest="2", model="m")
    assert [a.key for a in store.articles(outlet="damascus courier")] == ["b"]
    assert [a.key for a in store.articles(since="2017-07-01")] == ["a"]
    assert [a.key for a in store.articles(until="2017-07-01")] == ["b"]
    assert [a.key for a in store.articles(search="hezbollah")] == ["b"]
