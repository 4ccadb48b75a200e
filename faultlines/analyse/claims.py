"""Merge stored statements from many articles into claims.

A claim is what several statements say alike: the same source actor, coarse type, target
actor and polarity (asserted or denied), seen within a time window. Events merge when
each is within ``window_days`` of the claim's last sighting (so a strike reported on
Monday and again on Thursday is one claim, and the same kind of strike a season later is
another); standing relations (BACKS, MEMBER_OF...) hold over time and merge whatever their
dates. Every piece of evidence is kept.

Hypothetical statements are not claims (ANNOTATION.md: a hypothetical asserts nothing),
so they are left out here; they stay queryable as statements.

This module is pure: it takes Evidence values and returns Claim values. Reading them from
the store is the API's job.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from types import MappingProxyType

from ..statement_types import type_table
from ..values import Claim, Evidence, StatementKind

# Neighbours that are a reasonable choice for each other share a class (faultlines/types.yaml).
COARSE_TYPES = type_table().class_map("claim_class")
# Said of both sides alike: "A and B agreed" is the same claim as "B and A agreed".
SYMMETRIC_TYPES = type_table().symmetric_claim_classes()
RELATION_TYPES = type_table().relations
DEFAULT_WINDOW_DAYS = 30

ClaimKey = tuple[str, str, str]   # (source, coarse type, target)
SameActor = Callable[[str, str], bool]


def coarse_type(type_: str) -> str:
    """The class a statement type falls in: BACKS -> SUPPORT, HOSTILE_TO -> ASSAULT."""
    name = (type_ or "").upper()
    return COARSE_TYPES.get(name, name)


def claim_key(source: str, type_: str, target: str) -> ClaimKey:
    """The (source, coarse type, target) a statement says; symmetric types in a fixed order."""
    coarse = coarse_type(type_)
    if coarse in SYMMETRIC_TYPES and target < source:
        source, target = target, source
    return source, coarse, target


def polarity_of(status: str) -> str | None:
    """asserted for facts and opinions, denied for negations, None for hypotheticals."""
    return {"fact": "asserted", "opinion": "asserted", "negated": "denied"}.get(status)


def day(value: str | None, *, end: bool = False) -> date | None:
    """A date of day, month or year granularity as its first (or last) day."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            if not end:
                return first
            return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def build_claims(evidence: Iterable[Evidence], *, window_days: int = DEFAULT_WINDOW_DAYS,
                 same_actor: SameActor | None = None) -> list[Claim]:
    """Group evidence into claims, and name for each who asserts the opposite polarity.

    ``same_actor(a, b)`` says whether two ids name one actor for the purpose of a denial
    (the coalition denies what Moscow says the US did); exact ids only without it.
    Returns claims ordered by first sighting.
    """
    if window_days < 0:
        raise ValueError("window_days must be 0 or more")
    groups: dict[tuple[ClaimKey, str], list[Evidence]] = {}
    for item in evidence:
        polarity = polarity_of(item.status)
        if polarity is None:
            continue
        groups.setdefault((claim_key(item.source_actor_id, item.type, item.target_actor_id), polarity), []).append(item)
    claims: list[Claim] = []
    for (key, polarity), items in groups.items():
        standing = all(i.type in RELATION_TYPES for i in items)
        for run in _runs(items, None if standing else window_days):
            claims.append(_claim(key, polarity, run))
    claims = _with_contradictions(claims, window_days, same_actor)
    return sorted(claims, key=lambda c: (c.first_seen or "9999", c.id))


def _runs(items: Sequence[Evidence], window_days: int | None) -> list[list[Evidence]]:
    """Split one key's evidence into runs whose sightings are at most a window apart.

    Undated evidence joins the first run: with no date it cannot start a claim of its own.
    """
    ordered = sorted(items, key=_order)
    if window_days is None:
        return [ordered]
    runs: list[list[Evidence]] = []
    last_end: date | None = None
    undated = [i for i in ordered if day(i.when) is None]
    for item in (i for i in ordered if day(i.when) is not None):
        start, end = day(item.when), day(item.when, end=True)
        if runs and last_end is not None and (start - last_end).days <= window_days:
            runs[-1].append(item)
            last_end = max(last_end, end)
        else:
            runs.append([item])
            last_end = end
    if not runs:
        return [undated]
    runs[0][:0] = undated
    return runs


def _order(item: Evidence) -> tuple:
    return (item.when or "9999", item.published or "9999", item.article_id, item.start, item.statement_id)


def _claim(key: ClaimKey, polarity: str, items: list[Evidence]) -> Claim:
    source, coarse, target = key
    whens = [i.when for i in items if i.when]
    first = min(items, key=lambda i: i.statement_id)
    digest = hashlib.sha1(f"{source}|{coarse}|{target}|{polarity}|{first.statement_id}".encode()).hexdigest()
    kind: StatementKind = "relation" if all(i.type in RELATION_TYPES for i in items) else "event"
    return Claim(
        id=digest[:10], source_actor_id=source, target_actor_id=target, type=coarse, kind=kind,
        polarity=polarity,  # type: ignore[arg-type]
        first_seen=min(whens, key=lambda w: (day(w) or date.max)) if whens else None,
        last_seen=max(whens, key=lambda w: (day(w, end=True) or date.min)) if whens else None,
        evidence=tuple(sorted(items, key=_order)),
    )


def overlaps(first: Claim, second: Claim, slack_days: int = 0) -> bool:
    """Whether two claims' spans meet, allowing ``slack_days`` between them; undated meets all."""
    a0, a1 = day(first.first_seen), day(first.last_seen, end=True)
    b0, b1 = day(second.first_seen), day(second.last_seen, end=True)
    if None in (a0, a1, b0, b1):
        return True
    slack = timedelta(days=slack_days)
    return a0 <= b1 + slack and b0 <= a1 + slack


def opposes(claim: Claim, other: Claim, window_days: int, same_actor: SameActor | None = None) -> bool:
    """Whether ``other`` says the opposite of ``claim``: the other polarity, the same type,
    the same actors (or, with ``same_actor``, one actor under two names: "the US" and
    "the US-led coalition"), in the same window (standing relations: at any time)."""
    if claim.polarity == other.polarity or claim.type != other.type:
        return False
    same = same_actor or (lambda a, b: a == b)
    pairs = [(other.source_actor_id, other.target_actor_id)]
    if claim.type in SYMMETRIC_TYPES:
        pairs.append((other.target_actor_id, other.source_actor_id))
    if not any(same(claim.source_actor_id, s) and same(claim.target_actor_id, t) for s, t in pairs):
        return False
    return claim.kind == "relation" or overlaps(claim, other, window_days)


def _with_contradictions(claims: list[Claim], window_days: int, same_actor: SameActor | None) -> list[Claim]:
    by_type: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        by_type.setdefault((claim.type, claim.polarity), []).append(claim)
    result = []
    for claim in claims:
        other_polarity = "denied" if claim.polarity == "asserted" else "asserted"
        opposite = [c for c in by_type.get((claim.type, other_polarity), ())
                    if opposes(claim, c, window_days, same_actor)]
        names = tuple(dict.fromkeys(name for c in opposite for name in c.asserters))
        result.append(claim if not names else replace(claim, contradicted_by=names))
    return result
