namespace Prorata.Data.Commissions;

/// <summary>
/// A salesperson's statement of a calendar month once approved: the entries it pays are kept as they were approved
/// (<see cref="Entries"/>), so a later change to an invoice, a payment or a plan never alters it; what changes afterwards
/// goes into the next open statement as a late entry. An open statement is never stored.
/// </summary>
public sealed class CommissionStatement
{
    public Guid Id { get; set; }

    public Guid SalespersonId { get; set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }

    public CommissionStatementState State { get; set; }

    public required string ApprovedBy { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public string? PaidBy { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>How it was paid (a payroll run, a transfer reference).</summary>
    public string? PaidReference { get; set; }

    public List<CommissionStatementEntry> Entries { get; set; } = [];
}
