-- Undo: SQLite's trigger-based undo technique (https://www.sqlite.org/undoredo.html).
--
-- Every write command runs in one transaction (writeTransaction), which opens
-- an undo step (recording = 1) first and closes it before commit. While a step
-- is recording, the triggers below append to undo_log the SQL that reverses
-- each row change: a statement with ? parameters and their values as a JSON
-- array, so that a replay prepares each distinct statement only once.
-- `netjournal undo` runs the newest step's statements in reverse order, in
-- one transaction, with no step recording (so the replay is not
-- itself logged), and deletes the step. The search index and last_met are
-- not logged: their own triggers fire during the replay and re-derive them.
-- Internal settings rows (search.paused, which imports use to pause the
-- search triggers) are not logged either.

CREATE TABLE undo_steps (
  id        INTEGER PRIMARY KEY,
  command   TEXT    NOT NULL,
  at        TEXT    NOT NULL,
  recording INTEGER NOT NULL DEFAULT 0 CHECK (recording IN (0, 1))
);

CREATE TABLE undo_log (
  seq  INTEGER PRIMARY KEY,
  step INTEGER NOT NULL REFERENCES undo_steps (id) ON DELETE CASCADE,
  -- The change being recorded: insert, update or delete of a row of tbl.
  op   TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  tbl  TEXT    NOT NULL,
  -- The statement that reverses it, and its parameters (a JSON array).
  sql  TEXT    NOT NULL,
  args TEXT    NOT NULL
);
CREATE INDEX undo_log_by_step ON undo_log (step, seq);

CREATE TRIGGER undo_contacts_insert AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'contacts',
          'DELETE FROM contacts WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_contacts_delete AFTER DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'contacts',
          'INSERT INTO contacts (id, name, is_me, company, role, email, phone, url, location, circle, cadence_days, birthday, how_met, archived, created, last_met) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.name, OLD.is_me, OLD.company, OLD.role, OLD.email, OLD.phone, OLD.url, OLD.location, OLD.circle, OLD.cadence_days, OLD.birthday, OLD.how_met, OLD.archived, OLD.created, OLD.last_met));
END;

CREATE TRIGGER undo_contacts_update AFTER UPDATE ON contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1)
     AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.is_me IS NOT NEW.is_me OR OLD.company IS NOT NEW.company OR OLD.role IS NOT NEW.role OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone OR OLD.url IS NOT NEW.url OR OLD.location IS NOT NEW.location OR OLD.circle IS NOT NEW.circle OR OLD.cadence_days IS NOT NEW.cadence_days OR OLD.birthday IS NOT NEW.birthday OR OLD.how_met IS NOT NEW.how_met OR OLD.archived IS NOT NEW.archived OR OLD.created IS NOT NEW.created) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'contacts',
          'UPDATE contacts SET id = ?, name = ?, is_me = ?, company = ?, role = ?, email = ?, phone = ?, url = ?, location = ?, circle = ?, cadence_days = ?, birthday = ?, how_met = ?, archived = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.name, OLD.is_me, OLD.company, OLD.role, OLD.email, OLD.phone, OLD.url, OLD.location, OLD.circle, OLD.cadence_days, OLD.birthday, OLD.how_met, OLD.archived, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_contact_tags_insert AFTER INSERT ON contact_tags
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'contact_tags',
          'DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?', json_array(NEW.contact_id, NEW.tag));
END;

CREATE TRIGGER undo_contact_tags_delete AFTER DELETE ON contact_tags
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'contact_tags',
          'INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)',
          json_array(OLD.contact_id, OLD.tag));
END;

CREATE TRIGGER undo_contact_tags_update AFTER UPDATE ON contact_tags
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'contact_tags',
          'UPDATE contact_tags SET contact_id = ?, tag = ? WHERE contact_id = ? AND tag = ?',
          json_array(OLD.contact_id, OLD.tag, NEW.contact_id, NEW.tag));
END;

CREATE TRIGGER undo_meetings_insert AFTER INSERT ON meetings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'meetings',
          'DELETE FROM meetings WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_meetings_delete AFTER DELETE ON meetings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'meetings',
          'INSERT INTO meetings (id, date, kind, notes, outreach, created) VALUES (?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.date, OLD.kind, OLD.notes, OLD.outreach, OLD.created));
END;

CREATE TRIGGER undo_meetings_update AFTER UPDATE ON meetings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'meetings',
          'UPDATE meetings SET id = ?, date = ?, kind = ?, notes = ?, outreach = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.date, OLD.kind, OLD.notes, OLD.outreach, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_meeting_contacts_insert AFTER INSERT ON meeting_contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'meeting_contacts',
          'DELETE FROM meeting_contacts WHERE meeting_id = ? AND contact_id = ?', json_array(NEW.meeting_id, NEW.contact_id));
END;

CREATE TRIGGER undo_meeting_contacts_delete AFTER DELETE ON meeting_contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'meeting_contacts',
          'INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (?, ?)',
          json_array(OLD.meeting_id, OLD.contact_id));
END;

CREATE TRIGGER undo_meeting_contacts_update AFTER UPDATE ON meeting_contacts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'meeting_contacts',
          'UPDATE meeting_contacts SET meeting_id = ?, contact_id = ? WHERE meeting_id = ? AND contact_id = ?',
          json_array(OLD.meeting_id, OLD.contact_id, NEW.meeting_id, NEW.contact_id));
END;

CREATE TRIGGER undo_notes_insert AFTER INSERT ON notes
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'notes',
          'DELETE FROM notes WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_notes_delete AFTER DELETE ON notes
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'notes',
          'INSERT INTO notes (id, contact_id, meeting_id, date, text, created) VALUES (?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.contact_id, OLD.meeting_id, OLD.date, OLD.text, OLD.created));
END;

CREATE TRIGGER undo_notes_update AFTER UPDATE ON notes
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'notes',
          'UPDATE notes SET id = ?, contact_id = ?, meeting_id = ?, date = ?, text = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.contact_id, OLD.meeting_id, OLD.date, OLD.text, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_introductions_insert AFTER INSERT ON introductions
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'introductions',
          'DELETE FROM introductions WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_introductions_delete AFTER DELETE ON introductions
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'introductions',
          'INSERT INTO introductions (id, introducer_id, person_id, to_id, date, context, reported_back, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.introducer_id, OLD.person_id, OLD.to_id, OLD.date, OLD.context, OLD.reported_back, OLD.created));
END;

CREATE TRIGGER undo_introductions_update AFTER UPDATE ON introductions
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'introductions',
          'UPDATE introductions SET id = ?, introducer_id = ?, person_id = ?, to_id = ?, date = ?, context = ?, reported_back = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.introducer_id, OLD.person_id, OLD.to_id, OLD.date, OLD.context, OLD.reported_back, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_follow_ups_insert AFTER INSERT ON follow_ups
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'follow_ups',
          'DELETE FROM follow_ups WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_follow_ups_delete AFTER DELETE ON follow_ups
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'follow_ups',
          'INSERT INTO follow_ups (id, contact_id, kind, text, due, status, closed, meeting_id, introduction_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.contact_id, OLD.kind, OLD.text, OLD.due, OLD.status, OLD.closed, OLD.meeting_id, OLD.introduction_id, OLD.created));
END;

CREATE TRIGGER undo_follow_ups_update AFTER UPDATE ON follow_ups
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'follow_ups',
          'UPDATE follow_ups SET id = ?, contact_id = ?, kind = ?, text = ?, due = ?, status = ?, closed = ?, meeting_id = ?, introduction_id = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.contact_id, OLD.kind, OLD.text, OLD.due, OLD.status, OLD.closed, OLD.meeting_id, OLD.introduction_id, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_gifts_insert AFTER INSERT ON gifts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'gifts',
          'DELETE FROM gifts WHERE id = ?', json_array(NEW.id));
END;

CREATE TRIGGER undo_gifts_delete AFTER DELETE ON gifts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'gifts',
          'INSERT INTO gifts (id, contact_id, meeting_id, date, text, created) VALUES (?, ?, ?, ?, ?, ?)',
          json_array(OLD.id, OLD.contact_id, OLD.meeting_id, OLD.date, OLD.text, OLD.created));
END;

CREATE TRIGGER undo_gifts_update AFTER UPDATE ON gifts
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'gifts',
          'UPDATE gifts SET id = ?, contact_id = ?, meeting_id = ?, date = ?, text = ?, created = ? WHERE id = ?',
          json_array(OLD.id, OLD.contact_id, OLD.meeting_id, OLD.date, OLD.text, OLD.created, NEW.id));
END;

CREATE TRIGGER undo_settings_insert AFTER INSERT ON settings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) AND NEW.key <> 'search.paused' BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'insert', 'settings',
          'DELETE FROM settings WHERE key = ?', json_array(NEW.key));
END;

CREATE TRIGGER undo_settings_delete AFTER DELETE ON settings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) AND OLD.key <> 'search.paused' BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'delete', 'settings',
          'INSERT INTO settings (key, value) VALUES (?, ?)',
          json_array(OLD.key, OLD.value));
END;

CREATE TRIGGER undo_settings_update AFTER UPDATE ON settings
WHEN EXISTS (SELECT 1 FROM undo_steps WHERE recording = 1) AND NEW.key <> 'search.paused' BEGIN
  INSERT INTO undo_log (step, op, tbl, sql, args)
  VALUES ((SELECT id FROM undo_steps WHERE recording = 1), 'update', 'settings',
          'UPDATE settings SET key = ?, value = ? WHERE key = ?',
          json_array(OLD.key, OLD.value, NEW.key));
END;
