namespace Prorata.Application.Billing;

/// <summary>A stored invoice line as the ledger needs it, in the order it was billed.</summary>
public sealed record BilledLine(Guid ContractId, DateOnly BillingDate, DateTimeOffset CreatedAt, int Position, Guid SubscriptionId, string? Origin, decimal Quantity, decimal Amount,
    string ProductId, string SkuId, decimal? Cost);
