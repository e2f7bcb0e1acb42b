-- Index-driven morning report: today's reconnect and birthday sections read an
-- index instead of every contact, so their cost does not grow with the journal.
--
-- contacts.next_touch is the day a contact's keep-in-touch cadence comes due:
-- last met (else created) plus the contact's own cadence, else its circle's
-- default (settings cadence.<circle>). NULL when there is no cadence, for
-- archived contacts and for me. It is derived data, defined once by the view
-- next_touch_expected and kept by the triggers below in the same transaction
-- as every change it depends on (last_met is itself kept by the triggers of
-- 0001), so it cannot drift; doctor checks it against the view and --repair
-- recomputes it. The undo log does not record it: these triggers fire again
-- when an undo replays the change it came from.

ALTER TABLE contacts ADD COLUMN next_touch TEXT;

-- A circle default counts when it is a positive whole number of days, digits
-- only: the rule of isCadenceDays() in src/domain/settings.ts.
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

UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id);

CREATE INDEX contacts_next_touch ON contacts (next_touch) WHERE next_touch IS NOT NULL;

-- birthdaysOn() matches substr(birthday, -5): the MM-DD of MM-DD or YYYY-MM-DD.
CREATE INDEX contacts_birthday_day ON contacts (substr(birthday, -5)) WHERE birthday IS NOT NULL;

-- Most contacts come without a cadence (imports): their next_touch stays NULL.
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

-- A circle's default cadence changed: recompute the contacts that use it.
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
