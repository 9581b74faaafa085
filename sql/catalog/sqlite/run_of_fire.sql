-- The finished run of a subscription's fire time, if one settled it already (a second fire of the same time is a no-op).
SELECT * FROM run_records WHERE SubscriptionId = @SubscriptionId AND FireTime = @FireTime AND Status IN ('succeeded', 'partial', 'skipped')
ORDER BY RunId DESC LIMIT 1;
