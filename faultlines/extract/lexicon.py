"""The event lexicon and attribution cues, read from ``rules/events.yaml`` and
``rules/attribution.yaml`` into frozen values.

The rules are data: this module only loads and checks them, so a user who adds a verb
to the YAML file sees a clear error if the entry is malformed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from ..errors import FaultlinesError
from ..statement_types import type_table

RULES_DIR = Path(__file__).with_name("rules")

# The types, from the one type table (faultlines/types.yaml).
PLOVER_EVENTS = type_table().events
RELATIONS = type_table().relations
# What an entry of a trigger section may say (events.yaml header); any other key is an error.
ENTRY_KEYS = frozenset({"type", "preps", "particle", "accused_act", "infinitive", "needs_prep", "needs_object",
                        "reverse", "object_type", "by_object", "by_modifier", "by_prep", "by_verb", "example"})
# Derived entries (lexicon_codebook.yaml) also say where they came from.
CODEBOOK_KEYS = frozenset({"type", "particle", "by_prep", "cameo", "from_verb"})
# Prefixes that keep the inflection of the verb they attach to: "retook" like "took".
VERB_PREFIXES = ("re", "over", "out", "counter", "under", "with")
TRIGGER_SECTIONS = ("verbs", "nouns", "compounds", "relational_nouns")
INFINITIVE_STATUSES = ("hypothetical", "negated")
# Ends a statement's ``extractor`` name when the text states the tie as past ("the former
# rebel commander"): still a fact, but no current affiliation.
FORMER_TIE = ":former"
# Prepositions whose object is a verb's target unless the entry names its own.
DEFAULT_TARGET_PREPS = ("against", "on", "at", "with", "to")


@dataclass(frozen=True)
class Trigger:
    """What a verb, noun or hyphenated compound says happens or holds."""

    type: str
    preps: tuple[str, ...] | None = None  # None: the default prepositions (of a verb, of the type for a noun)
    particle: tuple[str, ...] = ()  # one of these must be there ("beat back", "beat up")
    accused_act: tuple[str, ...] = ()
    infinitive: str | None = None  # hypothetical | negated
    needs_prep: bool = False
    needs_object: bool = False  # "returned the prisoners" is an event, "returned to Geneva" is not
    reverse: bool = False
    object_type: str | None = None  # the type when the verb has a direct object
    by_object: dict = field(default_factory=dict)  # object lemma -> type ("expel diplomats": SANCTION)
    by_modifier: dict = field(default_factory=dict)  # noun modifier -> type ("hunger strike": PROTEST)
    by_prep: dict = field(default_factory=dict)  # preposition -> type ("march on Aleppo": ASSAULT)
    by_verb: dict = field(default_factory=dict)  # governing verb -> type ("sign an agreement": SUPPORT)
    example: str | None = None  # a sentence the entry reads (tests/test_rules.py extracts it)
    source: str = "hand"  # hand, or "codebook CAMEO <code> [(from <verb>)]" (lexicon_codebook.yaml)

    @property
    def kind(self) -> str:
        return "relation" if self.type in RELATIONS else "event"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    compounds: dict[str, Trigger]
    relational_nouns: dict[str, Trigger]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    addressed_reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    according_to: tuple[str, ...]
    modal_auxiliaries: frozenset[str]
    hypothetical_governors: frozenset[str]
    wanting_verbs: frozenset[str]
    normative_modals: frozenset[str]
    colon_speakers: frozenset[str]
    object_control: frozenset[str]
    commitment_auxiliaries: frozenset[str]
    commissive_governors: frozenset[str]
    negating_governors: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    contrastive_phrases: tuple[tuple[str, ...], ...]
    hearsay_hedges: frozenset[str]
    uncertainty_hedges: frozenset[str]
    evaluative_words: frozenset[str]
    first_person: frozenset[str]
    reported_future: frozenset[str] = frozenset()
    purpose_nouns: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    mobilizing_governors: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    responsibility_words: frozenset[str] = frozenset()
    claim_making_verbs: frozenset[str] = frozenset()
    negating_after_no: frozenset[str] = frozenset()
    negative_subjects: frozenset[str] = frozenset()
    relativizers: frozenset[str] = frozenset()
    indefinite_determiners: frozenset[str] = frozenset()
    inclusion_verbs: frozenset[str] = frozenset()
    inflections: dict[str, str] = field(default_factory=dict)  # irregular form -> verb lemma ("retook" -> "retake")
    instrument_nouns: frozenset[str] = frozenset()
    origin_participles: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    cause_marks: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    manner_preps: frozenset[str] = frozenset()
    aided_preps: frozenset[str] = frozenset()
    weapon_use_type: str = "ASSAULT"
    weapon_target_preps: tuple[str, ...] = ()
    quantity_nouns: frozenset[str] = frozenset()
    # Types of material force: only their nouns take an agent from "from" ("fire from ISIS
    # positions"), and only they pass an agent on to a passive verb done "in" them.
    force_types: frozenset[str] = type_table().names(force=True)


def _triggers(raw: dict, section: str, path: Path, allowed: frozenset[str] = ENTRY_KEYS,
              source: str = "hand") -> dict[str, Trigger]:
    found = {}
    for word, entry in (raw.get(section) or {}).items():
        where = f"{path}: {section}.{word}"
        if entry is not None and not isinstance(entry, dict):
            raise FaultlinesError(f"{where}: is not a mapping (write {{type: ..., example: ...}})")
        entry = dict(entry or {})
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise FaultlinesError(f"{where}: unknown key(s) {', '.join(unknown)} "
                                  f"(use only {', '.join(sorted(allowed))}; a key the code does not read is a bug)")
        kind = entry.get("type")
        if kind not in PLOVER_EVENTS | RELATIONS:
            raise FaultlinesError(
                f"{where}: unknown type {kind!r} "
                f"(use a type of faultlines/types.yaml: {', '.join(sorted(PLOVER_EVENTS | RELATIONS))})"
            )
        if entry.get("infinitive") not in (None, *INFINITIVE_STATUSES):
            raise FaultlinesError(f"{where}: infinitive is {entry['infinitive']!r} (use {' or '.join(INFINITIVE_STATUSES)})")
        found[str(word).lower()] = Trigger(
            type=kind,
            # No "preps" key: the default prepositions; "preps: []": direct objects only.
            preps=tuple(entry["preps"]) if "preps" in entry else None,
            particle=_words(entry.get("particle")),
            accused_act=tuple(entry.get("accused_act", ())),
            infinitive=entry.get("infinitive"),
            needs_prep=bool(entry.get("needs_prep", False)),
            needs_object=bool(entry.get("needs_object", False)),
            reverse=bool(entry.get("reverse", False)),
            object_type=entry.get("object_type"),
            by_object={str(k).lower(): v for k, v in (entry.get("by_object") or {}).items()},
            by_modifier={str(k).lower(): v for k, v in (entry.get("by_modifier") or {}).items()},
            by_prep={str(k).lower(): v for k, v in (entry.get("by_prep") or {}).items()},
            by_verb={str(k).lower(): v for k, v in (entry.get("by_verb") or {}).items()},
            example=entry.get("example"),
            # A derived entry keeps where it came from: "codebook CAMEO 173 (from arrest)".
            source=" ".join([source] + ([f"CAMEO {entry['cameo']}"] if "cameo" in entry else [])
                            + ([f"(from {entry['from_verb']})"] if "from_verb" in entry else [])),
        )
        trigger = found[str(word).lower()]
        others = [*trigger.by_object.items(), *trigger.by_modifier.items(), *trigger.by_prep.items(), *trigger.by_verb.items()]
        if trigger.object_type:
            others.append(("object_type", trigger.object_type))
        for key, other in others:
            if other not in PLOVER_EVENTS | RELATIONS:
                raise FaultlinesError(f"{where}: {key}: unknown type {other!r} (use a type of faultlines/types.yaml)")
    return found


def _check_keys(raw: dict, allowed, path: Path) -> None:
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise FaultlinesError(f"{path}: unknown section(s) {', '.join(map(str, unknown))} "
                              f"(use only {', '.join(sorted(allowed))}, or teach the loader the new list)")


def _merged(hand: dict[str, Trigger], derived: dict[str, Trigger]) -> dict[str, Trigger]:
    """Hand-written entries win over derived ones for the same word."""
    return {**derived, **hand}
def _weapon_use(raw: dict, path: Path) -> tuple[str, tuple[str, ...]]:
    entry = raw.get("weapon_use") or {"type": "ASSAULT", "preps": []}
    unknown = sorted(set(entry) - {"type", "preps"})
    if unknown:
        raise FaultlinesError(f"{path}: weapon_use: unknown key(s) {', '.join(unknown)} (use only type and preps)")
    if entry.get("type") not in PLOVER_EVENTS:
        raise FaultlinesError(f"{path}: weapon_use: unknown type {entry.get('type')!r} (use a PLOVER event type)")
    return entry["type"], tuple(str(p).lower() for p in entry.get("preps", ()))


def _words(value) -> tuple[str, ...]:
    """A word or a list of words, as a tuple of lower-cased words."""
    if value is None:
        return ()
    return tuple(str(w).lower() for w in ([value] if isinstance(value, str) else value))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice: the second would silently win."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        duplicates = sorted({k for k in keys if keys.count(k) > 1}, key=str)
        if duplicates:
            raise FaultlinesError(f"line {node.start_mark.line + 1}: {', '.join(map(str, duplicates))} written twice; keep one entry")
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads on/off/yes/no as booleans; in a word list "on" is a preposition and
# "no" a negation. Only true/false are booleans here.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_UniqueKeyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read(path: Path) -> dict:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    except FaultlinesError as error:
        raise FaultlinesError(f"{path}: {error}") from None


EVENTS_SECTIONS = frozenset({*TRIGGER_SECTIONS, "light_verbs", "light_nouns", "purpose_nouns", "object_control",
                             "relativizers", "indefinite_determiners", "inclusion_verbs", "instrument_nouns",
                             "means_preps", "weapon_use", "manner_preps", "aided_preps", "definite_determiners",
                             "cause_marks", "quantity_nouns", "origin_participles"})
# Lexicon fields that are not a section of a rules file of their own.
NOT_A_LIST = frozenset({"inflections", "weapon_use_type", "weapon_target_preps", "force_types"})
# attribution.yaml: every list the Lexicon holds that events.yaml does not, by its field's name.
ATTRIBUTION_SECTIONS = frozenset(f.name for f in fields(Lexicon)) - EVENTS_SECTIONS - NOT_A_LIST


def _inflections(irregular: dict, verbs) -> dict[str, str]:
    """Irregular forms of the lexicon's verbs, also through a prefix ("retake": "retook")."""
    found = {str(form): str(lemma) for form, lemma in irregular.items() if lemma in verbs}
    for verb in verbs:
        for prefix in VERB_PREFIXES:
            base = verb[len(prefix):]
            if verb.startswith(prefix) and base:
                found.update({prefix + form: verb for form, lemma in irregular.items() if lemma == base})
    return found


@functools.lru_cache(maxsize=4)
def load_lexicon(events: Path = RULES_DIR / "events.yaml", attribution: Path = RULES_DIR / "attribution.yaml",
                 codebook: Path | None = RULES_DIR / "lexicon_codebook.yaml") -> Lexicon:
    """The bundled rules (cached): the hand-written triggers over those derived from the
    codebooks (``tools/build_lexicon.py``); ``codebook=None`` reads the hand entries only."""
    raw = _read(events)
    cues = _read(attribution)
    _check_keys(raw, EVENTS_SECTIONS, events)
    _check_keys(cues, ATTRIBUTION_SECTIONS, attribution)
    derived = _read(codebook) if codebook is not None else {}
    if derived:
        _check_keys(derived, {"verbs", "nouns", "inflections"}, codebook)
    words = lambda key: frozenset(str(w).lower() for w in cues.get(key, ()))  # noqa: E731
    # Verbs with a role of their own here are never typed by the codebook: a light verb
    # ("escalate attacks") or a control verb ("allowed the forces to coordinate") passes
    # the event to its object or infinitive, a reporting verb says who asserts it.
    roles = frozenset(raw.get("light_verbs", ())) | frozenset(raw.get("object_control", ())) | words("reporting_verbs") \
        | words("hypothetical_governors") | words("wanting_verbs") | words("commissive_governors") | words("negating_governors")
    derived_verbs = {w: t for w, t in _triggers(derived, "verbs", codebook, CODEBOOK_KEYS, "codebook").items() if w not in roles}
    # A noun that names a means of force ("rocket shells", "fire") is no act of its own:
    # whoever uses it acts (instrument_nouns), whatever verb it derives from.
    instruments = frozenset(str(w).lower() for w in raw.get("instrument_nouns", ()))
    derived_nouns = {w: t for w, t in _triggers(derived, "nouns", codebook, CODEBOOK_KEYS, "codebook").items()
                     if w not in instruments}
    verbs = _merged(_triggers(raw, "verbs", events), derived_verbs)
    return Lexicon(
        verbs=verbs,
        inflections=_inflections(derived.get("inflections") or {}, set(verbs) | set(raw.get("light_verbs", ()))),
        nouns=_merged(_triggers(raw, "nouns", events), derived_nouns),
        compounds=_triggers(raw, "compounds", events),
        relational_nouns=_triggers(raw, "relational_nouns", events),
        light_verbs=frozenset(raw.get("light_verbs", ())),
        reporting_verbs=words("reporting_verbs"),
        addressed_reporting_verbs=words("addressed_reporting_verbs"),
        denial_verbs=words("denial_verbs"),
        according_to=tuple(cues.get("according_to", ())),
        modal_auxiliaries=words("modal_auxiliaries"),
        hypothetical_governors=words("hypothetical_governors"),
        wanting_verbs=words("wanting_verbs"),
        normative_modals=words("normative_modals"),
        colon_speakers=words("colon_speakers"),
        object_control=frozenset(str(w).lower() for w in raw.get("object_control", ())),
        commitment_auxiliaries=words("commitment_auxiliaries"),
        commissive_governors=words("commissive_governors"),
        negating_governors=words("negating_governors"),
        conditional_marks=words("conditional_marks"),
        negations=words("negations"),
        contrastive_phrases=tuple(tuple(str(p).lower().split()) for p in cues.get("contrastive_phrases", ())),
        hearsay_hedges=words("hearsay_hedges"),
        uncertainty_hedges=words("uncertainty_hedges"),
        evaluative_words=words("evaluative_words"),
        first_person=words("first_person"),
        reported_future=words("reported_future"),
        purpose_nouns=frozenset(str(w).lower() for w in raw.get("purpose_nouns", ())),
        light_nouns=frozenset(str(w).lower() for w in raw.get("light_nouns", ())),
        instrument_nouns=frozenset(str(w).lower() for w in raw.get("instrument_nouns", ())),
        origin_participles=frozenset(str(w).lower() for w in raw.get("origin_participles", ())),
        means_preps=frozenset(str(w).lower() for w in raw.get("means_preps", ())),
        weapon_use_type=_weapon_use(raw, events)[0],
        weapon_target_preps=_weapon_use(raw, events)[1],
        cause_marks=frozenset(str(w).lower() for w in raw.get("cause_marks", ())),
        definite_determiners=frozenset(str(w).lower() for w in raw.get("definite_determiners", ())),
        manner_preps=frozenset(str(w).lower() for w in raw.get("manner_preps", ())),
        aided_preps=frozenset(str(w).lower() for w in raw.get("aided_preps", ())),
        quantity_nouns=frozenset(str(w).lower() for w in raw.get("quantity_nouns", ())),
        mobilizing_governors=words("mobilizing_governors"),
        claim_nouns=words("claim_nouns"),
        responsibility_words=words("responsibility_words"),
        claim_making_verbs=words("claim_making_verbs"),
        negating_after_no=words("negating_after_no"),
        negative_subjects=words("negative_subjects"),
        relativizers=frozenset(str(w).lower() for w in raw.get("relativizers", ())),
        indefinite_determiners=frozenset(str(w).lower() for w in raw.get("indefinite_determiners", ())),
        inclusion_verbs=frozenset(str(w).lower() for w in raw.get("inclusion_verbs", ())),
    )
