-- Duplicates and stories: fingerprints, lookup postings, duplicate links, stories, story terms, document frequencies.
-- Written by the dedup stage in the same transaction as the articles (see dev.lede.dedup.DedupState).

-- One row per article the dedup stage has seen. key is dense (the state hands it out); sketch is the
-- fingerprint (null once the article was hidden or deleted); canonical is the original of its duplicate
-- group (itself for an original, -1 when unknown); story the story it belongs to (-1 for none).
CREATE TABLE dedup_article (
  key       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  sketch    BLOB,
  canonical INTEGER NOT NULL DEFAULT -1,
  story     INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX dedup_article_canonical ON dedup_article (canonical);
CREATE INDEX dedup_article_story ON dedup_article (story);

-- Lookup postings: exact hash, SimHash permuted tables, MinHash bands, sentence samples.
CREATE TABLE dedup_posting (
  tbl     INTEGER NOT NULL,
  k       INTEGER NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY (tbl, k, article)
) WITHOUT ROWID;

CREATE TABLE dedup_story (
  id         INTEGER PRIMARY KEY,
  headline   TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  size       INTEGER NOT NULL,
  centroid   BLOB NOT NULL
);
CREATE INDEX dedup_story_last_seen ON dedup_story (last_seen);

-- Candidate stories per heavy term, with the time the story was last filed under it.
CREATE TABLE dedup_story_term (
  term  INTEGER NOT NULL,
  story INTEGER NOT NULL,
  seen  INTEGER NOT NULL,
  PRIMARY KEY (term, story)
) WITHOUT ROWID;
CREATE INDEX dedup_story_term_seen ON dedup_story_term (term, seen);

-- Document frequencies of story terms; the document count and the next story id live in meta.
CREATE TABLE dedup_df (
  term INTEGER PRIMARY KEY,
  df   INTEGER NOT NULL
);
