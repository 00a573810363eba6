using System.Text.Json;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Integrations.PartnerCenter.Tests;

public sealed class SyncPlannerTests
{
    private const string Ours = "prorata-app";
    private const string Portal = "portal-app";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_PortalAddThenReduction_TwoOutOfBandChangesWithTheirDates()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 10)],
            current: [Current("S1", 12)],
            records: [Record("R1", "S1", 14, T0, Portal), Record("R2", "S1", 12, T0.AddHours(2), Portal)]));

        Assert.Equal(
            [(ChangeKind.QuantityChanged, 10, 14, T0, "R1"), (ChangeKind.QuantityChanged, 14, 12, T0.AddHours(2), "R2")],
            plan.Changes.Select(c => (c.Kind, c.FromQuantity, c.ToQuantity, c.EffectiveAt, c.AuditRecordId!)));
        Assert.All(plan.Changes, c => Assert.Equal(("jane@partner.onmicrosoft.com", true), (c.ChangedBy!, c.OutOfBand)));
        Assert.Equal(T0.AddHours(2), plan.Cursor.LastOperationDate);
    }

    [Fact]
    public void Plan_FullPullWithEmptyActivityLog_CursorMovesToWhenTheStateWasRead()
    {
        var plan = SyncPlanner.Plan(Input(known: [], current: [Current("S1", 12)], records: []));

        Assert.Equal((T0.AddDays(1), 0), (plan.Cursor.LastOperationDate, plan.Cursor.RecentRecordIds.Count));
    }

    [Fact]
    public void Plan_ChangeProrataPushedItself_NotImportedAgain()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 12)],
            current: [Current("S1", 12)],
            records: [Record("R1", "S1", 12, T0, Ours)]));

        Assert.Empty(plan.Changes);
        Assert.Contains("R1", plan.Cursor.RecentRecordIds);
    }

    [Fact]
    public void Plan_StateDiffersWithoutARecord_ChangeDatedWhenSeenWithoutRecordId()
    {
        var plan = SyncPlanner.Plan(Input(known: [Known("S1", 10)], current: [Current("S1", 11, autoRenew: false)], records: []));

        Assert.Equal(
            [(ChangeKind.QuantityChanged, 10, 11, (string?)null), (ChangeKind.AutoRenewChanged, 11, 11, null)],
            plan.Changes.Select(c => (c.Kind, c.FromQuantity, c.ToQuantity, c.AuditRecordId)));
        Assert.All(plan.Changes, c => Assert.Equal(T0.AddDays(1), c.EffectiveAt));
    }

    [Fact]
    public void Plan_RunTwiceWithTheAppliedResult_SecondPlanIsEmpty()
    {
        var records = new[] { Record("R1", "S1", 14, T0, Portal), Record("R2", "S1", 12, T0.AddHours(2), Portal) };
        var first = SyncPlanner.Plan(Input(known: [Known("S1", 10)], current: [Current("S1", 12)], records: records));

        var second = SyncPlanner.Plan(Input(known: [Known("S1", 12)], current: [Current("S1", 12)], records: records, cursor: first.Cursor));

        Assert.Equal(2, first.Changes.Count);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public void Plan_RerunAfterStoppingHalfWay_AppliesOnlyWhatWasLeft()
    {
        var records = new[] { Record("R1", "S1", 14, T0, Portal), Record("R2", "S1", 12, T0.AddHours(2), Portal) };
        var whole = SyncPlanner.Plan(Input(known: [Known("S1", 10)], current: [Current("S1", 12)], records: records));
        // Killed after applying R1's change and storing the cursor advanced past R1 (one transaction).
        var cursorAfterR1 = SyncCursor.Empty.Advance(records[0]);

        var rerun = SyncPlanner.Plan(Input(known: [Known("S1", 14)], current: [Current("S1", 12)], records: records, cursor: cursorAfterR1));

        Assert.Equal([whole.Changes[1]], rerun.Changes);
    }

    [Fact]
    public void Plan_NewSubscriptionMigratedFromAnother_ImportedAndFlaggedAsCatalogShiftWithoutContract()
    {
        var migrated = Current("S2", 5) with { MigratedFromSubscriptionId = "S1" };

        var plan = SyncPlanner.Plan(Input(known: [], current: [migrated], records: []));

        Assert.Equal([migrated], plan.NewSubscriptions);
        Assert.Equal([SyncExceptionKind.CatalogShift, SyncExceptionKind.MissingContract], plan.Issues.Select(i => i.Kind));
        Assert.All(plan.Issues, i => Assert.Equal("S2", i.SubscriptionId));
    }

    [Fact]
    public void Plan_KnownSubscriptionAbsentFromAFullPull_Orphan()
    {
        var full = SyncPlanner.Plan(Input(known: [Known("S1", 10)], current: [], records: []));
        var incremental = SyncPlanner.Plan(Input(known: [Known("S1", 10)], current: [], records: []) with { IsFullPull = false });

        Assert.Equal(SyncExceptionKind.Orphan, Assert.Single(full.Issues).Kind);
        Assert.Empty(incremental.Issues);
    }

    [Fact]
    public void Plan_ContractExpectsRenewalButPartnerCenterHasItOff_AutoRenewMismatch()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 10, autoRenew: false) with { ContractExpectsAutoRenew = true }],
            current: [Current("S1", 10, autoRenew: false)],
            records: []));

        Assert.Equal((SyncExceptionKind.AutoRenewMismatch, "S1"), (Assert.Single(plan.Issues).Kind, plan.Issues[0].SubscriptionId));
    }

    [Fact]
    public void Plan_SoldAsAnnualTermHeldAsMonthlyAtMicrosoft_TermMismatchNamingBoth()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 10) with { SoldTerm = "P1Y", SoldBillingCycle = "annual" }, Known("S2", 5) with { SoldTerm = "P1Y", SoldBillingCycle = "monthly" }],
            current: [Current("S1", 10), Current("S2", 5)],
            records: []));

        var issue = Assert.Single(plan.Issues);
        Assert.Equal((SyncExceptionKind.TermMismatch, "S1"), (issue.Kind, issue.SubscriptionId));
        Assert.Equal("Sold as P1Y billed annually, but Partner Center holds subscription S1 as P1Y billed monthly: Prorata bills the customer for a term Microsoft does not charge.",
            issue.Message);
    }

    [Fact]
    public void Plan_SubscriptionsWithoutContractOrPricingStrategy_FlaggedEach()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 1) with { HasContract = false }, Known("S2", 1) with { HasPricingStrategy = false }],
            current: [Current("S1", 1), Current("S2", 1)],
            records: []));

        Assert.Equal([(SyncExceptionKind.MissingContract, "S1"), (SyncExceptionKind.MissingPricingStrategy, "S2")], plan.Issues.Select(i => (i.Kind, i.SubscriptionId!)));
    }

    [Fact]
    public void Plan_RecordAfterTheStateWasRead_LeftForTheNextPull()
    {
        var plan = SyncPlanner.Plan(Input(
            known: [Known("S1", 10)],
            current: [Current("S1", 10)],
            records: [Record("R1", "S1", 14, T0.AddDays(2), Portal)]));

        Assert.Empty(plan.Changes);
        Assert.DoesNotContain("R1", plan.Cursor.RecentRecordIds);
    }

    [Fact]
    public void SyncCursor_AfterARecordAt0030_NextPullStartsTheDayBeforeAndSkipsOlderRecords()
    {
        var cursor = SyncCursor.Empty.Advance(Record("R1", "S1", 1, new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero), Portal));

        Assert.Equal(new DateOnly(2026, 3, 1), cursor.StartDate(T0));
        Assert.True(cursor.HasApplied(Record("R0", "S1", 1, new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), Portal)));
        Assert.False(cursor.HasApplied(Record("R2", "S1", 1, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), Portal)));
    }

    private static SyncInput Input(
        IReadOnlyList<KnownSubscription> known, IReadOnlyList<PartnerCenterSubscription> current, IReadOnlyList<PartnerCenterAuditRecord> records, SyncCursor? cursor = null) =>
        new(["C1"], known, [], current, records, IsFullPull: true, cursor ?? SyncCursor.Empty, Ours, T0.AddDays(1));

    private static KnownSubscription Known(string id, int quantity, bool autoRenew = true) =>
        new(id, "C1", quantity, SubscriptionStatus.Active, autoRenew, HasContract: true, HasPricingStrategy: true);

    private static PartnerCenterSubscription Current(string id, int quantity, bool autoRenew = true) =>
        new(id, "C1", "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3", "CFQ7TTC0LFLX", "0001", "Microsoft 365 E3", null, quantity, SubscriptionStatus.Active, autoRenew,
            "P1Y", "monthly", T0, T0, new DateOnly(2027, 3, 1), T0.AddDays(7), [], null, null, "o1", "e1");

    private static PartnerCenterAuditRecord Record(string id, string subscriptionId, int quantity, DateTimeOffset at, string application) =>
        new(id, "C1", "Contoso", "jane@partner.onmicrosoft.com", application, "subscription", "update_subscription", at, "succeeded", null,
            JsonSerializer.Serialize(new { id = subscriptionId, quantity, status = "active", autoRenewEnabled = true }),
            new Dictionary<string, string> { ["SubscriptionId"] = subscriptionId });
}
