"""Source profiles: what each outlet says in its own voice, whom it quotes, and where it
stands on contested claims.

An outlet "stands on a side" of a dispute when its articles carry that side's evidence,
either in its own voice or by quoting someone on it; both are counted, and kept apart,
because carrying a claim is not endorsing it. It does not score outlets for bias.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..values import Claim, Dispute, asserter_label

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(frozen=True)
class DisputeStance:
    dispute_id: str
    subject: str
    says: str            # the side's words: "asserts", "denies", "Russia ASSAULT SDF"
    own_voice: int       # pieces of evidence in the outlet's own voice
    quoted: int          # pieces it carries as somebody's claim


@dataclass(frozen=True)
class SourceProfile:
    outlet: str
    articles: int
    statements: int
    own_voice_claims: tuple[tuple[str, int], ...]   # (claim id, pieces of evidence), most first
    quoted: tuple[tuple[str, int], ...]             # (asserter, times quoted), most first
    stances: tuple[DisputeStance, ...]

    @property
    def own_voice_share(self) -> float | None:
        """Share of its statements the outlet asserts itself rather than attributes."""
        own = sum(n for _, n in self.own_voice_claims)
        quoted = sum(n for _, n in self.quoted)
        return own / (own + quoted) if own + quoted else None


def source_profiles(claims: Sequence[Claim], disputes: Iterable[Dispute],
                    article_counts: dict[str, int]) -> list[SourceProfile]:
    """One profile per outlet, most articles first.

    ``article_counts`` maps outlet -> stored articles (so an outlet whose articles yielded no
    claim still has a profile).
    """
    own: dict[str, Counter] = {}
    quoted: dict[str, Counter] = {}
    statements: Counter = Counter()
    for claim in claims:
        for item in claim.evidence:
            outlet = item.outlet or UNKNOWN_OUTLET
            statements[outlet] += 1
            if item.own_voice:
                own.setdefault(outlet, Counter())[claim.id] += 1
            else:
                quoted.setdefault(outlet, Counter())[asserter_label(item)] += 1
    stances: dict[str, list[DisputeStance]] = {}
    for dispute in disputes:
        for side in dispute.sides:
            carried: dict[str, list[int]] = {}
            for item in side.evidence:
                counts = carried.setdefault(item.outlet or UNKNOWN_OUTLET, [0, 0])
                counts[0 if item.own_voice else 1] += 1
            for outlet, (mine, theirs) in carried.items():
                stances.setdefault(outlet, []).append(
                    DisputeStance(dispute.id, dispute.subject, side.says, mine, theirs))
    outlets = set(article_counts) | set(statements)
    profiles = [
        SourceProfile(
            outlet=outlet, articles=article_counts.get(outlet, 0), statements=statements[outlet],
            own_voice_claims=tuple(own.get(outlet, Counter()).most_common()),
            quoted=tuple(quoted.get(outlet, Counter()).most_common()),
            stances=tuple(stances.get(outlet, ())),
        )
        for outlet in outlets
    ]
    return sorted(profiles, key=lambda p: (-p.articles, -p.statements, p.outlet))
