"""The alliance network as JSON, GraphML, GEXF, DOT and a plain-text summary.

JSON is networkx's node-link layout, edges under "edges" (read it back with
``networkx.node_link_graph(data, edges="edges")``; ``link="edges"`` before networkx 3.4),
with the factions, backing, proxy chains and conflicts and centrality rankings added.
GraphML and GEXF go through networkx's writers, so every attribute is a scalar they
accept: lists become space- or comma-separated text, and a missing kind is "".
DOT is written here (no pydot): green edges are alliances, red ones hostilities, the
thicker the heavier, and each faction has its own fill colour.

It does not lay out or draw anything: Gephi, yEd or Graphviz do that.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from pathlib import Path

    from .network import AllianceNetwork, NetworkEdge

TOP = 10   # rows per section of the summary, and per centrality ranking in JSON
# ColorBrewer Set3: light enough for black labels, distinct for up to 12 factions.
FACTION_COLOURS = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                   "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f")
POSITIVE_COLOUR, NEGATIVE_COLOUR, NEUTRAL_COLOUR = "#2e7d32", "#c62828", "#9e9e9e"


def _round(value: float) -> float:
    return round(float(value), 6)


def to_json(network: AllianceNetwork) -> dict[str, Any]:
    """The network as a JSON-ready dict in networkx node-link layout, with the analyses added."""
    nodes = [
        {"id": n.id, "name": n.name, "kind": n.kind, "faction": n.faction,
         "positive": _round(n.positive), "negative": _round(n.negative), "degree": _round(n.degree),
         "betweenness": _round(n.betweenness), "pagerank": _round(n.pagerank)}
        for n in network.nodes
    ]
    edges = [
        {"source": e.source, "target": e.target, "weight": _round(e.weight), "sign": e.sign,
         "positive": _round(e.positive), "negative": _round(e.negative),
         "types": list(e.types), "claims": list(e.claim_ids)}
        for e in network.edges
    ]
    counts = network.counts
    return {
        "directed": False,
        "multigraph": False,
        "graph": {
            "since": network.since, "until": network.until, "rolled_up": network.rolled_up,
            "alpha": network.alpha, "frustration": _round(network.frustration), "balance": _round(network.balance),
            "claims": {field: getattr(counts, field) for field in counts.__dataclass_fields__},
        },
        "nodes": nodes,
        "edges": edges,
        "factions": [
            {"number": f.number, "members": list(f.members), "positive": _round(f.positive), "negative": _round(f.negative)}
            for f in network.factions
        ],
        "backing": [
            {"patron": b.patron, "client": b.client, "weight": _round(b.weight), "claims": list(b.claim_ids)}
            for b in network.backing
        ],
        "chains": [{"actors": list(c.actors), "weight": _round(c.weight)} for c in network.chains],
        "conflicts": [
            {"side_a": c.side_a, "side_b": c.side_b, "patrons_a": list(c.patrons_a), "patrons_b": list(c.patrons_b),
             "weight": _round(c.weight), "patrons_hostile": c.patrons_hostile}
            for c in network.conflicts
        ],
        "centrality": {
            measure: [n.id for n in _ranked(network, measure)[:TOP]]
            for measure in ("pagerank", "betweenness", "positive", "negative")
        },
    }


def as_graph(network: AllianceNetwork) -> nx.Graph:
    """The network as a networkx Graph whose attributes are all strings, ints or floats."""
    graph = nx.Graph(
        since=network.since or "", until=network.until or "", rolled_up=network.rolled_up,
        frustration=float(network.frustration), balance=float(network.balance),
    )
    for n in network.nodes:
        graph.add_node(
            n.id, label=n.name, name=n.name, kind=n.kind or "", faction=int(n.faction),
            positive=float(n.positive), negative=float(n.negative),
            betweenness=float(n.betweenness), pagerank=float(n.pagerank),
        )
    for e in network.edges:
        graph.add_edge(
            e.source, e.target, weight=float(e.weight), sign=int(e.sign), positive=float(e.positive),
            negative=float(e.negative), types=",".join(e.types), claims=" ".join(e.claim_ids),
        )
    return graph


def write_graphml(network: AllianceNetwork, path_or_file: str | Path | IO[bytes]) -> None:
    """Write GraphML (for yEd, Cytoscape, igraph) to a path or a binary file."""
    nx.write_graphml(as_graph(network), path_or_file)


def write_gexf(network: AllianceNetwork, path_or_file: str | Path | IO[bytes]) -> None:
    """Write GEXF (for Gephi) to a path or a binary file."""
    nx.write_gexf(as_graph(network), path_or_file)


def _dot_string(text: str) -> str:
    """A double-quoted DOT string: backslashes and quotes escaped, line breaks as \\n."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def to_dot(network: AllianceNetwork) -> str:
    """The network in Graphviz DOT: ``dot -Tsvg`` or ``neato -Tsvg`` draws it."""
    heaviest = max((abs(e.weight) for e in network.edges), default=1.0) or 1.0
    window = f"{network.since or 'start'} to {network.until or 'end'}"
    lines = [
        "graph alliance {",
        f"  graph [label={_dot_string('Alliance network, ' + window)}, overlap=false, splines=true];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for n in network.nodes:
        colour = FACTION_COLOURS[(n.faction - 1) % len(FACTION_COLOURS)]
        tooltip = f"{n.id}, faction {n.faction}" + (f", {n.kind}" if n.kind else "")
        lines.append(f"  {_dot_string(n.id)} [label={_dot_string(n.name)}, fillcolor=\"{colour}\", "
                     f"tooltip={_dot_string(tooltip)}];")
    for e in network.edges:
        colour = POSITIVE_COLOUR if e.sign > 0 else NEGATIVE_COLOUR if e.sign < 0 else NEUTRAL_COLOUR
        penwidth = 1 + 4 * abs(e.weight) / heaviest
        style = "solid" if e.sign else "dashed"
        lines.append(
            f"  {_dot_string(e.source)} -- {_dot_string(e.target)} [color=\"{colour}\", penwidth={penwidth:.2f}, "
            f"style={style}, label=\"{e.weight:+.1f}\", tooltip={_dot_string(', '.join(e.types))}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _ranked(network: AllianceNetwork, measure: str) -> list:
    return sorted((n for n in network.nodes if getattr(n, measure) > 0), key=lambda n: (-getattr(n, measure), n.id))


def _label(network: AllianceNetwork, actor_id: str) -> str:
    name = network.name(actor_id)
    return name if name == actor_id else f"{name} ({actor_id})"


def _pair(network: AllianceNetwork, e: NetworkEdge) -> str:
    count = len(e.claim_ids)
    return (f"  {_label(network, e.source)} — {_label(network, e.target)}: {e.weight:+.1f} "
            f"({', '.join(e.types)}; {count} claim{'s' * (count != 1)})")


FACTION_MEMBERS = 15


def summary_text(network: AllianceNetwork) -> str:
    """A plain-text summary for analysts: factions, alliances, hostilities, proxies, central actors."""
    c = network.counts
    window = f"from {network.since or 'the first claim'} to {network.until or 'the last claim'}"
    lines = [f"Alliance network {window}" + (", actors rolled up to their top-level actor" if network.rolled_up else "")]
    left_out = [(c.denied, "denied"), (c.outside_window, "outside the window"),
                (c.too_few_sources, "with too few independent sources"), (c.neutral, "of a neutral type"),
                (c.self_loops, "within one actor")]
    skipped = ", ".join(f"{n} {why}" for n, why in left_out if n)
    lines.append(f"{len(network.nodes)} actors, {len(network.edges)} pairs, from {c.counted} of {c.given} claims"
                 + (f" (not counted: {skipped})" if skipped else ""))
    if not network.edges:
        lines.append("No claim in this window says anything about who stands with whom.")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(network.factions)} faction{'s' * (len(network.factions) != 1)} by structural balance; "
                 f"they fit {network.balance:.0%} of the edge weight (frustration {network.frustration:.2f})")

    shown = [f for f in network.factions if len(f.members) > 1] or list(network.factions)
    lines += ["", "Factions" + (f" (and {len(network.factions) - len(shown)} standing alone)"
                                if len(shown) < len(network.factions) else "")]
    for f in shown:
        # Members come heaviest first; past a screenful, the rest is counted, not listed.
        names = [_label(network, m) for m in f.members[:FACTION_MEMBERS]]
        more = len(f.members) - len(names)
        lines.append(f"  {f.number}. " + ", ".join(names) + (f" and {more} more" if more > 0 else ""))
        if f.negative:
            lines.append(f"     (hostility inside it: {f.negative:.1f} against {f.positive:.1f} alignment)")

    alliances = sorted((e for e in network.edges if e.sign > 0), key=lambda e: (-e.weight, e.source, e.target))
    hostilities = sorted((e for e in network.edges if e.sign < 0), key=lambda e: (e.weight, e.source, e.target))
    lines += ["", "Strongest alliances"] + ([_pair(network, e) for e in alliances[:TOP]] or ["  none"])
    lines += ["", "Strongest hostilities"] + ([_pair(network, e) for e in hostilities[:TOP]] or ["  none"])

    lines += ["", "Backing (patron → client)"]
    lines += [f"  {_label(network, b.patron)} → {_label(network, b.client)}: {b.weight:.1f}"
              for b in network.backing[:TOP]] or ["  none"]
    if network.chains:
        lines += ["", "Proxy chains"]
        lines += ["  " + " → ".join(_label(network, a) for a in chain.actors) for chain in network.chains[:TOP]]
    lines += ["", "Proxy conflicts (patrons whose clients fight)"]
    for conflict in network.conflicts[:TOP]:
        backers_a = ", ".join(network.name(p) for p in conflict.patrons_a)
        backers_b = ", ".join(network.name(p) for p in conflict.patrons_b)
        lines.append(f"  {_label(network, conflict.side_a)} (backed by {backers_a}) against "
                     f"{_label(network, conflict.side_b)} (backed by {backers_b}): {-conflict.weight:+.1f}"
                     + ("; the patrons are hostile to each other too" if conflict.patrons_hostile else ""))
    if not network.conflicts:
        lines.append("  none")

    lines += ["", "Most central"]
    for measure, what in (("pagerank", "in the alliances (PageRank)"), ("betweenness", "as brokers (betweenness)")):
        ranked = _ranked(network, measure)[:5]
        lines.append(f"  {what}: " + (", ".join(f"{_label(network, n.id)} {getattr(n, measure):.2f}" for n in ranked)
                                      or "none"))
    return "\n".join(lines) + "\n"
