"""Find contested claims: where sources disagree, with each side and its sources.

Four kinds of disagreement, from the claims that ``claims.build_claims`` made:

- ``denial``: one source asserts a claim, another denies the same claim in the same window
  ("Russian jets struck the SDF" / "the ministry denied any strike on the SDF").
- ``alignment``: one says X backs or allies with Y, another that X fights Y, in the same
  window, and the two sides are asserted by different sources.
- ``blame``: sources name different perpetrators, not of one camp, of an attack on the
  same target within a few days, with different asserters, and either both name the same
  place or neither does and someone denies one of them: the classic "activists blame
  Russian jets, Moscow blames the coalition".
- ``allegation``: one outlet states a claim in its own voice while another only reports it
  as somebody's claim. The weakest kind, ranked below the others.

Disputes are ordered by ``weight``: the independent sources on the weaker side first
(a dispute needs two sides), then all sources. It does not judge who is right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from ..statement_types import type_table
from ..values import Claim, Dispute, DisputeSide, Evidence
from .claims import SameActor, day, opposes, overlaps

# Coarse types that put two actors on one side, and the one that puts them at war.
ALIGNED_TYPES = type_table().claim_classes(alignment="aligned")
HOSTILE_TYPES = type_table().claim_classes(alignment="opposed")
NO_ALIGNMENT = frozenset({"generic"})
OUTLETS = frozenset({"outlet", "media outlet"})
BLAME_DAYS = 3          # "the same attack": reported within this many days of each other
KIND_FACTOR = {"denial": 1.0, "blame": 1.0, "alignment": 1.0, "allegation": 0.5}

NameOf = Callable[[str], str]
SameSide = Callable[[str, str], bool]


def find_disputes(claims: Sequence[Claim], *, name_of: NameOf = str, window_days: int = 30,
                  same_side: SameSide = lambda a, b: False, same_actor: SameActor | None = None,
                  kind_of: Callable[[str], str | None] = lambda actor_id: None) -> list[Dispute]:
    """Every dispute among the claims, most disputed first.

    ``same_side(a, b)`` says whether two actors are one camp (a state and its army, a
    coalition and the state leading it, a president and his government): naming both as
    attackers is no dispute over who attacked. ``same_actor`` is the narrower test for
    denials (see ``claims.opposes``). ``kind_of(actor)`` gives an actor's kind: generic
    names ("civilians") take no part in alignment disputes (whether the army helps or
    shells civilians is no question of alignment), and news outlets none in any dispute
    about acts (an outlet named as an attacker is a misread dateline).
    """
    disputes = [*_denials(claims, name_of, window_days, same_actor), *_alignments(claims, name_of, window_days, kind_of),
                *_blames(claims, name_of, same_side, kind_of), *_allegations(claims, name_of)]
    return sorted(disputes, key=lambda d: (-d.weight, d.first_seen or "9999", d.id))


def _dispute(kind: str, subject: str, anchor: Claim, sides: list[DisputeSide], claims: Iterable[Claim]) -> Dispute:
    claims = list(claims)
    firsts = [c.first_seen for c in claims if c.first_seen]
    lasts = [c.last_seen for c in claims if c.last_seen]
    weakest = min(side.independent_sources for side in sides)
    total = len({e.syndication_group for side in sides for e in side.evidence})
    digest = hashlib.sha1(f"{kind}|{'|'.join(sorted(c.id for c in claims))}".encode()).hexdigest()
    return Dispute(
        id=digest[:10], kind=kind, subject=subject,  # type: ignore[arg-type]
        source_actor_id=anchor.source_actor_id, target_actor_id=anchor.target_actor_id, type=anchor.type,
        first_seen=min(firsts, key=lambda w: day(w)) if firsts else None,
        last_seen=max(lasts, key=lambda w: day(w, end=True)) if lasts else None,
        sides=tuple(sides), weight=round(KIND_FACTOR[kind] * (weakest + 0.1 * total), 3),
    )


def _side(says: str, claims: Iterable[Claim], evidence: Iterable[Evidence] | None = None) -> DisputeSide:
    claims = list(claims)
    items = tuple(evidence) if evidence is not None else tuple(e for c in claims for e in c.evidence)
    return DisputeSide(says=says, claim_ids=tuple(c.id for c in claims), evidence=items)


def _phrase(claim: Claim, name_of: NameOf) -> str:
    return f"{name_of(claim.source_actor_id)} {claim.type} {name_of(claim.target_actor_id)}"


def _denials(claims: Sequence[Claim], name_of: NameOf, window_days: int, same_actor: SameActor | None) -> Iterable[Dispute]:
    denied = [c for c in claims if c.polarity == "denied"]
    for claim in (c for c in claims if c.polarity == "asserted"):
        against = [d for d in denied if opposes(claim, d, window_days, same_actor)]
        if against:
            yield _dispute("denial", _phrase(claim, name_of), claim,
                           [_side("asserts", [claim]), _side("denies", against)], [claim, *against])


def _alignments(claims: Sequence[Claim], name_of: NameOf, window_days: int,
                kind_of: Callable[[str], str | None]) -> Iterable[Dispute]:
    asserted = [c for c in claims if c.polarity == "asserted"
                and not {kind_of(c.source_actor_id), kind_of(c.target_actor_id)} & (NO_ALIGNMENT | OUTLETS)]
    pairs: dict[frozenset, list[Claim]] = {}
    for claim in asserted:
        if claim.type in ALIGNED_TYPES | HOSTILE_TYPES and claim.source_actor_id != claim.target_actor_id:
            pairs.setdefault(frozenset((claim.source_actor_id, claim.target_actor_id)), []).append(claim)
    for group in pairs.values():
        friends = [c for c in group if c.type in ALIGNED_TYPES]
        enemies = [c for c in group if c.type in HOSTILE_TYPES]
        for friend in friends:
            rivals = [e for e in enemies if overlaps(friend, e, window_days)
                      and not set(e.asserters) <= set(friend.asserters)
                      and not set(friend.asserters) <= set(e.asserters)]
            if rivals:
                a, b = name_of(friend.source_actor_id), name_of(friend.target_actor_id)
                yield _dispute("alignment", f"{a} and {b}: allies or enemies?", friend,
                               [_side(_phrase(friend, name_of), [friend]),
                                _side(" / ".join(dict.fromkeys(_phrase(r, name_of) for r in rivals)), rivals)],
                               [friend, *rivals])


def _blames(claims: Sequence[Claim], name_of: NameOf, same_side: SameSide,
            kind_of: Callable[[str], str | None]) -> Iterable[Dispute]:
    """Pairs of attack claims on one target whose evidence tells of the same attack:
    reported within BLAME_DAYS of each other (day dates only: "in 2016" is no incident),
    at the same place, or, where neither names a place, with one side denied."""
    attacks = [c for c in claims if c.polarity == "asserted" and c.type in HOSTILE_TYPES and c.kind == "event"
               and kind_of(c.source_actor_id) not in OUTLETS]
    by_target: dict[str, list[Claim]] = {}
    for claim in attacks:
        by_target.setdefault(claim.target_actor_id, []).append(claim)
    for target, group in by_target.items():
        for first, second in combinations(group, 2):
            if first.source_actor_id == second.source_actor_id or same_side(first.source_actor_id, second.source_actor_id):
                continue
            if set(first.asserters) & set(second.asserters):
                continue
            denied = bool(first.contradicted_by or second.contradicted_by)
            pairs = [(a, b) for a in first.evidence for b in second.evidence if _same_attack(a, b, denied)]
            if not pairs:
                continue
            mine = tuple(dict.fromkeys(a for a, _ in pairs))
            theirs = tuple(dict.fromkeys(b for _, b in pairs))
            yield _dispute("blame", f"who attacked {name_of(target)}?", first,
                           [_side(_phrase(first, name_of), [first], mine), _side(_phrase(second, name_of), [second], theirs)],
                           [first, second])


def _same_attack(first: Evidence, second: Evidence, denied: bool) -> bool:
    a, b = first.when, second.when
    if not a or not b or len(a) < 10 or len(b) < 10:
        return False
    if abs((day(a) - day(b)).days) > BLAME_DAYS:
        return False
    if first.place and second.place:
        return first.place.lower() == second.place.lower()
    return denied and not first.place and not second.place


def _allegations(claims: Sequence[Claim], name_of: NameOf) -> Iterable[Dispute]:
    for claim in (c for c in claims if c.polarity == "asserted"):
        as_fact = [e for e in claim.evidence if e.own_voice]
        fact_outlets = {e.outlet for e in as_fact}
        alleged = [e for e in claim.evidence if not e.own_voice and e.outlet not in fact_outlets]
        # Another independent story must carry it only as somebody's claim.
        if as_fact and alleged and {e.syndication_group for e in alleged} - {e.syndication_group for e in as_fact}:
            yield _dispute("allegation", _phrase(claim, name_of), claim,
                           [_side("as fact", [claim], as_fact), _side("only as an allegation", [claim], alleged)],
                           [claim])
