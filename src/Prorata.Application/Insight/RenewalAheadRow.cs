namespace Prorata.Application.Insight;

/// <summary>
/// A subscription renewing soon, as the page, the API and the export show it: the renewal (day, term, plan), its seats
/// (purchased, scheduled, and its share of the licenses assigned in its tenant, read at <see cref="LicensesReadAt"/>; with
/// the SKU's assigned licenses and how many Prorata subscriptions share them), the customer's price per charge cycle it
/// will renew at (null when nothing prices it) and the suggestion: <see cref="Suggestion"/> is noLicenseData, renewAsIs,
/// schedule or scheduled; <see cref="SuggestedSeats"/> the seats to renew with.
/// </summary>
public sealed record RenewalAheadRow(
    Guid SubscriptionId,
    string Title,
    string ProductId,
    string SkuId,
    Guid CustomerId,
    string CustomerName,
    Guid ContractId,
    DateOnly RenewsOn,
    string Term,
    string BillingPlan,
    int SeatsPurchased,
    int? SeatsScheduled,
    int? SeatsAssigned,
    int? SkuAssigned,
    int? SkuSubscriptions,
    DateTimeOffset? LicensesReadAt,
    decimal? UnitPrice,
    string Currency,
    bool PricedAtErp,
    string Suggestion,
    int? SuggestedSeats,
    string SuggestionText,
    string? TermNote);
