-- Ticket categories of the period by volume, and the NPS/CSAT of the answers that followed them (as
-- warehouse/duckdb/pain_points.sql). An answer follows a category when its respondent opened a ticket of that
-- category in the @within_days before answering (so tickets from just before the period count); the baseline is the
-- period's answers whose respondent opened no ticket at all in that window. Anonymous answers are left out of both.
WITH sv AS (
    SELECT survey_id, customer_id, answered_at, nps, csat
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
    WHERE customer_id IS NOT NULL
),
tk AS (
    SELECT customer_id, opened_at, category
    FROM journey.journey_tickets(DATEADD(day, -@within_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel)
),
followed AS (
    SELECT DISTINCT sv.survey_id, tk.category
    FROM sv JOIN tk ON tk.customer_id = sv.customer_id
     AND tk.opened_at <= sv.answered_at AND tk.opened_at >= DATEADD(day, -@within_days, sv.answered_at)
),
scored AS (
    SELECT f.category, s.nps, s.csat FROM followed AS f JOIN sv AS s ON s.survey_id = f.survey_id
    UNION ALL
    SELECT NULL, nps, csat FROM sv WHERE survey_id NOT IN (SELECT survey_id FROM followed)
),
scores AS (
    SELECT category,
           COUNT_BIG(*) AS answers,
           100E0 * (COUNT_BIG(CASE WHEN nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(nps), 0) AS nps,
           100E0 * COUNT_BIG(CASE WHEN csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(csat), 0) AS csat
    FROM scored
    GROUP BY category
),
volume AS (
    SELECT category, COUNT_BIG(*) AS tickets, COUNT_BIG(DISTINCT customer_id) AS customers
    FROM tk WHERE opened_at >= @start
    GROUP BY category
)
SELECT v.category AS Category, v.tickets AS Tickets, v.customers AS Customers,
       COALESCE(w.answers, 0) AS Answers, w.nps AS Nps, w.csat AS Csat,
       COALESCE(b.answers, 0) AS BaselineAnswers, b.nps AS BaselineNps, b.csat AS BaselineCsat
FROM volume AS v
LEFT JOIN scores AS w ON w.category = v.category
LEFT JOIN scores AS b ON b.category IS NULL
ORDER BY v.tickets DESC, v.category;
