-- The finished run of a subscription's fire time, if one delivered it already (a second fire of the same time is a no-op).
SELECT * FROM run_records WHERE SubscriptionId = @SubscriptionId AND FireTime = @FireTime AND Status = 'succeeded'
ORDER BY RunId DESC LIMIT 1;
