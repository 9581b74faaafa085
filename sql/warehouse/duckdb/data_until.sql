SELECT max(occurred_at) FROM events;
