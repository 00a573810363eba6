using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Tests;

public sealed class SubscriptionChangeTests
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private const string E5 = "CFQ7TTC0LFLZ:0002:CFQ7TTC0KBZ2";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Purchase_CartCheckedOut_SubscriptionProvisionedWithSevenDayWindows()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();

        var result = await pc.Client.PurchaseAsync(customer, [new PurchaseLine(E3, 10, "P1Y", "monthly")], None);

        Assert.True(result.IsSuccess, result.ToString());
        var purchased = Assert.Single(result.Value.Subscriptions);
        Assert.Equal(10, purchased.Quantity);
        var s = await pc.Client.GetSubscriptionAsync(customer, purchased.SubscriptionId, None);
        Assert.NotNull(s);
        Assert.Equal(SubscriptionStatus.Active, s.Status);
        Assert.Equal(("CFQ7TTC0LFLX", "0001", 10, "P1Y", "monthly"), (s.ProductId, s.SkuId, s.Quantity, s.TermDuration, s.BillingCycle));
        Assert.Equal(new DateOnly(2027, 1, 14), s.CommitmentEndDate);
        Assert.Equal(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero), s.CancellationAllowedUntil);
        Assert.Equal([new RefundableSeats(10, new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero))], s.RefundableSeats);
        Assert.True(s.AutoRenewEnabled);
        Assert.Equal(result.Value.OrderId, s.OrderId);
    }

    [Fact]
    public async Task Purchase_IllegalTermAndPlan_RefusedWithMicrosoftCartError()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();

        var result = await pc.Client.PurchaseAsync(customer, [new PurchaseLine(E3, 10, "P1M", "annual")], None);

        Assert.False(result.IsSuccess);
        Assert.Equal(RefusalCodes.PartnerCenterRefused, result.Refusal.Code);
        Assert.Equal(10004, result.Refusal.MicrosoftCode);
    }

    [Fact]
    public async Task SetQuantity_SeatAddAfterWindow_AcceptedWithItsOwnReductionWindow()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromDays(10));

        var result = await pc.Client.SetQuantityAsync(s.Key with { ExpectedETag = null }, 15, None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(15, result.Value.Quantity);
        Assert.Equal([new RefundableSeats(5, new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero))], result.Value.RefundableSeats);
        Assert.Equal(15, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);
    }

    [Fact]
    public async Task SetQuantity_ReductionAfterSevenDays_RefusedAsSeatReductionWindowClosedAndQuantityUnchanged()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromDays(9));

        var result = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 8, None);

        Assert.False(result.IsSuccess);
        Assert.Equal(RefusalCodes.SeatReductionWindowClosed, result.Refusal.Code);
        Assert.Equal(900257, result.Refusal.MicrosoftCode);
        Assert.Equal("You have passed your 7-day window for reducing seats for this subscription.", result.Refusal.Message);
        Assert.Equal(10, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);
    }

    [Fact]
    public async Task SetQuantity_ReductionBeyondTheSeatsStillInWindow_RefusedWith800090()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.True((await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 13, None)).IsSuccess);

        var tooMany = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 9, None);
        var withinBatch = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 11, None);

        Assert.Equal((RefusalCodes.SeatReductionWindowClosed, 800090), (tooMany.Refusal!.Code, tooMany.Refusal.MicrosoftCode));
        Assert.True(withinBatch.IsSuccess, withinBatch.ToString());
        Assert.Equal(11, withinBatch.Value.Quantity);
        Assert.Equal(1, withinBatch.Value.RefundableQuantity);
    }

    [Fact]
    public async Task Cancel_AfterSevenDays_RefusedAsCancellationWindowClosed()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromHours(168));

        var result = await pc.Client.CancelAsync(new SubscriptionKey(customer, s.Id), None);

        Assert.Equal((RefusalCodes.CancellationWindowClosed, 900117), (result.Refusal!.Code, result.Refusal.MicrosoftCode));
        Assert.Equal(SubscriptionStatus.Active, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Status);
    }

    [Fact]
    public async Task Cancel_WithinWindow_SubscriptionDeleted()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromHours(167));

        var result = await pc.Client.CancelAsync(new SubscriptionKey(customer, s.Id), None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(SubscriptionStatus.Deleted, result.Value.Status);
    }

    [Fact]
    public async Task Cancel_WithinADayOfASeatAddTheNextDay_RefundsExactlyWhatWasCharged()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromHours(20));
        Assert.True((await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 14, None)).IsSuccess);
        await pc.AdvanceAsync(TimeSpan.FromHours(2));

        var result = await pc.Client.CancelAsync(new SubscriptionKey(customer, s.Id), None);

        Assert.True(result.IsSuccess, result.ToString());
        // 37.80 per cycle Jan 15..Feb 14 (31 days); the seats went from 10 to 14 on Jan 16, 30 billing days:
        // −10 × 37.80 × 30/31 = −365.80 and +14 × 37.80 × 30/31 = 512.12 (truncated). Cancelled 22 hours after the
        // purchase, the full refund is what was charged, 378.00 − 365.80 + 512.12 = 524.32, not 14 × 37.80 = 529.20.
        await pc.AdvanceAsync(new DateTimeOffset(2026, 2, 6, 12, 0, 0, TimeSpan.Zero) - pc.Clock.GetUtcNow());
        var invoice = Assert.Single(await pc.Client.GetInvoicesAsync(None));
        var lines = await pc.Client.GetInvoiceLineItemsAsync(invoice.Id, None).ToListAsync();
        Assert.Equal(
            [("new", 10, 378.00m), ("addQuantity", -10, -365.80m), ("addQuantity", 14, 512.12m), ("cancelImmediate", -14, -524.32m)],
            lines.Select(l => (l.ChargeType, l.BillableQuantity, l.Total)));
        Assert.Equal((new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 14)), (lines[3].ChargeStartDate!.Value, lines[3].ChargeEndDate!.Value));
        Assert.Equal(0m, invoice.TotalCharges);
    }

    [Fact]
    public async Task Suspend_Then_SetQuantity_RefusedAsSubscriptionSuspendedAndAutoRenewTurnedOff()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);

        var suspended = await pc.Client.SuspendAsync(new SubscriptionKey(customer, s.Id), None);
        var add = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 12, None);

        Assert.True(suspended.IsSuccess, suspended.ToString());
        Assert.Equal((SubscriptionStatus.Suspended, false), (suspended.Value.Status, suspended.Value.AutoRenewEnabled));
        Assert.Equal((RefusalCodes.SubscriptionSuspended, 2001), (add.Refusal!.Code, add.Refusal.MicrosoftCode));
    }

    [Fact]
    public async Task ScheduleRenewal_ThenMidTermSeatAdd_ScheduledInstructionsDeleted()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);

        var scheduled = await pc.Client.ScheduleRenewalAsync(new SubscriptionKey(customer, s.Id), new RenewalInstructions(7, BillingCycle: "annual"), None);
        var added = await pc.Client.SetQuantityAsync(new SubscriptionKey(customer, s.Id), 11, None);

        Assert.Equal(new RenewalInstructions(7, "CFQ7TTC0LFLX", "0001", "CFQ7TTC0K9J3", "P1Y", "annual"), scheduled.Value!.ScheduledRenewal);
        Assert.True(added.IsSuccess, added.ToString());
        Assert.Null(added.Value.ScheduledRenewal);
    }

    [Fact]
    public async Task Upgrade_PartialSeats_NewCoterminousSubscriptionAndSourceReduced()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        await pc.AdvanceAsync(TimeSpan.FromDays(30));

        var result = await pc.Client.UpgradeAsync(new SubscriptionKey(customer, s.Id), new UpgradeRequest(E5, 4), None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.NotEqual(s.Id, result.Value.ToSubscriptionId);
        var source = await pc.Client.GetSubscriptionAsync(customer, s.Id, None);
        var target = await pc.Client.GetSubscriptionAsync(customer, result.Value.ToSubscriptionId, None);
        Assert.Equal(6, source!.Quantity);
        Assert.Equal(("CFQ7TTC0LFLZ", 4, new DateOnly(2027, 1, 14)), (target!.ProductId, target.Quantity, target.CommitmentEndDate));
    }

    [Fact]
    public async Task SetQuantity_ETagFromBeforeAPortalChange_RefusedAsChangedInPartnerCenter()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        using var portal = await pc.OutOfBandAsync(new { customerId = customer, subscriptionId = s.Id, kind = "quantity", quantity = 14 });
        portal.EnsureSuccessStatusCode();

        var stale = await pc.Client.SetQuantityAsync(s.Key, 12, None);
        var sameAsPortal = await pc.Client.SetQuantityAsync(s.Key, 14, None);

        Assert.Equal(RefusalCodes.ChangedInPartnerCenter, stale.Refusal!.Code);
        Assert.True(sameAsPortal.IsSuccess, sameAsPortal.ToString());
        Assert.Equal(14, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);
    }
}
