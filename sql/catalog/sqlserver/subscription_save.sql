-- Creates the subscription, or replaces the one of the same name (its id stays, its version goes up); HOLDLOCK keeps
-- two saves of a new name from both inserting.
MERGE catalog.subscriptions WITH (HOLDLOCK) AS s
USING (SELECT @Name AS name) AS saved ON s.name = saved.name
WHEN MATCHED THEN UPDATE SET
    owner = @Owner, report_id = @ReportId, parameters = @Parameters, cron = @Cron, time_zone = @TimeZone, enabled = @Enabled,
    starts_on = @StartsOn, ends_on = @EndsOn, formats = @Formats, subject = @Subject, body = @Body, recipients = @Recipients,
    recipients_sql = @RecipientsSql, when_empty = @WhenEmpty, version = s.version + 1, updated_at = @At
WHEN NOT MATCHED THEN
    INSERT (name, owner, report_id, parameters, cron, time_zone, enabled, starts_on, ends_on, formats, subject, body,
            recipients, recipients_sql, when_empty, version, created_at, updated_at)
    VALUES (@Name, @Owner, @ReportId, @Parameters, @Cron, @TimeZone, @Enabled, @StartsOn, @EndsOn, @Formats, @Subject, @Body,
            @Recipients, @RecipientsSql, @WhenEmpty, 1, @At, @At)
OUTPUT inserted.subscription_id;
