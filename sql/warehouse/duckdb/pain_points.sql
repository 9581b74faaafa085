-- Ticket categories of the period by volume, and the NPS/CSAT of the answers that followed them. An answer follows a
-- category when its respondent opened a ticket of that category in the $within_days before answering (so tickets
-- from just before the period count); the baseline is the period's answers whose respondent opened no ticket at all
-- in that window. Anonymous answers cannot be matched to tickets and are left out of both sides.
WITH sv AS (
    SELECT survey_id, customer_id, answered_at, nps, csat
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
    WHERE customer_id IS NOT NULL
),
tk AS (
    SELECT customer_id, opened_at, category
    FROM journey_tickets($start - to_days($within_days), $end, $persona, $segment, $region, $channel)
),
followed AS (
    SELECT DISTINCT sv.survey_id, tk.category
    FROM sv JOIN tk ON tk.customer_id = sv.customer_id
     AND tk.opened_at <= sv.answered_at AND tk.opened_at >= sv.answered_at - to_days($within_days)
),
scored AS (
    SELECT f.category, s.nps, s.csat FROM followed f JOIN sv s USING (survey_id)
    UNION ALL
    SELECT NULL, nps, csat FROM sv WHERE survey_id NOT IN (SELECT survey_id FROM followed)
),
scores AS (
    SELECT category,
           count(*)                                                                                     AS answers,
           nps_score(nps) AS nps,
           100 * csat_share(csat)                 AS csat
    FROM scored
    GROUP BY category
),
volume AS (
    SELECT category, count(*) AS tickets, count(DISTINCT customer_id) AS customers
    FROM tk WHERE opened_at >= $start
    GROUP BY category
)
SELECT v.category AS Category, v.tickets AS Tickets, v.customers AS Customers,
       coalesce(w.answers, 0) AS Answers, w.nps AS Nps, w.csat AS Csat,
       coalesce(b.answers, 0) AS BaselineAnswers, b.nps AS BaselineNps, b.csat AS BaselineCsat
FROM volume v
LEFT JOIN scores w ON w.category = v.category
LEFT JOIN scores b ON b.category IS NULL
ORDER BY v.tickets DESC, v.category;
