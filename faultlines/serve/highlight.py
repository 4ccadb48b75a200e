"""An article's text cut into pieces at the offsets of its statements, for marking them up.

The text is never turned into HTML here: each piece stays plain text and the template
escapes it, so a ``<script>`` in an article is shown, not run. Only our own markup goes
around the pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Piece:
    """A stretch of text covered by the same statements (by their index in the list given)."""

    text: str
    start: int
    statements: tuple[int, ...] = ()
    highlighted: bool = False
    anchor: str | None = None                  # id of the first highlighted piece, to scroll to
    ending: list[int] = field(default_factory=list)  # statements whose span ends after this piece


def cut(text: str, spans: list[tuple[int, int]], highlighted: set[int] = frozenset()) -> list[Piece]:
    """``text`` in pieces at every span boundary; ``highlighted`` are span indexes to stress.

    Spans out of the text's range are clipped, empty ones ignored.
    """
    size = len(text)
    clipped = [(max(0, min(s, size)), max(0, min(e, size))) for s, e in spans]
    bounds = sorted({0, size, *(b for span in clipped for b in span)})
    pieces: list[Piece] = []
    anchored = False
    for left, right in zip(bounds, bounds[1:]):
        covering = tuple(i for i, (s, e) in enumerate(clipped) if s <= left and right <= e and s < e)
        stressed = any(i in highlighted for i in covering)
        piece = Piece(text[left:right], left, covering, stressed)
        if stressed and not anchored:
            piece.anchor, anchored = "evidence", True
        piece.ending = [i for i in covering if clipped[i][1] == right]
        pieces.append(piece)
    return pieces
