"""Extraction: spaCy components that find what the later stages resolve and store.

Importing this package registers the components with spaCy (``@Language.factory``), so a
user can add them to their own pipeline: ``nlp.add_pipe("faultlines_actors")``.
"""

from .actors import SPAN_KEY, ActorFinder, make_actor_finder

__all__ = ["SPAN_KEY", "ActorFinder", "make_actor_finder"]
