-- Survey scores (survey_scores in journey_macros.sql) per local week (Monday start) or month of time zone $tz; $grain
-- is 'week' or 'month' (checked by the caller).
SELECT date_trunc($grain, timezone($tz, timezone('UTC', answered_at)))::TIMESTAMP AS "Key", unnest(survey_scores(nps, csat, ces))
FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
GROUP BY "Key"
ORDER BY "Key";
