"""``Faultlines.network``: the alliance network of an open database.

Reads the window's claims and what the catalogue and the store know of each actor (its
name, kind and the top-level actor it rolls up into), leaves out claims that say nothing
about alignment (``counts_for_alignment``), and hands the rest to the pure
``network.build_network``. It keeps no state and writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..values import Claim
from .network import AllianceNetwork, build_network

if TYPE_CHECKING:
    from ..api import Faultlines

ROWS_PER_QUERY = 500   # ids per SQL IN (...): well under SQLite's variable limit


def network_of(
    db: Faultlines,
    *,
    since: str | None = None,
    until: str | None = None,
    rollup: bool = True,
    min_sources: int = 1,
) -> AllianceNetwork:
    """The alliance network of the claims stored in ``db`` for [since, until].

    ``rollup`` merges every actor into its top-level actor (USA.MIL and anon:USA.MIL into
    USA, a discovered commander into his group's top actor); without it, sub-bodies stay
    apart.
    """
    claims = db.claims(since=since, until=until)
    directory = _ActorDirectory(db, {a for c in claims for a in (c.source_actor_id, c.target_actor_id)})
    claims = [c for c in claims if counts_for_alignment(c, directory.kind)]
    return build_network(
        claims, since=since, until=until, parent_of=directory.top_level if rollup else None,
        name_of=directory.name, kind_of=directory.kind, min_sources=min_sources,
    )


def counts_for_alignment(claim: Claim, kind_of) -> bool:
    """Whether a claim is evidence of who stands with whom.

    Left out: claims about generic names ("civilians", "rebels", "militants" name no one
    in particular) or about news outlets (a dateline misread as an actor), and allegations nobody states in their own voice that someone
    contradicts (Moscow saying the US aids ISIS, denied by the coalition, makes the US
    and ISIS no allies). Such claims stay listed by ``faultlines claims`` and ``contested``.
    """
    kinds = (kind_of(claim.source_actor_id), kind_of(claim.target_actor_id))
    if set(kinds) & {"generic", "outlet", "media outlet"}:
        return False
    return bool(claim.own_voice) or not claim.contradicted_by


class _ActorDirectory:
    """Names, kinds and parents of the actors in a set of claims, read once.

    Catalogue actors come from the catalogue; actors found in text (``anon:USA.MIL``,
    ``person:...``, ``org:...``) from the store, whose ``parent_id`` links them to the
    catalogue actor they belong to.
    """

    def __init__(self, db: Faultlines, actor_ids: set[str]):
        self.catalogue = db.catalogue
        self.rows: dict[str, dict] = {}
        wanted = {a for a in actor_ids if a not in self.catalogue}
        while wanted:  # a discovered actor's parent may be discovered too
            ids = sorted(wanted)
            for start in range(0, len(ids), ROWS_PER_QUERY):
                for row in db.store.actor_rows(ids=ids[start:start + ROWS_PER_QUERY]):
                    self.rows[row["id"]] = row
            wanted = {row["parent_id"] for row in self.rows.values()
                      if row.get("parent_id") and row["parent_id"] not in self.catalogue
                      and row["parent_id"] not in self.rows}
            wanted -= set(ids)  # a parent the store does not hold: stop there

    def top_level(self, actor_id: str) -> str:
        """The actor at the top of the actor's parents (USA.MIL.CENTCOM -> USA)."""
        seen: set[str] = set()
        current = actor_id
        while current not in seen:
            seen.add(current)
            if current in self.catalogue:
                ancestors = self.catalogue.ancestors(current)
                return ancestors[-1].id if ancestors else current
            parent = (self.rows.get(current) or {}).get("parent_id")
            if not parent:
                return current
            current = parent
        return current

    def name(self, actor_id: str) -> str | None:
        actor = self.catalogue.get(actor_id)
        if actor is not None:
            return actor.name
        return (self.rows.get(actor_id) or {}).get("name")

    def kind(self, actor_id: str) -> str | None:
        actor = self.catalogue.get(actor_id)
        if actor is not None:
            return actor.kind
        return (self.rows.get(actor_id) or {}).get("kind")
