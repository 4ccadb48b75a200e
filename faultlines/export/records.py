"""One statement as a plain dict: the output contract of ``extract`` and ``statements``.

Fields: doc, sentence, start, end, kind, type, source, target ({id, name, kind}, or null
for the unknown end of a one-sided event, see ``Options.one_sided``),
asserted_by ({id, name, kind} with kind outlet|author|person|organization|anonymous),
status, date, place, plus where it came from (article_id, sentence_index, published,
outlet, cue, extractor). The same shape whether the statement comes from a fresh parse or
from the store, so scripts and the evaluator read both alike.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Mapping

from ..values import Actor, Article, Statement


def actor_record(actor: Actor | None, fallback_id: str | None = None) -> dict | None:
    """{id, name, kind}; None when there is no actor at all (a one-sided event's other end)."""
    if actor is None and fallback_id is None:
        return None
    if actor is None:
        return {"id": fallback_id, "name": None, "kind": None}
    return {"id": actor.id, "name": actor.name, "kind": actor.kind}


def doc_name(path: str | None, key: str) -> str:
    """The file name of an article's source (or its key for URLs and rows)."""
    if path and "#" not in key:
        return PurePath(path).name
    return key


def statement_record(
    statement: Statement,
    *,
    article: Article,
    text: str,
    actors: Mapping[str, Actor],
    article_id: int | None = None,
) -> dict:
    by = statement.attribution
    asserter = actors.get(by.actor_id) if by.actor_id else None
    return {
        "doc": doc_name(article.path, article.key),
        "article_id": article_id,
        "sentence_index": statement.sentence_index,
        "sentence": text[statement.start:statement.end],
        "start": statement.start,
        "end": statement.end,
        "kind": statement.kind,
        "type": statement.type,
        "source": actor_record(actors.get(statement.source_actor_id), statement.source_actor_id),
        "target": actor_record(actors.get(statement.target_actor_id), statement.target_actor_id),
        "asserted_by": {
            "id": by.actor_id,
            "name": by.name or (asserter.name if asserter else None),
            "kind": by.kind,
        },
        "status": statement.status,
        "date": statement.date,
        "date_granularity": statement.date_granularity,
        "place": statement.place,
        "published": article.published,
        "outlet": article.outlet,
        "cue": by.cue,
        "extractor": statement.extractor,
    }


def analysis_records(article: Article, analysis) -> list[dict]:
    """The statements of an analysed article (``core.Analysis``) as records."""
    actors = {a.id: a for a in analysis.actors}
    return [statement_record(s, article=article, text=article.text, actors=actors) for s in analysis.statements]
