using Prorata.Data.Customers;
using Prorata.Domain.Customers;
using Prorata.Web.Infrastructure.Forms;

namespace Prorata.Web.Features.Customers;

/// <summary>The customer form's fields; property names match the API's field names so refusals land next to their field.</summary>
public sealed class CustomerForm
{
    public string? Name { get; set; }

    public string? Currency { get; set; } = "USD";

    public string? BillingEmail { get; set; }

    public string? ParentCustomerId { get; set; }

    public bool CreditHold { get; set; }

    public AddressForm BillingAddress { get; set; } = new();

    public AddressForm ServiceAddress { get; set; } = new();

    public string? TaxId { get; set; }

    public bool TaxExempt { get; set; }

    public string? TaxExemptionCertificate { get; set; }

    /// <summary>More addresses that receive the invoices, comma-separated.</summary>
    public string? AdditionalBillingEmails { get; set; }

    public string? PreferredLanguage { get; set; } = "en";

    public int Version { get; set; }

    public static CustomerForm From(Customer c) => new()
    {
        Name = c.Name,
        Currency = c.Currency,
        BillingEmail = c.BillingEmail,
        ParentCustomerId = c.ParentCustomerId?.ToString(),
        CreditHold = c.CreditHold,
        BillingAddress = AddressForm.From(c.BillingAddress),
        ServiceAddress = AddressForm.From(c.ServiceAddress),
        TaxId = c.TaxId,
        TaxExempt = c.TaxExempt,
        TaxExemptionCertificate = c.TaxExemptionCertificate,
        AdditionalBillingEmails = c.AdditionalBillingEmails?.Replace(",", ", ", StringComparison.Ordinal),
        PreferredLanguage = c.PreferredLanguage,
        Version = c.Version,
    };

    /// <summary>An unparseable parent id is kept as the empty id, which the rules refuse by name.</summary>
    public CustomerDraft ToDraft() => new(
        Name,
        Currency,
        BillingEmail,
        string.IsNullOrWhiteSpace(ParentCustomerId) ? null : Guid.TryParse(ParentCustomerId, out var id) ? id : Guid.Empty,
        CreditHold)
    {
        BillingAddress = (BillingAddress ?? new()).ToDraft(),
        ServiceAddress = (ServiceAddress ?? new()).ToDraft(),
        TaxId = TaxId,
        TaxExempt = TaxExempt,
        TaxExemptionCertificate = TaxExemptionCertificate,
        AdditionalBillingEmails = (AdditionalBillingEmails ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        PreferredLanguage = PreferredLanguage,
    };
}
