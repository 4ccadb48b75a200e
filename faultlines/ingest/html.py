"""Main text and metadata of an HTML page, with trafilatura (and htmldate through it).

Used for local .html files, fetched web pages and the pages behind feed items. It does
not fetch anything: ``faultlines.ingest.web`` does.
"""

from __future__ import annotations

import trafilatura

from ..errors import InputError
from ..values import Article, InputKind
from .dates import parse_date


def article_from_html(
    html: str | bytes,
    *,
    key: str,
    input_kind: InputKind,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """The article in an HTML page; raises InputError when the page has no main text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    text = (document.text or "").strip() if document else ""
    if not text:
        raise InputError(
            key,
            "no article text found in the HTML page",
            "check that the page holds an article and not only navigation or a paywall",
        )
    title = (document.title or "").strip() or None
    # The headline is the first paragraph of the stored text, as for plain-text files
    # (trafilatura puts it there when the page has it in the article body).
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(
        text=text or title or "",
        key=key,
        input_kind=input_kind,
        title=title,
        url=url or document.url,
        path=path,
        outlet=(document.sitename or document.hostname or None),
        author=(document.author or None),
        published=parse_date(document.date),
        date_source="metadata" if document.date else None,
    )
