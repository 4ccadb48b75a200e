"""The spaCy layer: loading a pipeline and reading sentences off a parsed Doc."""

from .pipeline import load_pipeline, pipeline_label, sentences_of

__all__ = ["load_pipeline", "pipeline_label", "sentences_of"]
