-- Survey scores per stage or per touchpoint (@by, fixed by the caller), each score on the answers to its own question
-- (DuckDB's survey_scores): answers; NPS = % promoters (9-10) minus % detractors (0-6); CSAT = % of answers 4-5 and
-- the mean, which feeds the emotion score; CES = mean effort 1-7.
SELECT CASE @by WHEN N'stage' THEN stage ELSE touchpoint END                                                        AS [Key],
       COUNT_BIG(*)                                                                                                  AS Responses,
       COUNT_BIG(nps)                                                                                                AS NpsResponses,
       100E0 * (COUNT_BIG(CASE WHEN nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(nps), 0) AS Nps,
       COUNT_BIG(csat)                                                                                               AS CsatResponses,
       100E0 * COUNT_BIG(CASE WHEN csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(csat), 0)                                 AS Csat,
       AVG(CAST(csat AS float))                                                                                      AS CsatMean,
       COUNT_BIG(ces)                                                                                                AS CesResponses,
       AVG(CAST(ces AS float))                                                                                       AS Ces
FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
GROUP BY CASE @by WHEN N'stage' THEN stage ELSE touchpoint END
ORDER BY CASE @by WHEN N'stage' THEN stage ELSE touchpoint END COLLATE Latin1_General_BIN2;
