using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.ApiKeys;
using Prorata.Cli.Audit;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata audit` on its own SQLite file: an API key made on the command line at 2026-03-20 10:00 UTC is in the log as made
/// by "cli", listed as a line or as the API's CSV, and bad filters are named with exit 2.
/// </summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Audit_ListsAndExports_WhatTheCommandLineChanged()
    {
        var made = await CommandRun.RunAsync(ApiKeysCommand.RunAsync, _time, "create", "--name", "PSA sync", "--role", "sales", "--connection", _database.ConnectionString);
        Assert.Equal(0, made.Exit);
        Guid keyId;
        long entryId;
        await using (var db = CommandRun.Open(_database))
        {
            keyId = (await db.ApiKeys.SingleAsync()).Id;
            entryId = (await db.AuditLog.SingleAsync()).Id;
        }

        var lines = await AuditAsync("--entity-type", "apikey");
        var csv = await AuditAsync("--actor", "cli", "--from", "2026-03-20", "--to", "2026-03-20", "--csv");
        var none = await AuditAsync("--q", "nothing like it");

        Assert.Equal((0, $"2026-03-20T10:00:00Z  cli  ApiKey PSA sync ({keyId})  Created  Name: – → PSA sync; Role: – → Sales\n", "1–1 of 1 entries.\n"), lines);
        Assert.Equal((0, "Id,At,Actor,EntityType,EntityId,Label,Action,Field,Before,After\r\n"
            + $"{entryId},2026-03-20T10:00:00Z,cli,ApiKey,{keyId},PSA sync,Created,Name,,PSA sync\r\n"
            + $"{entryId},2026-03-20T10:00:00Z,cli,ApiKey,{keyId},PSA sync,Created,Role,,Sales\r\n", ""), csv);
        Assert.Equal((0, "", "0–0 of 0 entries.\n"), none);
    }

    [Fact]
    public async Task Audit_BadFilters_Exit2NamingEach()
    {
        var bad = await AuditAsync("--entity-type", "Invoice", "--from", "2026-13-01", "--page", "0");

        Assert.Equal(2, bad.Exit);
        Assert.Equal(
            "--entity-type: entityType must be one of ApiKey, BillingContract, CommissionPlan, Customer, CustomerUser, LegalEntity, MarginFloor, "
            + "PartnerCenterCredential, PortalOffer, PortalPolicy, PriceList, Salesperson, StaffUser, TaxRate, Webhook; got 'Invoice'.\n"
            + "--from: from must be a date (yyyy-MM-dd); got '2026-13-01'.\n"
            + "--page: page must be 1 or more; got 0.\n",
            bad.Error);
    }

    private Task<(int Exit, string Output, string Error)> AuditAsync(params string[] args) =>
        CommandRun.RunAsync((a, output, error, _, cancellationToken) => AuditCommand.RunAsync(a, output, error, cancellationToken), _time,
            [.. args, "--connection", _database.ConnectionString]);
}
