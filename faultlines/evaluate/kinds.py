"""What ``evaluate -v`` lists: misses and wrong outputs of each set, grouped by kind.

A developer reads misses by kind, not one by one: every missed ASSAULT together, every
statement whose source is wrong together, the confusion of types. Each function turns
one scorer's result into ``{kind: rows}``, rows being flat dicts ready for a table.
An unmatched system statement is compared with the gold statements of its document to
say what is wrong with it: the source, the target, the type, the direction, or all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .gold import GoldScore, GoldSet, _Matcher, coarse_type
from .perpetrator import PerpetratorScore
from .plover import PloverScore
from .plv import PlvScore

__all__ = ["describe", "gold_kinds", "perpetrator_kinds", "plover_kinds", "plv_kinds"]

Kinds = dict[str, list[dict[str, Any]]]


def describe(statement: Mapping[str, Any] | None) -> str:
    """A statement in one line: ASSAULT RUS -> SDF by outlet:levant-wire [fact]."""
    if not statement:
        return ""
    by = statement.get("asserted_by") or {}
    source, target = statement.get("source") or {}, statement.get("target") or {}
    return (f"{statement.get('type')} {source.get('id')} -> {target.get('id')} "
            f"by {by.get('id') or by.get('kind')} [{statement.get('status')}]")


def _expected(gold) -> str:
    return f"{gold.type} {'|'.join(gold.src)} -> {'|'.join(gold.tgt)}"


def _sentence(statement: Mapping | None, width: int = 140) -> str:
    return " ".join(str((statement or {}).get("sentence") or "").split())[:width]


def gold_kinds(gold: GoldSet, score: GoldScore, catalogue=None) -> Kinds:
    """Missed core statements by gold type; wrong asserter or status; violations; unmatched by what differs."""
    kinds: Kinds = defaultdict(list)
    for miss in score.missed:
        kinds[f"missed {miss.gold.type}"].append({"doc": miss.doc, "expected": _expected(miss.gold), "gold": miss.gold.note})
    for miss in score.wrong:
        for what in miss.wrong:
            name = "wrong asserter" if what == "by" else "wrong status"
            wanted = "|".join(miss.gold.by) if what == "by" else "|".join(miss.gold.status)
            kinds[name].append({"doc": miss.doc, "gold": miss.gold.note, "expected": wanted, "system": describe(miss.statement)})
    for miss in score.violations:
        kinds["must_not violated"].append({"doc": miss.doc, "rule": miss.gold.note, "system": describe(miss.statement),
                                           "sentence": _sentence(miss.statement)})
    matcher = _Matcher(gold.aliases, catalogue)
    for miss in score.unmatched:
        doc = gold.doc(miss.doc)
        kind, near = _what_differs(miss.statement, doc.statements if doc else (), matcher)
        kinds[kind].append({"doc": miss.doc, "system": describe(miss.statement), "nearest gold": near,
                            "sentence": _sentence(miss.statement)})
    return dict(sorted(kinds.items()))


def _what_differs(statement: Mapping, golds, matcher: _Matcher) -> tuple[str, str]:
    """The kind of an unmatched statement and the gold statement it comes nearest to."""
    type_ = coarse_type(statement.get("type"))
    source, target = statement.get("source"), statement.get("target")
    checks = (
        ("wrong type", lambda g: matcher.actor(source, g.src) and matcher.actor(target, g.tgt)),
        ("reversed", lambda g: g.type == type_ and matcher.actor(source, g.tgt) and matcher.actor(target, g.src)),
        ("wrong source", lambda g: g.type == type_ and matcher.actor(target, g.tgt)),
        ("wrong target", lambda g: g.type == type_ and matcher.actor(source, g.src)),
    )
    for kind, check in checks:
        for gold in golds:
            if check(gold):
                return kind, f"{_expected(gold)}: {gold.note}"
    return "unmatched (no gold statement near)", ""


def plover_kinds(score: PloverScore) -> Kinds:
    """Type confusion, records with no event, and wrong source or target where the type was right."""
    kinds: Kinds = defaultdict(list)
    for gold, system, count in score.confusion:
        if system is None:
            continue
        if gold != system:
            kinds["wrong type (first event)"].append({"gold": gold, "system": system, "count": count})
    for result in score.results:
        record = result.record
        if not result.system_types:
            kinds["no event found"].append({"id": record.id, "gold": record.event, "text": record.text[:140]})
        for end, right, wanted in (("source", result.source_right, record.sources),
                                   ("target", result.target_right, record.targets)):
            if right is False:
                kinds[f"wrong {end}"].append({"id": record.id, "gold": ", ".join(a.text or a.code for a in wanted),
                                              "type": record.event, "text": record.text[:140]})
    return dict(sorted(kinds.items()))


def plv_kinds(score: PlvScore) -> Kinds:
    """Root-code confusion, sentences with no statement, and wrong source or target."""
    kinds: Kinds = defaultdict(list)
    for gold, system, count in score.confusion:
        if gold != system and system is not None:
            kinds["wrong root code"].append({"gold": gold, "system": system, "count": count})
    for result in score.results:
        record = result.record
        if result.statement is None:
            kinds["no statement"].append({"id": record.id, "gold": record.root, "sentence": record.sentence[:140]})
            continue
        source, target = result.statement.get("source") or {}, result.statement.get("target") or {}
        if not result.source_right:
            kinds["wrong source"].append({"id": record.id, "marked": record.source, "system": source.get("id"),
                                          "sentence": record.sentence[:140]})
        if not result.target_right:
            kinds["wrong target"].append({"id": record.id, "marked": record.target, "system": target.get("id"),
                                          "sentence": record.sentence[:140]})
    return dict(sorted(kinds.items()))


def perpetrator_kinds(score: PerpetratorScore) -> Kinds:
    """The confusion matrix (coded -> predicted, all cells) and the articles predicted wrong."""
    kinds: Kinds = defaultdict(list)
    for coded, predicted, count in score.confusion:
        kinds["confusion (coded -> predicted)"].append({"coded": coded, "predicted": predicted, "count": count})
    for result in score.results:
        if not result.right:
            counts = ", ".join(f"{c}: {n}" for c, n in sorted(result.counts.items(), key=lambda i: -i[1]))
            kinds["wrong perpetrator"].append({"row": result.item.row, "coded": result.item.perpetrator,
                                               "predicted": result.predicted, "attackers": counts,
                                               "title": (result.item.article.title or "")[:100]})
    return dict(kinds)
