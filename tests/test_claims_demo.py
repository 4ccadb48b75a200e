"""Claims, disputes, timelines, source profiles and copies on the bundled demo corpus,
through the API and the CLI, where the demo's README says what the right answer is."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import faultlines
from faultlines.api import demo_corpus_path
from faultlines.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with faultlines.open(path) as db:
        summary = db.ingest([demo_corpus_path()])
    assert summary.ok
    return path


@pytest.fixture
def db(demo_db):
    with faultlines.open(demo_db, create=False) as opened:
        yield opened


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_demo_claims_reprint_is_one_group_of_copies(db):
    groups = db.copies()
    assert len(groups) == 1
    assert [a["outlet"] for a in groups[0]["articles"]] == ["Levant Wire", "The Atlantic Ledger"]


def test_demo_claims_reprinted_agreement_counts_once(db):
    # The Euphrates line: Russia and the US (or a US body) agree, in 05 and its reprint 06.
    agreement = [c for c in db.claims(type="AGREE", actor="Russia") if {"Levant Wire", "The Atlantic Ledger"} <= set(c.outlets)]
    assert agreement, "the US-Russia Euphrates line is a claim carried by both"
    # Evidence from both articles (05's headline says it too; the dateline "WASHINGTON" is
    # no party, so body and headline are one claim), and one independent source.
    assert all(c.independent_sources == 1 and len({e.article_id for e in c.evidence}) == 2 for c in agreement)


def test_demo_claims_us_backing_of_the_sdf_is_well_corroborated(db):
    backing = db.claims(actor="SDF", type="SUPPORT", min_sources=3)
    assert any(c.source_actor_id in ("USA", "USA.MIL", "CJTF_OIR") and c.target_actor_id == "SDF" for c in backing)


def test_demo_contested_strike_on_the_sdf_is_asserted_and_denied(db):
    denials = db.contested(kind="denial", actor="SDF")
    strike = [d for d in denials if d.source_actor_id.startswith("RUS") and d.target_actor_id == "SDF"]
    assert strike
    asserts, denies = strike[0].sides
    assert "person:daniel-mercer" in asserts.asserters
    assert any(a.startswith("RUS") or "varnakov" in a for a in denies.asserters)


def test_demo_contested_sukkariyah_strike_has_competing_blame(db):
    blames = db.contested(kind="blame", since="2017-11-01")
    attackers = {s.says.split(" ASSAULT ")[0] for d in blames for s in d.sides}
    assert any("Russia" in a for a in attackers) and any("coalition" in a.lower() for a in attackers)


def test_demo_timeline_loyalty_switch_ends_with_the_sdf(db):
    line = db.timeline("Farhan al-Hussein")
    members = [e.other_actor_id for e in line.memberships]
    assert members.index("ISIS") < members.index("SDF")
    assert [e.other_actor_id for e in line.current_affiliations] == ["SDF"]


def test_demo_sources_profile_every_outlet(db):
    profiles = {p.outlet: p for p in db.sources()}
    assert len(profiles) == 6
    northern = profiles["Northern Star Daily"]
    assert northern.articles == 4 and any("varnakov" in who for who, _ in northern.quoted)
    with pytest.raises(faultlines.FaultlinesError, match="no outlet"):
        db.sources("No Such Paper")


@pytest.mark.parametrize("command", ["claims", "contested", "copies", "sources", ["timeline", "SDF"]])
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_demo_cli_cross_article_commands_every_format(demo_db, command, fmt):
    args = command if isinstance(command, list) else [command]
    result = run(*args, "--db", demo_db, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)
    elif fmt == "jsonl":
        assert [json.loads(line) for line in result.stdout.splitlines() if line]
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) >= 1


def test_demo_cli_claim_shows_its_evidence(demo_db, db):
    claim = db.claims(min_sources=3)[0]
    result = run("claim", claim.id, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert "3 independent sources" in result.output or "independent sources" in result.output
    assert all(e.outlet in result.output for e in claim.evidence)
    assert run("claim", "nosuchclaim", "--db", demo_db).exit_code == 1


def test_demo_cli_contested_prints_sides_with_sources(demo_db):
    result = run("contested", "--db", demo_db, "--kind", "denial", "--evidence")
    assert result.exit_code == 0, result.output
    assert "asserts:" in result.output and "denies:" in result.output and "independent source" in result.output


def test_demo_cli_statements_plover_export(demo_db):
    result = run("statements", "--db", demo_db, "--format", "plover")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and all(e["event"] and e["text"] and e["source"] for e in events)
    assert {"id", "date", "event", "source", "target", "text", "status", "assertedBy"} <= set(events[0])


def test_demo_network_rolls_up_bodies_and_splits_the_camps(db):
    network = db.network()
    ids = {n.id for n in network.nodes}
    assert "USA" in ids and "USA.MIL" not in ids and "CIVILIANS" not in ids
    faction = {member: n for n, f in enumerate(network.factions) for member in f.members}
    assert faction["USA"] == faction["SDF"]
    assert faction["RUS"] == faction["SYR"]
    assert faction["USA"] != faction["RUS"]
    assert faction.get("ISIS") != faction["SDF"], "an allegation denied by the coalition makes no alliance"
    apart = db.network(rollup=False)
    assert "USA.MIL" in {n.id for n in apart.nodes}


@pytest.mark.parametrize("fmt", ["text", "json", "graphml", "gexf", "dot"])
def test_demo_cli_network_every_format(demo_db, tmp_path, fmt):
    out = tmp_path / f"net.{fmt}"
    result = run("network", "--db", demo_db, "--format", fmt, "-o", out, "--since", "2017-09", "--until", "2017-11")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["nodes"] and data["factions"]
    elif fmt in ("graphml", "gexf"):
        import networkx as nx
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
        assert graph.number_of_nodes() > 5
    elif fmt == "dot":
        assert text.startswith(("graph", "digraph", "strict")) and '"SDF"' in text
    else:
        assert "Factions" in text and "Syrian Democratic Forces" in text
