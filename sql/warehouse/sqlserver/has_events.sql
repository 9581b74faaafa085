-- Whether the period has any event for the filters at all: a period without data sends a note instead of empty charts.
SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department))
            THEN 1 ELSE 0 END AS bit);
