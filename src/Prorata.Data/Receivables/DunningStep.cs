using Prorata.Domain.Receivables;

namespace Prorata.Data.Receivables;

/// <summary>
/// What dunning did, once: a reminder of an invoice for one step (<see cref="Days"/> after its due date; unique per
/// invoice and step, so a reminder is never sent twice), a credit hold, or its lift.
/// </summary>
public sealed class DunningStep
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public DunningActionKind Kind { get; set; }

    public Guid? InvoiceId { get; set; }

    public int? Days { get; set; }

    /// <summary>When the rule said it happens (00:00 of due + days for a reminder); <see cref="RecordedAt"/> is when Prorata did it.</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
