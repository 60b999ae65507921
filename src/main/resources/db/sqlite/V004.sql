-- Dedup lookups packed: one row per posting key and per story term, the list in a blob (was a row per entry).
-- A lookup of one article (about 60 posting keys, 32 story terms) reads that many rows by their integer
-- primary key; the flush of a transaction rewrites a list once. The old tables are converted and dropped.

-- key is tbl << 32 | k (k as an unsigned 32-bit number); list holds the oldest 64 article keys of the key,
-- 4 bytes big-endian each, ascending (lookups read the oldest only, as the heap state's PostingTable).
CREATE TABLE dedup_posting_list (
  key  INTEGER PRIMARY KEY,
  list BLOB NOT NULL
);
INSERT INTO dedup_posting_list (key, list)
SELECT (tbl << 32) | (k & 4294967295), unhex(group_concat(printf('%08X', article), '' ORDER BY article))
FROM (SELECT tbl, k, article,
             row_number() OVER (PARTITION BY tbl, k ORDER BY article) AS rn
      FROM dedup_posting)
WHERE rn <= 64
GROUP BY tbl, k;
DROP TABLE dedup_posting;

-- The 64 stories most recently filed under a term: 16 bytes each (story id, then the time it was last
-- filed there, both 8 bytes big-endian), most recent first (ties by story id).
CREATE TABLE dedup_term_list (
  term INTEGER PRIMARY KEY,
  list BLOB NOT NULL
);
INSERT INTO dedup_term_list (term, list)
SELECT term, unhex(group_concat(printf('%016X%016X', story, seen), '' ORDER BY seen DESC, story))
FROM (SELECT term, story, seen,
             row_number() OVER (PARTITION BY term ORDER BY seen DESC, story) AS rn
      FROM dedup_story_term)
WHERE rn <= 64
GROUP BY term;
DROP TABLE dedup_story_term;
