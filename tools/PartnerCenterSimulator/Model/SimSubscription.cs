using PartnerCenterSimulator.Catalog;

namespace PartnerCenterSimulator.Model;

/// <summary>
/// An NCE license-based subscription as Microsoft holds it. <see cref="TermEnd"/> is inclusive (commitmentEndDate);
/// <see cref="TermStartedAt"/> is the purchase or renewal transaction time that opens the 168-hour cancellation window.
/// </summary>
public sealed class SimSubscription
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required CatalogOffer Offer { get; set; }

    public required string FriendlyName { get; set; }

    public required int Quantity { get; set; }

    public string Status { get; set; } = "active";

    public bool AutoRenew { get; set; } = true;

    public required string TermDuration { get; set; }

    public required string BillingCycle { get; set; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset TermStartedAt { get; set; }

    public required DateOnly TermStart { get; set; }

    public required DateOnly TermEnd { get; set; }

    /// <summary>Price of the whole term locked at purchase or renewal (§1.2 price lock).</summary>
    public required decimal TermUnitPrice { get; set; }

    public string Currency { get; init; } = "USD";

    public List<SeatBatch> Batches { get; } = [];

    public ScheduledChange? Scheduled { get; set; }

    public string? MigratedFromSubscriptionId { get; init; }

    public required string OrderId { get; set; }

    public int Version { get; set; } = 1;

    public DateTimeOffset? RenewalProcessingUntil { get; set; }

    /// <summary>Index of the next charge cycle of the current term to bill (0 is billed by the purchase or renewal line).</summary>
    public int NextCycleIndex { get; set; } = 1;

    public DateTimeOffset CancellationAllowedUntil => TermStartedAt.AddHours(168);

    public bool IsLive => Status is "active" or "suspended";

    public string ETag => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Id}:{Version}"));

    public int RefundableQuantity(DateTimeOffset now) => Batches.Where(b => b.AllowedUntil > now).Sum(b => b.Quantity);
}
