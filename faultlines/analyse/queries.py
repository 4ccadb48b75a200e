"""The cross-article layer over an open database: what ``Faultlines.claims``,
``.contested``, ``.timeline``, ``.sources`` and ``.copies`` return.

Reads the stored statements once per database state, finds syndicated copies, builds
claims and disputes, and caches them until new articles or statements arrive. The
analysis itself lives in the pure modules next to this one (claims, contested, timeline,
sources, syndication); this module only feeds them from the store and filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import FaultlinesError
from ..export import doc_name
from ..extract.lexicon import FORMER_TIE
from ..values import ASSERTER_KINDS, Attribution, Claim, Dispute, Evidence
from .claims import DEFAULT_WINDOW_DAYS, build_claims, coarse_type, day
from .contested import find_disputes
from .sources import UNKNOWN_OUTLET, SourceProfile, source_profiles
from .syndication import ArticleText, copies, syndication_groups
from .timeline import Timeline, build_timeline

if TYPE_CHECKING:
    from ..api import Faultlines

DISPUTE_KINDS = ("denial", "alignment", "blame", "allegation")
POLARITIES = ("asserted", "denied")


@dataclass(frozen=True)
class Analysis:
    """Claims and disputes of one database state, for one window size."""

    groups: dict[int, int]
    claims: tuple[Claim, ...]
    disputes: tuple[Dispute, ...]


def analysis(db: "Faultlines", window_days: int = DEFAULT_WINDOW_DAYS) -> Analysis:
    """Claims and disputes of the whole database, cached until the data changes."""
    if window_days < 0:
        raise FaultlinesError("the window must be 0 or more days")
    cache = db.analysis_cache
    key = (db.store.data_version(), window_days)
    found = cache.get(key)  # read once: another thread (the web app) may clear the cache
    if found is None:
        cache.clear()
        groups = syndication_groups(ArticleText(r["id"], r["text"], r["published"]) for r in db.store.article_texts())
        evidence = [_evidence(row, groups) for row in db.store.evidence_rows()]
        camps = _Camps(db)
        claims = tuple(build_claims(evidence, window_days=window_days, same_actor=camps.same_actor))
        disputes = tuple(find_disputes(claims, name_of=db.actor_name, window_days=window_days,
                                       same_side=camps.same_side, same_actor=camps.same_actor,
                                       kind_of=camps.kind))
        found = cache[key] = Analysis(groups, claims, disputes)
    return found


def _evidence(row: dict, groups: dict[int, int]) -> Evidence:
    return Evidence(
        statement_id=row["id"], article_id=row["article_id"],
        syndication_group=groups.get(row["article_id"], row["article_id"]),
        source_actor_id=row["source_actor_id"], target_actor_id=row["target_actor_id"],
        doc=doc_name(row["path"], row["key"]), sentence=row["sentence"], start=row["start"], end=row["end"],
        type=row["type"], status=row["status"],
        asserted_by=Attribution(kind=row["asserted_by_kind"], actor_id=row["asserted_by_actor_id"],
                                name=row["asserted_by_name"], cue=row["attribution_cue"]),
        outlet=row["outlet"], published=row["published"], date=row["date"], place=row["place"],
        former=row["extractor"].endswith(FORMER_TIE),
    )


# Catalogue relations that put two actors in one camp, and those that make one actor
# answer for the other (the coalition the US leads).
CAMP_RELATIONS = frozenset({"LEADS", "ALLIED_WITH", "BACKS", "MEMBER_OF"})
ANSWERS_FOR = frozenset({"LEADS"})


class _Camps:
    """Which actors are one camp: the same top-level actor, a person's organisation, or
    a catalogue tie (the coalition the US leads)."""

    def __init__(self, db: "Faultlines"):
        self.db = db
        self.catalogue = db.catalogue
        rows = db.store.actor_rows()
        self.parents = {r["id"]: r["parent_id"] for r in rows if r["parent_id"]}
        self.kinds = {r["id"]: r["kind"] for r in rows}
        self.ties: dict[str, set[str]] = {}
        self.leads: dict[str, set[str]] = {}
        for relation in self.catalogue.relations():
            if relation.type in CAMP_RELATIONS:
                self.ties.setdefault(relation.source, set()).add(relation.target)
                self.ties.setdefault(relation.target, set()).add(relation.source)
            if relation.type in ANSWERS_FOR:
                self.leads.setdefault(relation.source, set()).add(relation.target)
                self.leads.setdefault(relation.target, set()).add(relation.source)
        self._lines: dict[str, frozenset[str]] = {}
        self._camp: dict[str, frozenset[str]] = {}

    def camp(self, actor_id: str) -> frozenset[str]:
        """The actor's line up to the top, and the lines of the bodies its roles are in."""
        if actor_id not in self._camp:
            ids = set(self.line(actor_id))
            for known in list(ids):
                if known in self.catalogue:
                    for role in self.catalogue.roles(known):
                        ids |= self.line(role.member_of)
            self._camp[actor_id] = frozenset(ids)
        return self._camp[actor_id]

    def line(self, actor_id: str) -> frozenset[str]:
        """The actor and its parents up to the top (USA.MIL.CENTCOM, USA.MIL, USA)."""
        if actor_id not in self._lines:
            ids = {actor_id}
            if actor_id not in self.catalogue and self.parents.get(actor_id):
                ids.add(self.parents[actor_id])
            for known in list(ids):
                if known in self.catalogue:
                    ids |= {a.id for a in self.catalogue.ancestors(known)}
            self._lines[actor_id] = frozenset(ids)
        return self._lines[actor_id]

    def kind(self, actor_id: str) -> str | None:
        """The actor's kind, from the catalogue or as stored for actors found in text."""
        actor = self.catalogue.get(actor_id)
        return actor.kind if actor is not None else self.kinds.get(actor_id)

    def same_actor(self, first: str, second: str) -> bool:
        """One actor under two names: one is the other's parent (the US and its military,
        Russia and 'Russian officials') or leads it (the US and the US-led coalition).
        Two bodies of one state that are not each other's parent stay apart."""
        if first == second:
            return True
        a, b = self.line(first), self.line(second)
        if first in b or second in a:
            return True
        return any(self.leads.get(x, set()) & b for x in a)

    def same_side(self, first: str, second: str) -> bool:
        a, b = self.camp(first), self.camp(second)
        return bool(a & b) or any(self.ties.get(actor_id, set()) & b for actor_id in a)


def claims(db: "Faultlines", *, actor=None, type=None, by=None, polarity=None, since=None, until=None,  # noqa: A002
           contested=False, min_sources=1, window_days=DEFAULT_WINDOW_DAYS, limit=None) -> list[Claim]:
    """Claims, filtered; see ``Faultlines.claims`` (dates here are ISO days)."""
    if polarity and polarity not in POLARITIES:
        raise FaultlinesError(f"unknown polarity '{polarity}': use asserted or denied")
    if min_sources < 1:
        raise FaultlinesError("min_sources must be 1 or more")
    result = analysis(db, window_days)
    selected = list(result.claims)
    if actor:
        ids = set(db._actor_ids(actor))
        selected = [c for c in selected if c.source_actor_id in ids or c.target_actor_id in ids]
    if type:
        wanted = {coarse_type(t) for t in ([type] if isinstance(type, str) else type)}
        selected = [c for c in selected if c.type in wanted]
    if by:
        by_ids = set() if by.lower() in ASSERTER_KINDS else set(db._actor_ids(by))
        selected = [c for c in selected if any(_asserted_by(e, by, by_ids) for e in c.evidence)]
    if polarity:
        selected = [c for c in selected if c.polarity == polarity]
    if since or until:
        selected = [c for c in selected if _in_window(c, since, until)]
    if contested:
        disputed = {cid for d in result.disputes for side in d.sides for cid in side.claim_ids}
        selected = [c for c in selected if c.id in disputed]
    selected = [c for c in selected if c.independent_sources >= min_sources]
    return selected[:limit] if limit else selected


def _asserted_by(item: Evidence, by: str, ids: set[str]) -> bool:
    if by.lower() in ASSERTER_KINDS:
        return item.asserted_by.kind == by.lower()
    return item.asserted_by.actor_id in ids


def _in_window(claim: Claim | Dispute, start: str | None, end: str | None) -> bool:
    """Whether a claim's span meets [start, end] (ISO days, None for open); undated ones always do."""
    first, last = day(claim.first_seen), day(claim.last_seen, end=True)
    if first is None:
        return True
    return (end is None or first <= day(end)) and (start is None or last >= day(start))


def disputes(db: "Faultlines", *, actor=None, kind=None, since=None, until=None,
             window_days=DEFAULT_WINDOW_DAYS, limit=None) -> list[Dispute]:
    """Contested claims, most disputed first; see ``Faultlines.contested``."""
    if kind and kind not in DISPUTE_KINDS:
        raise FaultlinesError(f"unknown kind '{kind}': use one of {', '.join(DISPUTE_KINDS)}")
    result = list(analysis(db, window_days).disputes)
    if kind:
        result = [d for d in result if d.kind == kind]
    if actor:
        ids = set(db._actor_ids(actor))
        result = [d for d in result if any(
            e.source_actor_id in ids or e.target_actor_id in ids for side in d.sides for e in side.evidence)]
    if since or until:
        result = [d for d in result if _in_window(d, since, until)]
    return result[:limit] if limit else result


def timeline(db: "Faultlines", actor: str, *, window_days=DEFAULT_WINDOW_DAYS) -> Timeline:
    """The actor's timeline; see ``Faultlines.timeline``."""
    found = db.resolve_actor_name(actor)
    if len(found) > 1 and actor not in found:
        raise FaultlinesError(f"'{actor}' names several actors ({', '.join(found)}): give one id")
    view = db.actor(found[0])
    actor_id = view.actor.id
    ids = [actor_id] + [i for i in db._actor_ids(actor_id) if i != actor_id]
    roles = [r for r in view.roles if r.get("source") == "catalogue"]
    return build_timeline(ids, analysis(db, window_days).claims, roles=roles, is_former=_is_former)


def _is_former(claim: Claim) -> bool:
    """A membership that every piece of evidence states as a past tie ("the former rebel
    commander", "ex-ISIS fighters"): the extractor marks those, and they are no current
    affiliation."""
    return all(item.former for item in claim.evidence)


def sources(db: "Faultlines", *, outlet: str | None = None, window_days=DEFAULT_WINDOW_DAYS) -> list[SourceProfile]:
    """Source profiles; see ``Faultlines.sources``."""
    result = analysis(db, window_days)
    counts = {name or UNKNOWN_OUTLET: n for name, n in db.store.outlet_counts().items()}
    profiles = source_profiles(result.claims, result.disputes, counts)
    if outlet:
        profiles = [p for p in profiles if p.outlet.lower() == outlet.lower()]
        if not profiles:
            known = ", ".join(sorted(counts)) or "none stored"
            raise FaultlinesError(f"no outlet '{outlet}' (outlets: {known})")
    return profiles


def syndicated_copies(db: "Faultlines") -> list[dict]:
    """Groups of articles that are copies of one story, earliest first."""
    result = analysis(db)
    articles = {a.id: a for a in db.store.articles(all_versions=False)}
    return [
        {"group": group, "articles": [
            {"id": i, "outlet": articles[i].outlet, "published": articles[i].published, "title": articles[i].title}
            for i in ids if i in articles]}
        for group, ids in sorted(copies(result.groups).items())
    ]
