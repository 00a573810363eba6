namespace Prorata.Web.Features.Receivables;

/// <summary>The customer page's "reverse a payment" form: which payment, why (recordedByMistake, failed, chargedBack) and a note.</summary>
public sealed class ReversalForm
{
    public Guid PaymentId { get; set; }

    public string? Reason { get; set; } = "recordedByMistake";

    public string? Note { get; set; }
}
