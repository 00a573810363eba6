namespace Prorata.Data.Receivables;

/// <summary>A customer's unused credit in one currency (from overpayments and credit notes), computed with the receivables.</summary>
public sealed class CustomerCredit
{
    public Guid CustomerId { get; set; }

    public required string Currency { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
