"""The store under hostile conditions: other programs' files, damaged and read-only files,
two ingests of the same input at once (issue 11, items 5-7)."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import faultlines
from faultlines.cli import app
from faultlines.errors import StoreError
from faultlines.store import Store, content_hash
from faultlines.values import Article, Sentence

runner = CliRunner()
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root may write whatever the modes say


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled_store(path: Path, articles: int = 300) -> None:
    """A faultlines database of ``articles`` articles with some text each (no spaCy needed)."""
    with Store(path) as store:
        for number in range(articles):
            text = f"Article {number}. " + "Russia accused the coalition of shielding ISIS near Raqqa. " * 20
            article = Article(text=text, key=f"a{number}.txt", input_kind="txt", title=f"T{number}",
                              outlet="Levant Wire", published="2017-10-03")
            store.add_article(article, [Sentence(0, 0, len(text), text)], digest=content_hash(text), model="m")
    # Leave one plain file behind (no -wal) like a finished run does.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


# -- item 6: other programs' files ------------------------------------------------------

def test_store_query_command_leaves_a_foreign_file_unchanged(tmp_path):
    other = tmp_path / "o.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (id)")
    conn.commit()
    conn.close()
    before = _digest(other)
    result = run("articles", "--db", other)
    assert result.exit_code == 1
    assert "another program" in result.output and str(other) in result.output
    assert _digest(other) == before
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_store_foreign_file_with_an_articles_table_is_refused_clearly(tmp_path):
    other = tmp_path / "blog.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    conn.execute("INSERT INTO articles (title, body) VALUES ('hello', 'world')")
    conn.commit()
    conn.close()
    before = _digest(other)
    with pytest.raises(StoreError, match="another program.*Pass another --db"):
        Store(other)
    result = run("ingest", "--db", other, tmp_path / "none.txt")
    assert result.exit_code == 1 and "another program" in result.output
    assert "migration" not in result.output
    assert _digest(other) == before


# -- item 7: damaged and read-only files ------------------------------------------------

@pytest.fixture
def damaged_db(tmp_path) -> Path:
    path = tmp_path / "damaged.db"
    _filled_store(path)
    size = path.stat().st_size
    junk = random.Random(11).randbytes(8192)
    with open(path, "r+b") as file:
        file.seek(size // 2 // 4096 * 4096)  # whole pages in the middle of the file
        file.write(junk)
    return path


def test_store_damaged_file_is_refused_naming_the_file_and_the_fix(damaged_db):
    with pytest.raises(StoreError, match="damaged.*recover"):
        Store(damaged_db)
    for command in (["articles"], ["network"], ["ingest", damaged_db.parent / "missing.txt"]):
        result = run(*command, "--db", damaged_db)
        assert result.exit_code == 1, (command, result.output)
        assert "damaged" in result.output and str(damaged_db) in result.output
        assert "Traceback" not in result.output


def test_store_query_commands_open_the_file_read_only(tmp_path):
    path = tmp_path / "x.db"
    _filled_store(path, articles=3)
    with faultlines.open(path, create=False) as db:
        with pytest.raises(sqlite3.OperationalError):
            db.store.conn.execute("CREATE TABLE notes (x)")
        assert len(db.articles()) == 3


@pytest.mark.skipif(AS_ROOT, reason="root may write to read-only files and folders")
def test_store_read_only_file_ingest_says_so_and_queries_still_work(tmp_path):
    path = tmp_path / "x.db"
    _filled_store(path, articles=3)
    path.chmod(0o444)
    result = run("ingest", "--db", path, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert "read-only" in result.output and "Traceback" not in result.output
    assert run("articles", "--db", path).exit_code == 0


@pytest.mark.skipif(AS_ROOT, reason="root may write to read-only files and folders")
def test_store_query_commands_work_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "x.db"
    _filled_store(path, articles=3)
    folder.chmod(0o555)
    try:
        for command in ("articles", "actors", "network", "claims"):
            result = run(command, "--db", path)
            assert result.exit_code == 0, (command, result.output)
        assert "T2" in run("articles", "--db", path).output
    finally:
        folder.chmod(0o755)


# -- item 5: two ingests of the same input at once --------------------------------------

def test_store_two_concurrent_ingests_store_each_article_once(tmp_path):
    corpus = faultlines.api.demo_corpus_path()
    files = sorted(corpus.glob("*.txt"))[:8]
    folder = tmp_path / "in"
    folder.mkdir()
    for file in files:
        (folder / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "x.db"
    Store(db).close()  # both start from the same empty database
    env = {**os.environ, "PYTHONPATH": str(Path(faultlines.__file__).parents[1])}
    command = [sys.executable, "-m", "faultlines", "ingest", str(folder), "--db", str(db), "--quiet"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in runs]
    assert [process.returncode for process in runs] == [0, 0], outputs
    conn = sqlite3.connect(db)
    keys = [row[0] for row in conn.execute("SELECT key FROM articles")]
    reported = [row[0] for row in conn.execute("SELECT ingested FROM runs")]
    conn.close()
    assert len(keys) == len(files) and len(set(keys)) == len(files)
    # The two summaries together tell the truth: each article ingested once, by one run.
    assert sum(reported) == len(files), outputs
