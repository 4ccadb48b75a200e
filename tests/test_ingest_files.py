"""Ingestion of local inputs: every file kind, metadata precedence, every bad-input case."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from conftest import ARTICLE, article_text, write


def _only(fl):
    articles = fl.articles()
    assert len(articles) == 1, articles
    return articles[0]


# -- every input kind ---------------------------------------------------------------------


def test_ingest_plain_text_title_dateline_and_sentences(fl, tmp_path):
    path = write(tmp_path, "strikes.txt", ARTICLE)
    summary = fl.ingest([path])
    assert (summary.ingested, summary.unchanged, summary.skipped) == (1, 0, ())
    article = _only(fl)
    assert article.title == "Coalition strikes hit ISIS near Raqqa"
    assert article.published == "2017-10-03" and article.date_source == "text"
    # The headline stays the first paragraph of the stored text.
    assert article.text.startswith("Coalition strikes hit ISIS near Raqqa\n\nRAQQA")
    view = fl.article(article.id)
    assert len(view.sentences) == 4
    for sentence in view.sentences:  # offsets point into the stored text
        assert article.text[sentence.start:sentence.end] == sentence.text


def test_ingest_plain_text_without_dateline_uses_file_time(fl, tmp_path):
    path = write(tmp_path, "a.txt", article_text(1))
    os.utime(path, (1500000000, 1500000000))  # 2017-07-14
    fl.ingest([path])
    article = _only(fl)
    assert (article.published, article.date_source) == ("2017-07-14", "file-mtime")


def test_ingest_markdown_strips_heading_marks(fl, tmp_path):
    fl.ingest([write(tmp_path, "a.md", "# Militias cross the river\n\n" + article_text(2))])
    assert _only(fl).title == "Militias cross the river"


def test_ingest_html_file_main_text_and_metadata(fl, tmp_path):
    html = (
        "<html><head><title>Page</title><meta name='author' content='Lina Haddad'>"
        "<meta property='article:published_time' content='2017-09-12'>"
        "<meta property='og:site_name' content='Levant Wire'></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Convoy reaches Deir ez-Zor</h1>"
        "<p>A government convoy reached the besieged city of Deir ez-Zor on Tuesday after "
        "three years of siege, state media said.</p><p>Russian aircraft had struck ISIS "
        "positions along the road for a week, the defense ministry in Moscow said.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    fl.ingest([write(tmp_path, "page.html", html)])
    article = _only(fl)
    assert article.title == "Convoy reaches Deir ez-Zor"
    assert (article.outlet, article.author, article.published) == ("Levant Wire", "Lina Haddad", "2017-09-12")
    assert "Home | World" not in article.text and "besieged city" in article.text


def test_ingest_json_list_and_single_object(fl, tmp_path):
    records = [
        {"title": "One", "text": article_text(3), "date": "2017-05-01", "source": "Levant Wire"},
        {"headline": "Two", "content": article_text(4), "published": "May 2, 2017", "url": "https://x.invalid/2"},
    ]
    write(tmp_path, "many.json", json.dumps(records))
    write(tmp_path, "one.json", json.dumps({"title": "Three", "body": article_text(5)}))
    summary = fl.ingest([tmp_path])
    assert summary.ingested == 3, summary.skipped
    by_title = {a.title: a for a in fl.articles()}
    assert by_title["One"].outlet == "Levant Wire" and by_title["One"].published == "2017-05-01"
    assert by_title["Two"].published == "2017-05-02" and by_title["Two"].url == "https://x.invalid/2"
    assert by_title["Two"].key.endswith("many.json#2")


def test_ingest_jsonl_bad_line_skipped_others_kept(fl, tmp_path):
    lines = [json.dumps({"text": article_text(6)}), "{not json", json.dumps({"text": article_text(7)})]
    summary = fl.ingest([write(tmp_path, "feed.jsonl", "\n".join(lines))])
    assert summary.ingested == 2
    assert len(summary.skipped) == 1 and summary.skipped[0].location.endswith("#line-2")
    assert "invalid JSON" in summary.skipped[0].reason


def test_ingest_csv_with_fakes_columns(fl, tmp_path):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["article_title", "article_content", "source", "date", "location"])
    writer.writeheader()
    writer.writerow({"article_title": "A", "article_content": article_text(8), "source": "SANA", "date": "3/1/17", "location": "Idlib"})
    writer.writerow({"article_title": "B", "article_content": "", "source": "Reuters", "date": "3/2/17", "location": "Aleppo"})
    summary = fl.ingest([write(tmp_path, "rows.csv", buffer.getvalue())])
    assert summary.ingested == 1
    article = _only(fl)
    assert (article.title, article.outlet, article.published) == ("A", "SANA", "2017-03-01")
    assert "row-2" in summary.skipped[0].location and "no text" in summary.skipped[0].reason


def test_ingest_csv_named_text_column(fl, tmp_path):
    path = write(tmp_path, "x.csv", "headline,story\nH," + article_text(9).replace("\n", " ") + "\n")
    assert fl.ingest([path]).skipped[0].fix == "name the text column with --text-field"
    summary = fl.ingest([path], text_field="story")
    assert summary.ingested == 1 and _only(fl).title == "H"


def test_ingest_stdin(fl):
    summary = fl.ingest(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert summary.ingested == 1
    article = _only(fl)
    assert article.input_kind == "stdin" and article.title.startswith("Coalition strikes")
    assert fl.ingest(["-"], stdin=io.BytesIO(ARTICLE.encode())).unchanged == 1


def test_ingest_folder_recursive_skips_hidden_and_other_types(fl, tmp_path):
    write(tmp_path, "a/one.txt", article_text(10))
    write(tmp_path, "a/b/two.txt", article_text(11))
    write(tmp_path, ".git/three.txt", article_text(12))
    write(tmp_path, "a/picture.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    summary = fl.ingest([tmp_path])
    assert (summary.ingested, len(summary.skipped)) == (2, 0)


# -- metadata precedence ------------------------------------------------------------------


def test_ingest_sidecar_beats_flags_beat_found(fl, tmp_path):
    write(tmp_path, "with.txt", ARTICLE)
    write(tmp_path, "with.meta.json", json.dumps({"outlet": "Rojava Dispatch", "date": "2017-11-02", "author": "R. Ali"}))
    write(tmp_path, "without.txt", ARTICLE.replace("Raqqa", "Tabqa"))
    fl.ingest([tmp_path], outlet="Flag Outlet", date="2017-01-15")
    by_name = {a.path.rsplit("/", 1)[-1]: a for a in fl.articles()}
    assert (by_name["with.txt"].outlet, by_name["with.txt"].published, by_name["with.txt"].author) == (
        "Rojava Dispatch", "2017-11-02", "R. Ali")
    assert by_name["with.txt"].date_source == "sidecar"
    # The flag overrides the dateline found in the text.
    assert (by_name["without.txt"].outlet, by_name["without.txt"].published) == ("Flag Outlet", "2017-01-15")
    assert by_name["without.txt"].date_source == "flag"


def test_ingest_bad_sidecar_names_the_sidecar(fl, tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "a.meta.json", "{outlet: nope")
    summary = fl.ingest([tmp_path])
    assert summary.ingested == 0
    assert summary.skipped[0].location.endswith("a.meta.json") and "not valid JSON" in summary.skipped[0].reason


def test_ingest_rejects_unreadable_date_flag(fl, tmp_path):
    import faultlines

    with pytest.raises(faultlines.FaultlinesError, match="YYYY-MM-DD"):
        fl.ingest([write(tmp_path, "a.txt", ARTICLE)], date="the day after")


# -- idempotence and versions -------------------------------------------------------------


def test_ingest_same_article_twice_is_a_no_op(fl, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    fl.ingest([path])
    write(tmp_path, "a.txt", ARTICLE.replace("\n", "\r\n") + "   \n")  # same words, other line ends
    again = fl.ingest([path])
    assert (again.ingested, again.unchanged) == (0, 1)
    assert fl.counts()["articles"] == 1


def test_ingest_changed_article_is_a_new_version(fl, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    fl.ingest([path])
    write(tmp_path, "a.txt", ARTICLE.replace("two kilometres", "three kilometres"))
    summary = fl.ingest([path])
    assert (summary.ingested, summary.new_versions) == (1, 1)
    assert [a.version for a in fl.articles()] == [2]
    assert sorted(a.version for a in fl.articles(all_versions=True)) == [1, 2]


def test_ingest_reverted_article_is_current_again(fl, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    fl.ingest([path])
    write(tmp_path, "a.txt", ARTICLE.replace("Raqqa", "Tabqa"))
    fl.ingest([path])
    write(tmp_path, "a.txt", ARTICLE)  # back to the first text
    assert fl.ingest([path]).ingested == 1
    (current,) = fl.articles()
    assert (current.version, "Tabqa" in current.text) == (3, False)


def test_ingest_new_metadata_is_a_new_version(fl, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    fl.ingest([path])
    write(tmp_path, "a.meta.json", json.dumps({"outlet": "Levant Wire", "date": "2017-10-04"}))
    assert fl.ingest([path]).ingested == 1
    (current,) = fl.articles()
    assert (current.outlet, current.published, current.version) == ("Levant Wire", "2017-10-04", 2)
    assert fl.ingest([path]).unchanged == 1


def test_ingest_copies_are_articles_of_their_own(fl, tmp_path):
    # A syndicated story reprinted by another outlet counts for that outlet too; the
    # result says it is a copy.
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "b.meta.json", json.dumps({"outlet": "Reprint Daily"}))
    results = list(fl.ingest_iter([tmp_path]))
    assert [r.outcome for r in results] == ["ingested", "ingested"]
    assert results[1].note.startswith("same text as article 1")
    assert fl.ingest([tmp_path]).unchanged == 2


# -- bad input never stops a batch --------------------------------------------------------

BAD_INPUTS = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n \t\n", "file is empty"),
    ("binary.txt", b"%PDF-1.4\x00\x01\x02binary", "binary file"),
    ("latin1.txt", "Title\n\nCaf\xe9 bombed in Homs".encode("latin-1"), "not valid utf-8"),
    ("broken.json", b'{"text": "unterminated', "invalid JSON"),
    ("nofield.json", b'{"headline": "x", "summary": "y"}', "no text in field"),
    ("nocolumn.csv", b"a,b\n1,2\n", "no text column"),
    ("notes.docx", b"PK\x03\x04 whatever", "unsupported file type"),
    ("titleonly.txt", b"Only a title\n", None),  # one line is body text, not a title
]


@pytest.mark.parametrize("name, content, reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_ingest_bad_input_reported_and_batch_goes_on(fl, tmp_path, name, content, reason):
    bad = write(tmp_path, "bad/" + name, content)
    good = write(tmp_path, "good.txt", ARTICLE)
    summary = fl.ingest([bad, good])
    if reason is None:
        assert summary.ingested == 2
        return
    assert summary.ingested == 1, "the good file must still be ingested"
    (problem,) = summary.skipped
    assert problem.location == str(bad)
    assert reason.lower() in problem.reason.lower()
    assert problem.fix, "every problem says how to fix it"


def test_ingest_huge_file_skipped_with_limit_in_reason(fl, tmp_path):
    big = write(tmp_path, "big.txt", "Title\n\n" + "word " * 5000)
    summary = fl.ingest([big, write(tmp_path, "ok.txt", ARTICLE)], max_bytes=10_000)
    assert summary.ingested == 1
    assert "over the 10,000-byte limit" in summary.skipped[0].reason and "--max-bytes" in summary.skipped[0].fix


def test_ingest_encoding_flag_reads_other_encodings(fl, tmp_path):
    path = write(tmp_path, "latin1.txt", "Caf\xe9 talks\n\nNegotiators met in the caf\xe9 on Monday.".encode("latin-1"))
    summary = fl.ingest([path], encoding="latin-1")
    assert summary.ingested == 1 and _only(fl).title == "Café talks"


def test_ingest_missing_path_and_broken_symlink(fl, tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    summary = fl.ingest([tmp_path / "nope.txt", tmp_path / "dangling.txt"])
    assert [p.reason for p in summary.skipped] == ["no such file, folder or URL"] * 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_unreadable_file(fl, tmp_path):
    path = write(tmp_path, "secret.txt", ARTICLE)
    path.chmod(0)
    summary = fl.ingest([path])
    assert summary.skipped[0].reason == "permission denied"


def test_ingest_utf8_byte_order_mark_dropped(fl, tmp_path):
    write(tmp_path, "bom.txt", "\ufeff" + ARTICLE)
    summary = fl.ingest([tmp_path / "bom.txt"])
    assert summary.ingested == 1 and not _only(fl).title.startswith("\ufeff")
