namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// A billed or unbilled NCE line (§2.1 recon fields). Amounts keep Microsoft's sign (refunds negative) and are never
/// recomputed here; <see cref="ChargeType"/> keeps Microsoft's spelling, to be read case-insensitively.
/// </summary>
public sealed record InvoiceLineItem(
    string? InvoiceNumber,
    string CustomerId,
    string? CustomerName,
    string? OrderId,
    DateTimeOffset? OrderDate,
    string ProductId,
    string SkuId,
    string? AvailabilityId,
    string? SkuName,
    string ChargeType,
    decimal UnitPrice,
    decimal EffectiveUnitPrice,
    int Quantity,
    int BillableQuantity,
    decimal Subtotal,
    decimal TaxTotal,
    decimal Total,
    string Currency,
    string SubscriptionId,
    DateOnly? ChargeStartDate,
    DateOnly? ChargeEndDate,
    DateOnly? SubscriptionStartDate,
    DateOnly? SubscriptionEndDate,
    string? TermAndBillingCycle,
    string? BillingFrequency,
    string? ReferenceId,
    string? PromotionId);
