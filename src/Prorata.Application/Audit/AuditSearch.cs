using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Audit;

namespace Prorata.Application.Audit;

/// <summary>Reads the audit log for the page, the API and the command line: filtered, newest first; nothing written.</summary>
public sealed class AuditSearch(ProrataDbContext db)
{
    private const int ExportChunk = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AuditPage> ListAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new AuditPage([.. entries.Select(View)], total, filter.Page, filter.PageSize);
    }

    /// <summary>Every entry the filter matches (paging aside), newest first, read a thousand at a time for an export.</summary>
    public async IAsyncEnumerable<AuditView> AllAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? before = null;
        while (true)
        {
            var query = Filtered(filter);
            if (before is { } last) query = query.Where(e => e.Id < last);
            var chunk = await query.OrderByDescending(e => e.Id).Take(ExportChunk).ToListAsync(cancellationToken);
            foreach (var entry in chunk) yield return View(entry);
            if (chunk.Count < ExportChunk) yield break;
            before = chunk[^1].Id;
        }
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditLog.AsNoTracking();
        if (filter.EntityType is { } type) query = query.Where(e => e.EntityType == type);
        if (filter.EntityId is { } id) query = query.Where(e => e.EntityId == id);
        if (filter.Actor is { } actor) query = query.Where(e => e.Actor == actor);
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }
        if (filter.Text is { } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(e => (e.Label != null && e.Label.ToLower().Contains(lower)) || e.Actor.ToLower().Contains(lower));
        }
        return query;
    }

    private static AuditView View(AuditEntry e) =>
        new(e.Id, e.At, e.Actor, e.EntityType, e.EntityId, e.Label, e.Action, JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? []);
}
