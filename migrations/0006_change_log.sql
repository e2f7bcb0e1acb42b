-- Stable ids and the change log: the journal core that undo and sync stand on.
--
-- Every record gets a stable id (uid): a UUIDv7, globally unique and never
-- reused, that exports, imports and sync use. The short integer ids stay as
-- the handles people type; they may differ between journals. Links (tags,
-- participants) and settings are identified by what they join (their stable
-- id is made from their parents' uids); see src/storage/write.ts.
--
-- The change log replaces 0003's undo triggers. Every change to user data is
-- written by one function (src/storage/write.ts) that appends a row to
-- `changes` in the same transaction: the record's type and stable id, the
-- columns set (references as stable ids) and their values before, a hybrid
-- logical clock (hlc) and the device (journal) that made it. One write
-- command's changes form a group; `undo` reverts the newest undoable group by
-- writing the inverse changes as a new group (undoes = the group it reverts),
-- so an undo is itself in the log. Derived data (last_met, next_touch, the
-- search index) is not logged: triggers keep it from what is.
--
-- Existing rows get their uids, and one "upgrade" group that inserts every
-- record, from the code that runs with this migration (storage/upgrade.ts),
-- so that replaying the log into an empty journal gives this journal. The
-- old undo history is reset: its steps were SQL statements, not changes.

ALTER TABLE contacts ADD COLUMN uid TEXT;
ALTER TABLE meetings ADD COLUMN uid TEXT;
ALTER TABLE notes ADD COLUMN uid TEXT;
ALTER TABLE introductions ADD COLUMN uid TEXT;
ALTER TABLE follow_ups ADD COLUMN uid TEXT;
ALTER TABLE gifts ADD COLUMN uid TEXT;

CREATE UNIQUE INDEX contacts_by_uid ON contacts (uid);
CREATE UNIQUE INDEX meetings_by_uid ON meetings (uid);
CREATE UNIQUE INDEX notes_by_uid ON notes (uid);
CREATE UNIQUE INDEX introductions_by_uid ON introductions (uid);
CREATE UNIQUE INDEX follow_ups_by_uid ON follow_ups (uid);
CREATE UNIQUE INDEX gifts_by_uid ON gifts (uid);

-- This journal's own facts: its device id, the clock's last reading.
CREATE TABLE journal_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE change_groups (
  id        INTEGER PRIMARY KEY,
  label     TEXT    NOT NULL,
  at        TEXT    NOT NULL,
  device    TEXT    NOT NULL,
  -- 1 while `undo` may revert it (the newest 20 command groups).
  undoable  INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
  -- An undo's group names the group it reverted; that group names its undo.
  undoes    INTEGER REFERENCES change_groups (id),
  undone_by INTEGER REFERENCES change_groups (id)
);
CREATE INDEX change_groups_undoable ON change_groups (id) WHERE undoable = 1 AND undone_by IS NULL;

CREATE TABLE changes (
  seq      INTEGER PRIMARY KEY,
  -- Not a foreign key: only write.ts appends here, always to the open group,
  -- and a checked key would cost a lookup per change on a 30,000-row import.
  grp      INTEGER NOT NULL,
  hlc      TEXT    NOT NULL,
  device   TEXT    NOT NULL,
  record   TEXT    NOT NULL CHECK (record IN ('contact', 'tag', 'meeting', 'participant', 'note',
                                                'introduction', 'followUp', 'gift', 'setting')),
  uid      TEXT    NOT NULL,
  op       TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  -- The record's short id in this journal, for entities.
  local_id INTEGER,
  -- JSON objects by column: what was set, and what it was before. An insert
  -- (and a deletion's prior) leaves out the columns that are null.
  fields   TEXT    CHECK ((op = 'delete') = (fields IS NULL)),
  prior    TEXT    CHECK ((op = 'insert') = (prior IS NULL))
);
CREATE INDEX changes_by_group ON changes (grp, seq);
-- No index by record uid yet: every reader so far (undo by group, doctor and
-- replay in order) needs none, and each index costs every import's changes.

DROP TABLE undo_log;
DROP TABLE undo_steps;
DROP TRIGGER undo_contacts_insert;
DROP TRIGGER undo_contacts_delete;
DROP TRIGGER undo_contacts_update;
DROP TRIGGER undo_contact_tags_insert;
DROP TRIGGER undo_contact_tags_delete;
DROP TRIGGER undo_contact_tags_update;
DROP TRIGGER undo_meetings_insert;
DROP TRIGGER undo_meetings_delete;
DROP TRIGGER undo_meetings_update;
DROP TRIGGER undo_meeting_contacts_insert;
DROP TRIGGER undo_meeting_contacts_delete;
DROP TRIGGER undo_meeting_contacts_update;
DROP TRIGGER undo_notes_insert;
DROP TRIGGER undo_notes_delete;
DROP TRIGGER undo_notes_update;
DROP TRIGGER undo_introductions_insert;
DROP TRIGGER undo_introductions_delete;
DROP TRIGGER undo_introductions_update;
DROP TRIGGER undo_follow_ups_insert;
DROP TRIGGER undo_follow_ups_delete;
DROP TRIGGER undo_follow_ups_update;
DROP TRIGGER undo_gifts_insert;
DROP TRIGGER undo_gifts_delete;
DROP TRIGGER undo_gifts_update;
DROP TRIGGER undo_settings_insert;
DROP TRIGGER undo_settings_delete;
DROP TRIGGER undo_settings_update;
