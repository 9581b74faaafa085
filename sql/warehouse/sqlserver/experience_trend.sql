-- Survey scores (as experience_by.sql) per local week (Monday start) or month of time zone @tz (a Windows zone name);
-- @grain is 'week' or 'month' (checked by the caller). 1900-01-01 was a Monday, whatever DATEFIRST says.
WITH s AS (
    SELECT CAST(CAST((answered_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) AS local_day, nps, csat, ces
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
),
k AS (
    SELECT CAST(CASE @grain WHEN N'month' THEN DATEFROMPARTS(YEAR(local_day), MONTH(local_day), 1)
                ELSE DATEADD(day, -(DATEDIFF(day, '19000101', local_day) % 7), local_day) END AS datetime2(7)) AS [Key],
           nps, csat, ces
    FROM s
)
SELECT [Key],
       COUNT_BIG(*)                                                                                                  AS Responses,
       COUNT_BIG(nps)                                                                                                AS NpsResponses,
       100E0 * (COUNT_BIG(CASE WHEN nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(nps), 0) AS Nps,
       COUNT_BIG(csat)                                                                                               AS CsatResponses,
       100E0 * COUNT_BIG(CASE WHEN csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(csat), 0)                                 AS Csat,
       AVG(CAST(csat AS float))                                                                                      AS CsatMean,
       COUNT_BIG(ces)                                                                                                AS CesResponses,
       AVG(CAST(ces AS float))                                                                                       AS Ces
FROM k
GROUP BY [Key]
ORDER BY [Key];
