using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// How far the activity log has been read: the latest operation date applied and the ids of the records applied in the
/// overlap before it. The audit API filters by whole dates and records can show up a little late, so each pull re-reads
/// from the overlap and skips the ids already applied; that is what makes a sync safe to run twice or to resume.
/// </summary>
public sealed record SyncCursor(DateTimeOffset? LastOperationDate, IReadOnlySet<string> RecentRecordIds)
{
    /// <summary>Records this close before the last one applied are re-read on the next pull.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    public static SyncCursor Empty { get; } = new(null, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The startDate to ask for; the first sync reads the 90 days Microsoft keeps.</summary>
    public DateOnly StartDate(DateTimeOffset now) =>
        DateOnly.FromDateTime(((LastOperationDate ?? now.AddDays(-89)) - Overlap).UtcDateTime);

    public bool HasApplied(PartnerCenterAuditRecord record) =>
        RecentRecordIds.Contains(record.Id) || (LastOperationDate is { } last && record.OperationDate < last - Overlap);

    /// <summary>The cursor after <paramref name="record"/> is applied; persist it in the same transaction as the changes.</summary>
    public SyncCursor Advance(PartnerCenterAuditRecord record)
    {
        var last = LastOperationDate is { } current && current > record.OperationDate ? current : record.OperationDate;
        var ids = new HashSet<string>(RecentRecordIds, StringComparer.Ordinal) { record.Id };
        return new SyncCursor(last, ids);
    }

    /// <summary>Drops ids that have fallen out of the overlap, so the cursor stays small.</summary>
    public SyncCursor Compact(IEnumerable<PartnerCenterAuditRecord> recordsSeen)
    {
        if (LastOperationDate is not { } last)
        {
            return this;
        }
        var keep = recordsSeen.Where(r => r.OperationDate >= last - Overlap && RecentRecordIds.Contains(r.Id)).Select(r => r.Id);
        return this with { RecentRecordIds = new HashSet<string>(keep, StringComparer.Ordinal) };
    }
}
