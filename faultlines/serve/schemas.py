"""The shapes of the JSON endpoints, so /docs (OpenAPI) documents every one of them.

Claims, disputes and evidence keep the shape ``faultlines claims --format json`` prints
(``faultlines.export.claims``); the network keeps ``faultlines network --format json``'s.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorRef(Model):
    id: str
    name: str
    kind: Optional[str] = None


class Asserter(Model):
    kind: Optional[str] = None
    id: Optional[str] = None
    name: Optional[str] = None


class EvidenceOut(Model):
    statement_id: int
    article_id: int
    doc: str
    outlet: Optional[str]
    published: Optional[str]
    date: Optional[str]
    place: Optional[str]
    type: str
    status: str
    asserted_by: Asserter
    own_voice: bool
    copy_of: Optional[int]
    sentence: str
    start: int
    end: int


class ClaimOut(Model):
    id: str
    source: ActorRef
    type: str
    types: list[str]
    target: ActorRef
    kind: str
    polarity: str
    first_seen: Optional[str]
    last_seen: Optional[str]
    independent_sources: int
    outlets: list[str]
    asserters: list[str]
    own_voice: list[str]
    reported: list[str]
    contradicted_by: list[str]
    evidence: list[EvidenceOut]


class SideOut(Model):
    says: str
    claims: list[str]
    independent_sources: int
    asserters: list[str]
    outlets: list[str]
    evidence: list[EvidenceOut]


class DisputeOut(Model):
    id: str
    kind: str
    subject: str
    source: ActorRef
    target: ActorRef
    type: str
    weight: float
    first_seen: Optional[str]
    last_seen: Optional[str]
    sides: list[SideOut]


class ArticleOut(Model):
    id: int
    title: Optional[str]
    outlet: Optional[str]
    author: Optional[str]
    published: Optional[str]
    date_source: Optional[str]
    url: Optional[str]
    version: int
    sentence_count: int
    statement_count: int


class SentenceOut(Model):
    index: int
    start: int
    end: int
    text: str


class StatementOut(Model):
    article_id: int
    sentence_index: int
    sentence: str
    start: int
    end: int
    kind: str
    type: str
    source: ActorRef
    target: ActorRef
    asserted_by: Asserter
    status: str
    date: Optional[str]
    place: Optional[str]
    published: Optional[str]
    outlet: Optional[str]


class ArticleDetailOut(Model):
    article: ArticleOut
    text: str
    sentences: list[SentenceOut]
    statements: list[StatementOut]


class MonthOut(Model):
    month: str
    articles: int
    statements: dict[str, int]


class OutletOut(Model):
    outlet: str
    articles: int
    statements: int
    own_voice_claims: int
    quoted: int


class ActorSummary(Model):
    id: str
    name: str
    kind: Optional[str]
    origin: Optional[str] = None
    mentions: int = 0
    articles: int = 0


class OverviewOut(Model):
    counts: dict[str, int]
    claims: int
    disputes: int
    months: list[MonthOut]
    outlets: list[OutletOut]
    actors: list[ActorSummary]


class SearchOut(Model):
    query: str
    actors: list[ActorSummary]
    articles: list[ArticleOut]


class TimelineEntryOut(Model):
    when: Optional[str]
    until: Optional[str]
    relation: str
    other: ActorRef
    type: str
    polarity: str
    sources: int
    asserters: list[str]
    claim_id: Optional[str]
    former: bool
    origin: str


class ActorDetailOut(Model):
    actor: ActorRef
    origin: str
    parents: list[ActorRef]
    aliases: list[str]
    valid_from: Optional[str]
    valid_until: Optional[str]
    roles: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    timeline: list[TimelineEntryOut]
    current_affiliations: list[TimelineEntryOut]
    backers: list[TimelineEntryOut]
    enemies: list[TimelineEntryOut]
    claims: list[ClaimOut]


class NetworkOut(Model):
    """``faultlines network --format json``: networkx node-link data with factions, backing,
    proxy chains and conflicts, and centrality rankings."""

    graph: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    factions: list[dict[str, Any]]
    backing: list[dict[str, Any]]
    chains: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    centrality: dict[str, list[str]]
    claim_labels: dict[str, str]


class PlaceEvent(Model):
    article_id: int
    start: int
    type: str
    status: str
    date: Optional[str]
    source: ActorRef
    target: ActorRef
    sentence: str


class PlaceOut(Model):
    name: str
    lat: Optional[float]
    lon: Optional[float]
    gazetteer_name: Optional[str]
    country: Optional[str]
    approximate: bool
    events: list[PlaceEvent]


class PlacesOut(Model):
    placed: list[PlaceOut]
    unplaced: list[PlaceOut]
