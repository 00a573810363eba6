using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Reconciliation;
using Prorata.Application.Webhooks;
using Prorata.Application.WorkItems;
using Prorata.Data.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;
using DomainStatus = Prorata.Domain.Subscriptions.SubscriptionStatus;
using Prorata.Application.Subscriptions;
using SubscriptionEventType = Prorata.Domain.Subscriptions.SubscriptionEventType;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// One sync with Partner Center into Prorata's database: pull (full on the first run or when asked, else the activity
/// log since the stored cursor), plan with <see cref="SyncPlanner"/>, then apply. Each batch of changes is one
/// transaction with the cursor that covers it, so a sync stopped half-way resumes without logging anything twice. A change
/// of a linked subscription becomes an entry of its license change log with source Sync, dated when it happened in
/// Partner Center, so the next billing run bills it; a change of a subscription not yet on a contract only updates what
/// Prorata last saw of it.
/// </summary>
public sealed class PartnerCenterSync(
    ProrataDbContext db,
    IPartnerCenter partnerCenter,
    PartnerCenterCredentials credentials,
    PartnerCenterConnection connection,
    IOptions<PartnerCenterSyncOptions> options,
    SubscriptionProvisioning provisioning,
    UsageAssignment usage,
    TimeProvider time)
{
    private const string SyncActor = "Partner Center";

    private readonly WorkItemRaiser _workItems = new(db, time);

    public async Task<SyncOutcome> RunAsync(bool full, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await SyncAsync(full, progress, cancellationToken);
            // Azure plans the sync linked bill the usage imported before Prorata knew them.
            await usage.AssignWaitingAsync(cancellationToken);
            return outcome;
        }
        catch (PartnerCenterMfaRequiredException e)
        {
            // Not retried: every token from this consent lacks the claim. An exception tells the Owner to consent again.
            await RaiseAsync(new SyncIssue(SyncExceptionKind.MfaRequired, "", null, e.Message), CancellationToken.None);
            throw;
        }
    }

    private async Task RaiseAsync(SyncIssue issue, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await _workItems.RaiseAsync(SyncIssueDrafts.Draft(issue), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SyncOutcome> SyncAsync(bool full, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        await RetryWaitingAsync(cancellationToken);
        var cursor = await ReadCursorAsync(cancellationToken);
        var pull = new PartnerCenterPull(partnerCenter, time);
        var pulled = full || cursor.LastOperationDate is null
            ? await pull.FullAsync(cursor, options.Value.Parallelism, progress, cancellationToken)
            : await pull.IncrementalAsync(cursor, options.Value.Parallelism, progress, cancellationToken);
        var plan = SyncPlanner.Plan(await InputAsync(pulled, cursor, cancellationToken));
        var issues = plan.Issues.ToList();
        if (await credentials.GetStatusAsync(cancellationToken) is { ExpiringSoon: true, ExpiresAt: { } expires })
        {
            issues.Add(new SyncIssue(SyncExceptionKind.CredentialExpiring, "", null,
                $"The Partner Center refresh token expires on {expires:yyyy-MM-dd}: an Admin Agent must consent again before then (microsoft-csp §4.8)."));
        }
        progress?.Report(new SyncProgress("applying", 0, plan.Changes.Count));
        var logged = await ApplyChangesAsync(plan, pulled.AuditRecords, cursor, progress, cancellationToken);
        var raised = await FinishAsync(plan, issues, cancellationToken);
        return new SyncOutcome(pulled.IsFull, plan.NewCustomers.Count, plan.NewSubscriptions.Count, logged, raised);
    }

    /// <summary>What still waits for provisioning although its customer is off hold (a failure at the lift) goes out again.</summary>
    private async Task RetryWaitingAsync(CancellationToken cancellationToken)
    {
        var customers = await (
                from e in db.LicenseChangeLog
                join s in db.Subscriptions on e.SubscriptionId equals s.Id
                join c in db.BillingContracts on s.ContractId equals c.Id
                where e.AwaitingProvisioning && !c.Customer!.CreditHold && !c.Customer.DunningHold
                    && !db.ProvisioningRecords.Any(r => r.LicenseChangeEntryId == e.Id && (r.ProvisionedAt != null || r.PartnerCenterOrderId != null || r.PartnerCenterCartId != null))
                select c.CustomerId)
            .Distinct().ToListAsync(cancellationToken);
        foreach (var customer in customers)
        {
            await provisioning.ReleaseAsync(customer, cancellationToken);
        }
    }

    private async Task<SyncCursor> ReadCursorAsync(CancellationToken cancellationToken)
    {
        var row = await db.PartnerCenterSyncCursor.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? SyncCursor.Empty
            : new SyncCursor(row.LastOperationDate, new HashSet<string>(row.RecentRecordIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));
    }

    private async Task<SyncInput> InputAsync(PullResult pulled, SyncCursor cursor, CancellationToken cancellationToken)
    {
        var customers = await db.PartnerCenterCustomers.AsNoTracking().Select(c => c.PartnerCenterCustomerId).ToListAsync(cancellationToken);
        var links = await db.PartnerCenterSubscriptions.AsNoTracking().ToListAsync(cancellationToken);
        var linkedIds = links.Where(l => l.SubscriptionId is not null).Select(l => l.SubscriptionId!.Value).ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => linkedIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var contractIds = subscriptions.Values.Select(s => s.ContractId).Distinct().ToList();
        var contracts = await db.BillingContracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var sold = await SoldAutoRenewAsync(linkedIds, cancellationToken);
        var known = links.Select(link => link.SubscriptionId is { } id && subscriptions.TryGetValue(id, out var s)
                ? new KnownSubscription(link.PartnerCenterSubscriptionId, link.PartnerCenterCustomerId, s.Quantity, ToPartnerCenter(s.Status), s.AutoRenew,
                    HasContract: true, HasPricingStrategy: Prices(contracts[s.ContractId], s), sold.TryGetValue(s.Id, out var renews) ? renews : null,
                    s.Term?.ToString(), s.BillingPlan?.ToString().ToLowerInvariant())
                : new KnownSubscription(link.PartnerCenterSubscriptionId, link.PartnerCenterCustomerId, link.Quantity,
                    Enum.TryParse<SubscriptionStatus>(link.Status, true, out var status) ? status : SubscriptionStatus.None, link.AutoRenew,
                    HasContract: false, HasPricingStrategy: false))
            .ToList();
        return new SyncInput(customers, known, pulled.Customers, pulled.Subscriptions, pulled.AuditRecords, pulled.IsFull, cursor,
            connection.ApplicationId, pulled.StateReadAt);
    }

    /// <summary>
    /// What Prorata decided about each subscription's term end: the auto-renew of its purchase or of the last change made
    /// in Prorata (a suspension turns it off, as at Microsoft). Changes the sync imported are what Microsoft did, not what
    /// was sold, so they do not count: an auto-renew turned off in Microsoft's portal is a mismatch to look at.
    /// </summary>
    private async Task<Dictionary<Guid, bool>> SoldAutoRenewAsync(List<Guid> linked, CancellationToken cancellationToken)
    {
        var decisions = await db.LicenseChangeLog.AsNoTracking()
            .Where(e => linked.Contains(e.SubscriptionId) && e.Source != ChangeSource.Sync
                && (e.Type == SubscriptionEventType.Purchase || e.Type == SubscriptionEventType.SetAutoRenew || e.Type == SubscriptionEventType.Suspend))
            .Select(e => new { e.SubscriptionId, e.Sequence, e.Type, e.Enabled })
            .ToListAsync(cancellationToken);
        return decisions.GroupBy(e => e.SubscriptionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)! is var last && last.Type != SubscriptionEventType.Suspend && (last.Enabled ?? true));
    }

    /// <summary>A contract rule covers the subscription's product (or every product, "*") and its SKU when it names one.</summary>
    private static bool Prices(BillingContract contract, CustomerSubscription subscription) =>
        contract.PricingRules.Any(r => (r.ProductId == "*" || string.Equals(r.ProductId, subscription.ProductId, StringComparison.OrdinalIgnoreCase))
            && (r.SkuId is null || string.Equals(r.SkuId, subscription.SkuId, StringComparison.OrdinalIgnoreCase)));

    private async Task<int> ApplyChangesAsync(SyncPlan plan, IReadOnlyList<PartnerCenterAuditRecord> records, SyncCursor cursor,
        IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var ordered = records.OrderBy(r => r.OperationDate).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var logged = 0;
        var done = 0;
        foreach (var batch in SyncPlanner.Batches(plan.Changes, options.Value.BatchSize))
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var announce = await DomainEvents.WantedAsync(db, WebhookEventTypes.SubscriptionChanged, cancellationToken);
            var ids = batch.Select(c => c.SubscriptionId).Distinct().ToList();
            var links = await db.PartnerCenterSubscriptions.Where(l => ids.Contains(l.PartnerCenterSubscriptionId)).ToDictionaryAsync(l => l.PartnerCenterSubscriptionId, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var linked = links.Values.Where(l => l.SubscriptionId is not null).Select(l => l.SubscriptionId!.Value).ToList();
            var subscriptions = await db.Subscriptions.Where(s => linked.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var imported = new List<(LicenseChangeEntry Entry, PartnerCenterImportedChange Source)>();
            foreach (var change in batch)
            {
                var link = links[change.SubscriptionId];
                link.Quantity = change.ToQuantity;
                link.Status = change.ToStatus.ToString();
                link.AutoRenew = change.AutoRenewEnabled;
                link.UpdatedAt = change.EffectiveAt;
                if (link.SubscriptionId is { } id && subscriptions.TryGetValue(id, out var subscription) && Entry(change) is { } entry)
                {
                    ChangeLog.Append(db, subscription, entry,
                        new SubscriptionSnapshot(ToProrata(change.ToStatus), change.ToQuantity, change.AutoRenewEnabled));
                    if (announce) DomainEvents.Record(db, DomainEvents.SubscriptionChanged(subscription, entry, customerId: null), null, subscription.Id);
                    imported.Add((entry, new PartnerCenterImportedChange
                    {
                        PartnerCenterSubscriptionId = link.PartnerCenterSubscriptionId,
                        AuditRecordId = change.AuditRecordId,
                        Kind = change.Kind.ToString(),
                        ChangedBy = change.ChangedBy,
                    }));
                }
            }
            if (batch.LastOrDefault(c => c.AuditRecordId is not null)?.AuditRecordId is { } lastRecord)
            {
                // The cursor moves over every record up to the last one this batch applied, as if applied one by one.
                foreach (var record in ordered.TakeWhile(r => r.Id != lastRecord).Append(ordered.First(r => r.Id == lastRecord)))
                {
                    cursor = cursor.Advance(record);
                }
                await WriteCursorAsync(cursor, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (entry, source) in imported)
            {
                source.LicenseChangeEntryId = entry.Id;
                db.PartnerCenterImportedChanges.Add(source);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logged += imported.Count;
            done += batch.Count;
            progress?.Report(new SyncProgress("applying", done, plan.Changes.Count));
        }
        return logged;
    }

    /// <summary>
    /// The log entry for a change Microsoft already made. It is not checked against the NCE rules again: Partner Center
    /// enforced them when it accepted the change, and refusing to log it would leave seats Microsoft bills unbilled.
    /// </summary>
    private LicenseChangeEntry? Entry(ImportedChange change)
    {
        SubscriptionEventType? type = change.Kind switch
        {
            ChangeKind.QuantityChanged => SubscriptionEventType.SetQuantity,
            ChangeKind.AutoRenewChanged => SubscriptionEventType.SetAutoRenew,
            ChangeKind.StatusChanged => change.ToStatus switch
            {
                SubscriptionStatus.Deleted => SubscriptionEventType.Cancel,
                SubscriptionStatus.Suspended => SubscriptionEventType.Suspend,
                SubscriptionStatus.Active when change.FromStatus == SubscriptionStatus.Suspended => SubscriptionEventType.Reactivate,
                // Expiry follows from the term on the engine; other states (pending, disabled) bill nothing new.
                _ => null,
            },
            _ => null,
        };
        if (type is null)
        {
            return null;
        }
        return new LicenseChangeEntry
        {
            Type = type.Value,
            At = change.EffectiveAt,
            RecordedAt = time.GetUtcNow(),
            Actor = change.ChangedBy ?? SyncActor,
            Source = ChangeSource.Sync,
            Quantity = type == SubscriptionEventType.SetQuantity ? change.ToQuantity : null,
            Enabled = type == SubscriptionEventType.SetAutoRenew ? change.AutoRenewEnabled : null,
        };
    }

    private async Task<int> FinishAsync(SyncPlan plan, IReadOnlyList<SyncIssue> issues, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knownCustomers = (await db.PartnerCenterCustomers.Select(c => c.PartnerCenterCustomerId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in plan.NewCustomers.Where(c => knownCustomers.Add(c.Id)))
        {
            db.PartnerCenterCustomers.Add(new PartnerCenterCustomerLink { PartnerCenterCustomerId = customer.Id, CompanyName = customer.CompanyName, Domain = customer.Domain, FirstSeenAt = now });
        }
        var knownSubscriptions = (await db.PartnerCenterSubscriptions.Select(s => s.PartnerCenterSubscriptionId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var orders = await PendingOrdersAsync(cancellationToken);
        var claimed = new Dictionary<string, ProvisioningRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in plan.NewSubscriptions.Where(s => knownSubscriptions.Add(s.Id)))
        {
            if (orders.Claim(s) is { } record)
            {
                record.ProvisionedAt = now;
                record.PartnerCenterSubscriptionId = s.Id;
                record.PartnerCenterOrderId ??= s.OrderId;
                record.Failure = null;
                claimed[s.Id] = record;
            }
            if (knownCustomers.Add(s.CustomerId))
            {
                // An incremental pull can meet a subscription before its customer was listed.
                db.PartnerCenterCustomers.Add(new PartnerCenterCustomerLink { PartnerCenterCustomerId = s.CustomerId, CompanyName = s.CustomerId, FirstSeenAt = now });
            }
            db.PartnerCenterSubscriptions.Add(new PartnerCenterSubscriptionLink
            {
                PartnerCenterSubscriptionId = s.Id, PartnerCenterCustomerId = s.CustomerId, OfferId = s.OfferId, OfferName = s.OfferName,
                Quantity = s.Quantity, Status = s.Status.ToString(), AutoRenew = s.AutoRenewEnabled, FirstSeenAt = now, UpdatedAt = now,
                SubscriptionId = claimed.GetValueOrDefault(s.Id)?.SubscriptionId,
            });
        }
        // A subscription that is the order of a Prorata purchase is on that purchase's contract already.
        var raised = (await _workItems.RaiseAllAsync(
            issues.Where(i => i.SubscriptionId is null || !claimed.ContainsKey(i.SubscriptionId)).Select(SyncIssueDrafts.Draft).ToList(), cancellationToken)).Opened;
        await WriteCursorAsync(plan.Cursor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var record in claimed.Values)
        {
            await provisioning.ResolveIssuesAsync(record.SubscriptionId, cancellationToken);
            await provisioning.SettleAsync(record.SubscriptionId, cancellationToken);
        }
        return raised;
    }

    /// <summary>
    /// Orders Prorata placed whose subscriptions were not known when it recorded them: still provisioning, or the
    /// checkout's answer was lost. A new Partner Center subscription carrying the order's id is its order's; one after a
    /// lost answer (no order id known) is the first unclaimed subscription of that tenant, SKU and seat count created from
    /// the attempt on — so the purchase is linked, not imported a second time as a subscription without a contract.
    /// </summary>
    private async Task<PendingOrders> PendingOrdersAsync(CancellationToken cancellationToken)
    {
        var records = await db.ProvisioningRecords
            .Where(r => r.ProvisionedAt == null && (r.PartnerCenterOrderId != null || r.PartnerCenterCartId != null))
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.SubscriptionId).ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return new PendingOrders(records, subscriptions);
    }

    private sealed class PendingOrders(List<ProvisioningRecord> records, Dictionary<Guid, CustomerSubscription> subscriptions)
    {
        // Clocks of two systems: a subscription stamped a little before our attempt is still the attempt's.
        private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        public ProvisioningRecord? Claim(PartnerCenterSubscription s)
        {
            var match = records.FirstOrDefault(r => r.PartnerCenterOrderId is { } order && string.Equals(order, s.OrderId, StringComparison.OrdinalIgnoreCase))
                ?? records.FirstOrDefault(r => r.PartnerCenterOrderId is null
                    && string.Equals(r.PartnerCenterCustomerId, s.CustomerId, StringComparison.OrdinalIgnoreCase)
                    && subscriptions.TryGetValue(r.SubscriptionId, out var bought)
                    && string.Equals(bought.ProductId, s.ProductId, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(bought.SkuId, s.SkuId, StringComparison.OrdinalIgnoreCase)
                    && bought.Quantity == s.Quantity
                    && s.CreationDate >= r.AttemptedAt - ClockSkew);
            if (match is not null)
            {
                records.Remove(match);
            }
            return match;
        }
    }

    private async Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken)
    {
        var row = await db.PartnerCenterSyncCursor.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new PartnerCenterSyncCursor { RecentRecordIds = "" };
            db.PartnerCenterSyncCursor.Add(row);
        }
        row.LastOperationDate = cursor.LastOperationDate;
        row.RecentRecordIds = string.Join('\n', cursor.RecentRecordIds.Order(StringComparer.Ordinal));
        row.UpdatedAt = time.GetUtcNow();
    }

    private static SubscriptionStatus ToPartnerCenter(DomainStatus status) => status switch
    {
        DomainStatus.Active => SubscriptionStatus.Active,
        DomainStatus.Suspended => SubscriptionStatus.Suspended,
        DomainStatus.Cancelled => SubscriptionStatus.Deleted,
        _ => SubscriptionStatus.Expired,
    };

    private static DomainStatus? ToProrata(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Active => DomainStatus.Active,
        SubscriptionStatus.Suspended => DomainStatus.Suspended,
        SubscriptionStatus.Deleted => DomainStatus.Cancelled,
        SubscriptionStatus.Expired => DomainStatus.Expired,
        _ => null,
    };
}
