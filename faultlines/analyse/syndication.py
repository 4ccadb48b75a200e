"""Find syndicated copies: articles that are the same story, reprinted or lightly edited.

An AP story reprinted by forty sites is one source, not forty. Each article is cut into
word shingles (overlapping 5-word sequences); MinHash signatures with banded
locality-sensitive hashing propose pairs that probably share many shingles, and each
proposed pair is then checked exactly: two articles are copies when most of the shorter
one's shingles are in the longer one (containment, so a reprint that adds a paragraph or
trims the end is still a copy). Copies are grouped transitively; a group is named by
its earliest article (by publication date, then id), so ``group_of[id]`` is stable.

Hand-written rather than datasketch: datasketch needs SciPy (~40 MB) for what is forty
lines of NumPy here, and the exact check on candidates is what decides anyway.

It does not detect translations, or stories rewritten in other words from one wire
report: those are independent texts, and counted as such.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16            # 16 bands of 4 rows: pairs above ~0.5 Jaccard are proposed almost surely
CONTAINMENT = 0.7     # share of the shorter text's shingles found in the longer one
_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ArticleText:
    """What syndication detection needs of an article."""

    id: int
    text: str
    published: str | None = None


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The article's word n-grams, case- and punctuation-blind, as 32-bit hashes."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1))


def _signature(hashes: frozenset[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    # (a*x + b) mod p over all permutations at once; Python ints would be 50x slower.
    products = (np.outer(a, values) + b[:, None]) % _MERSENNE
    return products.min(axis=1)


def containment(first: frozenset[int], second: frozenset[int]) -> float:
    """How much of the shorter shingle set is in the longer one (0..1)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def syndication_groups(articles: Iterable[ArticleText], *, threshold: float = CONTAINMENT) -> dict[int, int]:
    """Map every article id to its group: the id of the earliest copy of the same story.

    An article with no copy is its own group.
    """
    items = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    sets = {a.id: shingles(a.text) for a in items}
    rng = np.random.default_rng(20171024)   # fixed: the same corpus gives the same groups
    a = rng.integers(1, _MERSENNE, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, _MERSENNE, size=PERMUTATIONS, dtype=np.uint64)
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple, list[int]] = {}
    for item in items:
        if not sets[item.id]:
            continue
        signature = _signature(sets[item.id], a, b)
        for band in range(BANDS):
            key = (band, signature[band * rows:(band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(item.id)
    order = {item.id: n for n, item in enumerate(items)}
    parent = {item.id: item.id for item in items}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                pair = (first, second) if first < second else (second, first)
                if pair in checked:
                    continue
                checked.add(pair)
                if containment(sets[first], sets[second]) >= threshold:
                    r1, r2 = root(first), root(second)
                    if r1 != r2:   # the earlier article stays the group's name
                        earlier, later = (r1, r2) if order[r1] < order[r2] else (r2, r1)
                        parent[later] = earlier
    return {item.id: root(item.id) for item in items}


def copies(groups: Mapping[int, int]) -> dict[int, tuple[int, ...]]:
    """Groups with more than one article: earliest id -> every id in the group."""
    members: dict[int, list[int]] = {}
    for article_id, group in groups.items():
        members.setdefault(group, []).append(article_id)
    return {group: tuple(sorted(ids)) for group, ids in members.items() if len(ids) > 1}
