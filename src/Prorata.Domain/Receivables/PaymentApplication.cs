namespace Prorata.Domain.Receivables;

/// <summary>How one payment was applied: to invoices (the one it names first, then the oldest due), the rest to credit.</summary>
public sealed record PaymentApplication(PaymentReceived Payment, IReadOnlyList<Allocation> Allocations, decimal ToCredit);
