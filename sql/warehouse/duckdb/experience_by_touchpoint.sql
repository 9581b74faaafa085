-- Survey scores per touchpoint. Each score counts only the answers to its own question: NPS = % promoters (9-10) minus
-- % detractors (0-6); CSAT = % of answers 4-5; CES = mean effort 1-7. The mean CSAT feeds the emotion score.
SELECT touchpoint AS "Group",
       count(*)                                                                                     AS Responses,
       count(nps)                                                                                   AS NpsResponses,
       nps_score(nps)                                                                               AS Nps,
       count(csat)                                                                                  AS CsatResponses,
       100 * csat_share(csat)                                                                       AS Csat,
       avg(csat)::DOUBLE                                                                            AS CsatMean,
       count(ces)                                                                                   AS CesResponses,
       avg(ces)::DOUBLE                                                                             AS Ces
FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
GROUP BY touchpoint
ORDER BY touchpoint;
