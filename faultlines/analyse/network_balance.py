"""Split a signed graph into factions by structural balance (Doreian & Mrvar's relocation).

A partition is judged by its frustration: the weight of the edges it contradicts,
``alpha * |negative weight inside groups| + (1 - alpha) * positive weight between groups``.
For each number of groups k = 1..6 the search starts from partitions found by k-means on
a signed spectral embedding (eigenvectors of the signed Laplacian D̄ - A, Kunegis et al.
2010) and from a few random ones, and improves each by moving single actors and swapping
pairs of actors between groups while that lowers the frustration. The k with the lowest
frustration wins, ties to fewer groups (an extra group that explains nothing is not a
faction).

Every connected component is split on its own: the frustration does not care whether
two actors that never meet share a group, so putting them together would be an
accident of the search, not a finding. A component with no negative edge is one group.

Pure NumPy over dense matrices: the networks faultlines builds have tens to a few
thousand actors. Deterministic: every random start comes from a fixed seed.

It does not find factions by community detection on positive edges only (that ignores
what hostility says), and does not weigh nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ALPHA = 0.5
MAX_GROUPS = 6
SPECTRAL_STARTS = 3     # k-means runs on the spectral embedding, per k
RANDOM_STARTS = 4       # random partitions, per k: they catch what the embedding misses
SWAP_LIMIT = 600        # pair swaps cost an n x n matrix a round; bigger components only move
MAX_ROUNDS = 200
SEED = 20171017         # fixed: the same network gives the same factions


@dataclass(frozen=True)
class Partition:
    """Groups of a signed graph: ``groups[i]`` is node i's group, numbered from 0 by first node."""

    groups: tuple[int, ...]
    frustration: float   # alpha-weighted, as minimised
    misplaced: float     # weight the partition contradicts, unweighted by alpha
    total: float         # sum of |weight| over all edges

    @property
    def balance(self) -> float:
        """Share of the edge weight the partition agrees with: 1 is perfectly balanced."""
        return 1.0 if self.total == 0 else 1.0 - self.misplaced / self.total


def balance_partition(
    positive: np.ndarray, negative: np.ndarray, *, alpha: float = ALPHA, max_groups: int = MAX_GROUPS,
) -> Partition:
    """The partition of lowest frustration, component by component.

    Args:
        positive: symmetric n x n matrix of positive weights (zero diagonal).
        negative: symmetric n x n matrix of negative weights as magnitudes (>= 0).
    """
    positive = np.asarray(positive, dtype=float)
    negative = np.asarray(negative, dtype=float)
    n = positive.shape[0]
    groups = np.zeros(n, dtype=int)
    offset = 0
    for members in _components(positive + negative):
        labels = _component_partition(positive[np.ix_(members, members)], negative[np.ix_(members, members)],
                                      alpha, max_groups)
        groups[members] = labels + offset
        offset += int(labels.max()) + 1
    groups = _canonical(groups)
    same = groups[:, None] == groups[None, :]
    inside_negative = float(negative[same].sum()) / 2
    between_positive = float(positive[~same].sum()) / 2
    return Partition(
        groups=tuple(int(g) for g in groups),
        frustration=alpha * inside_negative + (1 - alpha) * between_positive,
        misplaced=inside_negative + between_positive,
        total=float(positive.sum() + negative.sum()) / 2,
    )


def _components(weights: np.ndarray) -> list[np.ndarray]:
    """Connected components (node indices, ascending), in order of their first node."""
    n = weights.shape[0]
    seen = np.zeros(n, dtype=bool)
    found = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        stack, members = [start], [start]
        while stack:
            node = stack.pop()
            for other in np.flatnonzero((weights[node] > 0) & ~seen):
                seen[other] = True
                stack.append(int(other))
                members.append(int(other))
        found.append(np.array(sorted(members)))
    return found


def _component_partition(positive: np.ndarray, negative: np.ndarray, alpha: float, max_groups: int) -> np.ndarray:
    n = positive.shape[0]
    if n == 1 or not negative.any():
        return np.zeros(n, dtype=int)
    total = float(positive.sum() + negative.sum())
    tolerance = 1e-9 * (1 + total)
    embedding = _signed_embedding(positive - negative, min(max_groups, n))
    best, best_cost = np.zeros(n, dtype=int), _frustration(np.zeros(n, dtype=int), positive, negative, alpha)
    for k in range(2, min(max_groups, n) + 1):
        if best_cost <= tolerance:
            break  # balanced: more groups can only tie, and ties go to fewer groups
        rng = np.random.default_rng(SEED + k)
        starts = [_kmeans(embedding[:, :k], k, rng) for _ in range(SPECTRAL_STARTS)]
        starts += [rng.integers(0, k, size=n) for _ in range(RANDOM_STARTS)]
        for start in starts:
            labels = _relocate(start, k, positive, negative, alpha, tolerance)
            cost = _frustration(labels, positive, negative, alpha)
            better = cost < best_cost - tolerance
            tie_fewer = abs(cost - best_cost) <= tolerance and len(set(labels)) < len(set(best))
            if better or tie_fewer:
                best, best_cost = _canonical(labels), cost
    return best


def _frustration(labels: np.ndarray, positive: np.ndarray, negative: np.ndarray, alpha: float) -> float:
    same = labels[:, None] == labels[None, :]
    return float(alpha * negative[same].sum() + (1 - alpha) * positive[~same].sum()) / 2


def _signed_embedding(signed: np.ndarray, dims: int) -> np.ndarray:
    """Rows of the signed Laplacian's eigenvectors of smallest eigenvalue, scaled to unit length.

    For a balanced graph the smallest eigenvector is +/- by side; scaling the rows makes
    k-means compare directions, which is what separates the sides.
    """
    laplacian = np.diag(np.abs(signed).sum(axis=1)) - signed
    _, vectors = np.linalg.eigh(laplacian)
    embedding = vectors[:, :dims]
    norms = np.linalg.norm(embedding, axis=1, keepdims=True)
    return embedding / np.where(norms > 0, norms, 1)


def _kmeans(points: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 50) -> np.ndarray:
    """Lloyd's k-means from a k-means++ start."""
    n = points.shape[0]
    centres = [points[rng.integers(n)]]
    for _ in range(1, k):
        distance = np.min([((points - c) ** 2).sum(axis=1) for c in centres], axis=0)
        probabilities = distance / distance.sum() if distance.sum() > 0 else np.full(n, 1 / n)
        centres.append(points[rng.choice(n, p=probabilities)])
    centres = np.array(centres)
    labels = np.zeros(n, dtype=int)
    for round_ in range(rounds):
        new = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        if round_ > 0 and np.array_equal(new, labels):
            break
        labels = new
        for group in range(k):
            if (labels == group).any():
                centres[group] = points[labels == group].mean(axis=0)
    return labels


def _relocate(
    labels: np.ndarray, k: int, positive: np.ndarray, negative: np.ndarray, alpha: float, tolerance: float,
) -> np.ndarray:
    """Move single actors, then swap pairs, while either lowers the frustration."""
    labels = labels.copy()
    n = labels.size
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1
    to_positive = positive @ onehot    # [i, g]: positive weight from i into group g
    to_negative = negative @ onehot
    row_positive = positive.sum(axis=1)

    def costs() -> np.ndarray:
        # [i, g]: the frustration of i's edges if i were in group g (others staying put)
        return alpha * to_negative + (1 - alpha) * (row_positive[:, None] - to_positive)

    def move(node: int, group: int) -> None:
        old = labels[node]
        to_positive[:, old] -= positive[:, node]
        to_positive[:, group] += positive[:, node]
        to_negative[:, old] -= negative[:, node]
        to_negative[:, group] += negative[:, node]
        labels[node] = group

    for _ in range(MAX_ROUNDS):
        moved = True
        while moved:
            moved = False
            for node in range(n):
                cost = alpha * to_negative[node] + (1 - alpha) * (row_positive[node] - to_positive[node])
                group = int(cost.argmin())
                if cost[group] < cost[labels[node]] - tolerance:
                    move(node, group)
                    moved = True
        if n > SWAP_LIMIT:
            break
        cost = costs()
        delta = cost - cost[np.arange(n), labels][:, None]
        # Moving i to j's group and j to i's counts their own edge twice as changing
        # sides; in a swap they stay apart, so take that back out.
        gain = delta[:, labels] + delta[:, labels].T - 2 * (alpha * negative - (1 - alpha) * positive)
        gain[labels[:, None] == labels[None, :]] = np.inf
        i, j = np.unravel_index(int(gain.argmin()), gain.shape)
        if gain[i, j] >= -tolerance:
            break
        group_i, group_j = labels[i], labels[j]
        move(int(i), int(group_j))
        move(int(j), int(group_i))
    return labels


def _canonical(labels: np.ndarray) -> np.ndarray:
    """Groups renumbered 0, 1, ... in order of their first node, so equal partitions compare equal."""
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(g), len(order)) for g in labels], dtype=int)
