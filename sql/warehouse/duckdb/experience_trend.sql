-- Survey scores per local week (Monday start) or month of time zone $tz; $grain is 'week' or 'month' (checked by
-- the caller). Score definitions as in experience_by.sql.
SELECT date_trunc($grain, timezone($tz, timezone('UTC', answered_at)))::TIMESTAMP                   AS Bucket,
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
ORDER BY Bucket;
