"""Fetching pages and feeds, against a real HTTP server on 127.0.0.1 serving canned pages.

No test sends a packet beyond loopback: addresses such as 10.0.0.1 are only ever checked,
never connected to.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from faultlines.errors import FetchError
from faultlines.ingest import web
from faultlines.ingest.feeds import looks_like_feed, read_feed
from faultlines.ingest.web import check_destination, fetch, read_url, unsafe_address_kind
from faultlines.options import Options
from faultlines.values import Article, Problem

LOCAL = Options(allow_private=True, timeout=5.0)

STORY = """
<p>Artillery fire struck the outskirts of the river town of Qasr Nahr late on Tuesday,
local officials said, forcing several hundred families to leave their homes before dawn.</p>
<p>The provincial council accused the Northern Front of shelling a market and a water
station, while a spokesman for the group denied that its fighters had fired on civilian
areas and blamed a rival militia for the attack.</p>
<p>Aid workers from the Red Crescent said the road to the regional hospital remained
closed on Wednesday and that convoys carrying flour and medicine were waiting at a
checkpoint north of the town.</p>
"""

SECOND_STORY = """
<p>Negotiators from the coastal government and the Northern Front met in Valletta on
Thursday for a second round of talks on a prisoner exchange, according to two diplomats
briefed on the meeting.</p>
<p>The diplomats said both delegations had agreed on a list of forty detainees, but that
the release of three commanders held since last winter was still being disputed.</p>
<p>A government minister told reporters the talks had been constructive and that a
further meeting was planned before the end of the month.</p>
"""


def article_page(
    body: str,
    *,
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
    site: str | None = None,
) -> bytes:
    """An HTML news page, with only the metadata asked for."""
    head = []
    if title:
        head.append(f"<title>{title}</title>")
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    heading = f"<h1>{title}</h1>" if title else ""
    return (
        f"<!DOCTYPE html><html><head>{''.join(head)}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{heading}{body}</article></body></html>"
    ).encode("utf-8")


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True
    trickle: float = 0.0  # seconds between 100-byte pieces of the body


class Site:
    """A local web site: ``pages`` maps a path to what is served there."""

    def __init__(self):
        self.port = 0
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            page = site.pages.get(self.path, Page(b"not here", status=404))
            time.sleep(page.delay)
            try:
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                if page.send_length and "Content-Length" not in page.headers:
                    self.send_header("Content-Length", str(len(page.body)))
                for name, value in page.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.write_body(page)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up on purpose (size cap, timeout)

        def write_body(self, page: Page) -> None:
            if not page.trickle:
                self.wfile.write(page.body)
                return
            for start in range(0, len(page.body), 100):
                self.wfile.write(page.body[start:start + 100])
                self.wfile.flush()
                time.sleep(page.trickle)

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture
def site(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(site))
    server.daemon_threads = True
    server.block_on_close = False  # do not wait for a handler still sleeping (timeout test)
    site.port = server.server_address[1]
    # A short poll interval keeps shutdown() (which waits for one poll) from adding 0.5 s per test.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- fetch -------------------------------------------------------------------------------


def test_web_article_page_gives_text_and_metadata(site):
    site.pages["/news/qasr-nahr"] = Page(
        article_page(
            STORY,
            title="Shelling forces families from Qasr Nahr",
            author="Mira Haddad",
            published="2023-04-11T08:00:00Z",
            site="Levant Ledger",
        )
    )
    [article] = list(read_url(site.url("/news/qasr-nahr"), LOCAL))
    assert isinstance(article, Article)
    # The headline is the first paragraph of the stored text.
    assert article.text.startswith("Shelling forces families from Qasr Nahr\nArtillery fire struck the outskirts")
    assert "convoys carrying flour" in article.text
    assert "Home" not in article.text
    assert article.title == "Shelling forces families from Qasr Nahr"
    assert article.author == "Mira Haddad"
    assert article.published == "2023-04-11"
    assert article.date_source == "metadata"
    assert article.outlet == "Levant Ledger"
    assert article.input_kind == "url"
    assert article.key == article.url == site.url("/news/qasr-nahr")


def test_web_sends_user_agent(site):
    site.pages["/a"] = Page(article_page(STORY))
    fetch(site.url("/a"), LOCAL.but(user_agent="faultlines-test/9"))
    assert site.requests == [("/a", "faultlines-test/9")]


def test_web_follows_redirect_chain_to_final_url(site):
    site.pages["/old"] = Page(status=301, headers={"Location": site.url("/moved")})
    site.pages["/moved"] = Page(status=302, headers={"Location": "/news/final"})
    site.pages["/news/final"] = Page(article_page(STORY, title="Qasr Nahr shelled"))
    fetched = fetch(site.url("/old"), LOCAL)
    assert fetched.status == 200
    assert fetched.url == site.url("/old")
    assert fetched.final_url == site.url("/news/final")
    assert fetched.redirects == (site.url("/old"), site.url("/moved"))
    [article] = list(read_url(site.url("/old"), LOCAL))
    assert article.key == article.url == site.url("/news/final")


def test_web_too_many_redirects_refused(site):
    site.pages["/loop"] = Page(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/loop"), LOCAL)
    assert "too many redirects" in caught.value.problem.reason
    assert site.paths.count("/loop") == web.MAX_REDIRECTS + 1


def test_web_404_is_a_fetch_error_and_a_problem_from_read_url(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/missing"), LOCAL)
    assert caught.value.problem.reason == "HTTP 404 Not Found"
    assert caught.value.problem.location == site.url("/missing")
    assert caught.value.problem.fix
    [problem] = list(read_url(site.url("/missing"), LOCAL))
    assert problem == caught.value.problem


def test_web_refused_connection(site):
    url = f"http://127.0.0.1:{closed_port()}/news"
    with pytest.raises(FetchError) as caught:
        fetch(url, LOCAL)
    assert caught.value.problem.reason == "connection refused"
    assert caught.value.problem.location == url


def test_web_timeout(site):
    site.pages["/slow"] = Page(article_page(STORY), delay=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/slow"), LOCAL.but(timeout=0.2))
    assert caught.value.problem.reason == "timed out after 0.2 s"
    assert "--timeout" in caught.value.problem.fix
    assert time.monotonic() - started < 0.9


def test_web_timeout_counts_whole_download_not_each_read(site):
    # Every read is quick, so only a deadline over the whole download stops this.
    site.pages["/drip"] = Page(b"z" * 1000, send_length=False, trickle=0.1)
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/drip"), LOCAL.but(timeout=0.35))
    assert caught.value.problem.reason == "timed out after 0.35 s"


def test_web_streamed_body_over_max_bytes_is_cut_off(site):
    site.pages["/huge"] = Page(b"<p>" + b"x" * 300_000 + b"</p>", send_length=False)
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/huge"), LOCAL.but(max_bytes=100_000))
    problem = caught.value.problem
    assert "larger than the limit of 100,000 bytes" in problem.reason
    assert "--max-bytes" in problem.fix


def test_web_declared_length_over_max_bytes_is_refused_before_reading(site):
    site.pages["/declared"] = Page(b"small", headers={"Content-Length": "50000000"})
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/declared"), LOCAL.but(max_bytes=1_000_000))
    assert "50,000,000 bytes" in caught.value.problem.reason
    assert "--max-bytes" in caught.value.problem.fix


def test_web_body_within_max_bytes_is_kept_whole(site):
    site.pages["/exact"] = Page(b"y" * 5000, send_length=False, content_type="text/plain")
    fetched = fetch(site.url("/exact"), LOCAL.but(max_bytes=5000))
    assert fetched.body == b"y" * 5000
    assert fetched.content_type == "text/plain"


# --- safety ------------------------------------------------------------------------------


def test_web_loopback_refused_without_allow_private(site):
    site.pages["/a"] = Page(article_page(STORY))
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/a"), Options(allow_private=False))
    problem = caught.value.problem
    assert "127.0.0.1" in problem.reason and "loopback" in problem.reason
    assert "--allow-private" in problem.fix
    assert site.requests == []  # refused before connecting
    [yielded] = list(read_url(site.url("/a"), Options(allow_private=False)))
    assert isinstance(yielded, Problem) and "--allow-private" in yielded.fix


def test_web_loopback_allowed_with_allow_private(site):
    site.pages["/a"] = Page(article_page(STORY))
    assert fetch(site.url("/a"), Options(allow_private=True)).status == 200


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://10.0.0.1/", "private"),
        ("http://192.168.1.20:8080/admin", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://127.0.0.1/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[2002:a9fe:a9fe::]/", "link-local"),  # 6to4 form of 169.254.169.254
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_web_check_refuses_non_public_address(url, kind):
    with pytest.raises(FetchError) as caught:
        check_destination(url, Options())
    assert f"a {kind} address" in caught.value.problem.reason
    assert caught.value.problem.fix == web.ALLOW_PRIVATE_FIX
    check_destination(url, Options(allow_private=True))  # no error


def test_web_check_accepts_public_address():
    check_destination("http://93.184.216.34/news", Options())
    assert unsafe_address_kind("93.184.216.34") is None
    assert unsafe_address_kind("2606:2800:220:1:248:1893:25c8:1946") is None


def test_web_redirect_to_private_host_is_refused(site, monkeypatch):
    # Pretend 127.0.0.1 is a public address so the first hop is allowed (and connected
    # to); ::1 stays loopback, and the redirect to it must be refused before it is asked.
    real_kind = web.unsafe_address_kind
    monkeypatch.setattr(web, "unsafe_address_kind", lambda address: None if address == "127.0.0.1" else real_kind(address))
    port = site.port
    site.pages["/go"] = Page(status=302, headers={"Location": f"http://[::1]:{port}/secret"})
    site.pages["/secret"] = Page(b"intranet")
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/go"), Options())
    problem = caught.value.problem
    assert problem.location == site.url("/go")
    assert f"redirected to http://[::1]:{port}/secret" in problem.reason
    assert "loopback" in problem.reason
    assert "--allow-private" in problem.fix
    assert site.paths == ["/go"]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://x/", "example.org/news"]
)
def test_web_non_http_scheme_refused(url):
    with pytest.raises(FetchError) as caught:
        fetch(url, LOCAL)
    assert "only http and https" in caught.value.problem.reason


def test_web_redirect_to_file_url_refused(site):
    site.pages["/sneaky"] = Page(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/sneaky"), LOCAL)
    assert "only http and https" in caught.value.problem.reason


def test_web_unknown_host_names_the_host(monkeypatch):
    def no_such_host(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(web, "_addresses", no_such_host)
    with pytest.raises(FetchError) as caught:
        fetch("http://no-such-outlet.example/news", Options())
    assert "could not find the host no-such-outlet.example" in caught.value.problem.reason


def test_web_non_html_download_is_a_problem(site):
    site.pages["/report.pdf"] = Page(b"%PDF-1.7 ...", content_type="application/pdf")
    [problem] = list(read_url(site.url("/report.pdf"), LOCAL))
    assert isinstance(problem, Problem)
    assert "application/pdf" in problem.reason


# --- feeds -------------------------------------------------------------------------------


def rss_feed(site: Site, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title) items, dated and credited."""
    entries = "".join(
        f"""<item><title>{title}</title><link>{site.url(path)}</link>
        <dc:creator>Feed Desk</dc:creator>
        <pubDate>Tue, 11 Apr 2023 0{n}:00:00 GMT</pubDate>
        <description>Teaser only.</description></item>"""
        for n, (path, title) in enumerate(items, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Levant Ledger</title><link>{site.base}/</link>
<description>Conflict news</description>{entries}</channel></rss>""".encode("utf-8")


def atom_feed(site: Site, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"""<entry><title>{title}</title><link href="{path}"/>
        <id>urn:ledger:{n}</id><updated>2023-05-0{n}T10:00:00Z</updated>
        <author><name>Atom Desk</name></author><summary>Teaser.</summary></entry>"""
        for n, (path, title) in enumerate(items, start=1)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Wire</title>
<id>urn:coastal</id><updated>2023-05-02T10:00:00Z</updated>{entries}</feed>""".encode("utf-8")


def test_feeds_rss_items_become_articles_with_feed_fallbacks(site):
    site.pages["/feed.rss"] = Page(
        rss_feed(site, [("/news/1", "Families flee Qasr Nahr"), ("/news/2", "Talks in Valletta")]),
        content_type="application/rss+xml",
    )
    site.pages["/news/1"] = Page(article_page(STORY))  # the page says nothing about itself
    site.pages["/news/2"] = Page(
        article_page(
            SECOND_STORY,
            title="Prisoner talks resume in Valletta",
            author="Karim Aziz",
            published="2023-04-13",
            site="Valletta Courier",
        )
    )
    first, second = list(read_url(site.url("/feed.rss"), LOCAL))

    # A page without a headline of its own starts with its body.
    assert first.text.startswith("Artillery fire struck")
    assert (first.title, first.author, first.outlet) == (
        "Families flee Qasr Nahr", "Feed Desk", "Levant Ledger"
    )
    assert (first.published, first.date_source) == ("2023-04-11", "feed")
    assert first.input_kind == "feed"
    assert first.key == first.url == site.url("/news/1")

    # What the page says wins over the feed.
    assert second.text.startswith("Prisoner talks resume in Valletta\nNegotiators from the coastal government")
    assert (second.title, second.author, second.outlet) == (
        "Prisoner talks resume in Valletta", "Karim Aziz", "Valletta Courier"
    )
    assert (second.published, second.date_source) == ("2023-04-13", "metadata")
    assert site.paths == ["/feed.rss", "/news/1", "/news/2"]


def test_feeds_atom_items_with_relative_links_become_articles(site):
    # Served as plain application/xml: only the <feed> root tells it is a feed.
    site.pages["/atom"] = Page(
        atom_feed(site, [("/wire/a", "Shelling near the river"), ("/wire/b", "Second round of talks")]),
        content_type="application/xml",
    )
    site.pages["/wire/a"] = Page(article_page(STORY))
    site.pages["/wire/b"] = Page(article_page(SECOND_STORY))
    articles = list(read_url(site.url("/atom"), LOCAL))
    assert [a.key for a in articles] == [site.url("/wire/a"), site.url("/wire/b")]
    assert [a.title for a in articles] == ["Shelling near the river", "Second round of talks"]
    assert {(a.author, a.outlet, a.date_source) for a in articles} == {
        ("Atom Desk", "Coastal Wire", "feed")
    }
    assert [a.published for a in articles] == ["2023-05-01", "2023-05-02"]
    assert all(isinstance(a, Article) and a.input_kind == "feed" for a in articles)


def test_feeds_item_page_404_is_a_problem_and_other_items_go_on(site):
    site.pages["/feed.rss"] = Page(
        rss_feed(site, [("/gone", "Removed story"), ("/news/2", "Talks in Valletta")]),
        content_type="application/rss+xml",
    )
    site.pages["/news/2"] = Page(article_page(SECOND_STORY))
    problem, article = list(read_url(site.url("/feed.rss"), LOCAL))
    assert isinstance(problem, Problem)
    assert problem.location == site.url("/gone")
    assert "HTTP 404" in problem.reason and site.url("/feed.rss") in problem.reason
    assert isinstance(article, Article) and article.title == "Talks in Valletta"


def test_feeds_item_page_without_text_is_a_problem(site):
    site.pages["/feed.rss"] = Page(
        rss_feed(site, [("/empty", "Video only")]), content_type="application/rss+xml"
    )
    site.pages["/empty"] = Page(b"<html><body><video src=\"/clip.mp4\"></video></body></html>")
    [problem] = list(read_url(site.url("/feed.rss"), LOCAL))
    assert isinstance(problem, Problem) and problem.location == site.url("/empty")
    assert "no article text" in problem.reason


def test_feeds_item_without_link_is_a_problem(site):
    feed = rss_feed(site, [("/news/1", "Families flee Qasr Nahr")]).replace(
        b"<channel>", b"<channel><item><title>No link here</title></item>"
    )
    site.pages["/news/1"] = Page(article_page(STORY))
    problem, article = list(read_feed(feed, "ledger.xml", LOCAL))
    assert problem.location == "ledger.xml#item-1"
    assert "no link" in problem.reason
    assert article.key == site.url("/news/1")


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off<item><link>',
        b"<html><body><p>This is a web page, not a feed.</p></body></html>",
        b"",
    ],
)
def test_feeds_broken_feed_is_one_problem(body):
    problems = list(read_feed(body, "http://127.0.0.1:9/feed.xml", LOCAL, fetch_page=_no_fetch))
    assert len(problems) == 1
    assert isinstance(problems[0], Problem)
    assert problems[0].location == "http://127.0.0.1:9/feed.xml"
    assert "feed" in problems[0].reason


def test_feeds_broken_feed_from_url_is_one_problem(site):
    site.pages["/feed.rss"] = Page(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut', content_type="application/rss+xml"
    )
    [problem] = list(read_url(site.url("/feed.rss"), LOCAL))
    assert problem.location == site.url("/feed.rss")
    assert problem.reason.startswith("not a readable feed")


def test_feeds_body_naming_a_local_file_is_not_read_as_that_file(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(b'<rss version="2.0"><channel><item><link>http://x/</link></item></channel></rss>')
    [problem] = list(read_feed(str(secret).encode(), "http://127.0.0.1:9/f", LOCAL, fetch_page=_no_fetch))
    assert isinstance(problem, Problem)


def test_feeds_local_file_feed(site, tmp_path):
    path = tmp_path / "ledger.rss"
    path.write_bytes(rss_feed(site, [("/news/1", "Families flee Qasr Nahr"), ("/news/2", "Talks")]))
    site.pages["/news/1"] = Page(article_page(STORY))
    site.pages["/news/2"] = Page(article_page(SECOND_STORY))
    articles = list(read_feed(path.read_bytes(), str(path), LOCAL))
    assert [a.key for a in articles] == [site.url("/news/1"), site.url("/news/2")]
    assert all(a.outlet == "Levant Ledger" and a.input_kind == "feed" for a in articles)


def test_feeds_uses_given_fetch_page(site):
    feed = rss_feed(site, [("/news/1", "Families flee Qasr Nahr")])
    asked: list[str] = []

    def fetch_page(link: str) -> web.Fetched:
        asked.append(link)
        return web.Fetched(link, link, 200, "text/html", article_page(STORY))

    [article] = list(read_feed(feed, "ledger.rss", LOCAL, fetch_page=fetch_page))
    assert asked == [site.url("/news/1")]
    assert article.text.startswith("Artillery fire struck")
    assert site.requests == []


def _no_fetch(link: str):
    raise AssertionError(f"a broken feed must not fetch {link}")


@pytest.mark.parametrize(
    "body, content_type, expected",
    [
        (b"<html></html>", "application/rss+xml", True),
        (b"", "application/atom+xml; charset=utf-8", True),
        (b"", "application/rdf+xml", True),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "text/xml", True),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!-- generator --><feed xmlns="x">', "application/xml", True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "application/xml", True),
        ('<?xml version="1.0" encoding="utf-16"?><rss>'.encode("utf-16"), "text/xml", True),
        (b'<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?>\n  <rss>', None, True),
        (b'<?xml version="1.0"?><sitemapindex xmlns="x">', "application/xml", False),
        (b'<?xml version="1.0"?><!-- <rss> --><urlset>', "text/xml", False),
        (b"<rss version='2.0'>", "text/html", False),
        (b"<!DOCTYPE html><html><body><p>feed</p></body></html>", None, False),
        (b"<feedback/>", "text/xml", False),
    ],
)
def test_feeds_looks_like_feed(body, content_type, expected):
    assert looks_like_feed(body, content_type) is expected


# --- end to end: the API and the CLI over the local site -------------------------------


def test_web_ingest_url_and_feed_into_store_then_unchanged(site, fl):
    site.pages["/story"] = Page(article_page(STORY, title="Families flee", site="Levant Ledger"))
    site.pages["/feed.rss"] = Page(rss_feed(site, [("/news/2", "Talks resume")]), content_type="application/rss+xml")
    site.pages["/news/2"] = Page(article_page(SECOND_STORY))
    summary = fl.ingest([site.url("/story"), site.url("/feed.rss")], allow_private=True)
    assert (summary.ingested, summary.skipped) == (2, ())
    kinds = sorted(a.input_kind for a in fl.articles())
    assert kinds == ["feed", "url"]
    again = fl.ingest([site.url("/story"), site.url("/feed.rss")], allow_private=True)
    assert (again.ingested, again.unchanged) == (0, 2)


def test_web_cli_refuses_loopback_unless_allowed(site, tmp_path):
    from typer.testing import CliRunner

    from faultlines.cli import app

    site.pages["/story"] = Page(article_page(STORY))
    db = str(tmp_path / "x.db")
    refused = CliRunner().invoke(app, ["ingest", site.url("/story"), "--db", db])
    assert refused.exit_code == 1 and "--allow-private" in refused.output
    allowed = CliRunner().invoke(app, ["ingest", site.url("/story"), "--db", db, "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
    assert "1 ingested" in allowed.output


def test_web_dead_url_does_not_stop_the_batch(site, fl, tmp_path):
    from conftest import ARTICLE, write

    summary = fl.ingest([f"http://127.0.0.1:{closed_port()}/gone", write(tmp_path, "a.txt", ARTICLE)], allow_private=True)
    assert summary.ingested == 1 and "connection refused" in summary.skipped[0].reason
