INSERT INTO journey_stage_map (event_type, stage, stage_order) VALUES ($eventType, $stage, $order);
