-- Visitors, buyers, orders, revenue, NPS and CES per local week (Monday start) in time zone @tz (a Windows zone
-- name: SqlServerProvider.TimeZoneName translates the report's IANA id). The week boundaries are converted between
-- local time and UTC once per week (a few dozen rows) and rows are matched to them by range, never by converting
-- every event's timestamp. 1900-01-01 was a Monday, so the days since then modulo 7 find a Monday whatever DATEFIRST is.
WITH digits AS (SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d(n)),
tally AS (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n AS n FROM digits AS a CROSS JOIN digits AS b CROSS JOIN digits AS c CROSS JOIN digits AS d),
bounds AS (
    SELECT CAST(CAST((CAST(@start AS datetime2(7)) AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) AS first_day,
           CAST((CAST(@end AS datetime2(7)) AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7))                AS local_end
),
mondays AS (
    SELECT DATEADD(day, 7 * t.n, DATEADD(day, -(DATEDIFF(day, '19000101', b.first_day) % 7), b.first_day)) AS week_start
    FROM tally AS t CROSS JOIN bounds AS b
    WHERE DATEADD(day, 7 * t.n, DATEADD(day, -(DATEDIFF(day, '19000101', b.first_day) % 7), b.first_day)) <= b.local_end
),
weeks AS (
    SELECT week_start,
           CAST((CAST(week_start AS datetime2(7)) AT TIME ZONE @tz) AT TIME ZONE 'UTC' AS datetime2(7))                       AS utc_start,
           CAST((CAST(DATEADD(day, 7, week_start) AS datetime2(7)) AT TIME ZONE @tz) AT TIME ZONE 'UTC' AS datetime2(7))      AS utc_next
    FROM mondays
),
v AS (
    SELECT w.week_start, COUNT_BIG(DISTINCT e.visitor_id) AS visitors,
           COUNT_BIG(DISTINCT CASE WHEN e.stage = N'purchase' THEN e.visitor_id END) AS buyers
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department) AS e
    JOIN weeks AS w ON e.occurred_at >= w.utc_start AND e.occurred_at < w.utc_next
    GROUP BY w.week_start
),
o AS (
    SELECT w.week_start, COUNT_BIG(*) AS orders, SUM(o.revenue) AS revenue
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department) AS o
    JOIN weeks AS w ON o.ordered_at >= w.utc_start AND o.ordered_at < w.utc_next
    GROUP BY w.week_start
),
s AS (
    SELECT w.week_start,
           100E0 * (COUNT_BIG(CASE WHEN s.nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN s.nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(s.nps), 0) AS nps,
           AVG(CAST(s.ces AS float)) AS ces
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel) AS s
    JOIN weeks AS w ON s.answered_at >= w.utc_start AND s.answered_at < w.utc_next
    GROUP BY w.week_start
)
SELECT COALESCE(v.week_start, o.week_start, s.week_start) AS week_start,
       COALESCE(v.visitors, 0) AS visitors, COALESCE(v.buyers, 0) AS buyers, COALESCE(o.orders, 0) AS orders,
       CAST(COALESCE(o.revenue, 0) AS decimal(18, 2)) AS revenue, s.nps, s.ces
FROM v
FULL JOIN o ON o.week_start = v.week_start
FULL JOIN s ON s.week_start = COALESCE(v.week_start, o.week_start)
ORDER BY COALESCE(v.week_start, o.week_start, s.week_start);
