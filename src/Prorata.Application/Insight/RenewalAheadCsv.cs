using System.Globalization;

namespace Prorata.Application.Insight;

/// <summary>The renewals ahead as the API's export and the command line write them: one header, the same cells.</summary>
public static class RenewalAheadCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "RenewsOn", "Customer", "ContractId", "SubscriptionId", "Subscription", "ProductId", "SkuId", "Term", "BillingPlan", "SeatsPurchased", "SeatsScheduled",
        "SeatsAssigned", "LicensesReadAt", "UnitPrice", "Currency", "Suggestion", "SuggestedSeats", "SuggestionText",
    ];

    /// <summary>A row's cells; the price stays a number for the writer to put in its currency's precision.</summary>
    public static IReadOnlyList<object?> Cells(RenewalAheadRow r) =>
    [
        r.RenewsOn, r.CustomerName, r.ContractId.ToString(), r.SubscriptionId.ToString(), r.Title, r.ProductId, r.SkuId, r.Term, r.BillingPlan, r.SeatsPurchased,
        r.SeatsScheduled, r.SeatsAssigned, r.LicensesReadAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.UnitPrice, r.Currency,
        r.Suggestion, r.SuggestedSeats, r.SuggestionText,
    ];
}
