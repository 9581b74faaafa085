-- The finished run of a subscription's fire time, if one settled it already (a second fire of the same time is a no-op).
SELECT TOP (1) * FROM catalog.run_records
WHERE SubscriptionId = @SubscriptionId AND FireTime = @FireTime AND Status IN (N'succeeded', N'partial', N'skipped')
ORDER BY RunId DESC;
