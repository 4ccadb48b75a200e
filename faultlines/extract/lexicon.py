"""The event lexicon and attribution cues, read from ``rules/events.yaml`` and
``rules/attribution.yaml`` into frozen values.

The rules are data: this module only loads and checks them, so a user who adds a verb
to the YAML file sees a clear error if the entry is malformed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import FaultlinesError

RULES_DIR = Path(__file__).with_name("rules")

PLOVER_EVENTS = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
RELATIONS = frozenset({"BACKS", "ALLIED_WITH", "MEMBER_OF", "HOSTILE_TO"})
# Ends a statement's ``extractor`` name when the text states the tie as past ("the former
# rebel commander"): still a fact, but no current affiliation.
FORMER_TIE = ":former"
# Prepositions whose object is a verb's target unless the entry names its own.
DEFAULT_TARGET_PREPS = ("against", "on", "at", "with", "to")


@dataclass(frozen=True)
class Trigger:
    """What a verb, noun or hyphenated compound says happens or holds."""

    type: str
    preps: tuple[str, ...] | None = None
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


def _triggers(raw: dict, section: str, path: Path) -> dict[str, Trigger]:
    found = {}
    for word, entry in (raw.get(section) or {}).items():
        entry = dict(entry or {})
        kind = entry.get("type")
        if kind not in PLOVER_EVENTS | RELATIONS:
            raise FaultlinesError(
                f"{path}: {section}.{word}: unknown type {kind!r} "
                f"(use a PLOVER event type or one of {', '.join(sorted(RELATIONS))})"
            )
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
        )
        trigger = found[str(word).lower()]
        for key, other in [*trigger.by_object.items(), *trigger.by_modifier.items(), *trigger.by_prep.items(),
                           *trigger.by_verb.items()]:
            if other not in PLOVER_EVENTS | RELATIONS:
                raise FaultlinesError(f"{path}: {section}.{word}: {key}: unknown type {other!r}")
    return found


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


@functools.lru_cache(maxsize=4)
def load_lexicon(events: Path = RULES_DIR / "events.yaml", attribution: Path = RULES_DIR / "attribution.yaml") -> Lexicon:
    """The bundled rules (cached)."""
    raw = _read(events)
    cues = _read(attribution)
    words = lambda key: frozenset(str(w).lower() for w in cues.get(key, ()))  # noqa: E731
    return Lexicon(
        verbs=_triggers(raw, "verbs", events),
        nouns=_triggers(raw, "nouns", events),
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
        mobilizing_governors=words("mobilizing_governors"),
        claim_nouns=words("claim_nouns"),
        responsibility_words=words("responsibility_words"),
        claim_making_verbs=words("claim_making_verbs"),
        negating_after_no=words("negating_after_no"),
        negative_subjects=words("negative_subjects"),
    )
