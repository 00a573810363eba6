using Microsoft.EntityFrameworkCore;
using Prorata.Cli.Webhooks;
using Prorata.Data.Webhooks;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

public sealed class WebhooksCommandTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Erp = Guid.Parse("0197a3c2-0000-7000-8000-000000000001");
    private static readonly Guid Crm = Guid.Parse("0197a3c2-0000-7000-8000-000000000002");
    private static readonly Guid Paid = Guid.Parse("0197a3c2-0000-7000-8000-0000000000e1");
    private static readonly Guid Issued = Guid.Parse("0197a3c2-0000-7000-8000-0000000000e2");

    [Fact]
    public async Task ListAndDeliveries_PrintEachWebhookAndItsLogNewestFirst()
    {
        await SeedAsync();

        var list = await RunAsync("list", "--connection", database.ConnectionString);
        var log = await RunAsync("deliveries", Erp.ToString(), "--connection", database.ConnectionString);
        var pending = await RunAsync("deliveries", Erp.ToString(), "--state", "pending", "--connection", database.ConnectionString);

        Assert.Equal((0, "2 webhook(s)\n"
            + $"{Erp} active https://erp.fabrikam.example/hooks (Fabrikam ERP): invoice.issued, payment.recorded\n"
            + $"{Crm} inactive https://crm.fabrikam.example/hooks: *\n", ""), list);
        Assert.Equal((0, "2 deliveries to https://erp.fabrikam.example/hooks; page 1\n"
            + $"2026-03-14 09:31:00 invoice.issued {Issued} pending after 1 attempt(s): HTTP 503 Service Unavailable, next attempt 2026-03-14 09:32:00\n"
            + $"2026-03-14 09:30:00 payment.recorded {Paid} delivered after 1 attempt(s): HTTP 200\n", ""), log);
        Assert.Equal((0, "1 deliveries to https://erp.fabrikam.example/hooks; page 1\n"
            + $"2026-03-14 09:31:00 invoice.issued {Issued} pending after 1 attempt(s): HTTP 503 Service Unavailable, next attempt 2026-03-14 09:32:00\n", ""), pending);
    }

    [Fact]
    public async Task Deliveries_BadArguments_Exit2NamingThem_UnknownWebhookExit1()
    {
        var state = await RunAsync("deliveries", Erp.ToString(), "--state", "lost", "--connection", database.ConnectionString);
        var noId = await RunAsync("deliveries", "--connection", database.ConnectionString);
        var unknown = await RunAsync("deliveries", Guid.Empty.ToString(), "--connection", database.ConnectionString);

        Assert.Equal(2, state.Exit);
        Assert.StartsWith("state must be one of pending, delivered, failed; got 'lost'.\nusage: prorata webhooks list\n", state.Error, StringComparison.Ordinal);
        Assert.Equal(2, noId.Exit);
        Assert.StartsWith("deliveries needs the webhook's id\n", noId.Error, StringComparison.Ordinal);
        Assert.Equal((1, "", $"No webhook has id '{Guid.Empty}'.\n"), unknown);
    }

    private async Task SeedAsync()
    {
        await using var db = CommandRun.Open(database);
        await db.Database.MigrateAsync();
        db.WebhookSubscriptions.AddRange(
            Subscription(Erp, "https://erp.fabrikam.example/hooks", "invoice.issued,payment.recorded", "Fabrikam ERP", active: true),
            Subscription(Crm, "https://crm.fabrikam.example/hooks", "*", null, active: false));
        db.WebhookDeliveries.AddRange(
            new WebhookDelivery
            {
                Id = Guid.NewGuid(), SubscriptionId = Erp, EventId = Paid, EventType = "payment.recorded", OccurredAt = At, Payload = "{}",
                State = WebhookDeliveryState.Delivered, Attempts = 1, CreatedAt = At, DeliveredAt = At, LastStatusCode = 200,
            },
            new WebhookDelivery
            {
                Id = Guid.NewGuid(), SubscriptionId = Erp, EventId = Issued, EventType = "invoice.issued", OccurredAt = At.AddMinutes(1), Payload = "{}",
                State = WebhookDeliveryState.Pending, Attempts = 1, CreatedAt = At.AddMinutes(1), NextAttemptAt = At.AddMinutes(2), LastStatusCode = 503,
                LastError = "HTTP 503 Service Unavailable",
            });
        await db.SaveChangesAsync();
    }

    private static WebhookSubscription Subscription(Guid id, string url, string types, string? description, bool active) => new()
    {
        Id = id, Url = url, EventTypes = types, Description = description, Active = active, ProtectedSecret = "protected", SecretHint = "abcd",
        SecretCreatedAt = At, CreatedBy = "owner@northwind.example", CreatedAt = id == Erp ? At : At.AddSeconds(1), UpdatedAt = At, Version = 1,
    };

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await WebhooksCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
