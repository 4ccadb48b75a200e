"""Export: statements as flat records (the JSON lines contract of ``faultlines extract``)."""

from .records import analysis_records, doc_name, statement_record

__all__ = ["analysis_records", "doc_name", "statement_record"]
