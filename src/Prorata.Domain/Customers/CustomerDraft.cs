using Prorata.Domain.Parties;

namespace Prorata.Domain.Customers;

/// <summary>A customer as a person or an API caller typed it, before validation. The billing profile's fields are optional.</summary>
public sealed record CustomerDraft(string? Name, string? Currency, string? BillingEmail, Guid? ParentCustomerId, bool? CreditHold)
{
    public PostalAddressDraft? BillingAddress { get; init; }
    public PostalAddressDraft? ServiceAddress { get; init; }
    public string? TaxId { get; init; }
    public bool? TaxExempt { get; init; }
    public string? TaxExemptionCertificate { get; init; }
    public IReadOnlyList<string>? AdditionalBillingEmails { get; init; }
    public string? PreferredLanguage { get; init; }
}
