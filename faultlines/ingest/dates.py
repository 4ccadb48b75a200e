"""Article dates: parse a date string, or find the dateline of a plain-text article.

Only the article's own publication date is found here. Resolving "last Friday" inside a
sentence against that date belongs to the extraction stage.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone

import dateparser

# languages=['en'] makes dateparser ~20x faster; PREFER_DAY_OF_MONTH='first' turns
# "March 2017" into 2017-03-01 rather than today's day of that month.
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Datelines as news copy writes them: "March 3, 2017", "3 March 2017", "2017-03-03".
# A bare "Tuesday" or "in October" is not an article date, so the year is required.
_DATELINE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\b"
)
# How far into a text a dateline may stand: past this, a date is about the story, not
# the article (e.g. "the 2014 offensive began on June 10, 2014").
_DATELINE_WINDOW = 400


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) for a date string in any common format, or None."""
    if not value or not str(value).strip():
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2})?", text):
        # "2017" and "2017-10" are their first day (dateparser would fill in today's).
        try:
            return date(int(text[:4]), int(text[5:7] or 1), 1).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def period_end(value: str) -> str | None:
    """The last day of the period a date names: "2017" -> 2017-12-31, "2017-02" -> 2017-02-28."""
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:7])
        return f"{text}-{calendar.monthrange(year, month)[1]:02d}"
    return parse_date(text)


def find_dateline(text: str) -> str | None:
    """The publication date written near the top of an article's text, or None."""
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    return parse_date(match.group(0)) if match else None


def from_timestamp(seconds: float) -> str:
    """An ISO date for a file timestamp (UTC)."""
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
