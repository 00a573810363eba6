using System.Globalization;
using Prorata.Application.Commissions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Commissions;

/// <summary>A statement as the API writes it; <c>entries</c> only when one statement is asked for.</summary>
public sealed record CommissionStatementResponse(Guid SalespersonId, string Salesperson, string Month, string State, IReadOnlyList<CommissionTotal> Totals,
    int EntryCount, int CostUnknown, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? PaidBy, DateTimeOffset? PaidAt, string? PaidReference,
    IReadOnlyList<CommissionEntryResponse>? Entries)
{
    public static CommissionStatementResponse From(CommissionStatementView s, bool withEntries) =>
        new(s.SalespersonId, s.SalespersonName, s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), EnumText.ToWire(s.State), s.Totals, s.Entries.Count,
            s.CostUnknown, s.ApprovedBy, s.ApprovedAt, s.PaidBy, s.PaidAt, s.PaidReference,
            withEntries ? s.Entries.Select(CommissionEntryResponse.From).ToList() : null);
}
