using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Subscriptions;

/// <summary>
/// One accepted change of a subscription: immutable (the database refuses updates and deletes), timestamped, with who
/// made it and from where. The log of a contract's subscriptions in time order IS the engine's event timeline, so the
/// payload is typed columns in <see cref="SubscriptionEvent"/>'s terms rather than JSON: a billing run reads a million of
/// them without parsing.
/// </summary>
public sealed class LicenseChangeEntry
{
    /// <summary>Also the engine's event index: billing item keys of change events name it, so it never changes.</summary>
    public long Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>1, 2, 3… per subscription; unique with it.</summary>
    public int Sequence { get; set; }

    public SubscriptionEventType Type { get; set; }

    /// <summary>When the change takes effect (the NCE windows are measured from it).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When Prorata recorded it; later than <see cref="At"/> for a change synced from Partner Center after the fact.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public required string Actor { get; set; }

    public ChangeSource Source { get; set; }

    /// <summary>Seats: the purchase quantity, the new quantity, the renewal or upgrade quantity.</summary>
    public int? Quantity { get; set; }

    /// <summary>Auto-renew: of a purchase, or the new setting.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The target product of an upgrade.</summary>
    public string? ProductId { get; set; }

    /// <summary>The new, coterminous subscription a partial upgrade moves <see cref="Quantity"/> seats to.</summary>
    public Guid? NewSubscriptionId { get; set; }

    /// <summary>The target SKU of an upgrade or of a renewal change.</summary>
    public string? SkuId { get; set; }

    public TermDuration? Term { get; set; }

    public BillingPlan? BillingPlan { get; set; }

    public DateOnly? UsageDate { get; set; }

    public string? Meter { get; set; }

    public decimal? Cost { get; set; }

    public decimal? Retail { get; set; }

    /// <summary>Accepted while the customer was on credit hold: waits for provisioning at Microsoft.</summary>
    public bool AwaitingProvisioning { get; set; }
}
