-- Effort (CES) after a support ticket, by how long the customer waited: bands 1 <5, 2 5-15, 3 15-60, 4 60+ minutes.
-- Each answer with an effort score counts once, for its respondent's latest ticket opened in the @within_days before
-- (DuckDB's arg_max: here the first row of the answer's tickets, newest first).
WITH tk AS (
    SELECT customer_id, opened_at, wait_minutes,
           CASE WHEN wait_minutes < 5 THEN 1 WHEN wait_minutes < 15 THEN 2 WHEN wait_minutes < 60 THEN 3 ELSE 4 END AS band
    FROM journey.journey_tickets(DATEADD(day, -@within_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel)
),
matched AS (
    SELECT s.survey_id, s.ces, tk.band, ROW_NUMBER() OVER (PARTITION BY s.survey_id ORDER BY tk.opened_at DESC) AS newest
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel) AS s
    JOIN tk ON tk.customer_id = s.customer_id
     AND tk.opened_at <= s.answered_at AND tk.opened_at >= DATEADD(day, -@within_days, s.answered_at)
    WHERE s.ces IS NOT NULL
),
answered AS (SELECT band, COUNT_BIG(*) AS answers, AVG(CAST(ces AS float)) AS ces FROM matched WHERE newest = 1 GROUP BY band),
tickets AS (SELECT band, COUNT_BIG(*) AS tickets FROM tk WHERE opened_at >= @start GROUP BY band)
SELECT COALESCE(t.band, a.band) AS Band, COALESCE(t.tickets, 0) AS Tickets, COALESCE(a.answers, 0) AS Answers, a.ces AS Ces
FROM tickets AS t
FULL JOIN answered AS a ON a.band = t.band
ORDER BY COALESCE(t.band, a.band);
