"""The alliance network: who stands with whom, from the claims of a time window.

Actors are nodes; two actors are joined by one undirected, signed edge that adds up every
asserted claim between them: cooperation and backing push it up, conflict down, each
claim by its type's weight in ``rules/network.yaml`` times log2(1 + its independent
sources), so a claim carried by seven independent stories weighs three times one told once.
On that graph it finds factions by structural balance (``network_balance``), patrons and
clients from the backing claims, proxy conflicts (two patrons whose clients fight), and
the most central actors.

Pure: claims in, frozen values out. Reading claims and the catalogue is
``network_api``'s job; writing files is ``network_export``'s.

It does not decide who is right: a claim counts however contested it is, as long as
someone asserts it. Denied claims do not count either way.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx
import numpy as np

from ..errors import FaultlinesError
from ..values import Claim, Problem
from .claims import coarse_type, day
from .network_balance import ALPHA, balance_partition
from .network_rules import NetworkRules, NetworkRulesError, load_network_rules

ActorFunction = Callable[[str], "str | None"]

BACKING_TYPE = "SUPPORT"        # coarse class of AID, SUPPORT and BACKS: patron -> client
MAX_CHAIN_LINKS = 4             # longer backing chains are rarely more than noise
MAX_CHAINS = 50
BETWEENNESS_SAMPLE = 100        # above this many actors, betweenness is estimated from this many sources
PAGERANK_DAMPING = 0.85


@dataclass(frozen=True)
class NetworkNode:
    """An actor in the network, with its weighted degrees, faction and centrality."""

    id: str
    name: str
    kind: str | None
    positive: float      # sum of the positive weight of its edges
    negative: float      # sum of the negative weight of its edges, as a magnitude
    faction: int         # number of its Faction, from 1
    betweenness: float   # on |net weight|, distance 1/|weight|, normalised 0..1
    pagerank: float      # on the graph of positive edges

    @property
    def degree(self) -> float:
        return self.positive + self.negative


@dataclass(frozen=True)
class NetworkEdge:
    """Everything the claims say about two actors' alignment; ``source < target``."""

    source: str
    target: str
    positive: float
    negative: float                  # a magnitude: hostility adds up here
    claim_ids: tuple[str, ...]
    types: tuple[str, ...]           # coarse types, heaviest first

    @property
    def weight(self) -> float:
        """Net weight: positive for allies, negative for enemies."""
        return self.positive - self.negative

    @property
    def sign(self) -> int:
        return (self.weight > 0) - (self.weight < 0)


@dataclass(frozen=True)
class Faction:
    """Actors structural balance puts on one side; members heaviest (weighted degree) first."""

    number: int
    members: tuple[str, ...]
    positive: float   # positive weight between members: what holds it together
    negative: float   # negative weight between members: what the partition cannot explain


@dataclass(frozen=True)
class Backing:
    """A patron backing (arming, funding, supporting) a client."""

    patron: str
    client: str
    weight: float
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class ProxyChain:
    """Backing passed on: ``actors[0]`` backs ``actors[1]``, which backs ``actors[2]``..."""

    actors: tuple[str, ...]
    weight: float   # the weakest link's


@dataclass(frozen=True)
class ProxyConflict:
    """Two actors who fight, each backed by a different patron: a proxy war."""

    side_a: str
    side_b: str
    patrons_a: tuple[str, ...]
    patrons_b: tuple[str, ...]
    weight: float            # the hostility between the two sides (|net weight|)
    patrons_hostile: bool    # some patron of one side is an enemy of a patron of the other


@dataclass(frozen=True)
class ClaimCounts:
    """What became of the claims the network was built from."""

    given: int = 0
    counted: int = 0
    denied: int = 0           # polarity denied: not evidence of alignment
    outside_window: int = 0
    too_few_sources: int = 0
    neutral: int = 0          # types with sign 0 (REQUEST, CONCEDE)
    self_loops: int = 0       # both actors the same after roll-up


@dataclass(frozen=True)
class AllianceNetwork:
    """A signed, weighted actor graph for a window, with factions, proxies and centrality."""

    since: str | None
    until: str | None
    nodes: tuple[NetworkNode, ...]       # by id
    edges: tuple[NetworkEdge, ...]       # by (source, target)
    factions: tuple[Faction, ...]        # biggest weighted degree first
    frustration: float                   # alpha-weighted weight the factions contradict
    balance: float                       # 1 - contradicted weight / total |weight|; 1 = balanced
    backing: tuple[Backing, ...]         # heaviest first
    chains: tuple[ProxyChain, ...]
    conflicts: tuple[ProxyConflict, ...]
    counts: ClaimCounts
    alpha: float = ALPHA
    rolled_up: bool = False

    @functools.cached_property
    def _by_id(self) -> dict[str, NetworkNode]:
        return {n.id: n for n in self.nodes}

    @functools.cached_property
    def _by_pair(self) -> dict[tuple[str, str], NetworkEdge]:
        return {(e.source, e.target): e for e in self.edges}

    def node(self, actor_id: str) -> NetworkNode:
        """The node of an actor; KeyError when it is not in the network."""
        return self._by_id[actor_id]

    def edge(self, first: str, second: str) -> NetworkEdge | None:
        """The edge between two actors, in either order; None when they have none."""
        return self._by_pair.get(tuple(sorted((first, second))))

    def name(self, actor_id: str) -> str:
        """The actor's display name; its id when it is not in the network."""
        node = self._by_id.get(actor_id)
        return node.name if node else actor_id


def build_network(
    claims: Iterable[Claim],
    *,
    since: str | None = None,
    until: str | None = None,
    parent_of: ActorFunction | None = None,
    name_of: ActorFunction | None = None,
    kind_of: ActorFunction | None = None,
    min_sources: int = 1,
    rules: NetworkRules | None = None,
) -> AllianceNetwork:
    """The alliance network of the asserted claims whose span overlaps [since, until].

    Args:
        since, until: ISO dates (a year or month is its first or last day); None is open.
        parent_of: the top-level actor an actor rolls up into (USA.MIL -> USA), or None
            to keep it; without it every actor stays apart.
        name_of, kind_of: an actor's display name and kind, for the nodes.
        min_sources: leave out claims carried by fewer independent sources.
        rules: type weights; the bundled ``rules/network.yaml`` when None.
    """
    if min_sources < 1:
        raise FaultlinesError("min_sources must be 1 or more")
    rules = rules or load_network_rules()
    start, end = _window_day(since, "since"), _window_day(until, "until", end=True)
    counts = dict.fromkeys(ClaimCounts.__dataclass_fields__, 0)
    pairs: dict[tuple[str, str], dict] = {}
    backing: dict[tuple[str, str], dict] = {}
    for claim in claims:
        counts["given"] += 1
        reason = _left_out(claim, start, end, min_sources)
        if reason:
            counts[reason] += 1
            continue
        coarse = coarse_type(claim.type)
        signed = rules.signed(coarse)
        if signed is None:
            raise NetworkRulesError([Problem(f"{rules.path}: types", f"no entry for {coarse} (claim {claim.id})",
                                             f"add '{coarse}:' with sign, weight and why")])
        if signed == 0:
            counts["neutral"] += 1
            continue
        source, target = _rolled(claim.source_actor_id, parent_of), _rolled(claim.target_actor_id, parent_of)
        if source == target:
            counts["self_loops"] += 1  # a state's army backing its government says nothing about alignment
            continue
        counts["counted"] += 1
        weight = signed * math.log2(1 + claim.independent_sources)
        pair = pairs.setdefault(tuple(sorted((source, target))), {"pos": 0.0, "neg": 0.0, "claims": [], "types": {}})
        pair["pos" if weight > 0 else "neg"] += abs(weight)
        pair["claims"].append(claim.id)
        pair["types"][coarse] = pair["types"].get(coarse, 0.0) + abs(weight)
        if coarse == BACKING_TYPE:
            link = backing.setdefault((source, target), {"weight": 0.0, "claims": []})
            link["weight"] += abs(weight)
            link["claims"].append(claim.id)
    edges = tuple(
        NetworkEdge(source=s, target=t, positive=p["pos"], negative=p["neg"], claim_ids=tuple(p["claims"]),
                    types=tuple(sorted(p["types"], key=lambda c: (-p["types"][c], c))))
        for (s, t), p in sorted(pairs.items())
    )
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    partition, factions = _factions(ids, edges)
    centrality = _centrality(ids, edges)
    positive, negative = dict.fromkeys(ids, 0.0), dict.fromkeys(ids, 0.0)
    for e in edges:
        for actor in (e.source, e.target):
            positive[actor] += e.positive
            negative[actor] += e.negative
    nodes = tuple(
        NetworkNode(id=i, name=(name_of(i) if name_of else None) or i, kind=kind_of(i) if kind_of else None,
                    positive=positive[i], negative=negative[i], faction=partition[i],
                    betweenness=centrality[i][0], pagerank=centrality[i][1])
        for i in ids
    )
    links = tuple(sorted(
        (Backing(patron=p, client=c, weight=v["weight"], claim_ids=tuple(v["claims"])) for (p, c), v in backing.items()),
        key=lambda b: (-b.weight, b.patron, b.client),
    ))
    found = balance_stats(ids, edges, partition)
    return AllianceNetwork(
        since=since, until=until, nodes=nodes, edges=edges, factions=factions,
        frustration=found[0], balance=found[1], backing=links, chains=_chains(links),
        conflicts=_conflicts(links, edges), counts=ClaimCounts(**counts), rolled_up=parent_of is not None,
    )


def _window_day(value: str | None, what: str, *, end: bool = False) -> date | None:
    if value is None or value == "":
        return None
    found = day(value, end=end)
    if found is None:
        raise FaultlinesError(f"cannot read the {what} date '{value}': use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return found


def _left_out(claim: Claim, start: date | None, end: date | None, min_sources: int) -> str | None:
    """Why a claim is not counted (a ClaimCounts field), or None when it is."""
    if claim.polarity != "asserted":
        return "denied"
    first = day(claim.first_seen) or day(claim.last_seen)
    last = day(claim.last_seen, end=True) or day(claim.first_seen, end=True)
    # Undated claims are kept: dropping them would hide standing relations nobody dated.
    if first is not None and ((end is not None and first > end) or (start is not None and last < start)):
        return "outside_window"
    if claim.independent_sources < min_sources:
        return "too_few_sources"
    return None


def _rolled(actor_id: str, parent_of: ActorFunction | None) -> str:
    return (parent_of(actor_id) or actor_id) if parent_of else actor_id


def _matrices(ids: list[str], edges: Iterable[NetworkEdge]) -> tuple[np.ndarray, np.ndarray]:
    index = {actor: n for n, actor in enumerate(ids)}
    positive, negative = np.zeros((len(ids), len(ids))), np.zeros((len(ids), len(ids)))
    for e in edges:
        i, j = index[e.source], index[e.target]
        positive[i, j] = positive[j, i] = e.positive
        negative[i, j] = negative[j, i] = e.negative
    return positive, negative


def _factions(ids: list[str], edges: tuple[NetworkEdge, ...]) -> tuple[dict[str, int], tuple[Faction, ...]]:
    """Each actor's faction number, and the factions, heaviest first."""
    if not ids:
        return {}, ()
    # Both parts of a mixed edge count (allies who also trade blame): with alpha = 0.5 the
    # partition is the one the net weights give, and the frustration also shows the
    # friction no partition can explain.
    partition = balance_partition(*_matrices(ids, edges))
    groups: dict[int, list[str]] = {}
    for actor, group in zip(ids, partition.groups):
        groups.setdefault(group, []).append(actor)
    degree = {i: 0.0 for i in ids}
    for e in edges:
        degree[e.source] += e.positive + e.negative
        degree[e.target] += e.positive + e.negative
    ordered = sorted(groups.values(), key=lambda members: (-sum(degree[m] for m in members), -len(members), min(members)))
    number_of, factions = {}, []
    for number, members in enumerate(ordered, start=1):
        inside = set(members)
        internal = [e for e in edges if e.source in inside and e.target in inside]
        factions.append(Faction(
            number=number, members=tuple(sorted(members, key=lambda m: (-degree[m], m))),
            positive=sum(e.positive for e in internal), negative=sum(e.negative for e in internal),
        ))
        number_of.update(dict.fromkeys(members, number))
    return number_of, tuple(factions)


def balance_stats(ids: list[str], edges: Iterable[NetworkEdge], faction_of: dict[str, int],
                  alpha: float = ALPHA) -> tuple[float, float]:
    """(frustration, balance) of a partition: alpha-weighted weight it contradicts, and the
    share of all edge weight it agrees with (1 = perfectly balanced)."""
    inside_negative = between_positive = total = 0.0
    for e in edges:
        total += e.positive + e.negative
        if faction_of[e.source] == faction_of[e.target]:
            inside_negative += e.negative
        else:
            between_positive += e.positive
    frustration = alpha * inside_negative + (1 - alpha) * between_positive
    return frustration, 1.0 if total == 0 else 1.0 - (inside_negative + between_positive) / total


def _chains(links: tuple[Backing, ...]) -> tuple[ProxyChain, ...]:
    """Backing passed down two or more links (Iran -> Hezbollah -> a local militia).

    Chains inside a longer listed chain are left out; at most MAX_CHAINS, heaviest first.
    """
    clients: dict[str, list[Backing]] = {}
    for link in links:
        clients.setdefault(link.patron, []).append(link)
    found: list[tuple[tuple[str, ...], float]] = []

    def walk(path: tuple[str, ...], weakest: float) -> None:
        if len(path) >= 3:
            found.append((path, weakest))
        if len(path) > MAX_CHAIN_LINKS:
            return
        for link in sorted(clients.get(path[-1], []), key=lambda b: b.client):
            if link.client not in path:
                walk(path + (link.client,), min(weakest, link.weight))

    for patron in sorted(clients):
        walk((patron,), math.inf)
    paths = {path for path, _ in found}

    def inside_longer(path: tuple[str, ...]) -> bool:
        size = len(path)
        return any(len(other) > size and any(other[i:i + size] == path for i in range(len(other) - size + 1))
                   for other in paths)

    kept = [ProxyChain(actors=path, weight=weight) for path, weight in found if not inside_longer(path)]
    return tuple(sorted(kept, key=lambda c: (-c.weight, -len(c.actors), c.actors))[:MAX_CHAINS])


def _conflicts(links: tuple[Backing, ...], edges: tuple[NetworkEdge, ...]) -> tuple[ProxyConflict, ...]:
    """Pairs who fight (net negative edge) while different patrons back each of them."""
    patrons: dict[str, set[str]] = {}
    for link in links:
        patrons.setdefault(link.client, set()).add(link.patron)
    hostile = {(e.source, e.target) for e in edges if e.sign < 0}
    found = []
    for e in edges:
        if e.sign >= 0:
            continue
        sides = {e.source, e.target}
        backers_a = sorted(patrons.get(e.source, set()) - sides)
        backers_b = sorted(patrons.get(e.target, set()) - sides)
        pairs = [(a, b) for a in backers_a for b in backers_b if a != b]
        if not pairs:
            continue
        found.append(ProxyConflict(
            side_a=e.source, side_b=e.target, patrons_a=tuple(backers_a), patrons_b=tuple(backers_b),
            weight=-e.weight, patrons_hostile=any(tuple(sorted(p)) in hostile for p in pairs),
        ))
    return tuple(sorted(found, key=lambda c: (-c.weight, c.side_a, c.side_b)))


def _centrality(ids: list[str], edges: tuple[NetworkEdge, ...]) -> dict[str, tuple[float, float]]:
    """(betweenness, PageRank) of every actor."""
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    # A strong tie is a short distance: brokers between heavy blocs rank high.
    graph.add_edges_from((e.source, e.target, {"distance": 1 / abs(e.weight)}) for e in edges if e.weight)
    sample = BETWEENNESS_SAMPLE if len(ids) > BETWEENNESS_SAMPLE else None
    betweenness = nx.betweenness_centrality(graph, k=sample, weight="distance", seed=0 if sample else None)
    rank = _pagerank(ids, edges)
    return {i: (float(betweenness.get(i, 0.0)), rank[i]) for i in ids}


def _pagerank(ids: list[str], edges: tuple[NetworkEdge, ...], rounds: int = 100) -> dict[str, float]:
    """PageRank on the positive edges (undirected, weighted by net weight).

    NumPy power iteration rather than networkx.pagerank, which needs SciPy (~40 MB) for
    what is a few lines here. Actors with no positive edge spread their rank evenly.
    """
    n = len(ids)
    if n == 0:
        return {}
    index = {actor: k for k, actor in enumerate(ids)}
    weights = np.zeros((n, n))
    for e in edges:
        if e.weight > 0:
            weights[index[e.source], index[e.target]] = weights[index[e.target], index[e.source]] = e.weight
    out = weights.sum(axis=1)
    dangling = out == 0
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=~dangling[:, None])
    rank = np.full(n, 1 / n)
    for _ in range(rounds):
        new = PAGERANK_DAMPING * (rank @ transition + rank[dangling].sum() / n) + (1 - PAGERANK_DAMPING) / n
        if np.abs(new - rank).sum() < 1e-10:
            rank = new
            break
        rank = new
    return {actor: float(rank[index[actor]]) for actor in ids}


from .network_export import summary_text, to_dot, to_json, write_gexf, write_graphml  # noqa: E402  (re-exported)

__all__ = [
    "AllianceNetwork", "Backing", "ClaimCounts", "Faction", "NetworkEdge", "NetworkNode", "ProxyChain",
    "ProxyConflict", "balance_stats", "build_network", "summary_text", "to_dot", "to_json", "write_gexf",
    "write_graphml",
]
