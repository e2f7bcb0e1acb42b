-- Follow-ups whose text netjournal writes name the template it came from:
-- 'thank_you' ("Thank Ralph Smith for the coffee"), 'report_back' ("Tell Joe
-- how it went with Ralph Smith"), 'nudge' ("Nudge Ralph Smith if there is no
-- reply", the waiting item an outreach makes). Such a text is written again
-- when a name in it or its meeting changes, a later meeting closes an
-- outreach's nudge, and an edited meeting re-plans what it made. NULL: the
-- user wrote (or rewrote) the text, which is theirs and stays as written.
--
-- An upgraded journal's thank-yous and report-backs were all written by
-- netjournal (their text could not be edited): storage/upgrade.ts marks them,
-- through the write path, so that the change log holds the marks too.

ALTER TABLE follow_ups ADD COLUMN template TEXT
  CHECK (template IS NULL OR template IN ('thank_you', 'report_back', 'nudge'));
