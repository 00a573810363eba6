using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Subscriptions;

/// <summary>Upgrade eligibility is Microsoft's catalog (a row's upgrade paths), never the price.</summary>
public class UpgradeEligibilityTests
{
    private static readonly DateTimeOffset Bought = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Upgraded = new(2025, 3, 11, 10, 0, 0, TimeSpan.Zero);

    private static PriceListRow Row(string product, decimal unitPrice, IReadOnlyList<UpgradeTarget>? upgradesTo = null) =>
        new(product, "0001", product, TermDuration.P1Y, BillingPlan.Monthly, unitPrice, null, "USD", new DateOnly(2024, 1, 1), null, UpgradesTo: upgradesTo);

    private static Refusal? Upgrade(IReadOnlyList<UpgradeTarget>? paths, string to, params PriceListRow[] others)
    {
        var book = new SubscriptionBook(new PriceList([Row("STANDARD", 120.96m, paths), .. others]), Currency.FromCode("USD"), ProviderRounding.TruncateLine);
        Assert.Null(book.Purchase(new PurchaseOrder("ev0", "S1", "K1", "STANDARD", "0001", TermDuration.P1Y, BillingPlan.Monthly, 10, true, false, null, Bought)));
        book.AdvanceTo(DateOnly.FromDateTime(Upgraded.UtcDateTime));
        return book.Upgrade("ev1", "S1", to, "0001", null, null, Upgraded);
    }

    [Fact]
    public void Upgrade_NoPathsListedToCheaperPaidSku_IsAccepted() =>
        Assert.Null(Upgrade(null, "E1", Row("E1", 77.16m)));

    [Fact]
    public void Upgrade_TargetAmongListedPaths_IsAccepted() =>
        Assert.Null(Upgrade([new UpgradeTarget("e1", "0001")], "E1", Row("E1", 77.16m)));

    [Fact]
    public void Upgrade_TargetNotAmongListedPaths_IsInvalidUpgrade() =>
        Assert.Equal(RefusalCode.InvalidUpgrade, Upgrade([new UpgradeTarget("PREMIUM", "0001")], "E1", Row("E1", 264m), Row("PREMIUM", 264m))?.Code);

    [Fact]
    public void Upgrade_EmptyPathList_IsInvalidUpgrade() =>
        Assert.Equal(RefusalCode.InvalidUpgrade, Upgrade([], "E1", Row("E1", 264m))?.Code);

    [Fact]
    public void Upgrade_ToFreeSku_IsInvalidUpgrade() =>
        Assert.Equal(RefusalCode.InvalidUpgrade, Upgrade(null, "TRIAL", Row("TRIAL", 0m))?.Code);

    [Fact]
    public void Upgrade_ListedTargetWithoutPriceRow_IsUnknownOffer() =>
        Assert.Equal(RefusalCode.UnknownOffer, Upgrade([new UpgradeTarget("E3", "0001")], "E3")?.Code);
}
