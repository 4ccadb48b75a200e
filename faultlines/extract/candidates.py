"""Event candidates: what ``faultlines_statements`` finds at one trigger, as token
indices of its Doc, stored on ``doc._.faultlines_events`` as plain dicts.

Pure values and the helpers that build and read them; no rule reading happens here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .attribution import Frame

EVENTS_ATTR = "faultlines_events"
if not Doc.has_extension(EVENTS_ATTR):
    Doc.set_extension(EVENTS_ATTR, default=None)


@dataclass(frozen=True)
class EventCandidate:
    """One trigger with its argument heads and cues, all as token indices of the Doc."""

    trigger: int
    type: str
    kind: str
    how: str  # verb | noun | compound
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    # Tried, in order, when no target resolves to an actor: "refused admittance to
    # Ghanaians" (the object is no actor, the "to" phrase is), "demanded that the US
    # cancel" (the complement's subject), "threatened to launch an offensive on Iraq".
    fallback_targets: tuple[int, ...] = ()
    # Tried when no source resolves: "Moscow would exploit any agreement to bolster the
    # regime" (the parser hangs "to bolster" on "agreement"; Moscow bolsters).
    fallback_sources: tuple[int, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    frame: Frame | None = None  # who asserts it, if not the outlet
    symmetric: bool = False  # "X and Y agreed", "a deal between X and Y"
    background: bool = False  # an apposition or a definite description: the outlet's own background, not the speaker's claim


def events_of(doc: Doc) -> list[EventCandidate]:
    """The candidates the component stored on a Doc."""
    found = []
    for raw in doc._.get(EVENTS_ATTR) or []:
        frame = Frame(**raw["frame"]) if raw.get("frame") else None
        found.append(EventCandidate(**{
            **raw, "frame": frame, "sources": tuple(raw["sources"]), "targets": tuple(raw["targets"]),
            "fallback_targets": tuple(raw["fallback_targets"]), "fallback_sources": tuple(raw.get("fallback_sources", ())),
        }))
    return found


def expand(tokens) -> list[Token]:
    """Tokens with everything coordinated with them: "ISIS, the SDF and US special forces"."""
    found, queue = [], list(tokens)
    while queue:
        token = queue.pop(0)
        if token in found:
            continue
        found.append(token)
        queue += [c for c in token.children if c.dep_ == "conj"]
        # "such as Lebanese Hezbollah", "militant groups including the Nusra Front": the
        # examples stand for the group.
        for prep in token.children:
            if prep.dep_ == "prep" and (prep.lower_ == "as" and any(a.lower_ == "such" for a in prep.lefts)
                                        or prep.lower_ == "including"):
                queue += [c for c in prep.children if c.dep_ == "pobj"]
    return found
