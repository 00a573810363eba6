using Microsoft.EntityFrameworkCore;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Reconciliation;

/// <summary>
/// Withdraws a stored recon import (a wrong file, another partner's, a file imported before the data it needed): it is
/// kept and listed as withdrawn for audit, with who, when and why, but stops counting: the latest reconciliation,
/// reconciled gross profit and the work items raised again at start skip it, and the open work items it raised are
/// resolved in the same save, naming the withdrawal.
/// </summary>
public sealed class ReconImportWithdrawal(ProrataDbContext db, TimeProvider time)
{
    public const int MaxReasonLength = 1024;

    public async Task<SaveResult<ReconImport>> WithdrawAsync(Guid id, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            return SaveResult<ReconImport>.Invalid(new Dictionary<string, string[]>
            {
                ["reason"] = [$"reason is required (at most {MaxReasonLength} characters): say why the import no longer counts."],
            });
        }
        var import = await db.ReconImports.FirstOrDefaultAsync(i => i.Id == id && i.Rows != ReconImport.Unfinished, cancellationToken);
        if (import is null) return SaveResult<ReconImport>.NotFound($"No reconciliation import has id '{id}'.");
        if (import.WithdrawnAt is { } at)
            return SaveResult<ReconImport>.Conflict($"{import.FileName} was withdrawn on {at:yyyy-MM-dd} by {import.WithdrawnBy}; nothing was changed.");
        import.WithdrawnAt = time.GetUtcNow();
        import.WithdrawnBy = actor;
        import.WithdrawalReason = reason.Trim();
        // The import's items are subjects "{id}/{row}" (a line) and "{id}#…" (a missing charge, a count of the rest).
        var (line, other) = ($"{id}/", $"{id}#");
        var raised = db.WorkItems.Where(w => w.Kind == WorkItemKind.ReconDiscrepancy && w.SubjectId != null
            && (w.SubjectId.StartsWith(line) || w.SubjectId.StartsWith(other)));
        await new WorkItemRaiser(db, time).SettleAsync(raised, new HashSet<string>(), actor,
            $"The recon import {import.FileName} was withdrawn: {import.WithdrawalReason}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ReconImport>.Saved(import);
    }
}
