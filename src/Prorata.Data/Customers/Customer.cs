namespace Prorata.Data.Customers;

/// <summary>A company the partner resells Microsoft cloud services to and invoices.</summary>
public sealed class Customer
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 4217 code of the currency the customer is normally billed in; each contract names its own.</summary>
    public required string Currency { get; set; }

    public required string BillingEmail { get; set; }

    /// <summary>The customer this one belongs to (a subsidiary under its group), if any.</summary>
    public Guid? ParentCustomerId { get; set; }

    public Customer? ParentCustomer { get; set; }

    /// <summary>No new provisioning while set; billing continues (billing-rules §4).</summary>
    public bool CreditHold { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every update; an update that carries an older version is a conflict.</summary>
    public int Version { get; set; }
}
