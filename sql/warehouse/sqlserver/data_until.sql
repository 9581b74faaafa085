SELECT MAX(occurred_at) FROM journey.events;
