"""Claims, disputes and events as plain records: JSON, JSON lines, CSV and PLOVER JSON.

``claim_record`` and ``dispute_record`` are the JSON shape of ``faultlines claims`` and
``faultlines contested``; ``flat_claim`` is a claim as one CSV/table row.
``plover_record`` writes an event statement in the PLOVER JSON layout (``id``, ``date``,
``event``, ``source``/``target`` lists of ``{actorText, code}``, ``text``), plus the
faultlines fields PLOVER has no place for (``status``, ``assertedBy``), so tools that read
POLECAT/PLOVER events can read ours.
"""

from __future__ import annotations

from collections.abc import Callable

from ..values import Claim, Dispute, DisputeSide, Evidence

NameOf = Callable[[str], str]


def _actor(actor_id: str, name_of: NameOf) -> dict:
    return {"id": actor_id, "name": name_of(actor_id)}


def _named(labels, name_of: NameOf) -> list[str]:
    return [name_of(label) for label in labels]


def evidence_record(item: Evidence, name_of: NameOf) -> dict:
    by = item.asserted_by
    return {
        "statement_id": item.statement_id, "article_id": item.article_id, "doc": item.doc,
        "outlet": item.outlet, "published": item.published, "date": item.date, "place": item.place,
        "type": item.type, "status": item.status,
        "asserted_by": {"kind": by.kind, "id": by.actor_id, "name": by.name or (name_of(by.actor_id) if by.actor_id else None)},
        "own_voice": item.own_voice, "copy_of": item.syndication_group if item.syndication_group != item.article_id else None,
        "sentence": item.sentence, "start": item.start, "end": item.end,
    }


def claim_record(claim: Claim, name_of: NameOf) -> dict:
    """A claim with its actors named, who stands behind it, and every piece of evidence."""
    return {
        "id": claim.id, "source": _actor(claim.source_actor_id, name_of), "type": claim.type,
        "types": list(claim.types), "target": _actor(claim.target_actor_id, name_of), "kind": claim.kind,
        "polarity": claim.polarity, "first_seen": claim.first_seen, "last_seen": claim.last_seen,
        "independent_sources": claim.independent_sources, "outlets": list(claim.outlets),
        "independent_outlets": list(claim.independent_outlets),
        "asserters": _named(claim.asserters, name_of), "own_voice": _named(claim.own_voice, name_of),
        "reported": _named(claim.reported, name_of), "contradicted_by": _named(claim.contradicted_by, name_of),
        "evidence": [evidence_record(e, name_of) for e in claim.evidence],
    }


def flat_claim(claim: Claim, name_of: NameOf) -> dict:
    """One row per claim for tables and CSV: lists joined with '; '."""
    join = "; ".join
    return {
        "id": claim.id, "first_seen": claim.first_seen, "last_seen": claim.last_seen,
        "source": name_of(claim.source_actor_id), "type": claim.type, "target": name_of(claim.target_actor_id),
        "polarity": claim.polarity, "sources": claim.independent_sources,
        "outlets": join(claim.outlets), "own_voice": join(_named(claim.own_voice, name_of)),
        "reported": join(_named(claim.reported, name_of)),
        "contradicted_by": join(_named(claim.contradicted_by, name_of)),
        "evidence": len(claim.evidence), "source_id": claim.source_actor_id, "target_id": claim.target_actor_id,
    }


def side_record(side: DisputeSide, name_of: NameOf) -> dict:
    return {
        "says": side.says, "claims": list(side.claim_ids), "independent_sources": side.independent_sources,
        "asserters": _named(side.asserters, name_of), "outlets": list(side.outlets),
        "evidence": [evidence_record(e, name_of) for e in side.evidence],
    }


def dispute_record(dispute: Dispute, name_of: NameOf) -> dict:
    return {
        "id": dispute.id, "kind": dispute.kind, "subject": dispute.subject, "weight": dispute.weight,
        "first_seen": dispute.first_seen, "last_seen": dispute.last_seen,
        "sides": [side_record(s, name_of) for s in dispute.sides],
    }


def flat_dispute(dispute: Dispute, name_of: NameOf) -> dict:
    """One row per dispute: each side as 'what it says (who says it, n sources)'."""
    def side(s: DisputeSide) -> str:
        who = ", ".join(dict.fromkeys(_named(s.asserters, name_of)))
        return f"{s.says} ({who}; {s.independent_sources} source{'s' if s.independent_sources != 1 else ''})"
    return {
        "id": dispute.id, "kind": dispute.kind, "weight": dispute.weight, "first_seen": dispute.first_seen,
        "subject": dispute.subject, "side_a": side(dispute.sides[0]),
        "side_b": " | ".join(side(s) for s in dispute.sides[1:]),
    }


def plover_record(record: dict, *, code_of: Callable[[str], str | None] = lambda _: None) -> dict | None:
    """An event statement record (the ``extract`` shape) in PLOVER JSON; None for relations."""
    if record.get("kind") != "event":
        return None

    def actors(actor: dict | None) -> list[dict]:
        if not actor:
            return []
        return [{"actorText": actor.get("name") or actor.get("id"), "code": code_of(actor["id"]) or "",
                 "faultlinesId": actor["id"]}]

    by = record.get("asserted_by") or {}
    ident = f"{record.get('doc')}-{record.get('article_id') or 0}-{record.get('sentence_index')}-{record.get('start')}-{record.get('type')}"
    return {
        "id": ident, "date": record.get("date") or record.get("published"), "event": record["type"],
        "source": actors(record.get("source")), "target": actors(record.get("target")),
        "text": record.get("sentence"), "location": record.get("place"),
        "publication": record.get("outlet"), "language": "en",
        "status": record.get("status"), "assertedBy": {"kind": by.get("kind"), "name": by.get("name"), "id": by.get("id")},
    }


__all__ = ["claim_record", "dispute_record", "evidence_record", "flat_claim", "flat_dispute",
           "plover_record", "side_record"]
