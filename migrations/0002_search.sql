-- Full-text search over contacts, notes, meeting notes and follow-ups.
--
-- One FTS5 table holds a document per record. Its rowid encodes the record,
-- id * 4 + kind (0 contact, 1 note, 2 meeting, 3 follow-up), so a trigger
-- finds a document by rowid instead of scanning the index. The search_*_docs
-- views define what each document holds. A new record's document is added
-- from its view; every other trigger "refreshes" a record (deletes its
-- document, then re-derives it from its view), so the index matches a rebuild
-- from the tables after every statement, in the same transaction. The user's
-- own contact row (`me`) is never a document.
--
-- Cost: FTS5 flushes its pending terms at every statement that writes it from
-- a trigger, about 0.1 ms a write. Bulk imports therefore pause the triggers
-- (a 'search.paused' row in settings, inside their transaction) and rebuild
-- the index from the views in four statements before they commit.
--
-- Columns: name is a contact's own name (contacts only); people names whom
-- the record is about (a note's or follow-up's contact, a meeting's
-- participants); body is the text: a contact's company, role, email,
-- location, how met and tags (separated by char(30)), a note's or follow-up's
-- text, a meeting's notes.

CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  ref UNINDEXED,
  name,
  people,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIEW search_contact_docs AS
SELECT c.id * 4 AS doc, 'contact' AS kind, c.id AS ref, c.name AS name, '' AS people,
       concat_ws(char(30), c.company, c.role, c.email, c.location, c.how_met,
                 (SELECT group_concat(t.tag, ', ' ORDER BY t.tag COLLATE NOCASE)
                    FROM contact_tags t WHERE t.contact_id = c.id)) AS body
  FROM contacts c
 WHERE c.is_me = 0;

CREATE VIEW search_note_docs AS
SELECT n.id * 4 + 1 AS doc, 'note' AS kind, n.id AS ref, '' AS name,
       CASE WHEN c.is_me THEN '' ELSE c.name END AS people, n.text AS body
  FROM notes n JOIN contacts c ON c.id = n.contact_id;

CREATE VIEW search_meeting_docs AS
SELECT m.id * 4 + 2 AS doc, 'meeting' AS kind, m.id AS ref, '' AS name,
       coalesce((SELECT group_concat(c.name, ', ' ORDER BY c.name COLLATE NOCASE, c.id)
                   FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
                  WHERE mc.meeting_id = m.id AND c.is_me = 0), '') AS people,
       coalesce(m.notes, '') AS body
  FROM meetings m;

CREATE VIEW search_follow_up_docs AS
SELECT f.id * 4 + 3 AS doc, 'followUp' AS kind, f.id AS ref, '' AS name,
       CASE WHEN c.is_me THEN '' ELSE c.name END AS people, f.text AS body
  FROM follow_ups f JOIN contacts c ON c.id = f.contact_id;

-- An upgraded journal is searchable at once.
INSERT INTO search_index (rowid, kind, ref, name, people, body)
SELECT doc, kind, ref, name, people, body FROM search_contact_docs;
INSERT INTO search_index (rowid, kind, ref, name, people, body)
SELECT doc, kind, ref, name, people, body FROM search_note_docs;
INSERT INTO search_index (rowid, kind, ref, name, people, body)
SELECT doc, kind, ref, name, people, body FROM search_meeting_docs;
INSERT INTO search_index (rowid, kind, ref, name, people, body)
SELECT doc, kind, ref, name, people, body FROM search_follow_up_docs;

-- Contacts: their own document, and (on a rename) the documents naming them.
CREATE TRIGGER search_contact_added AFTER INSERT ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.id;
END;

CREATE TRIGGER search_contact_changed
AFTER UPDATE OF id, name, is_me, company, role, email, location, how_met ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.id * 4, NEW.id * 4);
  INSERT INTO search_index (rowid, kind, ref, name, people, body)
  SELECT doc, kind, ref, name, people, body FROM search_contact_docs WHERE ref = NEW.id;
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

-- Notes, gifts, follow-ups, tags and participation go by FK cascade, which fires their triggers.
CREATE TRIGGER search_contact_removed AFTER DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.paused') BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4;
END;

-- Tags are part of their contact's document.
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

-- Notes.
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

-- Meetings: their notes, and their participants' names.
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

-- Follow-ups.
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
