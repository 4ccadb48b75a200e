"""RSS, Atom and RDF feeds: tell a feed from a page, and read the article behind each item.

A feed item is a pointer, not an article: its summary is a teaser. So each item's page is
fetched and read with trafilatura, and the feed only fills in what the page lacks (title,
author, date, outlet). A bad item comes back as a ``Problem`` and the next item is read.

It does not download the feed itself (``faultlines.ingest.web`` or the caller reads the
bytes, from a URL or a local file), follow paging links, or remember items already seen
between runs (the store recognises an unchanged article by its key and text).
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import feedparser

from ..errors import InputError
from ..options import Options
from ..values import Article, Problem

if TYPE_CHECKING:
    from .web import Fetched

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# Many servers label feeds with these generic types, and label plain XML the same way,
# so for them the body decides.
GENERIC_XML_TYPES = frozenset({"text/xml", "application/xml"})

# What may come before the root element: an XML declaration, processing instructions
# (<?xml-stylesheet?> is common in feeds), comments and a doctype.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]")
_SNIFF_BYTES = 4096


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """True for an RSS, Atom or RDF feed, judged by its content type and first bytes.

    With a generic XML type, or none at all (a local file), the root element decides.
    """
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type in FEED_TYPES:
        return True
    if media_type and media_type not in GENERIC_XML_TYPES:
        return False
    head = _as_ascii_compatible(body[:_SNIFF_BYTES])
    start = _PROLOG.match(head).end()
    return bool(_FEED_ROOT.match(head, start))


def read_feed(
    body: bytes,
    location: str,
    options: Options,
    fetch_page: Callable[[str], Fetched] | None = None,
) -> Iterator[Article | Problem]:
    """One Article per feed item with a readable page, and a Problem for every other item.

    Args:
        body: the feed as downloaded or read from a file.
        location: the feed's URL or path, for messages (and, for a URL, to resolve
            relative item links).
        fetch_page: downloads an item's page; by default ``web.fetch`` with ``options``.
    """
    from .web import article_from_page, fetch  # here, not at the top: web imports this module

    if fetch_page is None:
        fetch_page = partial(fetch, options=options)

    parsed = _parse(body, location)
    if isinstance(parsed, Problem):
        yield parsed
        return
    feed_title = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        link = _clean(entry.get("link"))
        if not link:
            yield Problem(
                f"{location}#item-{number}",
                f"feed item {number} has no link to its article",
                "nothing to do unless the feed is yours; the other items are read",
            )
            continue
        try:
            article = article_from_page(fetch_page(link), input_kind="feed")
        except InputError as error:
            yield Problem(
                link,
                f"{error.problem.reason} (an item of the feed {location})",
                error.problem.fix,
            )
            continue
        yield _with_feed_fallbacks(article, entry, feed_title)


def _parse(body: bytes, location: str) -> feedparser.FeedParserDict | Problem:
    """The parsed feed, or a Problem saying why it is not one."""
    headers = {"content-location": location} if _is_web_url(location) else {}
    # A file object, not bytes: feedparser tries bytes as a file name first, so a
    # download whose body is "/etc/passwd" would make it read that file.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if parsed.entries:
        return parsed
    if parsed.get("bozo"):
        return Problem(
            location,
            f"not a readable feed ({parsed.get('bozo_exception')})",
            "check that the URL or file is an RSS, Atom or RDF feed",
        )
    if not parsed.get("version"):
        # feedparser does not flag an HTML page or plain text as broken; it finds no feed.
        return Problem(
            location,
            "not an RSS, Atom or RDF feed",
            "give the address of the feed itself, or of the article page",
        )
    return parsed  # a well-formed feed that has no items right now


def _with_feed_fallbacks(
    article: Article, entry: feedparser.FeedParserDict, feed_title: str | None
) -> Article:
    """The article with what the page lacked taken from its feed item and feed."""
    changes: dict[str, str] = {}
    title = _clean(entry.get("title"))
    if not article.title and title:
        changes["title"] = title
    author = _clean(entry.get("author"))
    if not article.author and author:
        changes["author"] = author
    published = _entry_date(entry)
    if not article.published and published:
        changes["published"] = published
        changes["date_source"] = "feed"
    if feed_title and _outlet_is_only_host(article):
        changes["outlet"] = feed_title
    return replace(article, **changes) if changes else article


def _outlet_is_only_host(article: Article) -> bool:
    """True when the page named no outlet: none, or the host name trafilatura falls back to.

    A feed's title ("Levant Ledger") is a better outlet name than "news.example.com".
    """
    if not article.outlet:
        return True
    if not article.url:
        return False
    parts = urlsplit(article.url)
    hosts = {parts.netloc.lower(), (parts.hostname or "").lower()}
    hosts |= {host.removeprefix("www.") for host in hosts}
    return article.outlet.lower() in hosts


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The item's publication (else update) date as YYYY-MM-DD; feedparser gives it in UTC."""
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", when) if when else None


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _is_web_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def _as_ascii_compatible(head: bytes) -> bytes:
    """The first bytes of a document, re-encoded so that ASCII markup can be matched.

    Drops a UTF-8 byte order mark; decodes UTF-16 (which a BOM announces).
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf")
