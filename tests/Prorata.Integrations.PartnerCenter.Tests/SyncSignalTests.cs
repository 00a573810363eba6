using System.Diagnostics;
using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Tests;

/// <summary>What two-way sync relies on: out-of-band changes visible, invoices matching charges, paging, surviving throttling.</summary>
public sealed class SyncSignalTests
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OutOfBandSeatAdd_MadeInPortal_InAuditRecordsSubscriptionStateAndNextInvoice()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromDays(5));

        using var portal = await pc.OutOfBandAsync(new
        {
            customerId = customer, subscriptionId = s.Id, kind = "quantity", quantity = 14, userPrincipalName = "jane@partner.onmicrosoft.com",
        });
        portal.EnsureSuccessStatusCode();

        var records = await pc.Client.GetAuditRecordsAsync(new DateOnly(2026, 1, 15), null, None).ToListAsync();
        var change = Assert.Single(records, r => r.OperationType == "update_subscription");
        Assert.Equal(("jane@partner.onmicrosoft.com", s.Id, "14"), (change.UserPrincipalName, change.SubscriptionId, change.CustomizedData["Quantity"]));
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero), change.OperationDate);
        Assert.NotEqual(Assert.Single(records, r => r.OperationType == "create_subscription").ApplicationId, change.ApplicationId);
        Assert.Equal(14, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);

        // January's invoice is issued on February 6th and holds the purchase and the portal's seat add (§1.7):
        // E3 P1Y billed monthly at 453.60/term → 37.80 per cycle; cycle Jan 15..Feb 14 (31 days), 26 billing days from Jan 20.
        await pc.AdvanceAsync(new DateTimeOffset(2026, 2, 6, 12, 0, 0, TimeSpan.Zero) - pc.Clock.GetUtcNow());
        var invoice = Assert.Single(await pc.Client.GetInvoicesAsync(None));
        Assert.Equal(("G202601001", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 504.81m), (invoice.Id, invoice.BillingPeriodStart, invoice.BillingPeriodEnd, invoice.TotalCharges));
        var lines = await pc.Client.GetInvoiceLineItemsAsync(invoice.Id, None).ToListAsync();
        Assert.Equal(
            [("new", 10, 378.00m), ("addQuantity", -10, -317.03m), ("addQuantity", 14, 443.84m)],
            lines.Select(l => (l.ChargeType, l.BillableQuantity, l.Total)));
        Assert.Equal(lines[1].ReferenceId, lines[2].ReferenceId);
        Assert.Equal((new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 14)), (lines[2].ChargeStartDate!.Value, lines[2].ChargeEndDate!.Value));
        Assert.Equal(invoice.TotalCharges, lines.Sum(l => l.Total));
    }

    [Fact]
    public async Task SetQuantity_DuringA429Storm_AppliedExactlyOnce()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.PostAsync("_sim/faults/throttle", new { requests = 5, retryAfterSeconds = 0 });

        var result = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 12, None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(12, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);
        var updates = await pc.Client.GetAuditRecordsAsync(new DateOnly(2026, 1, 15), null, None).Where(r => r.OperationType == "update_subscription").ToListAsync();
        Assert.Equal("12", Assert.Single(updates).CustomizedData["Quantity"]);
    }

    [Fact]
    public async Task Get_ThrottledWithRetryAfterOneSecond_WaitsAtLeastThatLong()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        await pc.PostAsync("_sim/faults/throttle", new { requests = 1, retryAfterSeconds = 1 });
        var watch = Stopwatch.StartNew();

        var subscriptions = await pc.Client.GetSubscriptionsAsync(customer, None);

        Assert.Empty(subscriptions);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {watch.Elapsed}");
    }

    [Fact]
    public async Task SetAutoRenew_WhileRenewalIsProcessing_RetriedUntilAccepted()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.PostAsync("_sim/faults/conflict", new { requests = 3 });

        var result = await pc.Client.SetAutoRenewAsync(new SubscriptionKey(customer, s.Id), false, None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.False(result.Value.AutoRenewEnabled);
    }

    [Fact]
    public async Task SetQuantity_OnTheRenewalDay_409UntilProcessingEndsThenRenewedTermAndNewWindow()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 1, "P1M", "monthly");
        // The P1M term ends 2026-02-14 (inclusive); the renewal starts 2026-02-15 00:00 UTC and takes an hour here.
        await pc.AdvanceAsync(new DateTimeOffset(2026, 2, 15, 0, 30, 0, TimeSpan.Zero) - pc.Clock.GetUtcNow());

        var during = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 2, None);
        await pc.AdvanceAsync(TimeSpan.FromHours(1));
        var after = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 2, None);

        Assert.Equal(RefusalCodes.RenewalInProgress, during.Refusal!.Code);
        Assert.True(after.IsSuccess, after.ToString());
        Assert.Equal(new DateOnly(2026, 3, 14), after.Value.CommitmentEndDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 22, 0, 0, 0, TimeSpan.Zero), after.Value.CancellationAllowedUntil);
    }

    [Fact]
    public async Task GetCustomers_MorePagesThanOne_FollowsContinuationTokensToTheEnd()
    {
        await using var pc = await PartnerCenterHarness.StartAsync(pageSize: 3);
        await pc.PostAsync("_sim/seed", new { customers = 7, subscriptions = 14, seed = 3 });

        var customers = await pc.Client.GetCustomersAsync(None).ToListAsync();

        Assert.Equal(7, customers.Select(c => c.Id).Distinct().Count());
        Assert.Equal("Customer 00001 Ltd", customers[0].CompanyName);
        Assert.Equal("Customer 00007 Ltd", customers[6].CompanyName);
        Assert.Equal(14, (await Task.WhenAll(customers.Select(c => pc.Client.GetSubscriptionsAsync(c.Id, None)))).Sum(l => l.Count));
    }

    [Fact]
    public async Task GetAuditRecords_MorePagesThanOne_ReturnsEveryRecordOnce()
    {
        await using var pc = await PartnerCenterHarness.StartAsync(pageSize: 2);
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        for (var quantity = 11; quantity <= 14; quantity++)
        {
            Assert.True((await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), quantity, None)).IsSuccess);
        }

        var records = await pc.Client.GetAuditRecordsAsync(new DateOnly(2026, 1, 15), null, None).ToListAsync();

        Assert.Equal(6, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(["create_subscription", "create_order", "update_subscription", "update_subscription", "update_subscription", "update_subscription"],
            records.Select(r => r.OperationType));
    }

    [Fact]
    public async Task GetPriceSheet_LicenseBasedView_EveryOfferTermAndPlanWithTermPrices()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();

        var rows = await pc.Client.GetPriceSheetAsync("US", None);

        Assert.Equal(30, rows.Count);
        var e3 = Assert.Single(rows, r => r is { ProductId: "CFQ7TTC0LFLX", TermDuration: "P1Y", BillingPlan: "Annual" });
        Assert.Equal((432m, 518.40m, "USD", "Microsoft 365 E3"), (e3.UnitPrice, e3.ErpPrice!.Value, e3.Currency, e3.SkuTitle));
    }
}
