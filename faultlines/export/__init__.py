"""Export: statements as flat records (the JSON lines contract of ``faultlines extract``)."""

from .records import statement_record

__all__ = ["statement_record"]
