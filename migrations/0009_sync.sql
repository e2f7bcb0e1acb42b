-- Sync between devices (src/sync/): what this journal knows of the others.
--
-- A sync repository (a git clone in the journal's folder) holds, for every
-- device, numbered batch files of the changes that device made. The journal
-- itself remembers which batches it has applied, so that applying a batch
-- and recording it commit together: a sync killed half way applies a batch
-- again in full or not at all. This device's own settings (remote, last
-- sync, how far its changes were written out) are in journal_meta, keys
-- 'sync.*'.

CREATE TABLE sync_devices (
  device  TEXT PRIMARY KEY,
  -- The name its owner gave it (`sync init --device laptop`).
  name    TEXT NOT NULL,
  -- The newest of its batch files applied here (0: none yet).
  applied INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- A field two devices changed without either having seen the other's
-- change: the later one is in the table, the other is kept here, so that
-- nothing is lost silently (`sync conflicts`). Values as the change log
-- keeps them (JSON, references as stable ids).
CREATE TABLE sync_conflicts (
  id          INTEGER PRIMARY KEY,
  record      TEXT NOT NULL,
  uid         TEXT NOT NULL,
  field       TEXT NOT NULL,
  kept        TEXT,
  kept_device TEXT NOT NULL,
  kept_hlc    TEXT NOT NULL,
  lost        TEXT,
  lost_device TEXT NOT NULL,
  lost_hlc    TEXT NOT NULL,
  -- When this journal found it (the sync's time).
  found       TEXT NOT NULL,
  UNIQUE (uid, field, lost_device, lost_hlc)
);
