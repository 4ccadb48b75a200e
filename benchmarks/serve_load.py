"""Latency of ``faultlines serve`` under 1 and 4 concurrent clients.

Builds (or takes, with --db) a database of about 400 articles -- the FA-KES dev articles
from ../shared/data/fakes_dev.csv when present, else the bundled demo corpus copied with
varied dates; FAULTLINES_SHARED names another shared folder -- starts ``faultlines serve`` on 127.0.0.1, and for each of /api/claims,
/api/network and /api/overview prints the first (cold) answer's time, then p50 and p99
over a bounded number of requests for 1 client and for 4 clients at once, and the ratio of
the 4-client p50 to the 1-client p50 (the target: within 2x).

Kept answers cost the server about a millisecond of Python each; four clients asking
back to back on one server process queue for it, so the ratio approaches 4x whenever the
server's CPU time dominates, and a loaded machine (see the load average printed) inflates
every figure. The cold column is the first answer after the database changed.

Usage: python benchmarks/serve_load.py [--db serve-load.db] [--requests 40]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import faultlines

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("FAULTLINES_SHARED") or HERE.parent.parent / "shared")  # as tests/conftest.py
FAKES = SHARED / "data" / "fakes_dev.csv"
ENDPOINTS = ("/api/claims", "/api/network", "/api/overview")
TARGET_ARTICLES = 400


def build_database(path: Path) -> None:
    """Ingest ~400 articles into ``path``: FA-KES dev when present, else the demo corpus
    copied with other dates (each copy a file of its own)."""
    if FAKES.is_file():
        inputs = [str(FAKES)]
        folder = None
    else:
        folder = Path(tempfile.mkdtemp(prefix="serve-load-"))
        demo = sorted(faultlines.api.demo_corpus_path().glob("*.txt"))
        copies = -(-TARGET_ARTICLES // len(demo))
        for copy in range(copies):
            for text in demo:
                name = f"{copy:02d}-{text.stem}"
                shutil.copy(text, folder / f"{name}.txt")
                meta = text.with_suffix(".meta.json")
                data = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}
                data["published"] = f"{2016 + copy % 4}-{1 + copy % 12:02d}-{1 + copy % 28:02d}"
                (folder / f"{name}.meta.json").write_text(json.dumps(data), encoding="utf-8")
        inputs = [str(folder)]
    print(f"building {path} from {inputs[0]} (once; pass --db to reuse it)", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "faultlines", "ingest", *inputs, "--db", str(path), "--quiet"],
                   check=False)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"faultlines serve exited with {server.returncode}")
        try:
            get(port, "/static/app.css", http.client.HTTPConnection("127.0.0.1", port, timeout=5))
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("faultlines serve did not answer within 120 s")


def get(port: int, path: str, connection: http.client.HTTPConnection) -> float:
    """Seconds for one GET (the whole body read) on a kept-alive connection."""
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return time.perf_counter() - started


def _client(port: int, path: str, count: int, start, results) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    start.wait()
    results.put([get(port, path, connection) for _ in range(count)])
    connection.close()


def run_clients(port: int, path: str, clients: int, requests: int) -> list[float]:
    """``requests`` GETs of ``path`` split over ``clients`` processes started together.

    Processes, not threads: real clients do not share this script's interpreter lock, and
    threads here would measure their own queueing for it.
    """
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    start, results = context.Barrier(clients), context.Queue()
    workers = [context.Process(target=_client, args=(port, path, requests // clients, start, results))
               for _ in range(clients)]
    for worker in workers:
        worker.start()
    times = [t for _ in workers for t in results.get(timeout=600)]
    for worker in workers:
        worker.join(timeout=60)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("serve-load.db"), help="database to serve; built when missing")
    parser.add_argument("--requests", type=int, default=40, help="requests per endpoint and client count (max 400)")
    args = parser.parse_args()
    requests = max(4, min(args.requests, 400))
    if not args.db.exists():
        build_database(args.db)
    with faultlines.open(args.db, create=False) as db:
        print(f"{args.db}: {db.counts()['articles']} articles, {db.counts()['statements']} statements")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(HERE.parent) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen([sys.executable, "-m", "faultlines", "serve", "--db", str(args.db), "--port", str(port)],
                              env=env, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, server)
        print(f"{'endpoint':<15} {'cold':>8} {'1: p50':>8} {'p99':>8} {'4: p50':>8} {'p99':>8} {'4 vs 1':>7}")
        worst = 0.0
        for path in ENDPOINTS:
            cold = get(port, path, http.client.HTTPConnection("127.0.0.1", port, timeout=300))
            one = run_clients(port, path, 1, requests)
            four = run_clients(port, path, 4, requests)
            ratio = statistics.median(four) / statistics.median(one)
            worst = max(worst, ratio)
            print(f"{path:<15} {cold * 1000:7.0f}ms {percentile(one, .5) * 1000:6.1f}ms {percentile(one, .99) * 1000:6.1f}ms "
                  f"{percentile(four, .5) * 1000:6.1f}ms {percentile(four, .99) * 1000:6.1f}ms {ratio:6.2f}x", flush=True)
        print(f"worst 4-vs-1 p50 ratio {worst:.2f}x (target: within 2x); {requests} requests per run, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
