using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Reconciliation;

/// <summary>
/// What a stored reconciliation found, as work items: every discrepancy line (with its root cause), every charge
/// Prorata expected and Microsoft did not bill, and every matched Microsoft charge no customer invoice line covers
/// (revenue leak), each with its money at stake in the file's currency. Written set-based, since a file has up to
/// millions of lines, and idempotently: running it again for an import adds nothing, so a stop between the import's
/// commit and this step is repaired by running it again at start.
/// </summary>
public static class ReconWorkItems
{
    private const string Lines = """
        INSERT INTO "WorkItems" ("Kind", "Code", "State", "DedupeKey", "Message", "AmountAtStake", "Currency", "SubjectKind", "SubjectId",
            "PartnerCenterCustomerId", "PartnerCenterSubscriptionId", "RaisedAt", "LastSeenAt", "Occurrences")
        SELECT 'ReconDiscrepancy', l."State", 'Open', 'ReconDiscrepancy|' || l."State" || '|ReconLine|' || {0} || '/' || l."Row",
               substr('Row ' || l."Row" || ' of ' || {1} || ' (' || l."ChargeType" || ', ' || l."SubscriptionId" || '): ' || l."State"
                   || COALESCE(' — ' || l."Cause", ''), 1, 2048),
               l."MoneyAtStake", l."Currency", 'ReconLine', {0} || '/' || l."Row", substr(l."CustomerId", 1, 64), substr(l."SubscriptionId", 1, 64), {2}, {2}, 1
        FROM "ReconImportLines" l
        WHERE l."ImportId" = {3} AND l."State" <> 'Matched' AND l."Row" <= {4}
          AND NOT EXISTS (SELECT 1 FROM "WorkItems" w WHERE w."DedupeKey" = 'ReconDiscrepancy|' || l."State" || '|ReconLine|' || {0} || '/' || l."Row")
        """;

    private const string Unbilled = """
        INSERT INTO "WorkItems" ("Kind", "Code", "State", "DedupeKey", "Message", "AmountAtStake", "Currency", "SubjectKind", "SubjectId",
            "PartnerCenterCustomerId", "PartnerCenterSubscriptionId", "RaisedAt", "LastSeenAt", "Occurrences")
        SELECT 'ReconDiscrepancy', 'UnbilledRevenue', 'Open', 'ReconDiscrepancy|UnbilledRevenue|ReconLine|' || {0} || '/' || u."Row",
               substr('Row ' || u."Row" || ' of ' || {1} || ': Microsoft charged ' || l."SubscriptionId" || ' for ' || u."UncoveredDays"
                   || ' day(s) no customer invoice line covers; bill them or explain why not.', 1, 2048),
               u."Amount", l."Currency", 'ReconLine', {0} || '/' || u."Row", substr(l."CustomerId", 1, 64), substr(l."SubscriptionId", 1, 64), {2}, {2}, 1
        FROM "ReconImportUnbilled" u JOIN "ReconImportLines" l ON l."ImportId" = u."ImportId" AND l."Row" = u."Row"
        WHERE u."ImportId" = {3} AND l."State" = 'Matched' AND u."Row" <= {4}
          AND NOT EXISTS (SELECT 1 FROM "WorkItems" w WHERE w."DedupeKey" = 'ReconDiscrepancy|UnbilledRevenue|ReconLine|' || {0} || '/' || u."Row")
        """;

    private const string Missing = """
        INSERT INTO "WorkItems" ("Kind", "Code", "State", "DedupeKey", "Message", "AmountAtStake", "Currency", "SubjectKind", "SubjectId",
            "PartnerCenterSubscriptionId", "RaisedAt", "LastSeenAt", "Occurrences")
        SELECT 'ReconDiscrepancy', 'MissingCharge', 'Open', 'ReconDiscrepancy|MissingCharge|ReconImport|' || {0} || '#missing-' || m."Ordinal",
               substr('Not in ' || {1} || ': the ' || m."ChargeType" || ' of ' || m."Subscription" || ' that Prorata expected — ' || m."Cause", 1, 2048),
               m."Total", m."Currency", 'ReconImport', {0} || '#missing-' || m."Ordinal", substr(m."Subscription", 1, 64), {2}, {2}, 1
        FROM "ReconImportMissing" m
        WHERE m."ImportId" = {3} AND m."Ordinal" < {5}
          AND NOT EXISTS (SELECT 1 FROM "WorkItems" w WHERE w."DedupeKey" = 'ReconDiscrepancy|MissingCharge|ReconImport|' || {0} || '#missing-' || m."Ordinal")
        """;

    /// <summary>
    /// Items raised one by one per import and per source; a file of millions of unknown lines is a data problem of its
    /// own, so the rest of it is one item per currency counting them, with their money at stake.
    /// </summary>
    public const int MaxItemsPerSource = 5_000;

    /// <summary>Raises the import's items; returns how many were newly opened.</summary>
    public static async Task<int> RaiseAsync(ProrataDbContext db, Guid importId, string fileName, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        object at = db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)! : now;
        var id = importId.ToString();
        var lines = db.ReconImportLines.AsNoTracking().Where(l => l.ImportId == importId);
        var lastDiscrepancy = await RowCapAsync(lines.Where(l => l.State != Matched).Select(l => l.Row), cancellationToken);
        var lastUnbilled = await RowCapAsync(db.ReconImportUnbilled.AsNoTracking().Where(u => u.ImportId == importId)
            .Join(lines.Where(l => l.State == Matched), u => u.Row, l => l.Row, (u, _) => u.Row), cancellationToken);
        var raised = 0;
        foreach (var (sql, cap) in new[] { (Lines, lastDiscrepancy), (Unbilled, lastUnbilled), (Missing, 0L) })
            raised += await db.Database.ExecuteSqlRawAsync(sql, [id, fileName, at, importId, cap, MaxItemsPerSource], cancellationToken);

        var rest = await lines.Where(l => l.State != Matched && l.Row > lastDiscrepancy)
            .GroupBy(l => l.Currency).Select(g => new { Currency = g.Key, Lines = g.Count(), AtStake = g.Sum(l => l.MoneyAtStake) })
            .ToListAsync(cancellationToken);
        if (rest.Count == 0) return raised;
        var workItems = new WorkItemRaiser(db, time);
        var more = await workItems.RaiseAllAsync(rest.Select(r => new WorkItemDraft(WorkItemKind.ReconDiscrepancy, "MoreDiscrepancies", WorkItemSubject.ReconImport,
            $"{id}#more-{r.Currency}",
            $"{fileName} has {r.Lines:N0} more {r.Currency} discrepancies after its first {MaxItemsPerSource:N0}, listed on the import's page: "
            + "so many usually means the file belongs to another partner or Prorata's data is missing a customer.")
        {
            AmountAtStake = r.AtStake,
            Currency = r.Currency,
        }).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return raised + more.Opened;
    }

    private const string Matched = "Matched";

    /// <summary>The row of the last item raised one by one: the <see cref="MaxItemsPerSource"/>-th, or every row when fewer.</summary>
    private static async Task<long> RowCapAsync(IQueryable<long> rows, CancellationToken cancellationToken) =>
        await rows.OrderBy(r => r).Skip(MaxItemsPerSource - 1).Select(r => (long?)r).FirstOrDefaultAsync(cancellationToken) ?? long.MaxValue;

    /// <summary>
    /// The last finished import's items, raised again at start: a stop right after its commit left them out. A withdrawn
    /// import raises nothing again.
    /// </summary>
    public static async Task<int> RaiseForLatestAsync(ProrataDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var latest = await db.ReconImports.AsNoTracking().Where(i => i.Rows != Data.Reconciliation.ReconImport.Unfinished && i.WithdrawnAt == null)
            .OrderByDescending(i => i.FinishedAt).Select(i => new { i.Id, i.FileName }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? 0 : await RaiseAsync(db, latest.Id, latest.FileName, time, cancellationToken);
    }
}
