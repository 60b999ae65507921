-- Dedup document frequencies out of the per-term upsert: each transaction appends its increments as one row (pairs of a
-- 32-bit term and a 32-bit count, big-endian, ascending by term); from time to time the rows are summed into dedup_df
-- (one upsert per distinct term) and deleted. The lookups go to a memory-mapped counter table next to the store
-- (lede.db.df), derived from dedup_df plus these rows and rebuilt from them when missing, stale or not closed cleanly.
CREATE TABLE dedup_df_delta (
  id INTEGER PRIMARY KEY,
  deltas BLOB NOT NULL
);
