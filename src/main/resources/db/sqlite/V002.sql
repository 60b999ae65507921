-- Takedowns that stick, checkpoints of derived data, and store-wide settings.

-- An operator's delete leaves a tombstone: the same identity is refused when a feed offers it again.
CREATE TABLE tombstones (
  id         TEXT PRIMARY KEY,
  deleted_at INTEGER NOT NULL,
  reason     TEXT NOT NULL
) WITHOUT ROWID;

-- The last change-log sequence each consumer of the change log (derived lists) has applied.
CREATE TABLE checkpoints (
  consumer TEXT PRIMARY KEY,
  seq      INTEGER NOT NULL
) WITHOUT ROWID;

-- Key/value settings of the store, e.g. compacted_through (change-log entries forgotten up to there).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
