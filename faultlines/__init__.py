"""faultlines: who backs, fights, arms, accuses or deals with whom in conflict news, and who says so.

The public API is what this module exports; everything else may change between versions.
"""

import logging

from .api import ActorView, ArticleView, Faultlines, demo_corpus_path, evaluate, extract_statements, extract_text, open
from .errors import (
    FaultlinesError,
    FetchError,
    InputError,
    ModelNotInstalled,
    SchemaTooNew,
    StoreError,
)
from .analyse.sources import SourceProfile
from .analyse.timeline import Timeline, TimelineEntry
from .options import Options
from .resolve.catalogue import Catalogue, CatalogueError, load_catalogue
from .values import (
    Actor,
    Article,
    Attribution,
    Claim,
    Dispute,
    DisputeSide,
    Evidence,
    IngestResult,
    IngestSummary,
    Mention,
    Problem,
    Sentence,
    Statement,
    StoredArticle,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorView",
    "Article",
    "ArticleView",
    "Attribution",
    "Catalogue",
    "CatalogueError",
    "Claim",
    "Dispute",
    "DisputeSide",
    "Evidence",
    "Faultlines",
    "FaultlinesError",
    "FetchError",
    "IngestResult",
    "IngestSummary",
    "InputError",
    "Mention",
    "ModelNotInstalled",
    "Options",
    "Problem",
    "SchemaTooNew",
    "Sentence",
    "SourceProfile",
    "Statement",
    "StoreError",
    "StoredArticle",
    "Timeline",
    "TimelineEntry",
    "__version__",
    "demo_corpus_path",
    "evaluate",
    "extract_statements",
    "extract_text",
    "load_catalogue",
    "open",
]

# The library logs; only the CLI decides where log records go.
logging.getLogger(__name__).addHandler(logging.NullHandler())
