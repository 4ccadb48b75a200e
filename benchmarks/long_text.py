"""Seconds and peak memory to analyse one article of 25K to 1M characters.

    python benchmarks/long_text.py                  # 25K 100K 250K 500K 1M
    python benchmarks/long_text.py --sizes 25000 100000 --timeout 300

Each size runs in a fresh process (peak resident memory only grows within a process), on
an article made by repeating the bundled demo corpus (fictional news written for
faultlines) as paragraphs until it is long enough. The time is that of
``faultlines.core.analyse_text`` (parsing, actors, statements) after the pipeline is
loaded, as wall-clock and as CPU seconds (CPU time is the fairer measure on a shared
machine); "peak MB" is the process's peak resident memory, "over load" the part of it the
article added. The growth exponent is the slope of log(seconds) over log(characters):
1 is linear, 2 quadratic. The target is about 1.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (25_000, 100_000, 250_000, 500_000, 1_000_000)


def article_of(chars: int) -> str:
    """A news-like text of exactly ``chars`` characters: the demo articles, repeated."""
    paragraphs = []
    for path in sorted((ROOT / "faultlines" / "demo" / "corpus").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    text, n = "", 0
    while len(text) < chars:
        text += paragraphs[n % len(paragraphs)] + "\n\n"
        n += 1
    return text[:chars]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure_one(chars: int) -> dict:
    """Analyse one article of ``chars`` characters in this process."""
    sys.path.insert(0, str(ROOT))
    from faultlines.core import analyse_text
    from faultlines.options import Options

    options = Options()
    analyse_text("Turkey threatened the YPG near Afrin.", options)  # load the pipeline first
    loaded = peak_mb()
    text = article_of(chars)
    started, cpu_started = time.perf_counter(), time.process_time()
    _, analysis = analyse_text(text, options, published="2017-10-03")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"chars": chars, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_mb": round(peak_mb()), "over_load_mb": round(peak_mb() - loaded),
            "sentences": len(analysis.sentences), "statements": len(analysis.statements)}


def exponent(rows: list[dict], measure: str = "seconds") -> float | None:
    """Least-squares slope of log(``measure``) on log(characters)."""
    points = [(math.log(r["chars"]), math.log(r[measure])) for r in rows if r.get(measure)]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="article lengths in characters")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per size")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size here
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    rows = []
    print(f"{'chars':>10} {'seconds':>9} {'cpu s':>8} {'peak MB':>8} {'over load':>10} {'sentences':>10} {'statements':>11}")
    for chars in args.sizes:
        try:
            done = subprocess.run([sys.executable, __file__, "--one", str(chars)], capture_output=True,
                                  text=True, timeout=args.timeout, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            print(f"{chars:>10,} {'> ' + str(int(args.timeout)):>9}  (stopped)")
            continue
        except subprocess.CalledProcessError as error:
            print(f"{chars:>10,} failed: {error.stderr.strip().splitlines()[-1] if error.stderr.strip() else error}")
            continue
        rows.append(row)
        print(f"{row['chars']:>10,} {row['seconds']:>9.1f} {row['cpu_seconds']:>8.1f} {row['peak_mb']:>8} {row['over_load_mb']:>10} "
              f"{row['sentences']:>10} {row['statements']:>11}", flush=True)
    for measure in ("seconds", "cpu_seconds"):
        slope = exponent(rows, measure)
        if slope is not None:
            print(f"growth exponent ({measure} ~ chars^k): k = {slope:.2f}  (1 = linear; target about 1)")


if __name__ == "__main__":
    main()
