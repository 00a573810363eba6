namespace Prorata.Integrations.Stripe;

/// <summary>What became of a charge: <see cref="ChargeSucceeded"/>, <see cref="ChargeProcessing"/>, <see cref="ChargeDeclined"/> or <see cref="ChargeRequiresAction"/>.</summary>
public abstract record ChargeResult;
