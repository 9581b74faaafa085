-- Cohort retention. A cohort is the local week (Monday start) or month (@grain) of time zone @tz (a Windows zone name)
-- in which customers placed their first order ever; cell k is the share of the cohort ordering in the k-th
-- week/month after (k = 0 is the cohort's own, always 1). Cohorts whose week/month starts inside the period; k runs to
-- the week/month of the newest order in the warehouse, zero-filled. The filters apply to the orders, so with a channel
-- the cohort is the first order in that channel. 1900-01-01 was a Monday, whatever DATEFIRST says.
WITH o AS (
    SELECT customer_id,
           CASE @grain WHEN N'month' THEN DATEFROMPARTS(YEAR(d), MONTH(d), 1) ELSE DATEADD(day, -(DATEDIFF(day, '19000101', d) % 7), d) END AS bucket
    FROM (SELECT customer_id, CAST(CAST((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) AS d
          FROM journey.journey_orders(CAST('0001-01-01' AS datetime2(7)), CAST('9999-12-31' AS datetime2(7)), @persona, @segment, @region, @channel, @department)) AS x
),
first_order AS (SELECT customer_id, MIN(bucket) AS cohort FROM o GROUP BY customer_id),
members AS (
    SELECT customer_id, cohort FROM first_order
    WHERE cohort >= CAST(CAST((CAST(@start AS datetime2(7)) AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date)
      AND cohort <  CAST(CAST((CAST(@end AS datetime2(7)) AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date)
),
cells AS (
    SELECT cohort, k, COUNT_BIG(DISTINCT customer_id) AS customers
    FROM (SELECT m.cohort, o.customer_id,
                 CASE @grain WHEN N'month' THEN DATEDIFF(month, m.cohort, o.bucket) ELSE DATEDIFF(day, m.cohort, o.bucket) / 7 END AS k
          FROM o JOIN members AS m ON m.customer_id = o.customer_id) AS x
    GROUP BY cohort, k
),
newest AS (
    SELECT CASE @grain WHEN N'month' THEN DATEFROMPARTS(YEAR(d), MONTH(d), 1) ELSE DATEADD(day, -(DATEDIFF(day, '19000101', d) % 7), d) END AS last_bucket
    FROM (SELECT CAST(CAST((MAX(ordered_at) AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) AS d FROM journey.orders) AS x
),
sizes AS (SELECT cohort, COUNT_BIG(*) AS size FROM members GROUP BY cohort),
digits AS (SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d(n)),
tally AS (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n AS n FROM digits AS a CROSS JOIN digits AS b CROSS JOIN digits AS c CROSS JOIN digits AS d),
grid AS (
    SELECT s.cohort, s.size, t.n AS k
    FROM sizes AS s
    CROSS JOIN newest AS l
    JOIN tally AS t ON t.n <= CASE @grain WHEN N'month' THEN DATEDIFF(month, s.cohort, l.last_bucket) ELSE DATEDIFF(day, s.cohort, l.last_bucket) / 7 END
)
SELECT CAST(g.cohort AS datetime2(7)) AS Cohort, g.size AS Size, CAST(g.k AS bigint) AS PeriodIndex, COALESCE(c.customers, 0) AS Customers,
       CAST(COALESCE(c.customers, 0) AS float) / g.size AS Share
FROM grid AS g LEFT JOIN cells AS c ON c.cohort = g.cohort AND c.k = g.k
ORDER BY g.cohort, g.k;
