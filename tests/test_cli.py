"""The command line as a user meets it: help, exit codes, formats, stdin, the demo."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from conftest import ARTICLE, article_text, write
from faultlines.cli import app

runner = CliRunner()
COMMANDS = ["ingest", "demo", "articles", "show"]


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_ends_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "faultlines " + command in result.output


def test_cli_no_command_shows_help():
    result = run()
    assert "ingest" in result.output and "articles" in result.output


def test_cli_unknown_option_is_usage_error():
    assert run("articles", "--no-such-flag").exit_code == 2


def test_cli_ingest_exit_codes_and_summary(tmp_path):
    db = tmp_path / "x.db"
    good = write(tmp_path, "in/good.txt", ARTICLE)
    result = run("ingest", good, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output
    result = run("ingest", good, tmp_path / "missing.txt", "--db", db)
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.output and "1 unchanged" in result.output


def test_cli_ingest_json_summary(tmp_path):
    write(tmp_path, "in/a.txt", article_text(1))
    write(tmp_path, "in/empty.txt", "")
    result = run("ingest", tmp_path / "in", "--db", tmp_path / "x.db", "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 1 and summary["ok"] is False
    assert summary["skipped"][0]["reason"] == "file is empty"


def test_cli_ingest_quiet_prints_only_problems(tmp_path):
    good = write(tmp_path, "a.txt", article_text(2))
    result = run("ingest", good, "--db", tmp_path / "x.db", "--quiet")
    assert result.exit_code == 0 and result.output.strip() == ""


def test_cli_ingest_stdin(tmp_path):
    result = run("ingest", "-", "--db", tmp_path / "x.db", "--outlet", "Levant Wire", "--json", input=ARTICLE)
    assert result.exit_code == 0, result.output
    rows = json.loads(run("articles", "--db", tmp_path / "x.db", "--format", "json").stdout)
    assert rows[0]["outlet"] == "Levant Wire" and rows[0]["input_kind"] == "stdin"


def test_cli_bad_date_flag_is_an_error_with_fix(tmp_path):
    result = run("ingest", write(tmp_path, "a.txt", ARTICLE), "--db", tmp_path / "x.db", "--date", "someday")
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def test_cli_missing_model_says_how_to_install(tmp_path):
    result = run("ingest", write(tmp_path, "a.txt", ARTICLE), "--db", tmp_path / "x.db", "--model", "no_such_pipeline_xx")
    assert result.exit_code == 1
    assert "pip install" in result.output and "no_such_pipeline_xx" in result.output


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "x.db"
    write(tmp_path, "in/a.txt", ARTICLE)
    write(tmp_path, "in/b.txt", article_text(3))
    write(tmp_path, "in/b.meta.json", json.dumps({"outlet": "Rojava Dispatch", "date": "2017-11-02"}))
    assert run("ingest", tmp_path / "in", "--db", path).exit_code == 0
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_cli_articles_every_format(db, fmt):
    result = run("articles", "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert [r["published"] for r in json.loads(out)] == ["2017-10-03", "2017-11-02"]
    elif fmt == "jsonl":
        assert [json.loads(line)["outlet"] for line in out.splitlines()] == [None, "Rojava Dispatch"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[1]["outlet"] == "Rojava Dispatch" and rows[0]["title"].startswith("Coalition")
    else:
        assert "Rojava" in out and "2 articles" in out


def test_cli_articles_filters(db):
    rows = json.loads(run("articles", "--db", db, "--since", "2017-11-01", "--format", "json").stdout)
    assert [r["outlet"] for r in rows] == ["Rojava Dispatch"]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_cli_show_every_format(db, fmt):
    result = run("show", "1", "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["article"]["title"].startswith("Coalition") and len(data["sentences"]) == 4
        (strike,) = [r for r in data["statements"] if r["type"] == "ASSAULT"]
        assert (strike["source"]["id"], strike["target"]["id"]) == ("CJTF_OIR", "ISIS")
        assert strike["asserted_by"]["kind"] == "anonymous" and strike["date"] == "2017-10-03"
    elif fmt == "jsonl":
        assert [json.loads(line)["sentence"] for line in result.stdout.splitlines()] == [0, 1, 2, 3]
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 4
    else:
        assert "Coalition strikes hit ISIS" in result.stdout and "[2]" in result.stdout


def test_cli_show_unknown_article(db):
    result = run("show", "999", "--db", db)
    assert result.exit_code == 1 and "no article 999" in result.output


def test_cli_version():
    import faultlines

    assert run("--version").stdout.strip() == f"faultlines {faultlines.__version__}"


def test_cli_demo_ingests_bundled_corpus_then_is_unchanged(tmp_path):
    db = tmp_path / "demo.db"
    first = run("demo", "--db", db, "--format", "json")
    assert first.exit_code == 0, first.output
    articles = json.loads(first.stdout)
    assert len(articles) >= 20
    assert len({a["outlet"] for a in articles}) >= 5, "several outlets"
    assert all(a["published"] and a["date_source"] == "sidecar" for a in articles)
    assert all(a["title"] and a["sentences"] > 3 for a in articles)
    second = run("demo", "--db", db)
    assert second.exit_code == 0 and "0 ingested" in second.output and f"{len(articles)} unchanged" in second.output


def test_cli_query_commands_never_create_a_database(tmp_path):
    missing = tmp_path / "typo.db"
    for command in (["articles"], ["statements"], ["actors"], ["show", "1"]):
        result = run(*command, "--db", missing)
        assert result.exit_code == 1 and "no faultlines database" in result.output, command
    assert not missing.exists()


def test_cli_refuses_another_programs_sqlite_file(tmp_path):
    import sqlite3

    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    result = run("ingest", write(tmp_path, "a.txt", ARTICLE), "--db", other)
    assert result.exit_code == 1 and "another program" in result.output
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["notes"]


def test_cli_statement_filters_validate_their_values(db):
    assert run("statements", "--db", db, "--status", "bogus").exit_code == 2
    assert run("statements", "--db", db, "--limit", "0").exit_code == 2
    result = run("actors", "--db", db, "--kind", "nonsense")
    assert result.exit_code == 1 and "unknown kind" in result.output
    result = run("statements", "--db", db, "--catalogue", db.parent / "missing.yaml")
    assert result.exit_code == 1


def test_cli_evaluate_fails_when_the_corpus_is_not_the_gold_one(shared, tmp_path):
    result = run("evaluate", "--gold", shared / "gold", "--corpus", tmp_path)
    assert result.exit_code == 1 and "could not be read" in result.output
