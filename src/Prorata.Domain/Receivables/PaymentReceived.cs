namespace Prorata.Domain.Receivables;

/// <summary>Money a customer paid, received at <see cref="At"/>; <see cref="Invoice"/> is the invoice it names, if any.</summary>
public sealed record PaymentReceived(string Key, string CustomerId, string Currency, decimal Amount, DateTimeOffset At, string? Invoice = null);
