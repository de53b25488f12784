-- rasd store, schema 1. Articles keep the contract object of `rasd extract` (doc);
-- the other tables are flat views of its layers for filtering. Offsets are code
-- points into articles.body. Days are counted from 1970-01-01.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE articles (
  id         INTEGER PRIMARY KEY,
  hash       TEXT NOT NULL UNIQUE,
  doc_id     TEXT NOT NULL,
  outlet     TEXT,
  published  TEXT,
  day        INTEGER,
  url        TEXT,
  title      TEXT,
  source     TEXT NOT NULL,
  body       TEXT NOT NULL,
  doc        TEXT NOT NULL,
  n_entities INTEGER NOT NULL,
  n_claims   INTEGER NOT NULL,
  n_events   INTEGER NOT NULL
);
CREATE INDEX articles_doc_id ON articles(doc_id);
CREATE INDEX articles_day ON articles(day);
CREATE TABLE refs (
  article   INTEGER NOT NULL REFERENCES articles(id),
  key       TEXT NOT NULL,
  name      TEXT NOT NULL,
  name_en   TEXT,
  kind      TEXT NOT NULL,
  country   TEXT,
  lat       REAL,
  lon       REAL,
  wikidata  TEXT,
  canonical INTEGER NOT NULL,
  PRIMARY KEY (article, key)
);
CREATE INDEX refs_key ON refs(key);
CREATE TABLE entities (
  article INTEGER NOT NULL REFERENCES articles(id),
  eid     TEXT NOT NULL,
  start   INTEGER NOT NULL,
  end     INTEGER NOT NULL,
  text    TEXT NOT NULL,
  type    TEXT NOT NULL,
  ref     TEXT,
  why     TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_ref ON entities(ref);
CREATE TABLE times (
  article  INTEGER NOT NULL REFERENCES articles(id),
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  text     TEXT NOT NULL,
  value    TEXT,
  grain    TEXT NOT NULL,
  to_value TEXT,
  why      TEXT NOT NULL
);
CREATE INDEX times_article ON times(article);
CREATE TABLE claims (
  article     INTEGER NOT NULL REFERENCES articles(id),
  cid         TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  cue         TEXT NOT NULL,
  stance      TEXT NOT NULL,
  speaker     TEXT,
  speaker_ref TEXT,
  anonymous   INTEGER NOT NULL,
  via         TEXT,
  via_ref     TEXT,
  why         TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  article       INTEGER NOT NULL REFERENCES articles(id),
  vid           TEXT NOT NULL,
  type          TEXT NOT NULL,
  family        TEXT NOT NULL,
  place_ref     TEXT,
  place_name    TEXT,
  country       TEXT,
  lat           REAL,
  lon           REAL,
  day_from      INTEGER,
  day_to        INTEGER,
  fatalities    REAL,
  denied        INTEGER NOT NULL,
  evidence_norm TEXT NOT NULL,
  incident      INTEGER,
  ev            TEXT NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_day ON events(day_from);
CREATE INDEX events_place ON events(place_ref);
CREATE INDEX events_incident ON events(incident);
CREATE TABLE event_parties (
  event INTEGER NOT NULL REFERENCES events(id),
  role  TEXT NOT NULL,
  key   TEXT NOT NULL,
  name  TEXT NOT NULL
);
CREATE INDEX event_parties_event ON event_parties(event);
CREATE INDEX event_parties_key ON event_parties(key);
CREATE TABLE incidents (
  id              INTEGER PRIMARY KEY,
  family          TEXT NOT NULL,
  type            TEXT NOT NULL,
  place_name      TEXT,
  lat             REAL,
  lon             REAL,
  day_from        INTEGER,
  day_to          INTEGER,
  n_accounts      INTEGER NOT NULL,
  n_articles      INTEGER NOT NULL,
  n_outlets       INTEGER NOT NULL,
  fatalities_max  REAL,
  n_disagreements INTEGER NOT NULL,
  inc             TEXT NOT NULL
);
CREATE INDEX incidents_day ON incidents(day_from);
CREATE INDEX incidents_outlets ON incidents(n_outlets);
