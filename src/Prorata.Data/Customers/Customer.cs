using Prorata.Domain.Customers;
using Prorata.Domain.Parties;

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

    /// <summary>A staff member's credit hold: stays until staff lift it. No new provisioning while set; billing continues (billing-rules §4).</summary>
    public bool CreditHold { get; set; }

    /// <summary>Dunning's credit hold: set when an invoice is unpaid past its contract's hold day, lifted the moment none is (billing-rules §5).</summary>
    public bool DunningHold { get; set; }

    public DateTimeOffset? DunningHoldSince { get; set; }

    /// <summary>On hold for either reason: purchases and increases wait for provisioning.</summary>
    public bool OnHold => CreditHold || DunningHold;

    public string? BillingLine1 { get; set; }
    public string? BillingLine2 { get; set; }
    public string? BillingCity { get; set; }
    public string? BillingPostalCode { get; set; }
    public string? BillingRegion { get; set; }
    /// <summary>ISO 3166-1 alpha-2; with the region it decides the tax (billing-rules §5).</summary>
    public string? BillingCountry { get; set; }

    public string? ServiceLine1 { get; set; }
    public string? ServiceLine2 { get; set; }
    public string? ServiceCity { get; set; }
    public string? ServicePostalCode { get; set; }
    public string? ServiceRegion { get; set; }
    public string? ServiceCountry { get; set; }

    /// <summary>VAT or sales-tax number; an EU business customer in another member state needs it for a reverse charge.</summary>
    public string? TaxId { get; set; }

    public bool TaxExempt { get; set; }

    public string? TaxExemptionCertificate { get; set; }

    /// <summary>More addresses that receive the invoices, comma-separated.</summary>
    public string? AdditionalBillingEmails { get; set; }

    public string PreferredLanguage { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every update; an update that carries an older version is a conflict.</summary>
    public int Version { get; set; }

    public PostalAddress? BillingAddress =>
        BillingLine1 is null || BillingCity is null || BillingPostalCode is null || BillingCountry is null
            ? null : new(BillingLine1, BillingLine2, BillingCity, BillingPostalCode, BillingRegion, BillingCountry);

    public PostalAddress? ServiceAddress =>
        ServiceLine1 is null || ServiceCity is null || ServicePostalCode is null || ServiceCountry is null
            ? null : new(ServiceLine1, ServiceLine2, ServiceCity, ServicePostalCode, ServiceRegion, ServiceCountry);

    /// <summary>Everyone who receives the invoices: the billing e-mail first, then the others.</summary>
    public IReadOnlyList<string> InvoiceRecipients =>
        [BillingEmail, .. (AdditionalBillingEmails ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public CustomerBillingProfile Profile =>
        new(BillingAddress, ServiceAddress, TaxId, TaxExempt, TaxExemptionCertificate, InvoiceRecipients.Skip(1).ToList(), PreferredLanguage);

    public void SetProfile(CustomerBillingProfile profile)
    {
        (BillingLine1, BillingLine2, BillingCity, BillingPostalCode, BillingRegion, BillingCountry) = Columns(profile.BillingAddress);
        (ServiceLine1, ServiceLine2, ServiceCity, ServicePostalCode, ServiceRegion, ServiceCountry) = Columns(profile.ServiceAddress);
        TaxId = profile.TaxId;
        TaxExempt = profile.TaxExempt;
        TaxExemptionCertificate = profile.TaxExemptionCertificate;
        AdditionalBillingEmails = profile.AdditionalBillingEmails.Count == 0 ? null : string.Join(",", profile.AdditionalBillingEmails);
        PreferredLanguage = profile.PreferredLanguage;
    }

    private static (string?, string?, string?, string?, string?, string?) Columns(PostalAddress? a) =>
        (a?.Line1, a?.Line2, a?.City, a?.PostalCode, a?.Region, a?.Country);
}
