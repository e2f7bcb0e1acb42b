-- Nicknames: the other names a contact goes by ("Rafa" for Rafael Ortiz).
--
-- A set per contact, like its tags: one row per alias, compared without
-- case (the write path merges a set by element, so two devices adding
-- different nicknames keep both). Every name lookup reads them: the search
-- index's name column holds a contact's name and then its aliases, each
-- after char(30), so that the lookups that go through the index (accents
-- folded, jot's candidates) find a contact by either; the index on alias
-- serves the exact lookup.

CREATE TABLE contact_aliases (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  alias      TEXT    NOT NULL COLLATE NOCASE CHECK (length(trim(alias)) > 0),
  PRIMARY KEY (contact_id, alias)
) WITHOUT ROWID;
CREATE INDEX contact_aliases_by_alias ON contact_aliases (alias);

DROP VIEW search_contact_docs;
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

-- Aliases are part of their contact's document.
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

-- The change log names them as 'alias' records (model/declarations.ts). Its
-- CHECK lists the record types, and SQLite changes a CHECK only by making
-- the table again: the same table as 0006's, with 'alias' added, and its rows.
ALTER TABLE changes RENAME TO changes_before_aliases;
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
INSERT INTO changes (seq, grp, hlc, device, record, uid, op, local_id, fields, prior)
SELECT seq, grp, hlc, device, record, uid, op, local_id, fields, prior
  FROM changes_before_aliases;
DROP TABLE changes_before_aliases;
CREATE INDEX changes_by_group ON changes (grp, seq);
