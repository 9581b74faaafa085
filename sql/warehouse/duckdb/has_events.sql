-- Whether the period has any event for the filters at all: a period without data sends a note instead of empty charts.
SELECT EXISTS (SELECT 1 FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department));
