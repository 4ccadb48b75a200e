"""The actor catalogue: who can be named in conflict news, by which names, and when.

Reads the bundled YAML files in ``catalogue/`` (states, organizations, armed groups,
people, generic groups) and any user files (YAML in the same format, or CSV), checks
them, and answers look-ups: which actors a name stands for on a date, which state a
demonym names, a person's roles, an actor's chain of parents. What the catalogue knows is
data, documented in ``catalogue/README.md``; this module holds no names of its own.

It does not find names in running text: a recogniser does that with ``normalize_name``
and ``Catalogue.aliases``. Nor does it choose between two actors that share a name
beyond validity dates and the precedence rules below: ``lookup`` returns every candidate.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml

from ..errors import ProblemsError
from ..values import Actor, Problem

__all__ = [
    "KINDS", "RELATION_TYPES", "Alias", "Catalogue", "CatalogueEntry", "CatalogueError",
    "Relation", "Role", "load_catalogue", "normalize_name", "parse_when", "spelling_key",
]

FORMAT_VERSION = 1
BUNDLED_DIR = Path(__file__).with_name("catalogue")
BUNDLED_FILES = ("states.yaml", "organizations.yaml", "armed_groups.yaml", "people.yaml", "generic.yaml")

KINDS = (
    "state", "government", "military", "agency", "armed group", "militia",
    "private military company", "coalition", "political party", "de facto state",
    "intergovernmental organization", "ngo", "media outlet", "person", "generic",
)
RELATION_TYPES = ("MEMBER_OF", "ALLIED_WITH", "BACKS", "HOSTILE_TO", "LEADS", "SUCCEEDS")
UN_STATUSES = ("member", "observer", "none")
# How an alias came to be, best first: a name written in an entry beats one a template made.
ALIAS_ORIGINS = ("name", "alias", "capital", "template")
_ORIGIN_RANK = {origin: rank for rank, origin in enumerate(ALIAS_ORIGINS)}

_ACTOR_FIELDS = {"id", "name", "kind", "parent", "wikidata", "cameo", "from", "until",
                 "aliases", "relations", "roles", "note"}
_STATE_FIELDS = {"iso3", "name", "un", "wikidata", "cameo", "capital", "demonyms", "aliases",
                 "government_name", "government_aliases", "military_name", "military_aliases",
                 "governments", "militaries", "bodies", "from", "until", "note"}
_PERIOD_FIELDS = {"id", "name", "wikidata", "from", "until", "aliases", "relations", "note"}
_ALIAS_FIELDS = {"name", "from", "until", "exact_case", "note"}
_RELATION_FIELDS = {"type", "target", "source", "from", "until", "note"}
_ROLE_FIELDS = {"member_of", "role", "from", "until"}
_CSV_COLUMNS = ("id", "name", "kind", "aliases", "parent", "wikidata", "cameo", "from", "until", "note")
_ID = re.compile(r"^[A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018`\u00b4\u02bc\u02bb\u2032"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_NON_WORD = re.compile(r"[\W_]+")
_LEADING = re.compile(r"^(?:the|mr|mrs|ms|dr) ")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (with libyaml when present, several times faster) that leaves dates as text.

    PyYAML would turn 2024-12-08 into a date itself and fail on 2017-13-45 with no file or
    entry named; ``parse_when`` reads every date instead, so all dates get one error message.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class CatalogueError(ProblemsError):
    """A catalogue file is invalid; ``problems`` names each file, entry and fix."""

    what = "actor catalogue"


def normalize_name(text: str) -> str:
    """The form names are compared in: "The U.S.-led Coalition’s" -> "us led coalition".

    Folds case and accents, drops dots and apostrophes ("U.S." = "US", "Da'esh" =
    "Daesh"), turns other punctuation into spaces, and strips a final possessive and a
    leading "the" or "Mr."/"Mrs."/"Ms."/"Dr.".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_APOSTROPHES).strip()
    text = _POSSESSIVE.sub("", text)
    text = text.replace("&", " and ").replace("'", "").replace(".", "")
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING.sub("", text)


# Transliterated Arabic names are written many ways: "Abdulrahman" / "Abdul Rahman" /
# "Abdel Rahman", "Deir ez-Zor" / "Deir Ezzor", "al-Hussein" / "Hussein", "Mouallem" /
# "Muallem". These patterns fold the usual variants onto one spelling key.
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ed", "ar", "as", "es", "ash", "at", "et", "az", "ez", "an", "en", "ul"})
_ABD = re.compile(r"^abd(?:[aeiou]l?|l)?(?=.)|^abd$")  # Abdul-, Abdel-, Abdal-, Abdur-, Abd-
_ABD_WORD = re.compile(r"abd(?:[aeiou]l?)?")  # "Abdel" standing alone: joins the next word
_SUN_ARTICLE = re.compile(r"^[ae]([bcdfghjklmnpqrstvwxyz])\1(?=[aeiou])")  # "Ezzor", "Assad" after a first word
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(text: str) -> str:
    """One key for the transliteration variants of a name, words kept apart.

    "Rami Abdel Rahman", "Rami Abdulrahman" and "Rami Abdul-Rahman" -> "rami abdrahman";
    "Deir ez-Zor", "Deir Ezzor", "Deir al-Zor" -> "deir zor"; "al-Hussein" -> "husein";
    "Mouallem" -> "mualem", "Jaysh" -> "jaish". Arabic articles before a word are dropped, "Abd" joins the
    word after it, "ou" is "u", doubled letters are single. A key, not a name: used to
    find a spelling the catalogue or the article already has, never shown.
    """
    words = normalize_name(text).split()
    kept: list[str] = []
    for n, word in enumerate(words):
        if word in _ARABIC_ARTICLES and n < len(words) - 1:
            continue
        if kept and n > 0 and kept[-1] == "abd":
            kept[-1] = "abd" + word
            continue
        word = "abd" if _ABD_WORD.fullmatch(word) else _ABD.sub("abd", word) if word.startswith("abd") else word
        if kept:
            word = _SUN_ARTICLE.sub(r"\1", word)
        word = word.replace("ou", "u").replace("oo", "u").replace("ay", "ai")
        kept.append(_DOUBLED.sub(r"\1", word))
    if len(kept) >= 2 and kept[-2] == "abd":
        kept[-2:] = ["abd" + kept[-1]]
    return " ".join(kept)


def parse_when(value: date | datetime | str | int) -> date:
    """A date from an ISO date, a year-month ("2016-07") or a year; partial dates mean their first day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _WHEN.match(str(value).strip()) if isinstance(value, (str, int)) else None
    if not match:
        raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    return date(int(year), int(month or 1), int(day or 1))


class _Span:
    """Valid from ``valid_from`` (inclusive) until ``valid_until`` (exclusive); None: no bound.

    Half-open, so a government that ends on the day its successor begins never overlaps it.
    """

    valid_from: date | None
    valid_until: date | None

    def valid_on(self, day: date) -> bool:
        start, end = self.valid_from, self.valid_until
        return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True)
class Alias(_Span):
    """One name of one actor, as written, with the span in which it names that actor."""

    text: str
    key: str
    actor_id: str
    origin: str = "alias"
    valid_from: date | None = None
    valid_until: date | None = None
    exact_case: bool = False


@dataclass(frozen=True)
class Relation(_Span):
    """A standing relation from the catalogue: ``source`` TYPE ``target`` over a span."""

    source: str
    type: str
    target: str
    valid_from: date | None = None
    valid_until: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Role(_Span):
    """A person's position in an actor ("spokesman" of RUS.MIL.MOD) over a span."""

    person_id: str
    member_of: str
    role: str
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class CatalogueEntry(_Span):
    """An actor with everything the catalogue records about it, and the file it came from."""

    actor: Actor
    aliases: tuple[Alias, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    demonyms: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    roles: tuple[Role, ...] = ()
    iso3: str | None = None
    un_status: str | None = None
    note: str = ""
    source: str = ""


class Catalogue:
    """Actors by id and by name; build one with ``load_catalogue``."""

    def __init__(self, entries: Sequence[CatalogueEntry]):
        self._entries = {entry.actor.id: entry for entry in entries}
        self._order = {actor_id: n for n, actor_id in enumerate(self._entries)}
        self._by_key: dict[str, list[Alias]] = {}
        self._by_spelling: dict[str, list[Alias]] = {}
        self._demonyms: dict[str, list[str]] = {}
        self._by_wikidata: dict[str, str] = {}
        for entry in self._entries.values():
            for alias in entry.aliases:
                self._by_key.setdefault(alias.key, []).append(alias)
                if len(alias.key) > 4 and not alias.exact_case:  # "IS", "PKK": no variants of an abbreviation
                    self._by_spelling.setdefault(spelling_key(alias.text), []).append(alias)
            for word in entry.demonyms:
                self._demonyms.setdefault(normalize_name(word), []).append(entry.actor.id)
            if entry.actor.wikidata:
                self._by_wikidata.setdefault(entry.actor.wikidata, entry.actor.id)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Actor]:
        return (entry.actor for entry in self._entries.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def get(self, actor_id: str) -> Actor | None:
        entry = self._entries.get(actor_id)
        return entry.actor if entry else None

    def entry(self, actor_id: str) -> CatalogueEntry:
        """Everything recorded about an actor; KeyError for an unknown id."""
        return self._entries[actor_id]

    def entries(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries.values())

    def aliases(self) -> Iterator[Alias]:
        """Every alias record, for a recogniser to build its matcher from."""
        return (alias for entry in self._entries.values() for alias in entry.aliases)

    def by_wikidata(self, qid: str) -> Actor | None:
        actor_id = self._by_wikidata.get(qid.upper())
        return self.get(actor_id) if actor_id else None

    def lookup(self, text: str, on: date | str | None = None) -> list[Actor]:
        """The actors ``text`` names on date ``on`` (today when None), best first.

        Only actors that the name names on that date are returned, when there are any;
        when there are none (a 2020 text recalling "Jabhat al-Nusra"), every actor so
        named is returned, nearest in time first. A name written in an entry beats the
        same name made by a template ("Syrian army" for the Syrian Arab Army).
        """
        candidates = self._by_key.get(normalize_name(text), ()) or self.spelled_like(text)
        if not candidates:
            return []
        day = date.today() if on is None else parse_when(on)
        valid = [a for a in candidates if a.valid_on(day) and self._entries[a.actor_id].valid_on(day)]
        pool = valid or list(candidates)
        if any(alias.origin != "template" for alias in pool):
            pool = [alias for alias in pool if alias.origin != "template"]
        pool.sort(key=lambda a: (self._distance(a, day), _ORIGIN_RANK[a.origin], self._order[a.actor_id]))
        return [self._entries[actor_id].actor for actor_id in dict.fromkeys(a.actor_id for a in pool)]

    def spelled_like(self, text: str) -> list[Alias]:
        """Aliases written another way ("Rami Abdel Rahman" for "Rami Abdulrahman"; see
        ``spelling_key``); empty for short names, which have no variants worth the risk."""
        return self._by_spelling.get(spelling_key(text), []) if len(normalize_name(text)) > 4 else []

    def _distance(self, alias: Alias, day: date) -> int:
        """Days between ``day`` and the span in which ``alias`` names a valid actor."""
        entry = self._entries[alias.actor_id]
        starts = [d for d in (alias.valid_from, entry.valid_from) if d]
        ends = [d for d in (alias.valid_until, entry.valid_until) if d]
        start, end = max(starts, default=None), min(ends, default=None)
        if start and day < start:
            return (start - day).days
        if end and day >= end:
            return (day - end).days + 1
        return 0

    def named(self, text: str) -> list[Actor]:
        """Every actor ``text`` has named at any time ("the Syrian government": Assad's and
        the transitional one), for searching rather than resolving."""
        ids = dict.fromkeys(alias.actor_id for alias in self._by_key.get(normalize_name(text), ()))
        return [self._entries[actor_id].actor for actor_id in ids]

    def descendants(self, actor_id: str) -> list[Actor]:
        """Every actor below ``actor_id`` (SYR.GOV -> SYR.GOV.ASSAD, SYR.GOV.TRANS, ...)."""
        return [e.actor for e in self._entries.values()
                if e.actor.id != actor_id and actor_id in {a.id for a in self.ancestors(e.actor.id)}]

    def periods(self, text: str) -> list[tuple[date | None, date | None]]:
        """When each actor ``text`` can name was current: its own span, or for a person the
        spans of their roles. Used to date an undated article by the names in it."""
        found = []
        aliases = self._by_key.get(normalize_name(text), ())
        if len({alias.actor_id for alias in aliases}) != 1:
            return []  # "the Syrian government" names one actor per period: it cannot date a text
        for alias in aliases:
            entry = self._entries[alias.actor_id]
            starts = [d for d in (alias.valid_from, entry.valid_from) if d]
            ends = [d for d in (alias.valid_until, entry.valid_until) if d]
            if starts or ends:
                found.append((max(starts, default=None), min(ends, default=None)))
            found += [(role.valid_from, role.valid_until) for role in entry.roles if role.valid_from or role.valid_until]
        return found

    def demonym(self, word: str, on: date | str | None = None) -> Actor | None:
        """The state a demonym names ("Iranian", "Iraqis" -> IRN, IRQ); None if unknown or shared."""
        key = normalize_name(word)
        ids = self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)
        if not ids:
            return None
        day = date.today() if on is None else parse_when(on)
        valid = [i for i in dict.fromkeys(ids) if self._entries[i].valid_on(day)] or list(dict.fromkeys(ids))
        return self._entries[valid[0]].actor if len(valid) == 1 else None

    def roles(self, person_id: str, on: date | str | None = None) -> tuple[Role, ...]:
        """A person's roles, all of them or those held on ``on``; KeyError for an unknown id."""
        roles = self._entries[person_id].roles
        if on is None:
            return roles
        day = parse_when(on)
        return tuple(role for role in roles if role.valid_on(day))

    def relations(self, actor_id: str | None = None, on: date | str | None = None) -> list[Relation]:
        """Relations recorded in the catalogue (roles count as MEMBER_OF), optionally of one actor."""
        found: list[Relation] = []
        for entry in self._entries.values():
            found.extend(entry.relations)
            found.extend(Relation(r.person_id, "MEMBER_OF", r.member_of, r.valid_from, r.valid_until, r.role)
                         for r in entry.roles)
        if actor_id is not None:
            found = [r for r in found if actor_id in (r.source, r.target)]
        if on is not None:
            day = parse_when(on)
            found = [r for r in found if r.valid_on(day)]
        return found

    def ancestors(self, actor_id: str) -> list[Actor]:
        """The actor's parent, grandparent, ... (USA.MIL.CENTCOM -> USA.MIL, USA)."""
        chain: list[Actor] = []
        parent = self._entries[actor_id].actor.parent
        while parent is not None:
            chain.append(self._entries[parent].actor)
            parent = self._entries[parent].actor.parent
        return chain


def load_catalogue(extra_files: Sequence[Path | str] = ()) -> Catalogue:
    """The bundled catalogue, with the entries of ``extra_files`` added or put in place.

    An extra file is YAML in the bundled format or CSV (see ``catalogue/README.md``). An
    entry whose id is already catalogued replaces that entry whole; files are applied in
    order, so a later file wins. Raises CatalogueError naming each bad file and entry.
    """
    if not extra_files:
        return _bundled_catalogue()
    merged = {entry.actor.id: entry for entry in _bundled_entries()}
    problems: list[Problem] = []
    for path in map(Path, extra_files):
        entries, found = _read_file(path)
        problems.extend(found)
        problems.extend(_duplicates(entries, {}))
        for entry in entries:
            merged[entry.actor.id] = entry  # replaces in place, keeping the bundled order
    problems.extend(_check_references(merged))
    if problems:
        raise CatalogueError(problems)
    return Catalogue(list(merged.values()))


@functools.lru_cache(maxsize=1)
def _bundled_entries() -> tuple[CatalogueEntry, ...]:
    entries: list[CatalogueEntry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name in BUNDLED_FILES:
        found, file_problems = _read_file(BUNDLED_DIR / name)
        problems.extend(file_problems)
        problems.extend(_duplicates(found, seen))
        entries.extend(found)
    if problems:
        raise CatalogueError(problems)
    return tuple(entries)


@functools.lru_cache(maxsize=1)
def _bundled_catalogue() -> Catalogue:
    entries = {entry.actor.id: entry for entry in _bundled_entries()}
    problems = _check_references(entries)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(list(entries.values()))


def _duplicates(entries: Sequence[CatalogueEntry], seen: dict[str, str]) -> list[Problem]:
    """Ids given twice within ``entries`` or already in ``seen`` (id -> file); updates ``seen``."""
    problems = []
    for entry in entries:
        actor_id = entry.actor.id
        if actor_id in seen:
            problems.append(Problem(f"{entry.source}: entry {actor_id}", f"id {actor_id} is already used in {seen[actor_id]}",
                                    "give each entry its own id (to replace an entry, put it in another user file)"))
        seen[actor_id] = entry.source
    return problems


def _check_references(entries: dict[str, CatalogueEntry]) -> list[Problem]:
    problems = []

    def missing(entry: CatalogueEntry, field_name: str, ref: str) -> None:
        problems.append(Problem(f"{entry.source}: entry {entry.actor.id}",
                                f"{field_name} {ref!r} is not a catalogued id",
                                f"fix the id, or add an entry with id {ref}"))

    for entry in entries.values():
        if entry.actor.parent and entry.actor.parent not in entries:
            missing(entry, "parent", entry.actor.parent)
        for relation in entry.relations:
            for ref in (relation.source, relation.target):
                if ref not in entries:
                    missing(entry, f"relation {relation.type}", ref)
        for role in entry.roles:
            if role.member_of not in entries:
                missing(entry, "role member_of", role.member_of)
    for entry in entries.values():
        seen, parent = {entry.actor.id}, entry.actor.parent
        while parent in entries:
            if parent in seen:
                problems.append(Problem(f"{entry.source}: entry {entry.actor.id}",
                                        f"its parents form a loop through {parent}", "break the loop of parent ids"))
                break
            seen.add(parent)
            parent = entries[parent].actor.parent
    return problems


# ---------------------------------------------------------------- reading files

class _FileReader:
    """Turns one file's raw entries into CatalogueEntry values, collecting problems."""

    def __init__(self, path: Path, templates: dict[str, list[str]]):
        self.path, self.templates, self.problems = path, templates, []

    def problem(self, where: str, reason: str, fix: str) -> None:
        self.problems.append(Problem(f"{self.path}: {where}", reason, fix))

    def fields(self, raw: Any, allowed: set[str], required: Sequence[str], where: str) -> bool:
        if not isinstance(raw, dict):
            self.problem(where, f"expected a mapping, found {type(raw).__name__}",
                         "write the entry as key: value pairs")
            return False
        ok = True
        for key in sorted(set(raw) - allowed, key=str):
            self.problem(where, f"unknown field {key!r}", f"use only: {', '.join(sorted(allowed))}")
            ok = False
        for key in required:
            if raw.get(key) in (None, ""):
                self.problem(where, f"missing required field {key!r}", f"add {key}: ...")
                ok = False
        return ok

    def when(self, raw: dict, key: str, where: str) -> date | None:
        if raw.get(key) is None:
            return None
        try:
            return parse_when(raw[key])
        except ValueError as error:
            self.problem(where, f"bad date in {key!r}: {error}", "write dates as YYYY-MM-DD, YYYY-MM or YYYY")
            return None

    def span(self, raw: dict, where: str) -> tuple[date | None, date | None]:
        start, end = self.when(raw, "from", where), self.when(raw, "until", where)
        if start and end and start >= end:
            self.problem(where, f"'from' {start} is not before 'until' {end}", "swap or correct the dates")
        return start, end

    def text(self, raw: dict, key: str, where: str) -> str | None:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            self.problem(where, f"{key!r} must be text, found {value!r}", f'quote it: {key}: "{value}"')
            return None
        return value

    def aliases(self, items: Any, actor_id: str, where: str, origin: str = "alias") -> list[Alias]:
        if items is None:
            return []
        if not isinstance(items, list):
            self.problem(where, "aliases must be a list", "write aliases: [Name, Other name]")
            return []
        found = []
        for item in items:
            start = end = None
            exact = False
            if isinstance(item, dict):
                if not self.fields(item, _ALIAS_FIELDS, ("name",), f"{where} alias"):
                    continue
                start, end = self.span(item, f"{where} alias {item['name']!r}")
                exact, item = bool(item.get("exact_case")), item["name"]
            if not isinstance(item, str) or not normalize_name(item):
                self.problem(where, f"alias {item!r} is not a usable name", 'quote it as text: "NO", "2012"')
                continue
            found.append(Alias(item, normalize_name(item), actor_id, origin, start, end, exact))
        return found

    def relations(self, items: Any, actor_id: str, where: str) -> list[Relation]:
        found = []
        for item in items or []:
            if not self.fields(item, _RELATION_FIELDS, ("type",), f"{where} relation"):
                continue
            if item["type"] not in RELATION_TYPES:
                self.problem(where, f"unknown relation type {item['type']!r}",
                             f"use one of {', '.join(RELATION_TYPES)}")
                continue
            if ("target" in item) == ("source" in item):
                self.problem(where, "a relation needs exactly one of 'target' or 'source'",
                             "target: X means this entry TYPE X; source: X means X TYPE this entry")
                continue
            start, end = self.span(item, f"{where} relation")
            source, target = (actor_id, item["target"]) if "target" in item else (item["source"], actor_id)
            found.append(Relation(source, item["type"], target, start, end, item.get("note") or ""))
        return found

    def roles(self, items: Any, actor_id: str, where: str) -> list[Role]:
        found = []
        for item in items or []:
            if self.fields(item, _ROLE_FIELDS, ("member_of", "role"), f"{where} role"):
                start, end = self.span(item, f"{where} role {item['role']!r}")
                found.append(Role(actor_id, item["member_of"], item["role"], start, end))
        return found

    def actor(self, raw: Any, where: str = "", default_parent: str | None = None,
              extra_aliases: Sequence[Alias] = (), index_name: bool = True) -> CatalogueEntry | None:
        """An entry of an ``actors:`` list, a CSV row, or a part of a state entry (``where``)."""
        label = f"entry {raw.get('id', '?') if isinstance(raw, dict) else '?'}" + (f" ({where})" if where else "")
        if not self.fields(raw, _ACTOR_FIELDS, ("id", "name", "kind"), label):
            return None
        actor_id = raw["id"]
        if not isinstance(actor_id, str) or not _ID.match(actor_id):
            self.problem(label, f"id {actor_id!r} is not upper-case letters, digits, '_' and '.'",
                         "write ids like SYR.GOV or HEZBOLLAH")
            return None
        if raw["kind"] not in KINDS:
            self.problem(label, f"unknown kind {raw['kind']!r}", f"use one of: {', '.join(KINDS)}")
        wikidata = self.text(raw, "wikidata", label)
        if wikidata and not _QID.match(wikidata):
            self.problem(label, f"wikidata {wikidata!r} is not a QID", "write it like Q858, or leave it out")
        start, end = self.span(raw, label)
        name = str(raw["name"])
        aliases = [Alias(name, normalize_name(name), actor_id, "name")] if index_name else []
        aliases += self.aliases(raw.get("aliases"), actor_id, label)
        aliases += [replace(alias, actor_id=actor_id) for alias in extra_aliases]
        cameo = self.text(raw, "cameo", label)
        actor = Actor(actor_id, name, raw["kind"], raw.get("parent", default_parent), wikidata, cameo)
        relations = tuple(self.relations(raw.get("relations"), actor_id, label))
        roles = tuple(self.roles(raw.get("roles"), actor_id, label))
        return CatalogueEntry(actor, _dedupe(aliases), start, end, relations=relations, roles=roles,
                              note=raw.get("note") or "", source=str(self.path))

    def state(self, raw: Any) -> list[CatalogueEntry]:
        """One ``states:`` entry, expanded into the state, its government, its military and their bodies."""
        label = f"state {raw.get('iso3', '?')}" if isinstance(raw, dict) else "state"
        if not self.fields(raw, _STATE_FIELDS, ("iso3", "name", "un"), label):
            return []
        iso = raw["iso3"]
        if not isinstance(iso, str) or not _ISO3.match(iso):
            self.problem(label, f"iso3 {iso!r} is not three capital letters", "use the ISO 3166-1 alpha-3 code")
            return []
        if raw["un"] not in UN_STATUSES:
            self.problem(label, f"un {raw['un']!r} is not one of {UN_STATUSES}",
                         "write un: member, un: observer or un: none")
        name, cameo = str(raw["name"]), raw.get("cameo", iso)
        demonyms = raw.get("demonyms") or []
        if not all(isinstance(d, str) for d in demonyms):
            self.problem(label, f"demonyms {demonyms!r} are not all text", "write demonyms: [Syrian]")
            demonyms = [d for d in demonyms if isinstance(d, str)]
        capitals = raw.get("capital") or []
        capitals = [capitals] if isinstance(capitals, str) else capitals
        state = self.actor({"id": iso, "name": name, "kind": "state", "cameo": cameo,
                            **{key: raw.get(key) for key in ("wikidata", "aliases", "from", "until", "note")}})
        if state is None:
            return []
        entries = [replace(state, demonyms=tuple(demonyms), iso3=iso, un_status=raw["un"])]
        adjective = demonyms[0] if demonyms else name
        for branch, periods_key, suffix, label_name in (
                ("government", "governments", "GOV", f"{adjective} government"),
                ("military", "militaries", "MIL", f"{adjective} armed forces")):
            branch_id = f"{iso}.{suffix}"
            shared = self.aliases(raw.get(f"{branch}_aliases"), branch_id, label)
            if branch == "government":
                shared += self.aliases(capitals, branch_id, label, origin="capital")
            shared += [Alias(t, normalize_name(t), branch_id, "template")
                       for t in _fill(self.templates.get(branch, []), name, demonyms)]
            periods = raw.get(periods_key) or []
            head = {"id": branch_id, "name": raw.get(f"{branch}_name") or label_name, "kind": branch,
                    "parent": iso, "cameo": f"{cameo}{suffix}" if cameo else None,
                    "from": raw.get("from"), "until": raw.get("until")}
            # With successive periods (Assad's government, then the transitional one) the
            # shared names go to each period, and the head is only the node they hang from.
            entry = self.actor(head, label, extra_aliases=() if periods else shared, index_name=not periods)
            entries += [entry] if entry else []
            for period in periods:
                if self.fields(period, _PERIOD_FIELDS, ("id", "name"), f"{label} {periods_key}"):
                    entry = self.actor({**period, "kind": branch, "parent": branch_id, "cameo": head["cameo"]},
                                       label, extra_aliases=shared)
                    entries += [entry] if entry else []
        for body in raw.get("bodies") or []:
            body_id = body.get("id") if isinstance(body, dict) else None
            parent = body_id.rpartition(".")[0] or None if isinstance(body_id, str) else None
            entry = self.actor(body, label, default_parent=parent)
            entries += [entry] if entry else []
        return entries


def _fill(templates: Sequence[str], name: str, demonyms: Sequence[str]) -> list[str]:
    names = []
    for template in templates:
        if "{demonym}" in template:
            names += [template.format(demonym=d, name=name) for d in demonyms]
        else:
            names.append(template.format(name=name, demonym=""))
    return names


def _dedupe(aliases: Sequence[Alias]) -> tuple[Alias, ...]:
    """One alias per (key, span), keeping the best origin: an entry's own name beats a template's."""
    best: dict[tuple, Alias] = {}
    for alias in aliases:
        slot = (alias.key, alias.valid_from, alias.valid_until)
        if slot not in best or _ORIGIN_RANK[alias.origin] < _ORIGIN_RANK[best[slot].origin]:
            best[slot] = alias
    return tuple(best.values())


def _read_file(path: Path) -> tuple[list[CatalogueEntry], list[Problem]]:
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        return [], [Problem(str(path), "unsupported catalogue file type", "use a .yaml, .yml or .csv file")]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as error:
        return [], [Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path")]
    except yaml.YAMLError as error:
        return [], [Problem(str(path), f"is not valid YAML: {error}", "fix the syntax at the line shown")]
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        return [], [Problem(str(path), f"has no 'format: {FORMAT_VERSION}' line (the catalogue format read here)",
                            f"add 'format: {FORMAT_VERSION}' and list entries under 'states:' or 'actors:'")]
    templates = data.get("templates") or (_bundled_templates() if path.parent != BUNDLED_DIR else {})
    reader = _FileReader(path, templates)
    for key in sorted(set(data) - {"format", "templates", "states", "actors"}, key=str):
        reader.problem("top level", f"unknown key {key!r}", "use only format, templates, states and actors")
    entries: list[CatalogueEntry] = []
    for raw in data.get("states") or []:
        entries += reader.state(raw)
    for raw in data.get("actors") or []:
        entry = reader.actor(raw)
        entries += [entry] if entry else []
    return entries, reader.problems


@functools.lru_cache(maxsize=1)
def _bundled_templates() -> dict[str, list[str]]:
    data = yaml.load((BUNDLED_DIR / "states.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    return data.get("templates") or {}


def _read_csv(path: Path) -> tuple[list[CatalogueEntry], list[Problem]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            table = csv.DictReader(handle)
            rows, columns = list(table), table.fieldnames or []
    except OSError as error:
        return [], [Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path")]
    except csv.Error as error:
        return [], [Problem(str(path), f"is not valid CSV: {error}", "fix the row shown")]
    reader = _FileReader(path, {})
    unknown = sorted(c for c in columns if c not in _CSV_COLUMNS)
    if unknown:
        reader.problem("header", f"unknown column(s) {', '.join(unknown)}", f"use only: {', '.join(_CSV_COLUMNS)}")
        return [], reader.problems
    entries = []
    for line, row in enumerate(rows, start=2):
        raw = {key: value.strip() for key, value in row.items() if key and value and value.strip()}
        if "aliases" in raw:
            raw["aliases"] = [name.strip() for name in raw["aliases"].split(";") if name.strip()]
        entry = reader.actor(raw, f"line {line}")
        entries += [entry] if entry else []
    return entries, reader.problems
