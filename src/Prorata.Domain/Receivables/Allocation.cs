namespace Prorata.Domain.Receivables;

/// <summary>
/// Part of an invoice's balance settled at <see cref="At"/> by <see cref="SourceKey"/> (a payment's or credit note's key;
/// for the credit balance, the key of the payment or credit note the credit came from).
/// </summary>
public sealed record Allocation(AllocationSource Source, string SourceKey, string Invoice, decimal Amount, DateTimeOffset At);
