-- Schema version 2: roles that articles give people ("Russian military spokesman
-- Igor Konashenkov" -> spokesman of RUS.MIL), dated by the article. Roles the actor
-- catalogue records are read from the catalogue, not copied here.

CREATE TABLE roles (
    id           INTEGER PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES actors (id),
    member_of    TEXT NOT NULL REFERENCES actors (id),
    role         TEXT NOT NULL,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    seen_on      TEXT                -- the article's date
);
CREATE INDEX roles_person ON roles (person_id);
CREATE INDEX actors_kind ON actors (kind);
