"""Fuzzing with hypothesis: no text and no file content makes faultlines raise.

``extract`` (``faultlines.extract_text``) and every input reader (txt, md, html, json,
jsonl, csv, local feeds) get generated inputs — random text, broken markup, deep or odd
JSON, stray quotes, lone surrogates, long punctuation runs — and must answer with
articles or Problems, never an exception. Each property runs a bounded number of
examples with no per-example deadline, so the file runs in well under a minute.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faultlines.api import extract_text
from faultlines.errors import FetchError
from faultlines.ingest import collect
from faultlines.ingest.feeds import read_feed
from faultlines.options import Options
from faultlines.values import Article, Problem

BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
OPTIONS = Options(max_bytes=200_000)

# Pieces that broke readers or made them slow: punctuation runs, quotes, escapes, markup,
# newlines, a lone surrogate, digits.
_PIECES = st.sampled_from([
    "&" * 200, "(" * 100, '"', "'", ",", "\n", "\n\n", "\r\n", "\t", "\\ud800", "\ud800", "&amp;", "<p>", "</p>",
    "<script>", "{", "}", "[", "]", "9" * 60, "\x00", "\ufeff", "Iran accused Israel.", "Turkey threatened the YPG.",
    "said on Monday", " ", "—", "“", "”", "NaN", "-1e999",
])
TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25).map("".join)


def _surrogate_free(value: str | None) -> bool:
    return value is None or value.encode("utf-8", "strict") is not None


def _read(name: str, content: bytes) -> list:
    """What ``collect`` makes of one file called ``name`` holding ``content``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        items = list(collect([str(path)], OPTIONS))
    for item in items:
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Article):
            assert item.text.strip()
            assert all(_surrogate_free(getattr(item, f)) for f in ("text", "title", "outlet", "author", "url", "key"))
    return items


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes UTF-8 forbids


@BOUNDED
@given(TEXTS)
def test_fuzz_extract_text_never_raises_and_offsets_hold(text):
    for record in extract_text(text):
        assert record["sentence"] == record["sentence"].strip() and record["end"] > record["start"]


@BOUNDED
@given(st.sampled_from(["a.txt", "a.md", "a.html"]), TEXTS)
def test_fuzz_plain_and_html_files_never_raise(name, text):
    _read(name, _encoded(text))


@BOUNDED
@given(st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.csv", "a.html", "a.xml"]), st.binary(max_size=400))
def test_fuzz_any_bytes_in_any_reader_never_raise(name, content):
    _read(name, content)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "title", "date", "outlet", "x"]), inner, max_size=4),
    max_leaves=20,
)


@BOUNDED
@given(JSON_VALUES, st.integers(min_value=0, max_value=3000))
def test_fuzz_json_and_jsonl_records_never_raise(value, depth):
    document = json.dumps(value)
    _read("a.json", ("[" * depth + document + "]" * depth).encode())
    _read("a.jsonl", "\n".join([document, json.dumps({"text": value}), "{" * depth]).encode())


ROWS = st.lists(st.lists(st.one_of(_PIECES, st.text(max_size=20)), min_size=1, max_size=4), max_size=6)


@BOUNDED
@given(ROWS)
def test_fuzz_csv_rows_never_raise_and_none_is_lost_silently(rows):
    lines = ["id,text,date"] + [",".join(row) for row in rows]
    items = _read("a.csv", _encoded("\n".join(lines)))
    # Every non-blank line is accounted for: read into a row, or named in a problem.
    assert items or not any(line.strip(",\r\n\t ") for line in lines[1:])


FEEDS = st.builds(
    lambda title, items: (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        + "".join(f"<item><title>{t}</title><link>{link}</link><description>{d}</description></item>" for t, link, d in items)
        + "</channel></rss>"
    ),
    TEXTS, st.lists(st.tuples(TEXTS, st.sampled_from(["https://example.org/a", "", "javascript:x", "/relative", "http://[::1"]), TEXTS), max_size=3),
)


def _offline(url: str):
    raise FetchError(url, "offline: the fuzz test fetches nothing")


@BOUNDED
@given(st.one_of(FEEDS, TEXTS))
def test_fuzz_local_feeds_never_raise(feed):
    for item in read_feed(_encoded(feed), "feed.xml", OPTIONS, fetch_page=_offline):
        assert isinstance(item, (Article, Problem))
