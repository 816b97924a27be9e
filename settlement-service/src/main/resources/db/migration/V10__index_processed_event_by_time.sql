-- The inbox forgets events applied longer ago than its retention (common InboxPruning, decision 0061): deleting
-- the oldest rows first needs them in time order.
CREATE INDEX processed_event_by_time ON processed_event (processed_at);
