-- Search documents in SQL that SQLite 3.37 reads.
--
-- 0002_search.sql defined two of its views with concat_ws() and
-- group_concat(… ORDER BY …), which only SQLite 3.44 parses. An older SQLite
-- (Debian 12's sqlite3 shell and Python's sqlite3, 3.40) then refuses every
-- statement on the journal: "malformed database schema (search_contact_docs)".
-- The views below produce exactly the same documents with older syntax:
--
-- * concat_ws(char(30), a, b, …), which skips NULLs, is
--   substr(ifnull(char(30) || a, '') || ifnull(char(30) || b, '') || …, 2):
--   each present value brings its own separator and the first one is cut off
--   (all NULL gives '', as concat_ws does);
-- * group_concat(x, ', ' ORDER BY y) is group_concat over a subquery sorted
--   by y: SQLite does not flatten a sorted subquery into an aggregate, so the
--   rows reach group_concat in that order.
--
-- The triggers of 0002 name these views only in their bodies, which SQLite
-- resolves each time a trigger runs, so they stay as they are. Nothing is
-- re-indexed: the documents are unchanged.

DROP VIEW search_contact_docs;
CREATE VIEW search_contact_docs AS
SELECT c.id * 4 AS doc, 'contact' AS kind, c.id AS ref, c.name AS name, '' AS people,
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

DROP VIEW search_meeting_docs;
CREATE VIEW search_meeting_docs AS
SELECT m.id * 4 + 2 AS doc, 'meeting' AS kind, m.id AS ref, '' AS name,
       coalesce((SELECT group_concat(p.name, ', ')
                   FROM (SELECT c.name FROM meeting_contacts mc
                           JOIN contacts c ON c.id = mc.contact_id
                          WHERE mc.meeting_id = m.id AND c.is_me = 0
                          ORDER BY c.name COLLATE NOCASE, c.id) p), '') AS people,
       coalesce(m.notes, '') AS body
  FROM meetings m;
