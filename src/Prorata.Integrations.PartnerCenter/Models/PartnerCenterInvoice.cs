namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>An invoice header (§4.6); the billing period ends are inclusive dates.</summary>
public sealed record PartnerCenterInvoice(
    string Id,
    DateOnly InvoiceDate,
    DateOnly BillingPeriodStart,
    DateOnly BillingPeriodEnd,
    decimal TotalCharges,
    string CurrencyCode,
    string? DocumentType);
