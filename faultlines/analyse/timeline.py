"""One actor's story over time: memberships, backers, enemies and events, in order.

Built from claims (so each line carries how many independent sources say it) and from
roles the catalogue or the articles give the actor. A loyalty switch reads in order:
pledged to ISIS (2014), then a rebel brigade (2015), then the SDF (June 2017).

The current affiliation is the membership that started last, among those asserted and
not marked as former; on the same date, the one told later in the article wins ("had
initially pledged allegiance to ISIS, but later switched to HTS"). It does not guess
memberships the sources do not state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..values import Claim
from .claims import day

# How a claim reads from the actor's side: (coarse type, actor is source) -> relation.
_RELATIONS = {
    ("MEMBER", True): "member of", ("MEMBER", False): "has member",
    ("SUPPORT", True): "backs", ("SUPPORT", False): "backed by",
    ("ALLY", True): "allied with", ("ALLY", False): "allied with",
    ("ASSAULT", True): "fights", ("ASSAULT", False): "fought by",
}
ENEMY_RELATIONS = frozenset({"fights", "fought by"})


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a timeline: the actor's relation to another actor, from when, on whose word."""

    when: str | None
    until: str | None
    relation: str                  # member of, backed by, backs, fights, or the event type
    other_actor_id: str
    type: str
    polarity: str                  # asserted | denied
    sources: int                   # independent stories
    asserters: tuple[str, ...]
    claim_id: str | None = None    # None for catalogue roles
    former: bool = False           # the text calls it a former tie ("the former rebel commander")
    origin: str = "articles"       # articles | catalogue


@dataclass(frozen=True)
class Timeline:
    actor_id: str
    entries: tuple[TimelineEntry, ...]
    current_affiliations: tuple[TimelineEntry, ...]

    @property
    def memberships(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.relation == "member of")

    @property
    def backers(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.relation == "backed by" and e.polarity == "asserted")

    @property
    def enemies(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.relation in ENEMY_RELATIONS and e.polarity == "asserted")


def build_timeline(actor_ids: Sequence[str], claims: Iterable[Claim], *, roles: Iterable[dict] = (),
                   is_former: Callable[[Claim], bool] = lambda claim: False) -> Timeline:
    """The timeline of the actor whose ids (itself and the bodies under it) are given.

    ``roles`` are catalogue roles as ``{"role", "member_of", "from", "until"}``;
    ``is_former`` says whether a membership claim is only stated as a past tie.
    """
    ids = set(actor_ids)
    entries: list[tuple[tuple, TimelineEntry]] = []
    for claim in claims:
        is_source = claim.source_actor_id in ids
        if not is_source and claim.target_actor_id not in ids:
            continue
        other = claim.target_actor_id if is_source else claim.source_actor_id
        if other in ids:
            continue   # the actor's own bodies among themselves
        relation = _RELATIONS.get((claim.type, is_source), claim.type.lower() if is_source else f"{claim.type.lower()} by")
        entry = TimelineEntry(
            when=claim.first_seen, until=claim.last_seen, relation=relation, other_actor_id=other,
            type=claim.type, polarity=claim.polarity, sources=claim.independent_sources,
            asserters=claim.asserters, claim_id=claim.id,
            former=relation == "member of" and is_former(claim),
        )
        first = claim.evidence[0]
        entries.append(((day(entry.when) or date.max, first.published or "", first.article_id, first.start,
                         first.statement_id), entry))
    for role in roles:
        entry = TimelineEntry(
            when=role.get("from"), until=role.get("until"), relation="member of",
            other_actor_id=role["member_of"], type=f"MEMBER ({role.get('role')})", polarity="asserted",
            sources=0, asserters=("catalogue",), origin="catalogue",
        )
        entries.append(((day(entry.when) or date.max, "", 0, 0, 0), entry))
    entries.sort(key=lambda pair: pair[0])
    ordered = tuple(entry for _, entry in entries)
    return Timeline(actor_id=actor_ids[0], entries=ordered, current_affiliations=_current(entries))


def _current(entries: list[tuple[tuple, TimelineEntry]]) -> tuple[TimelineEntry, ...]:
    """The latest-started membership still in force; catalogue roles with an end date are over."""
    live = [(key, e) for key, e in entries
            if e.relation == "member of" and e.polarity == "asserted" and not e.former
            and not (e.origin == "catalogue" and e.until)]
    dated = [(key, e) for key, e in live if key[0] != date.max]
    live = dated or live   # an undated tie cannot outrank a dated one
    if not live:
        return ()
    latest_key = max(key for key, _ in live)
    latest_day = latest_key[0]
    # Catalogue roles held at once (spokesman of the ministry and member of the army) all count.
    return tuple(e for key, e in live if key == latest_key or (e.origin == "catalogue" and key[0] == latest_day))
