"""Cue-word lists for actor recognition, read from ``rules/actor_cues.yaml``.

The lists are data: a user teaches faultlines a new role noun or source word by editing
the YAML file, not this module.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from ..errors import FaultlinesError

RULES_DIR = Path(__file__).with_name("rules")


@dataclass(frozen=True)
class ActorCues:
    role_nouns: frozenset[str]
    titles: tuple[str, ...]  # longest first, so "major general" is stripped before "major"
    anonymous_heads: frozenset[str]
    sector_words: frozenset[str]
    military_nouns: frozenset[str]
    possessed_forces: frozenset[str]
    possessed_government: frozenset[str]
    group_anaphors: dict[str, tuple[str, ...]]
    person_pronouns: frozenset[str]
    place_prepositions: frozenset[str]
    group_pronouns: frozenset[str]
    state_agents: dict[str, str]
    group_name_words: frozenset[str]
    former_modifiers: frozenset[str] = frozenset()
    agentive_adjectives: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    civilian_nouns: frozenset[str] = frozenset()
    place_head_nouns: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    web_chrome: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    arabic_place_words: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def actor_cues(path: Path = RULES_DIR / "actor_cues.yaml") -> ActorCues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = sorted(set(raw) - {f.name for f in fields(ActorCues)})
    if unknown:  # a list nothing reads is a bug: the user believes it works
        raise FaultlinesError(f"{path}: unknown list(s) {', '.join(unknown)} "
                              f"(use only {', '.join(f.name for f in fields(ActorCues))}, or teach ActorCues the new one)")
    return ActorCues(
        role_nouns=frozenset(raw["role_nouns"]),
        titles=tuple(sorted(raw["titles"], key=len, reverse=True)),
        anonymous_heads=frozenset(raw["anonymous_heads"]),
        sector_words=frozenset(raw["sector_words"]),
        military_nouns=frozenset(raw["military_nouns"]),
        possessed_forces=frozenset(raw["possessed_forces"]),
        possessed_government=frozenset(raw["possessed_government"]),
        group_anaphors={k: tuple(v) for k, v in raw["group_anaphors"].items()},
        person_pronouns=frozenset(raw["person_pronouns"]),
        place_prepositions=frozenset(raw["place_prepositions"]),
        group_pronouns=frozenset(raw["group_pronouns"]),
        state_agents=dict(raw.get("state_agents") or {}),
        group_name_words=frozenset(str(w).lower() for w in raw.get("group_name_words", ())),
        agentive_adjectives=frozenset(str(w).lower() for w in raw.get("agentive_adjectives", ())),
        former_modifiers=frozenset(str(w).lower() for w in raw.get("former_modifiers", ())),
        **{key: frozenset(str(w).lower() for w in raw.get(key, ())) for key in (
            "member_nouns", "civilian_nouns", "place_head_nouns", "locative_prepositions", "web_chrome",
            "citing_verbs", "arabic_place_words")},
    )
