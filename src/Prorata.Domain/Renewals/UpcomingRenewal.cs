using Prorata.Domain.Catalog;

namespace Prorata.Domain.Renewals;

/// <summary>
/// A live subscription's current term and, when it <see cref="Renews"/> (active, auto-renew on), its next term: the
/// renewal's term, plan and SKU (scheduled changes applied) and the customer's <see cref="UnitPrice"/> per charge cycle of
/// that term, in the contract's currency, as billing will price it; null when nothing prices it (no price-list row in force
/// on the renewal day in the contract's currency and no fixed price). <see cref="PricedAtErp"/>: no pricing rule matches,
/// so billing falls back to the retail price (and raises MissingPricingStrategy).
/// </summary>
public sealed record UpcomingRenewal(
    string SubscriptionId,
    string ContractId,
    string ProductId,
    string SkuId,
    int Seats,
    DateOnly TermEnd,
    bool Renews,
    int? ScheduledSeats,
    TermDuration RenewalTerm,
    BillingPlan RenewalPlan,
    string RenewalSkuId,
    decimal? UnitPrice,
    bool PricedAtErp)
{
    /// <summary>Renewals take effect at 00:00 UTC of the day after the term's last day (microsoft-csp.md §1.5).</summary>
    public DateOnly RenewsOn => TermEnd.AddDays(1);

    /// <summary>The seats the renewal will have as it stands: the scheduled seats, else the seats now.</summary>
    public int PlannedSeats => ScheduledSeats ?? Seats;
}
