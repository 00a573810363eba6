using System.Collections.Concurrent;
using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// The reading half of sync. A full pull lists every customer and its subscriptions; an incremental pull reads the
/// activity log since the cursor and re-reads only the subscriptions it names. Subscriptions are read a few customers at
/// a time: Partner Center allows 500 requests a minute per tenant (§4), and the client waits out any 429.
/// </summary>
public sealed class PartnerCenterPull(IPartnerCenter partnerCenter, TimeProvider time)
{
    public async Task<PullResult> FullAsync(SyncCursor cursor, int parallelism, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var customers = new List<PartnerCenterCustomer>();
        await foreach (var customer in partnerCenter.GetCustomersAsync(cancellationToken))
        {
            customers.Add(customer);
        }
        progress?.Report(new SyncProgress("customers", customers.Count, customers.Count));
        var subscriptions = new ConcurrentBag<IReadOnlyList<PartnerCenterSubscription>>();
        var done = 0;
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (customer, ct) =>
        {
            subscriptions.Add(await partnerCenter.GetSubscriptionsAsync(customer.Id, ct));
            var count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == customers.Count)
            {
                progress?.Report(new SyncProgress("subscriptions", count, customers.Count));
            }
        });
        var records = await AuditRecordsAsync(cursor, startedAt, cancellationToken);
        return new PullResult(customers, [.. subscriptions.SelectMany(s => s)], records, true, startedAt);
    }

    public async Task<PullResult> IncrementalAsync(SyncCursor cursor, int parallelism, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var records = await AuditRecordsAsync(cursor, startedAt, cancellationToken);
        var touched = records
            .Where(r => !cursor.HasApplied(r) && r.SubscriptionId is not null && !string.IsNullOrEmpty(r.CustomerId))
            .Select(r => (r.CustomerId, SubscriptionId: r.SubscriptionId!))
            .Distinct()
            .ToList();
        var subscriptions = new ConcurrentBag<PartnerCenterSubscription>();
        var done = 0;
        await Parallel.ForEachAsync(touched, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (key, ct) =>
        {
            if (await partnerCenter.GetSubscriptionAsync(key.CustomerId, key.SubscriptionId, ct) is { } s)
            {
                subscriptions.Add(s);
            }
            progress?.Report(new SyncProgress("subscriptions", Interlocked.Increment(ref done), touched.Count));
        });
        return new PullResult([], [.. subscriptions], records, false, startedAt);
    }

    private async Task<IReadOnlyList<PartnerCenterAuditRecord>> AuditRecordsAsync(SyncCursor cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = new List<PartnerCenterAuditRecord>();
        await foreach (var record in partnerCenter.GetAuditRecordsAsync(cursor.StartDate(now), null, cancellationToken))
        {
            records.Add(record);
        }
        return records;
    }
}
