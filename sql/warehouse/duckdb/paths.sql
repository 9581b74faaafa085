-- Top touchpoint paths before conversion ($outcome = 'conversion': the visitor reached the purchase stage; touches
-- up to the first purchase) or before drop-off ($outcome = 'dropoff': reached decision, never purchase; all touches).
-- A touch is a session, through the channel of its first event: the traffic source the visitor arrived by.
-- Consecutive touches through one channel are one step; only the last $max_length steps are kept (nearest the outcome).
WITH ev AS (
    SELECT visitor_id, session_id, channel, stage, occurred_at
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
outcome AS (
    SELECT visitor_id,
           min(occurred_at) FILTER (WHERE stage = 'purchase') AS purchased_at,
           bool_or(stage = 'decision')                        AS decided
    FROM ev
    GROUP BY visitor_id
),
who AS (
    SELECT visitor_id, purchased_at
    FROM outcome
    WHERE CASE WHEN $outcome = 'conversion' THEN purchased_at IS NOT NULL ELSE purchased_at IS NULL AND decided END
),
touches AS (
    SELECT ev.visitor_id, ev.session_id, min(ev.occurred_at) AS t, arg_min(ev.channel, ev.occurred_at) AS channel
    FROM ev JOIN who USING (visitor_id)
    GROUP BY ev.visitor_id, ev.session_id, who.purchased_at
    HAVING who.purchased_at IS NULL OR min(ev.occurred_at) <= who.purchased_at
),
steps AS (
    SELECT visitor_id, session_id, t, channel
    FROM (SELECT *, lag(channel) OVER (PARTITION BY visitor_id ORDER BY t, session_id) AS previous FROM touches)
    WHERE previous IS DISTINCT FROM channel
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY visitor_id ORDER BY t DESC, session_id DESC) AS from_end,
              count(*) OVER (PARTITION BY visitor_id)                                        AS steps
    FROM steps
),
paths AS (
    SELECT visitor_id, string_agg(channel, ' > ' ORDER BY t, session_id) AS path, any_value(steps) > $max_length AS truncated
    FROM numbered
    WHERE from_end <= $max_length
    GROUP BY visitor_id
)
SELECT path, truncated, count(*) AS visitors, (count(*) / sum(count(*)) OVER ())::DOUBLE AS share
FROM paths
GROUP BY path, truncated
ORDER BY visitors DESC, path, truncated
LIMIT $top;
