"""The alliance network: signed edges from claims, factions by structural balance, proxies, exports."""

from __future__ import annotations

import io
import itertools
import json
import math

import networkx as nx
import pytest

from faultlines.analyse.network import build_network, summary_text, to_dot, to_json, write_gexf, write_graphml
from faultlines.analyse.network_rules import NetworkRulesError, load_network_rules
from faultlines.errors import FaultlinesError
from faultlines.values import Attribution, Claim, Evidence

_ids = itertools.count(1)
US_SIDE = ("USA", "SDF", "YPG")
RUSSIAN_SIDE = ("RUS", "SYR.GOV", "IRN", "HEZBOLLAH")


def claim(source, type_, target, *, sources=1, polarity="asserted", first="2017-06-01", last=None, exact=None,
          copies_of_one_story=False):
    """A claim carried by ``sources`` stories (or by that many copies of one story)."""
    evidence = tuple(
        Evidence(
            statement_id=next(_ids), article_id=100 + n, syndication_group=100 if copies_of_one_story else 100 + n,
            source_actor_id=source, target_actor_id=target, doc=f"article-{n}", sentence="...", start=0, end=3,
            type=exact or type_, status="fact" if polarity == "asserted" else "negated",
            asserted_by=Attribution(kind="outlet"), outlet=f"Outlet {n}", published=first,
        )
        for n in range(sources)
    )
    return Claim(
        id=f"c{next(_ids)}", source_actor_id=source, target_actor_id=target, type=type_,
        kind="relation" if exact in ("BACKS", "MEMBER_OF") else "event", polarity=polarity,
        first_seen=first, last_seen=last or first, evidence=evidence,
    )


def within(*sides):
    """Cooperation between every two actors of each side."""
    return [claim(a, "COOPERATE", b) for side in sides for a, b in itertools.combinations(side, 2)]


def factions(network):
    return {frozenset(f.members) for f in network.factions}


def syria_2017():
    """US-backed side, Russian-backed side and ISIS: positive within, negative across."""
    return [
        *within(US_SIDE, RUSSIAN_SIDE),
        claim("USA", "SUPPORT", "SDF", exact="BACKS", sources=3),
        claim("YPG", "MEMBER", "SDF", exact="MEMBER_OF"),
        claim("RUS", "SUPPORT", "SYR.GOV", sources=2),
        claim("IRN", "SUPPORT", "HEZBOLLAH", exact="BACKS"),
        *[claim(actor, "ASSAULT", "ISIS", sources=2) for actor in US_SIDE + RUSSIAN_SIDE],
        claim("SDF", "ASSAULT", "SYR.GOV"),
        claim("RUS", "ACCUSE", "USA"),
        claim("HEZBOLLAH", "THREATEN", "YPG"),
    ]


def test_network_three_factions_recovered_exactly():
    network = build_network(syria_2017())
    assert factions(network) == {frozenset(US_SIDE), frozenset(RUSSIAN_SIDE), frozenset({"ISIS"})}
    assert network.frustration == 0 and network.balance == 1


def test_network_three_factions_survive_a_cross_cutting_tie():
    # Washington and Moscow kept a deconfliction line: one friendly edge across the camps.
    network = build_network([*syria_2017(), claim("USA", "CONSULT", "RUS"), claim("USA", "COOPERATE", "RUS")])
    assert factions(network) == {frozenset(US_SIDE), frozenset(RUSSIAN_SIDE), frozenset({"ISIS"})}
    assert network.frustration > 0 and network.balance < 1


def test_network_two_factions_recovered():
    gov, rebels = ("YEM.GOV", "SAU", "ARE"), ("HOUTHIS", "IRN")
    claims = [*within(gov, rebels), *[claim(a, "ASSAULT", b) for a in gov for b in rebels if (a, b) != ("ARE", "IRN")]]
    assert factions(build_network(claims)) == {frozenset(gov), frozenset(rebels)}


def test_network_enemy_of_enemy_shares_a_faction_when_nothing_says_otherwise():
    # A fights B, B fights C: balance puts A and C together rather than invent a third group.
    network = build_network([claim("A", "ASSAULT", "B"), claim("B", "ASSAULT", "C")])
    assert factions(network) == {frozenset({"A", "C"}), frozenset({"B"})}


def test_network_component_without_hostility_is_one_faction_and_components_stay_apart():
    claims = [claim("USA", "SUPPORT", "SDF"), claim("SDF", "COOPERATE", "YPG"), claim("LBY.GOV", "AGREE", "TUR")]
    assert factions(build_network(claims)) == {frozenset({"USA", "SDF", "YPG"}), frozenset({"LBY.GOV", "TUR"})}


def test_network_factions_members_heaviest_first():
    network = build_network(syria_2017())
    us_side = next(f for f in network.factions if "USA" in f.members)
    degrees = [network.node(m).degree for m in us_side.members]
    assert degrees == sorted(degrees, reverse=True)


def test_network_denied_claims_ignored():
    network = build_network([claim("RUS", "ASSAULT", "SDF", polarity="denied"), claim("RUS", "SUPPORT", "SYR.GOV")])
    assert network.edge("RUS", "SDF") is None
    assert network.counts.denied == 1 and network.counts.counted == 1


def test_network_window_keeps_claims_whose_span_overlaps():
    claims = [
        claim("A", "ASSAULT", "B", first="2016-01-10"),                     # before
        claim("C", "ASSAULT", "D", first="2016-12-01", last="2017-02-01"),  # runs into the window
        claim("E", "ASSAULT", "F", first="2018-03-01"),                     # after
        claim("G", "ASSAULT", "H", first=None, last=None),                   # undated: kept
    ]
    network = build_network(claims, since="2017-01-01", until="2017-12-31")
    assert {(e.source, e.target) for e in network.edges} == {("C", "D"), ("G", "H")}
    assert network.counts.outside_window == 2


def test_network_window_until_a_month_takes_the_whole_month():
    network = build_network([claim("A", "ASSAULT", "B", first="2017-06-30")], until="2017-06")
    assert network.edge("A", "B") is not None


def test_network_rollup_merges_sub_bodies_into_their_top_actor():
    top = {"USA.MIL": "USA", "anon:USA.MIL": "USA", "RUS.MIL": "RUS"}
    claims = [claim("USA.MIL", "ASSAULT", "ISIS"), claim("anon:USA.MIL", "ACCUSE", "RUS.MIL"), claim("USA", "ASSAULT", "ISIS")]
    network = build_network(claims, parent_of=top.get)
    assert {n.id for n in network.nodes} == {"USA", "ISIS", "RUS"}
    assert network.edge("USA", "ISIS").negative == pytest.approx(2.0)
    assert network.rolled_up


def test_network_rollup_drops_self_loops():
    top = {"SYR.MIL.SAA": "SYR", "SYR.GOV.ASSAD": "SYR"}
    claims = [claim("SYR.MIL.SAA", "SUPPORT", "SYR.GOV.ASSAD"), claim("SYR.MIL.SAA", "ASSAULT", "ISIS")]
    network = build_network(claims, parent_of=top.get)
    assert [(e.source, e.target) for e in network.edges] == [("ISIS", "SYR")]
    assert network.counts.self_loops == 1 and network.backing == ()


def test_network_without_rollup_sub_bodies_stay_apart():
    network = build_network([claim("USA.MIL", "ASSAULT", "ISIS"), claim("USA", "ASSAULT", "ISIS")])
    assert {n.id for n in network.nodes} == {"USA", "USA.MIL", "ISIS"}


def test_network_weight_grows_with_independent_sources():
    network = build_network([claim("A", "SUPPORT", "B", sources=1), claim("C", "SUPPORT", "D", sources=3),
                             claim("E", "SUPPORT", "F", sources=7)])
    assert [network.edge(*pair).weight for pair in (("A", "B"), ("C", "D"), ("E", "F"))] == pytest.approx([1, 2, 3])


def test_network_syndicated_copies_count_once():
    network = build_network([claim("A", "SUPPORT", "B", sources=5, copies_of_one_story=True)])
    assert network.edge("A", "B").weight == pytest.approx(1.0)


def test_network_weights_come_from_the_rules_file():
    network = build_network([claim("A", "ACCUSE", "B"), claim("C", "COOPERATE", "D")])
    assert network.edge("A", "B").weight == pytest.approx(-0.3)
    assert network.edge("C", "D").weight == pytest.approx(0.6)


def test_network_neutral_types_not_counted():
    network = build_network([claim("SDF", "REQUEST", "USA"), claim("ISIS", "CONCEDE", "SDF")])
    assert network.edges == () and network.counts.neutral == 2


def test_network_min_sources_drops_thin_claims():
    network = build_network([claim("A", "ASSAULT", "B", sources=1), claim("C", "ASSAULT", "D", sources=2)], min_sources=2)
    assert [(e.source, e.target) for e in network.edges] == [("C", "D")]
    assert network.counts.too_few_sources == 1


def test_network_edge_keeps_positive_and_negative_apart():
    edge = build_network([claim("USA", "COOPERATE", "TUR"), claim("TUR", "ASSAULT", "USA")]).edge("TUR", "USA")
    assert (edge.positive, edge.negative, edge.sign) == (pytest.approx(0.6), pytest.approx(1.0), -1)
    assert edge.types == ("ASSAULT", "COOPERATE") and len(edge.claim_ids) == 2


def test_network_proxy_chain_from_patron_through_client():
    claims = [claim("IRN", "SUPPORT", "HEZBOLLAH", exact="BACKS", sources=3),
              claim("HEZBOLLAH", "SUPPORT", "NDF", exact="AID"), claim("USA", "SUPPORT", "SDF")]
    network = build_network(claims)
    assert [(b.patron, b.client) for b in network.backing] == [("IRN", "HEZBOLLAH"), ("HEZBOLLAH", "NDF"), ("USA", "SDF")]
    assert [c.actors for c in network.chains] == [("IRN", "HEZBOLLAH", "NDF")]  # a single link is no chain


def test_network_proxy_conflict_found():
    claims = [claim("USA", "SUPPORT", "SDF", exact="BACKS"), claim("RUS", "SUPPORT", "SYR.GOV"),
              claim("SDF", "ASSAULT", "SYR.GOV"), claim("RUS", "ACCUSE", "USA")]
    (conflict,) = build_network(claims).conflicts
    assert (conflict.side_a, conflict.side_b, conflict.patrons_a, conflict.patrons_b) == ("SDF", "SYR.GOV", ("USA",), ("RUS",))
    assert conflict.patrons_hostile


def test_network_no_proxy_conflict_when_one_patron_backs_both_sides():
    claims = [claim("USA", "SUPPORT", "SDF"), claim("USA", "SUPPORT", "IRQ"), claim("SDF", "ASSAULT", "IRQ")]
    assert build_network(claims).conflicts == ()


def test_network_betweenness_highest_for_the_broker():
    # Two camps that only meet through Turkey.
    claims = [*within(("A", "B", "TUR"), ("TUR", "C", "D"))]
    network = build_network(claims)
    assert max(network.nodes, key=lambda n: n.betweenness).id == "TUR"


def test_network_pagerank_highest_for_the_hub_of_alliances():
    network = build_network([claim("USA", "SUPPORT", x) for x in ("SDF", "IRQ", "JOR", "ISR")] + [claim("SDF", "ASSAULT", "ISIS")])
    assert max(network.nodes, key=lambda n: n.pagerank).id == "USA"


def test_network_json_export_parses_back():
    data = json.loads(json.dumps(to_json(build_network(syria_2017()))))
    try:
        graph = nx.node_link_graph(data, edges="edges")
    except TypeError:  # networkx < 3.4 names the keyword link
        graph = nx.node_link_graph(data, link="edges")
    assert set(graph.nodes) == set(US_SIDE + RUSSIAN_SIDE) | {"ISIS"}
    assert graph.edges["SDF", "SYR.GOV"]["sign"] == -1
    assert {frozenset(f["members"]) for f in data["factions"]} == {frozenset(US_SIDE), frozenset(RUSSIAN_SIDE), frozenset({"ISIS"})}
    assert data["conflicts"] and data["centrality"]["pagerank"]


def test_network_graphml_export_reads_back(tmp_path):
    path = tmp_path / "network.graphml"
    write_graphml(build_network(syria_2017(), name_of={"USA": "United States"}.get), path)
    graph = nx.read_graphml(path)
    assert graph.nodes["USA"]["name"] == "United States" and graph.nodes["ISIS"]["kind"] == ""
    assert graph.edges["ISIS", "USA"]["weight"] < 0 and graph.number_of_nodes() == 8


def test_network_gexf_export_reads_back():
    buffer = io.BytesIO()
    write_gexf(build_network(syria_2017()), buffer)
    graph = nx.read_gexf(io.BytesIO(buffer.getvalue()))
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == len(build_network(syria_2017()).edges)


def test_network_dot_has_every_node_and_colours_edges_by_sign():
    network = build_network(syria_2017())
    dot = to_dot(network)
    assert all(f'"{n.id}" [' in dot for n in network.nodes)
    assert '"SDF" -- "SYR.GOV" [color="#c62828"' in dot and '"SDF" -- "USA" [color="#2e7d32"' in dot


def test_network_dot_escapes_quotes_in_names():
    names = {"A": 'The "Free" Army', "B": "back\\slash"}
    dot = to_dot(build_network([claim("A", "ASSAULT", "B")], name_of=names.get))
    assert 'label="The \\"Free\\" Army"' in dot and 'label="back\\\\slash"' in dot


def test_network_summary_names_each_factions_members():
    names = {"USA": "United States", "RUS": "Russia", "ISIS": "Islamic State"}
    text = summary_text(build_network(syria_2017(), name_of=names.get))
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Factions"))
    faction_lines = lines[start + 1:start + 4]
    assert any("United States (USA)" in line and "SDF" in line and "YPG" in line for line in faction_lines)
    assert any("Russia (RUS)" in line and "HEZBOLLAH" in line for line in faction_lines)
    assert "3 factions" in text and "(and 1 standing alone)" in text   # ISIS, alone


def test_network_summary_says_when_nothing_counts():
    text = summary_text(build_network([claim("A", "ASSAULT", "B", polarity="denied")]))
    assert "1 denied" in text and "No claim" in text


def test_network_bad_date_is_an_error():
    with pytest.raises(FaultlinesError, match="since date '1st of June'"):
        build_network([], since="1st of June")


def test_network_rules_error_names_file_and_entry(tmp_path):
    path = tmp_path / "network.yaml"
    path.write_text("types:\n  ASSAULT: {sign: -2, weight: 1.0, why: fighting}\n", encoding="utf-8")
    with pytest.raises(NetworkRulesError) as caught:
        load_network_rules(path)
    message = str(caught.value)
    assert f"{path}: types.ASSAULT: sign is -2" in message and "no entry for SUPPORT" in message


def test_network_bundled_rules_weigh_alliances_up_and_fights_down():
    rules = load_network_rules()
    assert rules.signed("SUPPORT") == 1.0 and rules.signed("ASSAULT") == -1.0 and rules.signed("REQUEST") == 0


def test_network_log2_weighting_matches_the_formula():
    edge = build_network([claim("A", "THREATEN", "B", sources=4)]).edge("A", "B")
    assert edge.weight == pytest.approx(-0.5 * math.log2(5))
