-- Top touchpoint paths before conversion (@outcome = 'conversion': the visitor reached the purchase stage; touches
-- up to the first purchase) or before drop-off (@outcome = 'dropoff': reached decision, never purchase; all touches).
-- A touch is a session, through the channel of its first event: the traffic source the visitor arrived by.
-- Consecutive touches through one channel are one step; only the last @max_length steps are kept (nearest the outcome).
-- DuckDB sorts and slices each visitor's list of touches; here window functions number them and STRING_AGG joins them
-- (SQL Server 2017 or later). Touches are ordered by time, then session, then channel, as DuckDB sorts its structs.
WITH sessions AS (
    SELECT visitor_id, session_id,
           MIN(occurred_at)                                          AS t,
           MIN(CASE WHEN stage = N'purchase' THEN occurred_at END)   AS purchased_at,
           MAX(CASE WHEN stage = N'decision' THEN 1 ELSE 0 END)      AS decided
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
    GROUP BY visitor_id, session_id
),
arrivals AS (
    SELECT visitor_id, session_id, channel,
           ROW_NUMBER() OVER (PARTITION BY visitor_id, session_id ORDER BY occurred_at) AS nth
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
),
visitors AS (
    SELECT visitor_id, MIN(purchased_at) AS purchased_at, MAX(decided) AS decided
    FROM sessions
    GROUP BY visitor_id
),
touches AS (
    SELECT s.visitor_id, s.t, s.session_id, a.channel,
           LAG(a.channel) OVER (PARTITION BY s.visitor_id ORDER BY s.t, s.session_id COLLATE Latin1_General_BIN2, a.channel COLLATE Latin1_General_BIN2) AS previous
    FROM sessions AS s
    JOIN arrivals AS a ON a.visitor_id = s.visitor_id AND a.session_id = s.session_id AND a.nth = 1
    JOIN visitors AS v ON v.visitor_id = s.visitor_id
    WHERE (v.purchased_at IS NULL OR s.t <= v.purchased_at)
      AND CASE WHEN @outcome = N'conversion' THEN CASE WHEN v.purchased_at IS NOT NULL THEN 1 ELSE 0 END
               ELSE CASE WHEN v.purchased_at IS NULL AND v.decided = 1 THEN 1 ELSE 0 END END = 1
),
steps AS (
    SELECT visitor_id, channel,
           ROW_NUMBER() OVER (PARTITION BY visitor_id ORDER BY t, session_id COLLATE Latin1_General_BIN2, channel COLLATE Latin1_General_BIN2) AS nth,
           COUNT(*) OVER (PARTITION BY visitor_id) AS steps
    FROM touches
    WHERE previous IS NULL OR previous <> channel
),
paths AS (
    SELECT STRING_AGG(CAST(channel AS nvarchar(max)), N' > ') WITHIN GROUP (ORDER BY nth) AS path,
           CAST(CASE WHEN MAX(steps) > @max_length THEN 1 ELSE 0 END AS bit) AS truncated
    FROM steps
    WHERE nth > steps - @max_length
    GROUP BY visitor_id
)
SELECT path, truncated, COUNT_BIG(*) AS visitors, CAST(COUNT_BIG(*) AS float) / SUM(COUNT_BIG(*)) OVER () AS share
FROM paths
GROUP BY path, truncated
ORDER BY COUNT_BIG(*) DESC, path COLLATE Latin1_General_BIN2, truncated
OFFSET 0 ROWS FETCH NEXT @top ROWS ONLY;
