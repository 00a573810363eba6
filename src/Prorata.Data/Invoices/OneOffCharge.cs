namespace Prorata.Data.Invoices;

/// <summary>
/// A charge or credit Finance adds to a contract's next invoice (an onboarding workshop, a goodwill credit): the next
/// billing run puts it on the invoice as a line with its reason. Negative is a credit. Unbilled while
/// <see cref="InvoiceId"/> is null; voiding the invoice makes it billable again.
/// </summary>
public sealed class OneOffCharge
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The contract's subscription the charge relates to: every invoice line belongs to one.</summary>
    public Guid SubscriptionId { get; set; }

    /// <summary>The reason, printed on the invoice as the line's text.</summary>
    public required string Description { get; set; }

    /// <summary>In the contract's currency and its precision; never zero, negative for a credit.</summary>
    public decimal Amount { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The invoice that billed it; null until a billing run does.</summary>
    public Guid? InvoiceId { get; set; }
}
