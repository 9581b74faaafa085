-- Survey scores per stage or per touchpoint ($by, fixed by the caller). Each score counts only the answers to its own
-- question (nps_score, csat_share in journey_macros.sql); CES = mean effort 1-7. The mean CSAT feeds the emotion score.
SELECT CASE $by WHEN 'stage' THEN stage ELSE touchpoint END AS "Group",
       count(*)                                                                                     AS Responses,
       count(nps)                                                                                   AS NpsResponses,
       nps_score(nps)                                                                               AS Nps,
       count(csat)                                                                                  AS CsatResponses,
       100 * csat_share(csat)                                                                       AS Csat,
       avg(csat)::DOUBLE                                                                            AS CsatMean,
       count(ces)                                                                                   AS CesResponses,
       avg(ces)::DOUBLE                                                                             AS Ces
FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
GROUP BY ALL
ORDER BY ALL;
