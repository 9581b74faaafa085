using Dapper;
using JourneyReports.Catalog;
using Microsoft.Data.SqlClient;

namespace JourneyReports.Tests;

/// <summary>
/// The catalog's behaviour on a real SQL Server, when JOURNEYREPORTS_TEST_SQLSERVER names one (<see cref="SqlServerFactAttribute"/>):
/// a scratch database per test, migrated by the T-SQL migrations under sql/catalog/sqlserver, used through the same
/// <see cref="ReportCatalog"/> the server uses. Skipped here with that reason: no SQL Server runs on this machine.
/// </summary>
public sealed class SqlServerCatalogTests : IAsyncLifetime
{
    static readonly DateTimeOffset T = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    readonly string database = $"jr_catalog_{Guid.NewGuid():n}";
    ReportCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        if (SqlServerFactAttribute.ConnectionString is not { } server) return;   // skipped: nothing to set up
        await using (var master = new SqlConnection(server))
            await master.ExecuteAsync($"CREATE DATABASE [{database}]");
        catalog = new ReportCatalog(CatalogDatabase.SqlServerDatabase(new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString));
        await catalog.MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        if (SqlServerFactAttribute.ConnectionString is not { } server) return;
        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(server);
        await master.ExecuteAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]");
    }

    [SqlServerFact]
    public async Task Migrate_Twice_AppliesEachMigrationOnce()
    {
        await catalog.MigrateAsync(default);

        await using var c = await catalog.Database.OpenAsync(default);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM catalog.schema_versions"));
    }

    [SqlServerFact]
    public async Task Migrate_FromTwoInstancesAtOnce_AppliesEachMigrationOnce()
    {
        var second = new ReportCatalog(catalog.Database);

        await Task.WhenAll(catalog.MigrateAsync(default), second.MigrateAsync(default));

        await using var c = await catalog.Database.OpenAsync(default);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM catalog.schema_versions"));
    }

    [SqlServerFact]
    public async Task ARun_IsStartedFinishedAndRead_AsInSqlite()
    {
        var subscription = await catalog.SaveSubscriptionAsync(new Subscription
        {
            Name = "weekly", Owner = "owner@example.com", Report = "executive-weekly", Cron = "0 8 * * 1", TimeZone = "Europe/London",
            Recipients = [new SubscriptionRecipient("a@example.com")],
        }, T, default);
        var runId = await catalog.StartRunAsync("executive-weekly", "schedule", T, default, subscription.Id, T);
        await catalog.FinishRunAsync(runId, RunStatus.Succeeded, T.AddMinutes(1), null, "artifacts/1", null, default);
        await catalog.AddDeliveryAsync(runId, "a@example.com", "smtp", "sent", null, T.AddMinutes(1), default);

        var run = await catalog.GetRunAsync(runId, default);
        Assert.Equal((RunStatus.Succeeded, "2026-12-07T08:00:00Z", "2026-12-07T08:01:00Z", subscription.Id), (run!.Status, run.StartedAt, run.FinishedAt, run.SubscriptionId));
        Assert.Equal(runId, (await catalog.SucceededRunOfFireAsync(subscription.Id, T, default))!.RunId);
        Assert.Equal(["a@example.com"], (await catalog.DeliveriesAsync(runId, default)).Select(d => d.Recipient));
        Assert.Equal(1, await catalog.CountAuditAsync("delivery", default));
    }

    [SqlServerFact]
    public async Task ALedgerClaim_OfADeliveredRecipient_IsRefused_SoTheEmailGoesOnce()
    {
        var first = await catalog.ClaimDeliveryAsync(1, "2026-11-30..2026-12-06 Europe/London", "A@example.com", 10, "<m1@jr>", T, default);
        var retried = await catalog.ClaimDeliveryAsync(1, "2026-11-30..2026-12-06 Europe/London", "a@example.com", 11, "<m2@jr>", T, default);
        await catalog.SettleDeliveryAsync(1, "2026-11-30..2026-12-06 Europe/London", "a@example.com", RecipientStatus.Sent, null, T, TimeSpan.FromSeconds(5));
        var again = await catalog.ClaimDeliveryAsync(1, "2026-11-30..2026-12-06 Europe/London", "a@example.com", 12, "<m3@jr>", T, default);

        Assert.Equal(("<m1@jr>", 1L), first);
        Assert.Equal(("<m1@jr>", 2L), retried);   // an unsettled claim (its run died) is claimed again, with the same Message-Id
        Assert.Null(again);
    }

    [SqlServerFact]
    public async Task ALedgerClaim_MadeByManyAtOnce_KeepsOneRowAndOneMessageId()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            catalog.ClaimDeliveryAsync(2, "p", "b@example.com", i, $"<m{i}@jr>", T, default)));

        Assert.Single(claims.Select(c => c!.Value.MessageId).Distinct());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), claims.Select(c => c!.Value.Attempt).Order());
    }

    [SqlServerFact]
    public async Task TheSubscriptionLock_IsHeldByOneHolder_UntilReleased()
    {
        var first = await catalog.TryLockSubscriptionAsync(3, TimeSpan.FromMinutes(5), T, default);
        var second = await catalog.TryLockSubscriptionAsync(3, TimeSpan.FromMinutes(5), T, default);
        Assert.NotNull(first);
        Assert.Null(second);

        await first!.DisposeAsync();
        await using var third = await catalog.TryLockSubscriptionAsync(3, TimeSpan.FromMinutes(5), T, default);
        Assert.NotNull(third);
    }

    [SqlServerFact]
    public async Task TheSubscriptionLock_IsTakenOnce_WhenManyAskAtOnce()
    {
        var holders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => catalog.TryLockSubscriptionAsync(4, TimeSpan.FromMinutes(5), T, default)));

        Assert.Single(holders, h => h is not null);
    }

    [SqlServerFact]
    public async Task AFact_IsRecordedOnce_AndAnEmailFindsItsAccount_WhateverItsCase()
    {
        Assert.True(await catalog.RecordFactOnceAsync("schedules-seeded", "a", T, default));
        Assert.False(await catalog.RecordFactOnceAsync("schedules-seeded", "b", T, default));
        await catalog.AddUserAsync("Ann@Example.com", "Ann", Roles.Admin, "{}", null, T, default);

        Assert.Equal("a", await catalog.FactAsync("schedules-seeded", default));
        Assert.Equal("Ann", (await catalog.FindUserAsync("ann@example.com", default))!.Name);
        Assert.Equal(new UserCounts(1, 1), await catalog.CountUsersAsync(default));
    }
}
