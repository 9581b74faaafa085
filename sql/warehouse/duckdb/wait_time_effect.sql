-- Effort (CES) after a support ticket, by how long the customer waited: bands 1 <5, 2 5-15, 3 15-60, 4 60+ minutes.
-- Each answer with an effort score counts once, for its respondent's latest ticket opened in the $within_days before.
WITH tk AS (
    SELECT customer_id, opened_at, wait_minutes,
           CASE WHEN wait_minutes < 5 THEN 1 WHEN wait_minutes < 15 THEN 2 WHEN wait_minutes < 60 THEN 3 ELSE 4 END AS band
    FROM journey_tickets($start - to_days($within_days), $end, $persona, $segment, $region, $channel)
),
answered AS (
    SELECT s.survey_id, any_value(s.ces) AS ces, arg_max(tk.band, tk.opened_at) AS band
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel) s
    JOIN tk ON tk.customer_id = s.customer_id
     AND tk.opened_at <= s.answered_at AND tk.opened_at >= s.answered_at - to_days($within_days)
    WHERE s.ces IS NOT NULL
    GROUP BY s.survey_id
),
tickets AS (SELECT band, count(*) AS tickets FROM tk WHERE opened_at >= $start GROUP BY band)
SELECT band AS Band, coalesce(t.tickets, 0) AS Tickets, coalesce(a.answers, 0) AS Answers, a.ces AS Ces
FROM tickets t
FULL JOIN (SELECT band, count(*) AS answers, avg(ces)::DOUBLE AS ces FROM answered GROUP BY band) a USING (band)
ORDER BY band;
