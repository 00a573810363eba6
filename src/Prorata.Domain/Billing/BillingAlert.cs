namespace Prorata.Domain.Billing;

/// <summary>Something billing did that a person must look at (the exceptions dashboard).</summary>
public sealed record BillingAlert(BillingAlertKind Kind, string Subscription, string Message);
