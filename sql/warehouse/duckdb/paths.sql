-- Top touchpoint paths before conversion ($outcome = 'conversion': the visitor reached the purchase stage; touches
-- up to the first purchase) or before drop-off ($outcome = 'dropoff': reached decision, never purchase; all touches).
-- A touch is a session, through the channel of its first event: the traffic source the visitor arrived by.
-- Consecutive touches through one channel are one step; only the last $max_length steps are kept (nearest the outcome).
-- journey_events is read once, and each visitor's small list is sorted rather than using windows or an ordered
-- aggregate over all visitors: those were the costs. Lists are built only for the visitors with the outcome (a
-- quarter of them at scale 10): building every visitor's list was most of what remained.
WITH sessions AS (
    SELECT visitor_id, session_id,
           min(occurred_at)                                    AS t,
           arg_min(channel, occurred_at)                       AS channel,
           min(occurred_at) FILTER (WHERE stage = 'purchase')  AS purchased_at,
           bool_or(stage = 'decision')                         AS decided
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    GROUP BY visitor_id, session_id
),
outcomes AS (
    SELECT visitor_id, min(purchased_at) AS purchased_at
    FROM sessions
    GROUP BY visitor_id
    HAVING CASE WHEN $outcome = 'conversion' THEN min(purchased_at) IS NOT NULL ELSE min(purchased_at) IS NULL AND bool_or(decided) END
),
visitors AS (
    SELECT any_value(o.purchased_at) AS purchased_at,
           list({'t': s.t, 'session': s.session_id, 'channel': s.channel}) AS touches
    FROM sessions s JOIN outcomes o USING (visitor_id)
    GROUP BY visitor_id
),
chosen AS (
    SELECT list_transform(list_filter(list_sort(touches), lambda s: purchased_at IS NULL OR s.t <= purchased_at), lambda s: s.channel) AS channels
    FROM visitors
),
collapsed AS (
    SELECT list_filter(channels, lambda c, i: i = 1 OR c <> channels[i - 1]) AS steps FROM chosen
),
paths AS (
    SELECT array_to_string(list_slice(steps, greatest(len(steps) - $max_length + 1, 1), len(steps)), ' > ') AS path,
           len(steps) > $max_length AS truncated
    FROM collapsed
)
SELECT path, truncated, count(*) AS visitors, (count(*) / sum(count(*)) OVER ())::DOUBLE AS share
FROM paths
GROUP BY path, truncated
ORDER BY visitors DESC, path, truncated
LIMIT $top;
