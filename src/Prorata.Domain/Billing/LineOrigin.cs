namespace Prorata.Domain.Billing;

/// <summary>The part of an invoice line that one billing item accounts for.</summary>
public readonly record struct LineOrigin(BillingItemKey Key, decimal Quantity, decimal Amount);
