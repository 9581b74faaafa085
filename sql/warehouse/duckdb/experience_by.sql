-- Survey scores per stage or per touchpoint ($by, fixed by the caller): survey_scores in journey_macros.sql, where each
-- score counts only the answers to its own question. The mean CSAT feeds the emotion score.
SELECT CASE $by WHEN 'stage' THEN stage ELSE touchpoint END AS "Key", unnest(survey_scores(nps, csat, ces))
FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
GROUP BY "Key"
ORDER BY "Key";
