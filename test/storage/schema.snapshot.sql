-- user_version 12
CREATE INDEX change_groups_undoable ON change_groups (id) WHERE undoable = 1 AND undone_by IS NULL;

CREATE INDEX changes_by_group ON changes (grp, seq);

CREATE INDEX contact_aliases_by_alias ON contact_aliases (alias);

CREATE INDEX contact_tags_by_tag ON contact_tags (tag);

CREATE INDEX contacts_birthday_day ON contacts (substr(birthday, -5)) WHERE birthday IS NOT NULL;

CREATE INDEX contacts_by_company ON contacts (company COLLATE NOCASE) WHERE company IS NOT NULL;

CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE) WHERE email IS NOT NULL;

CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE);

CREATE UNIQUE INDEX contacts_by_uid ON contacts (uid);

CREATE INDEX contacts_next_touch ON contacts (next_touch) WHERE next_touch IS NOT NULL;

CREATE UNIQUE INDEX contacts_one_me ON contacts (is_me) WHERE is_me = 1;

CREATE INDEX follow_ups_by_contact ON follow_ups (contact_id, status);

CREATE INDEX follow_ups_by_introduction ON follow_ups (introduction_id)
  WHERE introduction_id IS NOT NULL;

CREATE INDEX follow_ups_by_meeting ON follow_ups (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE UNIQUE INDEX follow_ups_by_uid ON follow_ups (uid);

CREATE INDEX follow_ups_open_by_due ON follow_ups (due, kind) WHERE status = 'open';

CREATE INDEX gifts_by_contact ON gifts (contact_id, date);

CREATE UNIQUE INDEX gifts_by_uid ON gifts (uid);

CREATE INDEX introductions_by_date ON introductions (date);

CREATE INDEX introductions_by_introducer ON introductions (introducer_id);

CREATE INDEX introductions_by_person ON introductions (person_id, to_id);

CREATE INDEX introductions_by_to ON introductions (to_id);

CREATE UNIQUE INDEX introductions_by_uid ON introductions (uid);

CREATE INDEX meeting_contacts_by_contact ON meeting_contacts (contact_id, meeting_id);

CREATE INDEX meetings_by_date ON meetings (date);

CREATE UNIQUE INDEX meetings_by_uid ON meetings (uid);

CREATE INDEX notes_by_contact ON notes (contact_id, date);

CREATE INDEX notes_by_meeting ON notes (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE UNIQUE INDEX notes_by_uid ON notes (uid);

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

CREATE TABLE changes (
  seq      INTEGER PRIMARY KEY,
  -- Not a foreign key: only write.ts appends here, always to the open group,
  -- and a checked key would cost a lookup per change on a 30,000-row import.
  grp      INTEGER NOT NULL,
  hlc      TEXT    NOT NULL,
  device   TEXT    NOT NULL,
  record   TEXT    NOT NULL CHECK (record IN ('contact', 'tag', 'alias', 'meeting', 'participant',
                                                'note', 'introduction', 'followUp', 'gift',
                                                'setting')),
  uid      TEXT    NOT NULL,
  op       TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  -- The record's short id in this journal, for entities.
  local_id INTEGER,
  -- JSON objects by column: what was set, and what it was before. An insert
  -- (and a deletion's prior) leaves out the columns that are null.
  fields   TEXT    CHECK ((op = 'delete') = (fields IS NULL)),
  prior    TEXT    CHECK ((op = 'insert') = (prior IS NULL))
);

CREATE TABLE contact_aliases (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  alias      TEXT    NOT NULL COLLATE NOCASE CHECK (length(trim(alias)) > 0),
  PRIMARY KEY (contact_id, alias)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE contact_names USING fts5(
  name,
  aliases,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE 'contact_names_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'contact_names_content'(id INTEGER PRIMARY KEY, c0, c1);

CREATE TABLE 'contact_names_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'contact_names_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'contact_names_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  tag        TEXT    NOT NULL COLLATE NOCASE CHECK (length(trim(tag)) > 0),
  PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;

CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  is_me        INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
  company      TEXT,
  role         TEXT,
  email        TEXT,
  phone        TEXT,
  url          TEXT,
  location     TEXT,
  circle       TEXT    CHECK (circle IN ('inner', 'second', 'third')),
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 36500),
  birthday     TEXT    CHECK (birthday IS NULL
                              OR (birthday GLOB '[0-1][0-9]-[0-3][0-9]')
                              OR (birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                  AND date(birthday) IS birthday)),
  how_met      TEXT,
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created      TEXT    NOT NULL CHECK (date(created) IS created),
  -- Derived from meetings and kept by the triggers below, in the same
  -- transaction, so it can never drift: the date of the latest meeting.
  last_met     TEXT    CHECK (last_met IS NULL OR date(last_met) IS last_met)
, next_touch TEXT, uid TEXT, birthday_done INTEGER, reconnect_after TEXT, team_share INTEGER CHECK (team_share IN (0, 1)));

CREATE TABLE follow_ups (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind            TEXT    NOT NULL CHECK (kind IN ('action', 'thank_you', 'report_back', 'waiting')),
  text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  due             TEXT    NOT NULL CHECK (date(due) IS due),
  status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  -- The day it was marked done or dropped; NULL exactly while it is open.
  closed          TEXT    CHECK (closed IS NULL OR date(closed) IS closed),
  meeting_id      INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  introduction_id INTEGER REFERENCES introductions (id) ON DELETE SET NULL,
  created         TEXT    NOT NULL, uid TEXT, template TEXT
  CHECK (template IS NULL OR template IN ('thank_you', 'report_back', 'nudge')),
  CHECK ((status = 'open') = (closed IS NULL))
);

CREATE TABLE gifts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  date       TEXT    NOT NULL CHECK (date(date) IS date),
  text       TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  created    TEXT    NOT NULL
, uid TEXT);

CREATE TABLE introductions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  introducer_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  to_id         INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  date          TEXT    NOT NULL CHECK (date(date) IS date),
  context       TEXT,
  reported_back INTEGER NOT NULL DEFAULT 0 CHECK (reported_back IN (0, 1)),
  created       TEXT    NOT NULL, uid TEXT,
  CHECK (person_id <> to_id),
  CHECK (introducer_id <> person_id)
);

CREATE TABLE journal_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE meeting_contacts (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, contact_id)
) WITHOUT ROWID;

CREATE TABLE meetings (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  date     TEXT    NOT NULL CHECK (date(date) IS date),
  kind     TEXT    NOT NULL CHECK (kind IN ('coffee', 'lunch', 'call', 'video', 'meeting',
                                            'event', 'interview', 'email', 'message', 'other')),
  notes    TEXT,
  outreach INTEGER NOT NULL DEFAULT 0 CHECK (outreach IN (0, 1)),
  created  TEXT    NOT NULL
, uid TEXT);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  date       TEXT    NOT NULL CHECK (date(date) IS date),
  text       TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  created    TEXT    NOT NULL
, uid TEXT);

CREATE TABLE schema_migrations (
            version INTEGER PRIMARY KEY,
            name    TEXT NOT NULL,
            applied TEXT NOT NULL
          );

CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  ref UNINDEXED,
  name,
  people,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'search_index_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);

CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

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

CREATE TABLE sync_devices (
  device  TEXT PRIMARY KEY,
  -- The name its owner gave it (`sync init --device laptop`).
  name    TEXT NOT NULL,
  -- The newest of its batch files applied here (0: none yet).
  applied INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TRIGGER contact_names_alias_added AFTER INSERT ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM contact_names WHERE rowid = NEW.contact_id;
  INSERT INTO contact_names (rowid, name, aliases)
  SELECT id, name, aliases FROM contact_name_docs WHERE id = NEW.contact_id;
END;

CREATE TRIGGER contact_names_alias_changed AFTER UPDATE ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM contact_names WHERE rowid IN (OLD.contact_id, NEW.contact_id);
  INSERT INTO contact_names (rowid, name, aliases)
  SELECT id, name, aliases FROM contact_name_docs WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

CREATE TRIGGER contact_names_alias_removed AFTER DELETE ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM contact_names WHERE rowid = OLD.contact_id;
  INSERT INTO contact_names (rowid, name, aliases)
  SELECT id, name, aliases FROM contact_name_docs WHERE id = OLD.contact_id;
END;

CREATE TRIGGER contact_names_contact_added AFTER INSERT ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO contact_names (rowid, name, aliases)
  SELECT id, name, aliases FROM contact_name_docs WHERE id = NEW.id;
END;

CREATE TRIGGER contact_names_contact_changed AFTER UPDATE OF id, name, is_me ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM contact_names WHERE rowid IN (OLD.id, NEW.id);
  INSERT INTO contact_names (rowid, name, aliases)
  SELECT id, name, aliases FROM contact_name_docs WHERE id = NEW.id;
END;

CREATE TRIGGER contact_names_contact_removed AFTER DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM contact_names WHERE rowid = OLD.id;
END;

CREATE TRIGGER meeting_contacts_added AFTER INSERT ON meeting_contacts BEGIN
  UPDATE contacts SET last_met = (
    SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
    WHERE mc.contact_id = NEW.contact_id
  ) WHERE id = NEW.contact_id;
END;

CREATE TRIGGER meeting_contacts_moved AFTER UPDATE OF contact_id ON meeting_contacts BEGIN
  UPDATE contacts SET last_met = (
    SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
    WHERE mc.contact_id = contacts.id
  ) WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

CREATE TRIGGER meeting_contacts_removed AFTER DELETE ON meeting_contacts BEGIN
  UPDATE contacts SET last_met = (
    SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
    WHERE mc.contact_id = OLD.contact_id
  ) WHERE id = OLD.contact_id;
END;

CREATE TRIGGER meetings_redated AFTER UPDATE OF date ON meetings BEGIN
  UPDATE contacts SET last_met = (
    SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
    WHERE mc.contact_id = contacts.id
  ) WHERE id IN (SELECT contact_id FROM meeting_contacts WHERE meeting_id = NEW.id);
END;

CREATE TRIGGER next_touch_contact_added AFTER INSERT ON contacts
WHEN NEW.cadence_days IS NOT NULL
     OR EXISTS (SELECT 1 FROM settings WHERE key = 'cadence.' || NEW.circle) BEGIN
  UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = NEW.id)
   WHERE id = NEW.id;
END;

CREATE TRIGGER next_touch_contact_changed
AFTER UPDATE OF last_met, created, cadence_days, circle, archived, is_me ON contacts BEGIN
  UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = NEW.id)
   WHERE id = NEW.id;
END;

CREATE TRIGGER next_touch_default_added AFTER INSERT ON settings
WHEN NEW.key LIKE 'cadence.%' BEGIN
  UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id)
   WHERE cadence_days IS NULL AND 'cadence.' || circle = NEW.key;
END;

CREATE TRIGGER next_touch_default_changed AFTER UPDATE ON settings
WHEN NEW.key LIKE 'cadence.%' OR OLD.key LIKE 'cadence.%' BEGIN
  UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id)
   WHERE cadence_days IS NULL AND 'cadence.' || circle IN (OLD.key, NEW.key);
END;

CREATE TRIGGER next_touch_default_removed AFTER DELETE ON settings
WHEN OLD.key LIKE 'cadence.%' BEGIN
  UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id)
   WHERE cadence_days IS NULL AND 'cadence.' || circle = OLD.key;
END;

CREATE TRIGGER search_contact_added AFTER INSERT ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_contact_alias_added AFTER INSERT ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = NEW.contact_id * 4;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.contact_id;
END;

CREATE TRIGGER search_contact_alias_changed AFTER UPDATE ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.contact_id * 4, NEW.contact_id * 4);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs
   WHERE ref IN (OLD.contact_id, NEW.contact_id);
END;

CREATE TRIGGER search_contact_alias_removed AFTER DELETE ON contact_aliases
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.contact_id * 4;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = OLD.contact_id;
END;

CREATE TRIGGER search_contact_changed
AFTER UPDATE OF id, name, is_me, company, role, email, location, how_met ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.id * 4, NEW.id * 4);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_contact_removed AFTER DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4;
END;

CREATE TRIGGER search_contact_renamed AFTER UPDATE OF name, is_me ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index
   WHERE rowid IN (SELECT id * 4 + 1 FROM notes WHERE contact_id = NEW.id
                   UNION ALL SELECT id * 4 + 3 FROM follow_ups WHERE contact_id = NEW.id
                   UNION ALL SELECT meeting_id * 4 + 2 FROM meeting_contacts
                              WHERE contact_id = NEW.id);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_note_docs
   WHERE ref IN (SELECT id FROM notes WHERE contact_id = NEW.id);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_follow_up_docs
   WHERE ref IN (SELECT id FROM follow_ups WHERE contact_id = NEW.id);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs
   WHERE ref IN (SELECT meeting_id FROM meeting_contacts WHERE contact_id = NEW.id);
END;

CREATE TRIGGER search_contact_tag_added AFTER INSERT ON contact_tags
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = NEW.contact_id * 4;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.contact_id;
END;

CREATE TRIGGER search_contact_tag_changed AFTER UPDATE ON contact_tags
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.contact_id * 4, NEW.contact_id * 4);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs
   WHERE ref IN (OLD.contact_id, NEW.contact_id);
END;

CREATE TRIGGER search_contact_tag_removed AFTER DELETE ON contact_tags
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.contact_id * 4;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = OLD.contact_id;
END;

CREATE TRIGGER search_follow_up_added AFTER INSERT ON follow_ups
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_follow_up_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_follow_up_changed AFTER UPDATE OF id, contact_id, text ON follow_ups
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.id * 4 + 3, NEW.id * 4 + 3);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_follow_up_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_follow_up_removed AFTER DELETE ON follow_ups
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;

CREATE TRIGGER search_meeting_added AFTER INSERT ON meetings
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_meeting_changed AFTER UPDATE OF id, notes ON meetings
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.id * 4 + 2, NEW.id * 4 + 2);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_meeting_removed AFTER DELETE ON meetings
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER search_note_added AFTER INSERT ON notes
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_note_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_note_changed AFTER UPDATE OF id, contact_id, text ON notes
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.id * 4 + 1, NEW.id * 4 + 1);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_note_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_note_removed AFTER DELETE ON notes
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER search_participant_added AFTER INSERT ON meeting_contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = NEW.meeting_id * 4 + 2;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs WHERE ref = NEW.meeting_id;
END;

CREATE TRIGGER search_participant_changed AFTER UPDATE ON meeting_contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.meeting_id * 4 + 2, NEW.meeting_id * 4 + 2);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs
   WHERE ref IN (OLD.meeting_id, NEW.meeting_id);
END;

CREATE TRIGGER search_participant_removed AFTER DELETE ON meeting_contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.meeting_id * 4 + 2;
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_meeting_docs WHERE ref = OLD.meeting_id;
END;

CREATE VIEW contact_name_docs AS
SELECT c.id AS id, c.name AS name,
       ifnull((SELECT group_concat(s.alias, char(30))
                 FROM (SELECT a.alias FROM contact_aliases a
                        WHERE a.contact_id = c.id
                        ORDER BY a.alias COLLATE NOCASE) s), '') AS aliases
  FROM contacts c
 WHERE c.is_me = 0;

CREATE VIEW next_touch_expected AS
SELECT id, cadence,
       CASE WHEN is_me = 0 AND archived = 0 THEN
         date(coalesce(last_met, created), '+' || cadence || ' days')
       END AS next_touch
  FROM (SELECT c.id, c.is_me, c.archived, c.last_met, c.created,
               coalesce(c.cadence_days,
                 (SELECT CAST(s.value AS INTEGER) FROM settings s
                   WHERE s.key = 'cadence.' || c.circle
                     AND s.value GLOB '[1-9]*' AND s.value NOT GLOB '*[^0-9]*')) AS cadence
          FROM contacts c);

CREATE VIEW search_contact_docs AS
SELECT c.id * 4 AS doc, 'contact' AS kind, c.id AS ref,
       c.name || ifnull((SELECT group_concat(char(30) || s.alias, '')
                           FROM (SELECT a.alias FROM contact_aliases a
                                  WHERE a.contact_id = c.id
                                  ORDER BY a.alias COLLATE NOCASE) s), '') AS name,
       '' AS people,
       substr(ifnull(char(30) || c.company, '') || ifnull(char(30) || c.role, '')
              || ifnull(char(30) || c.email, '') || ifnull(char(30) || c.location, '')
              || ifnull(char(30) || c.how_met, '')
              || ifnull(char(30) || (SELECT group_concat(s.tag, ', ')
                                       FROM (SELECT t.tag FROM contact_tags t
                                              WHERE t.contact_id = c.id
                                              ORDER BY t.tag COLLATE NOCASE) s), ''),
              2) AS body
  FROM contacts c
 WHERE c.is_me = 0;

CREATE VIEW search_follow_up_docs AS
SELECT f.id * 4 + 3 AS doc, 'followUp' AS kind, f.id AS ref, '' AS name,
       CASE WHEN c.is_me THEN '' ELSE c.name END AS people, f.text AS body
  FROM follow_ups f JOIN contacts c ON c.id = f.contact_id;

CREATE VIEW search_meeting_docs AS
SELECT m.id * 4 + 2 AS doc, 'meeting' AS kind, m.id AS ref, '' AS name,
       coalesce((SELECT group_concat(p.name, ', ')
                   FROM (SELECT c.name FROM meeting_contacts mc
                           JOIN contacts c ON c.id = mc.contact_id
                          WHERE mc.meeting_id = m.id AND c.is_me = 0
                          ORDER BY c.name COLLATE NOCASE, c.id) p), '') AS people,
       coalesce(m.notes, '') AS body
  FROM meetings m;

CREATE VIEW search_note_docs AS
SELECT n.id * 4 + 1 AS doc, 'note' AS kind, n.id AS ref, '' AS name,
       CASE WHEN c.is_me THEN '' ELSE c.name END AS people, n.text AS body
  FROM notes n JOIN contacts c ON c.id = n.contact_id;
