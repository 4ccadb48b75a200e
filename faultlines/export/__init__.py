"""Export: statements as flat records (the JSON lines contract of ``faultlines extract``)."""

from .records import doc_name, statement_record

__all__ = ["doc_name", "statement_record"]
