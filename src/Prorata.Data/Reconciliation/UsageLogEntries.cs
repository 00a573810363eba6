using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Usage enters the billing engine as change-log usage entries: one per Azure plan, day and meter, all dated when
/// Prorata learned of them (so a billing run dated D bills what was known at D 00:00), each plan's sequence continued.
/// </summary>
internal static class UsageLogEntries
{
    private const string Copy = """
        COPY "LicenseChangeLog" ("SubscriptionId", "Sequence", "Type", "At", "RecordedAt", "Actor", "Source", "UsageDate", "Meter", "Cost", "Retail",
            "AwaitingProvisioning") FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Appends the entries in the caller's transaction. The plans' sequences are taken first (their change count is a
    /// concurrency token, so a staff change racing for a plan fails the import); on PostgreSQL the entries then go in by
    /// binary COPY, since a month of a thousand Azure plans is hundreds of thousands of them.
    /// </summary>
    public static async Task AppendAsync(ProrataDbContext db, Dictionary<(Guid Plan, DateOnly Day, string Meter), (decimal Cost, decimal Retail)> days,
        DateTimeOffset at, string actor, CancellationToken cancellationToken)
    {
        var planIds = days.Keys.Select(k => k.Plan).Distinct().ToList();
        var subscriptions = await db.Subscriptions.Where(s => planIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var entries = new List<LicenseChangeEntry>(days.Count);
        foreach (var ((plan, day, meter), (cost, retail)) in days.OrderBy(d => d.Key.Plan).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Meter, StringComparer.Ordinal))
        {
            entries.Add(ChangeLog.Number(subscriptions[plan], new LicenseChangeEntry
            {
                Type = SubscriptionEventType.Usage,
                At = at,
                RecordedAt = at,
                Actor = actor,
                Source = ChangeSource.UsageFile,
                UsageDate = day,
                Meter = meter,
                Cost = cost,
                Retail = retail,
            }, snapshot: null));
        }
        if (!db.Database.IsNpgsql())
        {
            db.LicenseChangeLog.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await using var copy = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var entry in entries)
        {
            copy.StartRow();
            copy.Write(entry.SubscriptionId, NpgsqlDbType.Uuid);
            copy.Write(entry.Sequence, NpgsqlDbType.Integer);
            copy.Write(nameof(SubscriptionEventType.Usage), NpgsqlDbType.Varchar);
            copy.Write(entry.At, NpgsqlDbType.TimestampTz);
            copy.Write(entry.RecordedAt, NpgsqlDbType.TimestampTz);
            copy.Write(entry.Actor, NpgsqlDbType.Varchar);
            copy.Write(nameof(ChangeSource.UsageFile), NpgsqlDbType.Varchar);
            copy.Write(entry.UsageDate!.Value, NpgsqlDbType.Date);
            copy.Write(entry.Meter!, NpgsqlDbType.Varchar);
            copy.Write(entry.Cost!.Value, NpgsqlDbType.Numeric);
            copy.Write(entry.Retail!.Value, NpgsqlDbType.Numeric);
            copy.Write(false, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The meter a row is summed under: its id, or its name when the file has no id.</summary>
    public static string MeterOf(string meterId, string meterName) => meterId.Length > 0 ? meterId : meterName;
}
