-- Dedup story-term lists out of SQLite: every filing of a story under its terms (the story, the time it was filed at,
-- its terms as 32-bit big-endian values) is one appended row, written in the article's transaction; the lookups go to
-- a memory-mapped index next to the store (lede.db.storyterms), derived from these rows and rebuilt from them when
-- missing, stale or not closed cleanly. dedup_term_list is no longer written; an upgraded store's lists are read once
-- more when that index is first built.
CREATE TABLE dedup_story_filing (
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL,
  seen INTEGER NOT NULL,
  terms BLOB NOT NULL
);
