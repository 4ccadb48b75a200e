"""A killed ingest loses nothing it committed, and the same command resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import article_text, write

N_FILES = 80


def _count(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_resume_after_kill_mid_batch(tmp_path):
    folder = tmp_path / "in"
    for n in range(N_FILES):
        write(folder, f"{n:03}.txt", article_text(n))
    db = tmp_path / "x.db"
    command = [sys.executable, "-m", "faultlines", "ingest", str(folder), "--db", str(db), "--json"]
    # One article per spaCy batch, so commits come one at a time and a kill lands mid-run.
    env = {**os.environ, "FAULTLINES_BATCH_SIZE": "1"}

    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 5 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored = _count(db)
    assert 5 <= stored < N_FILES, f"kill should land mid-run, had {stored}"

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout)
    assert summary["unchanged"] == stored
    assert summary["ingested"] == N_FILES - stored
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone() == (N_FILES, N_FILES)
        # Every stored article has its sentences: none was half-written by the kill.
        assert conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0] == 0
