"""Cost of the cross-article layer against reading the statements it starts from.

Given a database (ingest the FA-KES dev articles first:
``faultlines ingest ../shared/data/fakes_dev.csv --db fakes.db --workers 2``), times, side
by side in one process:
- read: the stored statements and article texts, as the claims layer reads them;
- copies: syndicated-copy detection (shingles, MinHash LSH, containment check);
- claims + disputes: merging statements into claims and finding contested ones;
- network: the signed alliance network with factions, proxies and centrality;
and prints seconds, the ratio of each stage to the read, and the peak resident memory.
A user pays the whole sum once per database state: the API caches it until new
articles or statements arrive.

Usage: python benchmarks/claims.py fakes.db [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import time

import faultlines
from faultlines.analyse.claims import build_claims
from faultlines.analyse.contested import find_disputes
from faultlines.analyse.queries import _Camps, _evidence
from faultlines.analyse.syndication import ArticleText, syndication_groups


def timed(step):
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best is reported")
    args = parser.parse_args()
    with faultlines.open(args.db, create=False) as db:
        db.catalogue  # load the catalogue outside the timings  # noqa: B018
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            t_read, (rows, texts) = timed(lambda: (db.store.evidence_rows(), db.store.article_texts()))
            t_copies, groups = timed(lambda: syndication_groups(
                ArticleText(r["id"], r["text"], r["published"]) for r in texts))
            camps = _Camps(db)
            t_claims, claims = timed(lambda: build_claims([_evidence(r, groups) for r in rows],
                                                          same_actor=camps.same_actor))
            t_disputes, disputes = timed(lambda: find_disputes(claims, name_of=db.actor_name,
                                                               same_side=camps.same_side, same_actor=camps.same_actor,
                                                               kind_of=camps.kind))
            db.analysis_cache.clear()
            t_network, network = timed(lambda: db.network())
            for name, seconds in (("read", t_read), ("copies", t_copies), ("claims", t_claims),
                                  ("disputes", t_disputes), ("network (with claims)", t_network)):
                best[name] = min(best.get(name, seconds), seconds)
        print(f"{len(texts)} articles, {len(rows)} statements -> {len(claims)} claims, {len(disputes)} disputes, "
              f"{len(network.nodes)} actors in the network")
        for name, seconds in best.items():
            print(f"  {name:<24}{seconds:8.3f} s   {seconds / best['read']:6.1f}x the read")
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
