namespace Prorata.Domain.Receivables;

/// <summary>
/// One dunning step at <see cref="At"/>: a reminder names its invoice and step (<see cref="Days"/> after the due date);
/// a hold names the invoice that caused it; a lift names none.
/// </summary>
public sealed record DunningAction(DateTimeOffset At, string CustomerId, DunningActionKind Kind, string? Invoice, int? Days = null);
