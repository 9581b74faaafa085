-- Survey scores per stage or per touchpoint (@by, fixed by the caller), each score on the answers to its own question
-- (DuckDB's survey_scores): answers; NPS = % promoters (9-10) minus % detractors (0-6); CSAT = % of answers 4-5 and
-- the mean, which feeds the emotion score; CES = mean effort 1-7.
SELECT s.[Key],
       COUNT_BIG(*)                                                                                                  AS Responses,
       COUNT_BIG(s.nps)                                                                                              AS NpsResponses,
       100E0 * (COUNT_BIG(CASE WHEN s.nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN s.nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(s.nps), 0) AS Nps,
       COUNT_BIG(s.csat)                                                                                             AS CsatResponses,
       100E0 * COUNT_BIG(CASE WHEN s.csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(s.csat), 0)                             AS Csat,
       AVG(CAST(s.csat AS float))                                                                                    AS CsatMean,
       COUNT_BIG(s.ces)                                                                                              AS CesResponses,
       AVG(CAST(s.ces AS float))                                                                                     AS Ces
FROM (
    SELECT CASE @by WHEN N'stage' THEN stage ELSE touchpoint END AS [Key], nps, csat, ces
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
) AS s
GROUP BY s.[Key]
ORDER BY s.[Key] COLLATE Latin1_General_BIN2;
