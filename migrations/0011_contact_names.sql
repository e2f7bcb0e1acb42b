-- The contact name index: every contact's name and nicknames, and nothing else.
--
-- jot reads the contacts a sentence may name word by word, and the name
-- lookups that fold accents read theirs by the words of the name, both from
-- the search index's name column (0010). That index holds the words of every
-- meeting, note and follow-up too, and a word's list in it runs through the
-- documents of every kind (the column is filtered as the list is read): at
-- 30,000 contacts and 300,000 meetings, 5 ms a word. contact_names holds only
-- the names, so a word's list is the contacts whose name or nickname has it.
--
-- A row per contact (rowid its id) with two columns: its name, and its
-- nicknames separated by char(30), so that a sentence's words are looked up
-- among nicknames alone (jot asks for the nicknames every word may be; a
-- common first name would otherwise bring every contact it names). Folded by
-- the search index's tokenizer (case, and the accents that name matching
-- ignores). Derived data like the search index: not in the change log, kept
-- by the triggers below in the same transaction as the change they follow,
-- paused with the search index ('search.paused') by the bulk writes that
-- rebuild both once, checked and rebuilt by doctor
-- (storage/search-maintenance.ts is the one place that fills it in bulk).

CREATE VIRTUAL TABLE contact_names USING fts5(
  name,
  aliases,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIEW contact_name_docs AS
SELECT c.id AS id, c.name AS name,
       ifnull((SELECT group_concat(s.alias, char(30))
                 FROM (SELECT a.alias FROM contact_aliases a
                        WHERE a.contact_id = c.id
                        ORDER BY a.alias COLLATE NOCASE) s), '') AS aliases
  FROM contacts c
 WHERE c.is_me = 0;

-- An upgraded journal has its names at once.
INSERT INTO contact_names (rowid, name, aliases) SELECT id, name, aliases FROM contact_name_docs;

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

-- Nicknames are part of their contact's row.
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
