-- The morning report's birthday and reconnect items can be acted on
-- (`done`, `drop`, `snooze` with the handles b12 and r12), like follow-ups.
--
-- birthday_done is the year a contact's birthday item was marked done or
-- dropped: the item is gone for that year only. reconnect_after is the day
-- before which no reconnect item is shown (a snooze, or a reconnect marked
-- done: its cadence counted again from that day), without logging a meeting
-- that did not happen. Both are the user's own actions, written through the
-- write path (logged, undoable); a meeting with the person clears the day's
-- items anyway (birthday: met today; reconnect: next_touch moves on).

ALTER TABLE contacts ADD COLUMN birthday_done INTEGER;
ALTER TABLE contacts ADD COLUMN reconnect_after TEXT;
