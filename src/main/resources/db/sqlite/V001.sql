-- Core schema: sources, articles with earlier versions, the change log, the fetch log.
-- Times are milliseconds since the epoch (UTC). Statements end with a semicolon at the end of a line.

CREATE TABLE sources (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  location        TEXT NOT NULL,
  name            TEXT NOT NULL,
  rights          TEXT NOT NULL,
  fetch_full_text INTEGER NOT NULL,
  paused          INTEGER NOT NULL,
  added_at        INTEGER NOT NULL,
  -- owned by the ingest stage: HTTP validators, poll interval, next poll, failures, last error
  state_json      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE articles (
  id           TEXT NOT NULL UNIQUE,
  source_id    TEXT,
  url_key      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  version      INTEGER NOT NULL,
  first_seen   INTEGER NOT NULL,
  last_updated INTEGER NOT NULL,
  published    INTEGER,
  hidden       INTEGER NOT NULL DEFAULT 0,
  json         TEXT NOT NULL
);
CREATE INDEX articles_url_key ON articles (url_key) WHERE url_key <> '';
CREATE INDEX articles_source ON articles (source_id, first_seen);
CREATE INDEX articles_age ON articles (coalesce(published, first_seen));

CREATE TABLE article_versions (
  article_id   TEXT NOT NULL,
  version      INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  stored_at    INTEGER NOT NULL,
  json         TEXT NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- AUTOINCREMENT: sequences are never reused, even after the newest entries are deleted.
CREATE TABLE changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('UPSERT', 'HIDE', 'DELETE')),
  article_id TEXT NOT NULL,
  at         INTEGER NOT NULL
);

CREATE TABLE fetch_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  source_id   TEXT,
  url         TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  outcome     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  millis      INTEGER NOT NULL
);
CREATE INDEX fetch_log_source ON fetch_log (source_id, at);
CREATE INDEX fetch_log_at ON fetch_log (at);
