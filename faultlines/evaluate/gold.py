"""Score statements against the hand-made gold files in ``gold/`` (see ANNOTATION.md).

Reads the gold folder (one YAML file per document, plus ``aliases.yaml``), checks it, and
scores a system's statement dicts against it: core recall, precision against any gold
statement of the document, attribution and status of what was found, and ``must_not``
violations, per document and overall, with every miss listed for ``evaluate -v``.

It does not run an extractor or print anything, and it does not judge statements of
documents that have no gold file: those are counted and set aside. Gold is not
exhaustive, so unmatched statements are listed for a person to read, not called wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..errors import ProblemsError
from ..resolve.catalogue import normalize_name
from ..statement_types import type_table
from ..values import Problem

__all__ = [
    "DocScore", "Figures", "GoldDoc", "GoldError", "GoldScore", "GoldSet", "GoldStatement",
    "Miss", "MustNot", "actor_keys", "coarse_type", "load_gold", "score_gold",
]

# ANNOTATION.md "Types": a reasonable choice between neighbours is not an error; the
# classes are the table's gold_class column (faultlines/types.yaml).
COARSE = type_table().class_map("gold_class")
PLOVER_EVENTS = tuple(sorted(type_table().events))
GOLD_CLASSES = frozenset(COARSE.get(t, t) for t in PLOVER_EVENTS) | frozenset(COARSE.values())
SYMMETRIC = type_table().symmetric_claim_classes("gold_class")
VOICES = MappingProxyType({"OUTLET": "outlet", "AUTHOR": "author", "ANON": "anonymous"})
OWN_VOICE = frozenset({"outlet", "author"})
CLAIMANTS = frozenset({"person", "organization", "anonymous"})
GOLD_STATUSES = ("fact", "claim", "hypothetical", "negated", "opinion")
ALIASES_FILE = "aliases.yaml"
_DOC_FIELDS = {"doc", "title", "actors", "statements", "must_not"}
_STATEMENT_FIELDS = {"type", "src", "tgt", "by", "status", "core", "sym", "note"}
_MUST_NOT_FIELDS = {"type", "src", "tgt", "by", "status", "sym", "sentence_has", "note"}


class GoldError(ProblemsError):
    """A gold file (or the PLOVER records file) is invalid; ``problems`` name file, entry and fix."""

    what = "gold data"


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement: keys of ``aliases.yaml``; a tuple means any of them is accepted."""

    doc: str
    type: str                    # coarse class: SUPPORT, ASSAULT, MEMBER, ALLY, CONCEDE, AGREE, ...
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    by: tuple[str, ...]          # OUTLET, AUTHOR, ANON or alias keys
    status: tuple[str, ...]      # fact, claim, hypothetical, negated, opinion
    core: bool
    sym: bool = False
    note: str = ""


@dataclass(frozen=True)
class MustNot:
    """A statement a good system must not output; by default as fact in the outlet's or author's voice.

    ``by`` and ``status``, when the entry gives them, replace those defaults.
    """

    doc: str
    type: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    sentence_has: str | None = None
    by: tuple[str, ...] | None = None
    status: tuple[str, ...] | None = None
    sym: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoldDoc:
    doc: str
    title: str
    actors: tuple[str, ...]
    statements: tuple[GoldStatement, ...]
    must_not: tuple[MustNot, ...]
    path: str


@dataclass(frozen=True)
class GoldSet:
    """Every gold document and the alias table (key -> lower-case names, ids or id prefixes)."""

    docs: tuple[GoldDoc, ...]
    aliases: Mapping[str, frozenset[str]]

    def doc(self, name: str) -> GoldDoc | None:
        """The gold of a document, by file name with or without folder and extension."""
        key = _doc_key(name)
        return next((doc for doc in self.docs if _doc_key(doc.doc) == key), None)


@dataclass(frozen=True)
class Figures:
    """Counts behind the gold figures; the ratios are None when nothing was there to count."""

    core: int = 0           # core gold statements
    found: int = 0          # of them, matched by type, source and target
    attributed: int = 0     # of the found, whose best match also has the right asserter
    status_right: int = 0   # of the found, whose best match also has the right status
    system: int = 0         # system statements scored
    matched: int = 0        # of them, matching any gold statement (core or not)
    violations: int = 0     # system statements matching a must_not entry

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    recall = property(lambda self: _ratio(self.found, self.core))
    precision = property(lambda self: _ratio(self.matched, self.system))
    attribution = property(lambda self: _ratio(self.attributed, self.found))
    status = property(lambda self: _ratio(self.status_right, self.found))


@dataclass(frozen=True)
class DocScore:
    doc: str
    figures: Figures


@dataclass(frozen=True)
class Miss:
    """One line of ``evaluate -v``: what the gold expected and what the system said.

    A missed core statement has no ``statement``; an unmatched system statement no
    ``gold``; a violation's ``gold`` is the must_not entry; a core statement found with
    the wrong asserter or status names them in ``wrong`` ("by", "status").
    """

    doc: str
    gold: GoldStatement | MustNot | None
    statement: Mapping[str, Any] | None
    wrong: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldScore:
    """Overall and per-document figures, and everything ``evaluate -v`` lists."""

    figures: Figures
    docs: tuple[DocScore, ...]
    missed: tuple[Miss, ...]          # core gold statements not found
    wrong: tuple[Miss, ...]           # found, but the best match has the wrong asserter or status
    unmatched: tuple[Miss, ...]       # system statements matching no gold statement
    violations: tuple[Miss, ...]      # system statements a must_not entry forbids
    ignored: int                      # system statements of documents without a gold file
    ignored_docs: tuple[str, ...]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _doc_key(name: Any) -> str:
    return Path(str(name or "")).stem


def coarse_type(type_: Any) -> str:
    """The gold class a system or gold type falls in: BACKS -> SUPPORT, HOSTILE_TO -> ASSAULT."""
    return type_table().coarse(str(type_ or ""), "gold_class")


# ---------------------------------------------------------------- loading


def load_gold(gold_dir: Path) -> GoldSet:
    """Read and check ``aliases.yaml`` and every other ``*.yaml`` file of ``gold_dir``.

    Raises GoldError listing every problem found, each with its file and a fix.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError([Problem(str(gold_dir), "is not a folder",
                                 "give the gold/ folder: one YAML file per document and aliases.yaml")])
    problems: list[Problem] = []
    aliases = _read_aliases(gold_dir / ALIASES_FILE, problems)
    docs = [_read_doc(path, aliases, problems) for path in sorted(gold_dir.glob("*.yaml"))
            if path.name != ALIASES_FILE]
    docs = [doc for doc in docs if doc is not None]
    seen: dict[str, str] = {}
    for doc in docs:
        other = seen.setdefault(_doc_key(doc.doc), Path(doc.path).name)
        if other != Path(doc.path).name:
            problems.append(Problem(Path(doc.path).name, f"doc {doc.doc!r} is also the doc of {other}",
                                    "keep one gold file per document"))
    if not docs and not problems:
        problems.append(Problem(str(gold_dir), "has no gold files", "add one <doc>.yaml per document"))
    if problems:
        raise GoldError(problems)
    return GoldSet(tuple(docs), MappingProxyType(aliases))


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        problems.append(Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path"))
    except yaml.YAMLError as error:
        problems.append(Problem(path.name, f"is not valid YAML: {error}", "fix the syntax at the line shown"))
    return None


def _read_aliases(path: Path, problems: list[Problem]) -> dict[str, frozenset[str]]:
    if not path.is_file():
        problems.append(Problem(str(path), "is missing", f"add {ALIASES_FILE}: KEY: [names, ids or id prefixes]"))
        return {}
    before = len(problems)
    data = _read_yaml(path, problems)
    if len(problems) > before:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(path.name, "is not a mapping of keys to name lists", "write KEY: [name, id]"))
        return {}
    aliases = {}
    for key, names in data.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.append(Problem(path.name, f"{key}: {names!r} is not a list of names",
                                    'write KEY: [name, id] and quote names YAML reads otherwise: "no", "on"'))
            continue
        aliases[str(key)] = frozenset(n.strip().lower() for n in names if n.strip())
    return aliases


def _read_doc(path: Path, aliases: Mapping[str, frozenset[str]], problems: list[Problem]) -> GoldDoc | None:
    before = len(problems)
    data = _read_yaml(path, problems)
    if len(problems) > before:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list) \
            or not isinstance(data.get("must_not") or [], list):
        problems.append(Problem(path.name, "has no 'statements:' list (or a must_not: that is not a list)",
                                "write doc:, title:, statements: [...] and optionally must_not: [...]"))
        return None
    for key in sorted(set(data) - _DOC_FIELDS, key=str):
        problems.append(Problem(path.name, f"unknown key {key!r}", f"use only {', '.join(sorted(_DOC_FIELDS))}"))
    doc = data.get("doc") or f"{path.stem}.txt"
    check = _Checker(path.name, aliases, problems)
    statements = tuple(filter(None, (check.entry(raw, f"statement {n}", str(doc))
                                     for n, raw in enumerate(data["statements"], start=1))))
    must_not = tuple(filter(None, (check.entry(raw, f"must_not {n}", str(doc))
                                   for n, raw in enumerate(data.get("must_not") or [], start=1))))
    actors = check.keys(data["actors"], "actors", "top level") if "actors" in data else ()
    return GoldDoc(str(doc), str(data.get("title") or ""), actors, statements, must_not, str(path))


class _Checker:
    """Reads the entries of one gold file, recording each problem with its place and fix."""

    def __init__(self, filename: str, aliases: Mapping[str, frozenset[str]], problems: list[Problem]):
        self.filename, self.aliases, self.problems = filename, aliases, problems

    def problem(self, where: str, reason: str, fix: str) -> None:
        self.problems.append(Problem(f"{self.filename}: {where}", reason, fix))

    def keys(self, value: Any, name: str, where: str, voices: bool = False) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(item, str) and item for item in items):
            self.problem(where, f"{name} {value!r} is not a key or a list of keys", f"write {name}: KEY or [KEY, KEY]")
            return ()
        for item in items:
            # Without an alias table (its own problem is already listed) every key would be unknown.
            if self.aliases and item not in self.aliases and not (voices and item in VOICES):
                extra = " or OUTLET, AUTHOR, ANON" if voices else ""
                self.problem(where, f"unknown {name} key {item!r}",
                             f"use a key of {ALIASES_FILE}{extra}, or add it there")
        return tuple(items)

    def statuses(self, value: Any, where: str) -> tuple[str, ...]:
        items = tuple(value) if isinstance(value, list) else (value,)
        if not items or any(item not in GOLD_STATUSES for item in items):
            self.problem(where, f"status {value!r} is not one of {', '.join(GOLD_STATUSES)}",
                         "write status: fact or a list such as [fact, claim]")
        return items

    def entry(self, raw: Any, where: str, doc: str) -> GoldStatement | MustNot | None:
        """A statement, or with ``where`` "must_not N" a must_not entry."""
        forbidden = where.startswith("must_not")
        allowed = _MUST_NOT_FIELDS if forbidden else _STATEMENT_FIELDS
        required = ("type", "src", "tgt") if forbidden else ("type", "src", "tgt", "by", "status", "core")
        if not isinstance(raw, dict):
            self.problem(where, f"{raw!r} is not a mapping", "write {type: ..., src: ..., tgt: ..., ...}")
            return None
        for key in sorted(set(raw) - allowed, key=str):
            self.problem(where, f"unknown field {key!r}", f"use only {', '.join(sorted(allowed))}")
        missing = [key for key in required if key not in raw]
        if missing:
            self.problem(where, f"missing {', '.join(missing)}", f"give {', '.join(required)}")
            return None
        if coarse_type(raw["type"]) not in GOLD_CLASSES:
            self.problem(where, f"unknown type {raw['type']!r}", f"use one of {', '.join(sorted(GOLD_CLASSES))}")
        for flag in ("sym", "core"):
            if not isinstance(raw.get(flag, False), bool):
                self.problem(where, f"{flag} {raw[flag]!r} is not true or false", f"write {flag}: true or false")
        src, tgt = self.keys(raw["src"], "src", where), self.keys(raw["tgt"], "tgt", where)
        by = self.keys(raw["by"], "by", where, voices=True) if "by" in raw else None
        status = self.statuses(raw["status"], where) if "status" in raw else None
        type_, sym, note = coarse_type(raw["type"]), raw.get("sym") is True, str(raw.get("note") or "")
        if not forbidden:
            return GoldStatement(doc, type_, src, tgt, by or (), status or (), raw["core"] is True, sym, note)
        has = raw.get("sentence_has")
        if has is not None and not (isinstance(has, str) and has):
            self.problem(where, f"sentence_has {has!r} is not text", 'quote it: sentence_has: "alliance with"')
        return MustNot(doc, type_, src, tgt, has if isinstance(has, str) and has else None, by, status, sym, note)


# ---------------------------------------------------------------- matching


def actor_keys(actor: Mapping[str, Any] | None, catalogue=None) -> set[str]:
    """Every lower-case form under which a system actor may match a gold alias.

    Its id and name; for ``anon:USA.MIL`` the side behind it (usa.mil); for ``person:x-y``
    the slug as words ("x y"); and the id and name of every catalogue ancestor
    (USA.MIL -> USA), so a sub-actor counts for the state or group the gold names.
    """
    if not actor:
        return set()
    keys: set[str] = set()
    catalogue_ids = []
    actor_id, name = actor.get("id"), actor.get("name")
    if name:
        keys |= _name_forms(str(name))
    if actor_id:
        actor_id = str(actor_id)
        keys.add(actor_id.lower())
        prefix, colon, rest = actor_id.partition(":")
        if not colon:
            catalogue_ids.append(actor_id)
        elif prefix.lower() == "anon":
            catalogue_ids.append(rest)
        elif rest:
            keys.add(rest.replace("-", " ").lower())
    for each in catalogue_ids:
        keys.add(each.lower())
        if catalogue is not None and each in catalogue:
            for known in [catalogue.get(each), *catalogue.ancestors(each)]:
                keys.add(known.id.lower())
                keys |= _name_forms(known.name)
    keys.discard("")
    return keys


def _name_forms(name: str) -> set[str]:
    return {name.strip().lower(), normalize_name(name)}


def _keys_match(keys: set[str], accepted: frozenset[str]) -> bool:
    # aliases.yaml holds "ids or id prefixes": usa.mil accepts usa.mil.centcom.
    return any(key in accepted or any(key.startswith(a + ".") for a in accepted) for key in keys)


class _Matcher:
    """Matches statement dicts against gold entries; caches each actor's keys."""

    def __init__(self, aliases: Mapping[str, frozenset[str]], catalogue):
        self.aliases, self.catalogue = aliases, catalogue
        self._keys: dict[tuple, set[str]] = {}

    def actor(self, actor: Any, keys: tuple[str, ...]) -> bool:
        if not isinstance(actor, Mapping):
            return False
        cache_key = (actor.get("id"), actor.get("name"))
        if cache_key not in self._keys:
            self._keys[cache_key] = actor_keys(actor, self.catalogue)
        found = self._keys[cache_key]
        return any(_keys_match(found, self.aliases.get(key, frozenset())) for key in keys)

    def pair(self, statement: Mapping, type_: str, src: tuple, tgt: tuple, sym: bool) -> bool:
        if coarse_type(statement.get("type")) != type_:
            return False
        source, target = statement.get("source"), statement.get("target")
        if self.actor(source, src) and self.actor(target, tgt):
            return True
        return (sym or type_ in SYMMETRIC) and self.actor(target, src) and self.actor(source, tgt)

    def by(self, statement: Mapping, by: tuple[str, ...]) -> bool:
        asserter = statement.get("asserted_by") or {}
        kind = asserter.get("kind")
        return any(kind == VOICES[key] if key in VOICES else self.actor(asserter, (key,)) for key in by)


def _status_right(statement: Mapping, statuses: tuple[str, ...]) -> bool:
    """Gold ``fact`` is a fact in the outlet's or author's voice; ``claim`` one asserted by anyone else."""
    status, kind = statement.get("status"), (statement.get("asserted_by") or {}).get("kind")
    if status == "fact":
        status = "claim" if kind in CLAIMANTS else "fact" if kind in OWN_VOICE else None
    return status in statuses


# ---------------------------------------------------------------- scoring


def score_gold(gold: GoldSet, statements: Iterable[Mapping[str, Any]], catalogue=None) -> GoldScore:
    """Score a system's statement dicts against the gold, per ANNOTATION.md.

    One system statement may match several gold statements (gold entries overlap, e.g. a
    core "US SUPPORT rebels or Sejari" and an optional "US SUPPORT rebels").
    """
    by_doc: dict[str, list[Mapping]] = {_doc_key(doc.doc): [] for doc in gold.docs}
    ignored, ignored_docs = 0, {}
    for n, statement in enumerate(statements):
        if not isinstance(statement, Mapping):
            raise ValueError(f"statement {n} is {type(statement).__name__}, not a statement dict")
        key = _doc_key(statement.get("doc"))
        if key in by_doc:
            by_doc[key].append(MappingProxyType(dict(statement)))
        else:
            ignored += 1
            ignored_docs.setdefault(str(statement.get("doc")), None)
    matcher = _Matcher(gold.aliases, catalogue)
    parts = [_score_doc(doc, by_doc[_doc_key(doc.doc)], matcher) for doc in gold.docs]
    total = sum((part[0].figures for part in parts), Figures())
    return GoldScore(total, tuple(p[0] for p in parts), *(tuple(x for p in parts for x in p[i]) for i in range(1, 5)),
                     ignored=ignored, ignored_docs=tuple(ignored_docs))


def _score_doc(doc: GoldDoc, statements: list[Mapping], matcher: _Matcher):
    matched: set[int] = set()
    missed, wrong = [], []
    core = found = attributed = status_right = 0
    for gold in doc.statements:
        hits = [n for n, s in enumerate(statements) if matcher.pair(s, gold.type, gold.src, gold.tgt, gold.sym)]
        matched.update(hits)
        if not gold.core:
            continue
        core += 1
        if not hits:
            missed.append(Miss(doc.doc, gold, None))
            continue
        found += 1
        # max() keeps the first of equals, so ties go to the earliest statement.
        judged = [(matcher.by(statements[n], gold.by), _status_right(statements[n], gold.status), n) for n in hits]
        by_ok, status_ok, best = max(judged, key=lambda j: (j[0] and j[1], j[0], j[1]))
        attributed += by_ok
        status_right += status_ok
        if not (by_ok and status_ok):
            wrong.append(Miss(doc.doc, gold, statements[best], ("by",) * (not by_ok) + ("status",) * (not status_ok)))
    violations = []
    for statement in statements:
        rule = next((r for r in doc.must_not if _violates(statement, r, matcher)), None)
        if rule is not None:
            violations.append(Miss(doc.doc, rule, statement))
    unmatched = [Miss(doc.doc, None, s) for n, s in enumerate(statements) if n not in matched]
    figures = Figures(core, found, attributed, status_right, len(statements), len(matched), len(violations))
    return DocScore(doc.doc, figures), missed, wrong, unmatched, violations


def _violates(statement: Mapping, rule: MustNot, matcher: _Matcher) -> bool:
    if not matcher.pair(statement, rule.type, rule.src, rule.tgt, rule.sym):
        return False
    if rule.sentence_has and rule.sentence_has.lower() not in str(statement.get("sentence") or "").lower():
        return False
    kind = (statement.get("asserted_by") or {}).get("kind")
    voice_ok = matcher.by(statement, rule.by) if rule.by else kind in OWN_VOICE
    status_ok = _status_right(statement, rule.status) if rule.status else statement.get("status") == "fact"
    return voice_ok and status_ok
