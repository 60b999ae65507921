-- Dedup lookup postings out of SQLite: each article row keeps its own posting keys (5 bytes each: the lookup
-- table, then the 32-bit key big-endian), written with the row in the article's transaction; the lookups
-- themselves go to a memory-mapped index next to the store (lede.db.postings), derived from these keys and
-- rebuilt from them when missing, stale or not closed cleanly. dedup_posting_list is no longer written; an
-- upgraded store's lists are read once more when that index is first built.
ALTER TABLE dedup_article ADD COLUMN postings BLOB;
