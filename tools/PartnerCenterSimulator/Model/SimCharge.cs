namespace PartnerCenterSimulator.Model;

/// <summary>
/// One line of the NCE invoice reconciliation file (§2.1) for a charge the simulator made. Amounts are signed
/// (refunds negative); <see cref="UnitPrice"/> is per charge cycle.
/// </summary>
public sealed record SimCharge(
    string CustomerId,
    string CustomerName,
    string CustomerDomainName,
    string CustomerCountry,
    string OrderId,
    DateTimeOffset OrderDate,
    string ProductId,
    string SkuId,
    string AvailabilityId,
    string SkuName,
    string ProductName,
    string ChargeType,
    decimal UnitPrice,
    int Quantity,
    decimal Subtotal,
    decimal TaxTotal,
    decimal Total,
    string Currency,
    string SubscriptionId,
    string SubscriptionDescription,
    DateOnly ChargeStartDate,
    DateOnly ChargeEndDate,
    string TermAndBillingCycle,
    decimal EffectiveUnitPrice,
    int BillableQuantity,
    string BillingFrequency,
    DateOnly SubscriptionStartDate,
    DateOnly SubscriptionEndDate,
    string ReferenceId);
