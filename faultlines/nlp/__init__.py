"""The spaCy layer: loading a pipeline, parsing texts of any length, reading sentences off a Doc."""

from .long_text import parse
from .pipeline import load_pipeline, pipeline_label, sentences_of

__all__ = ["load_pipeline", "parse", "pipeline_label", "sentences_of"]
