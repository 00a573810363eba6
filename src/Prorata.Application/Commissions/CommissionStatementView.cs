using Prorata.Data.Commissions;

namespace Prorata.Application.Commissions;

/// <summary>
/// A salesperson's statement of a calendar month: the ledger entries payable in it and the late ones it takes over, with
/// the totals per currency. <see cref="CostUnknown"/> counts the entries that earn nothing because a margin plan met a line
/// of unknown cost.
/// </summary>
public sealed record CommissionStatementView(
    Guid SalespersonId,
    string SalespersonName,
    DateOnly Month,
    CommissionStatementState State,
    IReadOnlyList<CommissionTotal> Totals,
    int CostUnknown,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? PaidBy,
    DateTimeOffset? PaidAt,
    string? PaidReference,
    IReadOnlyList<CommissionEntry> Entries);
