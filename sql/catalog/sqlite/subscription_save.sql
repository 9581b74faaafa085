INSERT INTO subscriptions (name, owner, report_id, parameters, cron, time_zone, enabled, starts_on, ends_on, formats, subject, body,
                           recipients, recipients_sql, when_empty, version, created_at, updated_at)
VALUES (@Name, @Owner, @ReportId, @Parameters, @Cron, @TimeZone, @Enabled, @StartsOn, @EndsOn, @Formats, @Subject, @Body,
        @Recipients, @RecipientsSql, @WhenEmpty, 1, @At, @At)
ON CONFLICT (name) DO UPDATE SET
    owner = excluded.owner, report_id = excluded.report_id, parameters = excluded.parameters, cron = excluded.cron,
    time_zone = excluded.time_zone, enabled = excluded.enabled, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
    formats = excluded.formats, subject = excluded.subject, body = excluded.body, recipients = excluded.recipients,
    recipients_sql = excluded.recipients_sql, when_empty = excluded.when_empty,
    version = subscriptions.version + 1, updated_at = excluded.updated_at
RETURNING subscription_id;
