using Prorata.Domain.Catalog;
using Prorata.Domain.Renewals;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Renewals;

public sealed class RenewalAdviceTests
{
    private const string Annual = "Annual term: the seats renewed are paid for 12 months; after the first 7 days they can be added to, not reduced, until the next renewal.";
    private const string Monthly = "Monthly term: the seats can be reduced again at each monthly renewal.";
    private const string ThreeYears = "Three-year term: the seats renewed are paid for 36 months; after the first 7 days they can be added to, not reduced, until the next renewal.";

    public static TheoryData<int, int?, int?, TermDuration, RenewalSuggestion> Cases => new()
    {
        { 200, null, 150, TermDuration.P1Y, new(RenewalSuggestionKind.Schedule, 150, "200 purchased, 150 assigned: schedule 150 at renewal", Annual) },
        { 200, null, 200, TermDuration.P1Y, new(RenewalSuggestionKind.RenewAsIs, 200, "200 purchased, 200 assigned: renew as is", Annual) },
        // More assigned than purchased: never more seats than purchased (they can be added at any time).
        { 200, null, 230, TermDuration.P1M, new(RenewalSuggestionKind.RenewAsIs, 200, "200 purchased, 230 assigned: renew as is", Monthly) },
        // Nobody assigned: never below 1.
        { 10, null, 0, TermDuration.P1M, new(RenewalSuggestionKind.Schedule, 1, "10 purchased, 0 assigned: schedule 1 at renewal (the least a renewal keeps; turn auto-renew off to let it end)", Monthly) },
        { 200, 150, 150, TermDuration.P1Y, new(RenewalSuggestionKind.Scheduled, 150, "200 purchased, 150 assigned: 150 scheduled at renewal", Annual) },
        { 200, 180, 150, TermDuration.P1Y, new(RenewalSuggestionKind.Schedule, 150, "200 purchased, 150 assigned: schedule 150 at renewal", Annual) },
        // A schedule below what is assigned would leave users without a license: schedule back up to the assigned seats.
        { 200, 100, 150, TermDuration.P1Y, new(RenewalSuggestionKind.Schedule, 150, "200 purchased, 150 assigned, 100 scheduled: schedule 150 at renewal, so that every assigned user keeps a license", Annual) },
        { 200, 150, 250, TermDuration.P3Y, new(RenewalSuggestionKind.Schedule, 200, "200 purchased, 250 assigned, 150 scheduled: schedule 200 at renewal, so that every assigned user keeps a license", ThreeYears) },
        { 200, null, null, TermDuration.P1Y, new(RenewalSuggestionKind.NoLicenseData, null, "No license data: Partner Center has not reported who holds this SKU's licenses.", null) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Suggest_PurchasedScheduledAssigned_SeatsToRenewWith(int purchased, int? scheduled, int? assigned, TermDuration term, RenewalSuggestion expected) =>
        Assert.Equal(expected, RenewalAdvice.Suggest(purchased, scheduled, assigned, term));

    private static readonly DateOnly RenewsOn = new(2026, 4, 15);
    private static readonly RenewalSuggestion Reduce150 = new(RenewalSuggestionKind.Schedule, 150, "200 purchased, 150 assigned: schedule 150 at renewal", Annual);

    [Fact]
    public void CheckAcceptance_LastSecondBeforeTheRenewal_Accepted() =>
        Assert.Null(RenewalAdvice.CheckAcceptance(RenewsOn, 150, (RenewsOn, Reduce150), new DateTimeOffset(2026, 4, 14, 23, 59, 59, TimeSpan.Zero)));

    [Fact]
    public void CheckAcceptance_AtTheRenewalInstant_RenewalPassed() =>
        Assert.Equal(new Refusal(RefusalCode.RenewalPassed, "The renewal of 2026-04-15 took place at 00:00 UTC that day: its renewal instructions can no longer be set."),
            RenewalAdvice.CheckAcceptance(RenewsOn, 150, (new DateOnly(2027, 4, 15), Reduce150), new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void CheckAcceptance_SubscriptionNoLongerRenewsThen_SuggestionChanged()
    {
        var now = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new Refusal(RefusalCode.SuggestionChanged, "The subscription no longer renews on 2026-04-15; read the renewals again."),
            RenewalAdvice.CheckAcceptance(RenewsOn, 150, null, now));
        Assert.Equal(RefusalCode.SuggestionChanged, RenewalAdvice.CheckAcceptance(RenewsOn, 150, (new DateOnly(2026, 5, 15), Reduce150), now)?.Code);
    }

    [Fact]
    public void CheckAcceptance_SeatsNoLongerSuggested_SuggestionChangedNamingTheSuggestionNow()
    {
        var now = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
        var renewAsIs = new RenewalSuggestion(RenewalSuggestionKind.RenewAsIs, 200, "200 purchased, 210 assigned: renew as is", Annual);

        Assert.Equal(new Refusal(RefusalCode.SuggestionChanged, "The suggestion for the renewal of 2026-04-15 is now \"200 purchased, 210 assigned: renew as is\", not 150 seats; read it again."),
            RenewalAdvice.CheckAcceptance(RenewsOn, 150, (RenewsOn, renewAsIs), now));
        Assert.Equal(RefusalCode.SuggestionChanged, RenewalAdvice.CheckAcceptance(RenewsOn, 140, (RenewsOn, Reduce150), now)?.Code);
    }
}
