"""Extraction: spaCy components that find what the later stages resolve and store.

Importing this package registers the components with spaCy (``@Language.factory``), so a
user can add them to their own pipeline: ``nlp.add_pipe("faultlines_actors")``,
``nlp.add_pipe("faultlines_statements")``.
"""

from .actors import SPAN_KEY, ActorFinder, make_actor_finder
from .statements import StatementFinder, make_statement_finder

__all__ = ["SPAN_KEY", "ActorFinder", "StatementFinder", "make_actor_finder", "make_statement_finder"]
