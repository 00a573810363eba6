namespace Prorata.Data.Receivables;

/// <summary>A provider's webhook event, recorded once by its id: a second delivery of the same event does nothing.</summary>
public sealed class ProviderEvent
{
    public PaymentProvider Provider { get; set; }

    public required string EventId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
