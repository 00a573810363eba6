using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Outbox;
using Prorata.Application.Portal;
using Prorata.Cli.Portal;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Outbox;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Portal;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata portal …` and `prorata approvals …` on their own SQLite file on 2026-03-14 09:30: Fabrikam GmbH (EUR) has a
/// contract billed on the 14th at cost + 25 %; TAX-TEST/0001 P1Y monthly costs 264.00 a year, so 27.50 EUR per seat and month.
/// The key ring is a folder with one key, as the app leaves it.
/// </summary>
public sealed class PortalCommandTests : IAsyncLifetime
{
    private const string Customer = "Fabrikam GmbH";
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("prorata-keys-");
    private Guid _customerId;
    private Guid _contractId;

    public async Task InitializeAsync()
    {
        var now = _time.GetUtcNow();
        // The app's first start makes the ring's key.
        DataProtectionProvider.Create(_keys, builder => builder.SetApplicationName("Prorata")).CreateProtector("start").Protect([1]);
        await using var db = CommandRun.Open(_database);
        await db.Database.MigrateAsync();
        var customer = new Customer { Id = Guid.NewGuid(), Name = Customer, Currency = "EUR", BillingEmail = "ap@fabrikam.example", CreatedAt = now, UpdatedAt = now, Version = 1 };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = 14, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New("Northwind Test GmbH", now),
            CreatedAt = now, UpdatedAt = now, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 25m }],
        };
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "portal", ImportedAt = now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
            Entries = [.. new[] { ("US", "USD"), ("DE", "EUR") }.Select(row => new PriceListEntry
            {
                ProductId = "TAX-TEST", SkuId = "0001", Title = "Tax Test Seat", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = row.Item1,
                Currency = row.Item2, UnitPrice = 264m, ErpPrice = 316.8m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
            })],
        });
        db.AddRange(customer, contract);
        await db.SaveChangesAsync();
        (_customerId, _contractId) = (customer.Id, contract.Id);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _keys.Delete(recursive: true);
    }

    [Fact]
    public async Task Invite_PrintsTheLinkAloneAndQueuesItsEmail_ThenUsersListsThePerson()
    {
        var invite = await PortalAsync("invite", "--customer", "fabrikam gmbh", "--email", "it@fabrikam.example", "--role", "admin",
            "--public-url", "https://billing.example.com/", "--keys", _keys.FullName, "--as", "alice");
        var users = await PortalAsync("users", "--customer", _customerId.ToString());

        Assert.Equal(0, invite.Exit);
        Assert.Matches("^https://billing.example.com/portal/invitation/[0-9a-f]{64}\n$", invite.Output);
        Assert.Equal("invited it@fabrikam.example (admin) to the portal of Fabrikam GmbH; the link works once, until 2026-03-21 09:30 UTC, "
            + "and is e-mailed to them by the app.\n", invite.Error);
        await using var db = CommandRun.Open(_database);
        var user = await db.CustomerUsers.SingleAsync();
        var queued = await db.Outbox.SingleAsync(m => m.Topic == OutboxTopic.PortalInvitation);
        // The app's outbox handler opens the e-mail's copy of the link with the same key ring.
        var app = new PortalInvitations(db, _time, DataProtectionProvider.Create(_keys, builder => builder.SetApplicationName("Prorata")));
        Assert.Equal(invite.Output.TrimEnd('\n'), app.LinkOf(OutboxWriter.Read<PortalInvitation>(queued)));
        Assert.Equal(("alice", _customerId), (user.InvitedBy, queued.CustomerId));
        Assert.Equal((0, "1 portal user(s) of Fabrikam GmbH\n"
            + $"{user.Id} it@fabrikam.example admin: invited until 2026-03-21 09:30 UTC, MFA off, last sign-in never\n", ""), users);
    }

    [Fact]
    public async Task Invite_BadRoleNoAddressOrEmptyKeyRing_Exit2AndNothingWritten()
    {
        var empty = Directory.CreateTempSubdirectory("prorata-nokeys-");
        string[] common = ["--customer", Customer, "--email", "it@fabrikam.example", "--public-url", "https://billing.example.com", "--keys", _keys.FullName];

        var role = await PortalAsync(["invite", .. common, "--role", "owner"]);
        var noAddress = await PortalAsync("invite", "--customer", Customer, "--email", "it@fabrikam.example", "--role", "admin", "--public-url", "billing.example.com",
            "--keys", _keys.FullName);
        var noKeys = await PortalAsync("invite", "--customer", Customer, "--email", "it@fabrikam.example", "--role", "admin", "--public-url", "https://billing.example.com",
            "--keys", empty.FullName);
        var unknown = await PortalAsync(["invite", "--customer", "Contoso", "--email", "it@fabrikam.example", "--role", "admin", .. common[4..]]);
        empty.Delete();

        Assert.Equal((2, "", "--role: role must be admin, billing or readOnly; got 'owner'.\n"), role);
        Assert.Equal((2, "", "--public-url must be an absolute http or https URL such as https://billing.example.com; got 'billing.example.com'.\n"), noAddress);
        Assert.Equal(2, noKeys.Exit);
        Assert.StartsWith($"--keys: the key ring at {empty.FullName} has no key this command can use (", noKeys.Error, StringComparison.Ordinal);
        Assert.Equal((1, "", "--customer: no customer is named 'Contoso'.\n"), unknown);
        await using var db = CommandRun.Open(_database);
        Assert.Equal((0, 0), (await db.CustomerUsers.CountAsync(), await db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Offers_PrintsEachWithTheCustomersPrice()
    {
        await using (var db = CommandRun.Open(_database))
        {
            db.PortalOffers.Add(new PortalOffer
            {
                Id = Guid.Parse("0197a3c2-0000-7000-8000-0000000000f1"), CustomerId = _customerId, ContractId = _contractId, ProductId = "TAX-TEST", SkuId = "0001",
                Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, MinSeats = 1, MaxSeats = 50, RequiresApproval = true, CreatedAt = _time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var offers = await PortalAsync("offers", "--customer", Customer);

        Assert.Equal((0, "1 portal offer(s) of Fabrikam GmbH\n"
            + "0197a3c2-0000-7000-8000-0000000000f1 Tax Test Seat (TAX-TEST/0001 P1Y monthly): seats 1–50, 27.50 EUR per seat and 1-month cycle, always needs approval\n", ""),
            offers);
    }

    [Fact]
    public async Task Approvals_ListApproveTwiceAndDecline()
    {
        var purchase = await PendingAsync("buyer@fabrikam.example", 3, _time.GetUtcNow().AddMinutes(-5));
        var other = await PendingAsync("buyer@fabrikam.example", 40, _time.GetUtcNow());

        var list = await ApprovalsAsync();
        var approved = await ApprovalsAsync("approve", purchase.ToString(), "--as", "alice");
        var twice = await ApprovalsAsync("approve", purchase.ToString(), "--as", "bob");
        var noReason = await ApprovalsAsync("decline", other.ToString());
        var declined = await ApprovalsAsync("decline", other.ToString(), "--reason", "Budget freeze until April.", "--as", "bob");
        var badState = await ApprovalsAsync("--state", "open");

        Assert.Equal((0, "2 pending portal request(s)\n"
            + $"{other} pending Fabrikam GmbH: purchase of 40 Tax Test Seat, +1,100.00 EUR on the next invoice, asked by buyer@fabrikam.example at 2026-03-14 09:30 UTC (Above 50.00 EUR.)\n"
            + $"{purchase} pending Fabrikam GmbH: purchase of 3 Tax Test Seat, +82.50 EUR on the next invoice, asked by buyer@fabrikam.example at 2026-03-14 09:25 UTC (Above 50.00 EUR.)\n",
            ""), list);
        await using var db = CommandRun.Open(_database);
        var subscription = await db.Subscriptions.SingleAsync();
        var change = await db.LicenseChangeLog.SingleAsync(e => e.SubscriptionId == subscription.Id);
        Assert.Equal((0, $"{purchase} approved by alice: subscription {subscription.Id}\n", ""), approved);
        Assert.Equal((3, "TAX-TEST", ChangeSource.Portal, "buyer@fabrikam.example"), (subscription.Quantity, subscription.ProductId, change.Source, change.Actor));
        Assert.Equal((1, "", "The request is approved already (by alice): nothing was changed.\n"), twice);
        Assert.Equal((2, "", "--reason: reason (1 to 1,000 characters) is required: the customer sees it.\n"), noReason);
        Assert.Equal((0, $"{other} declined by bob: Budget freeze until April.\n", ""), declined);
        Assert.Equal(2, badState.Exit);
        Assert.StartsWith("--state must be one of pending, approving, approved, declined, refused, withdrawn or all; got 'open'.\n", badState.Error, StringComparison.Ordinal);
        var all = await ApprovalsAsync("list", "--state", "all", "--customer", Customer);
        Assert.Equal((0, "2 portal request(s)\n"
            + $"{other} declined Fabrikam GmbH: purchase of 40 Tax Test Seat, +1,100.00 EUR on the next invoice, asked by buyer@fabrikam.example at 2026-03-14 09:30 UTC "
            + "(Above 50.00 EUR.); declined: Budget freeze until April.\n"
            + $"{purchase} approved Fabrikam GmbH: purchase of 3 Tax Test Seat, +82.50 EUR on the next invoice, asked by buyer@fabrikam.example at 2026-03-14 09:25 UTC "
            + $"(Above 50.00 EUR.); approved by alice, subscription {subscription.Id}\n", ""), all);
    }

    [Fact]
    public async Task Approve_CustomerLinkedToPartnerCenter_LeftToTheApp()
    {
        var request = await PendingAsync("buyer@fabrikam.example", 3, _time.GetUtcNow());
        await using (var db = CommandRun.Open(_database))
        {
            db.PartnerCenterCustomers.Add(new PartnerCenterCustomerLink
            {
                PartnerCenterCustomerId = "8f6c1a2e-0000-4000-8000-000000000001", CompanyName = Customer, CustomerId = _customerId, FirstSeenAt = _time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var approve = await ApprovalsAsync("approve", request.ToString());

        Assert.Equal((1, "", "The customer is linked to Partner Center: approve on /approvals or with POST /api/v1/portal-requests/{id}/approve, "
            + "which place the order with Microsoft. Nothing was changed.\n"), approve);
        await using var check = CommandRun.Open(_database);
        Assert.Equal(PortalRequestState.Pending, (await check.PortalRequests.SingleAsync()).State);
    }

    private async Task<Guid> PendingAsync(string requester, int seats, DateTimeOffset at)
    {
        await using var db = CommandRun.Open(_database);
        var request = db.PortalRequests.Add(new PortalRequest
        {
            Id = Guid.NewGuid(), CustomerId = _customerId, CustomerUserId = Guid.NewGuid(), RequestedBy = requester, Type = SubscriptionEventType.Purchase,
            ContractId = _contractId, ProductId = "TAX-TEST", SkuId = "0001", Title = "Tax Test Seat", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly,
            Quantity = seats, Amount = seats * 27.50m, Currency = "EUR", Reason = "Above 50.00 EUR.", State = PortalRequestState.Pending, RequestedAt = at,
        }).Entity;
        await db.SaveChangesAsync();
        return request.Id;
    }

    private Task<(int Exit, string Output, string Error)> PortalAsync(params string[] args) =>
        CommandRun.RunAsync(PortalCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);

    private Task<(int Exit, string Output, string Error)> ApprovalsAsync(params string[] args) =>
        CommandRun.RunAsync(ApprovalsCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);
}
