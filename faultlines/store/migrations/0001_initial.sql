-- faultlines store, schema version 1.
-- Plain SQLite tables and views, so Datasette, DuckDB (sqlite extension) or the sqlite3
-- shell can open the file directly. Offsets are character offsets into articles.text.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL,      -- where it came from: path, path#row-N, or URL
    version       INTEGER NOT NULL DEFAULT 1,
    content_hash  TEXT NOT NULL,      -- sha256 of the normalized text (copies share it)
    title         TEXT,
    text          TEXT NOT NULL,
    input_kind    TEXT NOT NULL,      -- txt, md, html, json, jsonl, csv, stdin, url, feed
    url           TEXT,
    path          TEXT,
    outlet        TEXT,
    author        TEXT,
    published     TEXT,               -- ISO date
    date_source   TEXT,               -- sidecar, flag, metadata, text, file-mtime, feed
    model         TEXT,               -- spaCy pipeline that split it
    ingested_at   TEXT NOT NULL,
    UNIQUE (key, version)
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE actors (
    id        TEXT PRIMARY KEY,       -- catalogue id (USA, RUS.MIL.MOD, ISIS) or a new one
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,          -- state, government, military, armed group, person, outlet...
    parent_id TEXT REFERENCES actors (id),
    wikidata  TEXT,
    cameo     TEXT,
    origin    TEXT NOT NULL DEFAULT 'catalogue'  -- catalogue | discovered
);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    actor_id     TEXT NOT NULL REFERENCES actors (id),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    how          TEXT NOT NULL        -- ner, catalogue, demonym, apposition, pronoun...
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE statements (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_idx     INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('event', 'relation')),
    type             TEXT NOT NULL,   -- PLOVER type or BACKS / ALLIED_WITH / MEMBER_OF / HOSTILE_TO
    source_actor_id  TEXT NOT NULL REFERENCES actors (id),
    target_actor_id  TEXT NOT NULL REFERENCES actors (id),
    asserted_by_kind TEXT NOT NULL
        CHECK (asserted_by_kind IN ('outlet', 'author', 'person', 'organization', 'anonymous')),
    asserted_by_actor_id TEXT REFERENCES actors (id),
    asserted_by_name TEXT,
    attribution_cue  TEXT,            -- the words that moved it: "said", "according to"...
    status           TEXT NOT NULL CHECK (status IN ('fact', 'negated', 'hypothetical', 'opinion')),
    date             TEXT,
    date_granularity TEXT,            -- day, month, year
    place            TEXT,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    extractor        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX statements_source ON statements (source_actor_id);
CREATE INDEX statements_target ON statements (target_actor_id);

-- One row per ingest run, so a user can see what a run did and when.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,        -- JSON list of the arguments
    ingested    INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0
);

-- The newest version of each article: what most queries want.
CREATE VIEW latest_articles AS
SELECT a.* FROM articles a
WHERE a.version = (SELECT max(b.version) FROM articles b WHERE b.key = a.key);
