using Microsoft.EntityFrameworkCore;
using Prorata.Application.Billing;
using Prorata.Application.Outbox;
using Prorata.Application.PartnerCenter;
using Prorata.Application.Webhooks;
using Prorata.Application.WorkItems;
using Prorata.Data.Outbox;
using Prorata.Data.Billing;
using Prorata.Domain.Billing;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using DomainSubscription = Prorata.Domain.Subscriptions.Subscription;
using Prorata.Data.Subscriptions;
using Prorata.Data;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// Every subscription change goes through here, whoever makes it: the contract's change log is replayed into the
/// engine up to the change's timestamp, the change is applied there, and only if the engine accepts it is it appended
/// to the log (one new entry) with the subscriptions' snapshots — in one SaveChanges. A refusal writes nothing. With a
/// <see cref="ISubscriptionChangePush"/> registered, an accepted change of an existing subscription is sent on before it is
/// logged, and a refusal there writes nothing either; a purchase for a customer linked to Partner Center is placed there
/// (cart → checkout → order) and saved with its provisioning record and the link to the subscription it produced.
/// </summary>
public sealed class SubscriptionChanges(ProrataDbContext db, BillingOptions options, TimeProvider time, ISubscriptionChangePush? push = null)
{
    private readonly PartnerCenterIntents intents = new(db, time);

    public async Task<ChangeOutcome> PurchaseAsync(PurchaseRequest request, ChangeActor actor, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == request.ContractId, cancellationToken);
        if (contract is null) return ChangeOutcome.Missing($"No billing contract has id '{request.ContractId}'.");
        if (!request.LargeChangeConfirmed && LargeSeatChange.Describe(0, request.Quantity) is { } large)
            return ChangeOutcome.Refused(new Refusal(RefusalCode.LargeChangeNotConfirmed, large));
        var (subscription, entry) = await NewPurchaseAsync(contract.Id, request, actor, at, cancellationToken);
        return await ApplyAsync(contract, subscription, entry, isNew: true, increases: true, cancellationToken);
    }

    /// <summary>
    /// What a purchase would put on the contract's next invoice (its first charge, prorated as billing will), by the engine
    /// that bills it; nothing is written and nothing is asked of Partner Center.
    /// </summary>
    public async Task<ChangePreviewOutcome> PreviewPurchaseAsync(PurchaseRequest request, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == request.ContractId, cancellationToken);
        if (contract is null) return new ChangePreviewOutcome(null, null, $"No billing contract has id '{request.ContractId}'.");
        var (subscription, entry) = await NewPurchaseAsync(contract.Id, request, new ChangeActor("preview", ChangeSource.Staff), at, cancellationToken);
        return await PreviewOnNextInvoiceAsync(contract, subscription, entry, subscription, [subscription.Id], LargeSeatChange.Describe(0, request.Quantity), at,
            cancellationToken);
    }

    private async Task<(CustomerSubscription Subscription, LicenseChangeEntry Entry)> NewPurchaseAsync(Guid contractId, PurchaseRequest request, ChangeActor actor,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var subscription = new CustomerSubscription
        {
            Id = Guid.CreateVersion7(at),
            ContractId = contractId,
            ParentId = request.ParentId,
            ProductId = request.ProductId.Trim(),
            SkuId = request.SkuId.Trim(),
            Title = await TitleAsync(request.ProductId, request.SkuId, cancellationToken),
            Term = request.Term,
            BillingPlan = request.BillingPlan,
            AlignToCalendarMonth = request.AlignToCalendarMonth,
            CreatedAt = at,
            UpdatedAt = at,
        };
        var entry = NewEntry(subscription, SubscriptionEventType.Purchase, at, actor);
        entry.Quantity = request.Quantity;
        entry.Enabled = request.AutoRenew;
        return (subscription, entry);
    }

    public async Task<ChangeOutcome> ChangeAsync(Guid subscriptionId, ChangeRequest request, ChangeActor actor, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null) return ChangeOutcome.Missing($"No subscription has id '{subscriptionId}'.");
        if (!request.LargeChangeConfirmed && LargeChangeOf(subscription, request) is { } large)
            return ChangeOutcome.Refused(new Refusal(RefusalCode.LargeChangeNotConfirmed, large));
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).FirstAsync(c => c.Id == subscription.ContractId, cancellationToken);
        var (entry, increases, created) = await NewChangeAsync(subscription, request, actor, at, cancellationToken);
        return await ApplyAsync(contract, subscription, entry, isNew: false, increases, cancellationToken, created);
    }

    /// <summary>
    /// What the change would put on the contract's next invoice, by the engine that bills it: the contract's log up to now
    /// and its invoices so far, billed on the next invoice date with and without the change. Nothing is written, and
    /// nothing is asked of Partner Center.
    /// </summary>
    public async Task<ChangePreviewOutcome> PreviewAsync(Guid subscriptionId, ChangeRequest request, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null) return new ChangePreviewOutcome(null, null, $"No subscription has id '{subscriptionId}'.");
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).FirstAsync(c => c.Id == subscription.ContractId, cancellationToken);
        var (entry, _, created) = await NewChangeAsync(subscription, request, new ChangeActor("preview", ChangeSource.Staff), at, cancellationToken);
        Guid[] shown = created is null ? [subscription.Id] : [subscription.Id, created.Id];
        return await PreviewOnNextInvoiceAsync(contract, subscription, entry, null, shown, LargeChangeOf(subscription, request), at, cancellationToken);
    }

    /// <summary>
    /// The contract's next invoice billed by the engine with and without <paramref name="entry"/>: the log up to now and the
    /// invoices so far, the lines of the subscriptions in <paramref name="shown"/>. <paramref name="added"/> is a subscription
    /// the entry brings that is not stored yet (a purchase).
    /// </summary>
    private async Task<ChangePreviewOutcome> PreviewOnNextInvoiceAsync(Data.Contracts.BillingContract contract, CustomerSubscription subscription,
        LicenseChangeEntry entry, CustomerSubscription? added, IReadOnlyCollection<Guid> shown, string? large, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        // A change made now is billed from the next invoice after today: today's has played what happened before 00:00.
        var invoiceDate = (await ContractCalendar.NextInvoiceDatesAsync(db, contract, today.AddDays(1), 1, cancellationToken)).FirstOrDefault();
        if (invoiceDate == default) invoiceDate = today.AddDays(1);
        var billed = (await BilledLine.OfContractsAsync(db, [contract.Id], invoiceDate, cancellationToken)).GetValueOrDefault(contract.Id) ?? [];

        // Read once, played twice: the log as it stands, and the log with the change.
        var replay = await ReplayAsync(contract, added, at, cancellationToken, invoiceDate);
        var without = replay();
        var with = replay();
        if (with.Apply(StoredTimeline.ToEvent(entry, subscription) with { Index = -1 }) is { } refusal) return new ChangePreviewOutcome(null, refusal, null);
        var domainContract = StoredTimeline.ToDomain(contract);
        var ids = shown.Select(StoredTimeline.IdOf).ToHashSet();
        IReadOnlyList<InvoiceLine> Next(ScenarioRun run)
        {
            BilledLine.RecordInto(run.LedgerOf(domainContract.Id), billed);
            return [.. run.Bill(domainContract, invoiceDate).Lines.Where(l => ids.Contains(l.Subscription))];
        }
        return new ChangePreviewOutcome(new ChangePreview(invoiceDate, contract.Currency, Next(with), Next(without), large), null, null);
    }

    private static string? LargeChangeOf(CustomerSubscription subscription, ChangeRequest request) =>
        request.Type == SubscriptionEventType.SetQuantity && request.Quantity is { } seats ? LargeSeatChange.Describe(subscription.Quantity, seats) : null;

    /// <summary>The log entry a change makes and, for an upgrade of only some seats, the coterminous subscription they move to.</summary>
    private async Task<(LicenseChangeEntry Entry, bool Increases, CustomerSubscription? Created)> NewChangeAsync(CustomerSubscription subscription, ChangeRequest request,
        ChangeActor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (request.Type is SubscriptionEventType.Purchase or SubscriptionEventType.Usage)
            throw new ArgumentException($"{request.Type} is not a change of an existing subscription.", nameof(request));
        var entry = NewEntry(subscription, request.Type, at, actor);
        entry.Quantity = request.Quantity;
        entry.Enabled = request.Enabled;
        entry.ProductId = request.ProductId;
        entry.SkuId = request.SkuId;
        entry.Term = request.Term;
        entry.BillingPlan = request.BillingPlan;
        var increases = request.Type == SubscriptionEventType.Upgrade
            || (request.Type == SubscriptionEventType.SetQuantity && request.Quantity > subscription.Quantity);
        // Moving only some seats to a higher SKU makes a new, coterminous subscription (microsoft-csp.md §1.4).
        var created = request.Type == SubscriptionEventType.Upgrade && request.Quantity is { } moved && moved != subscription.Quantity
            ? new CustomerSubscription
            {
                Id = Guid.CreateVersion7(at),
                ContractId = subscription.ContractId,
                ParentId = subscription.ParentId,
                ProductId = request.ProductId ?? subscription.ProductId,
                SkuId = request.SkuId ?? subscription.SkuId,
                Title = await TitleAsync(request.ProductId ?? subscription.ProductId, request.SkuId ?? subscription.SkuId, cancellationToken),
                Term = subscription.Term,
                BillingPlan = subscription.BillingPlan,
                AlignToCalendarMonth = subscription.AlignToCalendarMonth,
                CreatedAt = at,
                UpdatedAt = at,
            }
            : null;
        entry.NewSubscriptionId = created?.Id;
        return (entry, increases, created);
    }

    private async Task<ChangeOutcome> ApplyAsync(Data.Contracts.BillingContract contract, CustomerSubscription subscription, LicenseChangeEntry entry,
        bool isNew, bool increases, CancellationToken cancellationToken, CustomerSubscription? created = null)
    {
        var run = (await ReplayAsync(contract, isNew ? subscription : null, entry.At, cancellationToken))();
        if (run.Apply(StoredTimeline.ToEvent(entry, subscription) with { Index = -1 }) is { } refusal) return ChangeOutcome.Refused(refusal);

        // billing-rules §4, credit hold: purchases and increases are accepted and billed, but wait for provisioning.
        if (increases && contract.Customer!.OnHold)
        {
            entry.AwaitingProvisioning = true;
            subscription.Provisioning = ProvisioningState.AwaitingProvisioning;
        }
        // What waits for provisioning must not reach Microsoft while the hold lasts.
        PurchasePlacement? placement = null;
        OutboxMessage? intent = null;
        if (push is not null && !entry.AwaitingProvisioning)
        {
            // The person waits for Microsoft's answer, so the call is made now; its intent is written first, so that a stop
            // between Microsoft's answer and the save below is found and settled by the outbox worker, not lost.
            intent = await intents.RecordAsync(isNew ? OutboxTopic.PartnerCenterPurchase : OutboxTopic.PartnerCenterChange, contract.CustomerId, subscription,
                entry, cancellationToken);
            if (isNew)
            {
                placement = await push.PlaceAsync(contract.CustomerId, subscription, entry.Quantity ?? 0, entry.Enabled ?? true, cancellationToken);
                if (placement.Refusal is { } purchaseRefusal) return await RefusedAsync(intent, purchaseRefusal);
                // Placed but not provisioned yet (or its answer lost): sync links the subscription when Microsoft shows it.
                if (placement.Record is { ProvisionedAt: null }) subscription.Provisioning = ProvisioningState.AwaitingProvisioning;
            }
            else if (await push.PushAsync(subscription, entry, cancellationToken) is { } pushRefusal)
            {
                return await RefusedAsync(intent, pushRefusal);
            }
        }
        if (isNew) db.Subscriptions.Add(subscription);
        ChangeLog.Append(db, subscription, entry, Snapshot(run.Book.Find(StoredTimeline.IdOf(subscription.Id))));
        // Not cancellable: once Microsoft has an order, the change must be saved (below).
        await DomainEvents.RecordAsync(db, DomainEvents.SubscriptionChanged(subscription, entry, contract.CustomerId), contract.CustomerId, CancellationToken.None, subscription.Id);
        if (created is not null)
        {
            if (Snapshot(run.Book.Find(StoredTimeline.IdOf(created.Id))) is { } upgraded) ChangeLog.Apply(created, upgraded);
            created.Provisioning = subscription.Provisioning;
            db.Subscriptions.Add(created);
        }
        foreach (var member in await db.Subscriptions.Where(s => s.ParentId == subscription.Id).ToListAsync(cancellationToken))
            if (Snapshot(run.Book.Find(StoredTimeline.IdOf(member.Id))) is { } child) ChangeLog.Apply(member, child);
        if (intent is not null) intents.Delivered(intent);
        if (placement?.Record is { } record)
        {
            record.Entry = entry;
            record.SubscriptionId = subscription.Id;
            db.ProvisioningRecords.Add(record);
            // The checkout's answer was lost: Microsoft may have the order, which only a sync can tell, so it is on the exceptions view until then.
            if (record is { ProvisionedAt: null, Failure: { } failure })
                await new WorkItemRaiser(db, time).RaiseAsync(SubscriptionProvisioning.FailureDraft(record, subscription, contract.CustomerId, failure), CancellationToken.None);
        }
        if (placement?.Link is { } link)
        {
            link.SubscriptionId = subscription.Id;
            db.PartnerCenterSubscriptions.Add(link);
        }
        try
        {
            // Once Microsoft has an order, giving up before it is recorded would leave seats bought and never billed.
            await db.SaveChangesAsync(placement?.Record is null ? cancellationToken : CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // Another change of this subscription got its sequence first: ours was checked against stale state.
            db.ChangeTracker.Clear();
            return ChangeOutcome.Raced();
        }
        return ChangeOutcome.Accepted(subscription, entry, placement?.Record) with { Created = created };
    }

    /// <summary>
    /// The contract's log up to <paramref name="until"/> (inclusive), read once; each call of the result plays it on a fresh engine,
    /// in time order.
    /// </summary>
    /// <param name="billUntil">The last day the run may bill; the day of <paramref name="until"/> when not given.</param>
    private async Task<Func<ScenarioRun>> ReplayAsync(Data.Contracts.BillingContract contract, CustomerSubscription? added, DateTimeOffset until,
        CancellationToken cancellationToken, DateOnly? billUntil = null)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.ContractId == contract.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (added is not null) subscriptions[added.Id] = added;
        var entries = await db.LicenseChangeLog.AsNoTracking()
            .Where(e => db.Subscriptions.Any(s => s.Id == e.SubscriptionId && s.ContractId == contract.Id) && e.At <= until)
            .ToListAsync(cancellationToken);
        var events = entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => StoredTimeline.ToEvent(e, subscriptions[e.SubscriptionId])).ToList();
        var domainContract = StoredTimeline.ToDomain(contract);
        var prices = await StoredTimeline.PriceRowsAsync(db, cancellationToken);
        var scenario = StoredTimeline.Scenario("replay", options, prices, [domainContract], events, billUntil ?? DateOnly.FromDateTime(until.UtcDateTime));
        return () =>
        {
            var run = new ScenarioRun(scenario);
            // What is logged already happened: recorded as facts, so an entry today's rules or prices would refuse still counts.
            foreach (var e in events) run.Record(e);
            return run;
        };
    }

    private static SubscriptionSnapshot? Snapshot(DomainSubscription? replayed) =>
        replayed is null ? null
        : new SubscriptionSnapshot(replayed.Status, replayed.Quantity, replayed.AutoRenew,
            replayed.Segments.Count > 0 ? replayed.CurrentOffer.ProductId : null, replayed.Segments.Count > 0 ? replayed.CurrentOffer.SkuId : null);

    /// <summary>Microsoft refused: nothing is logged, and the intent says so (its own save: the change tracker holds the refused change).</summary>
    private async Task<ChangeOutcome> RefusedAsync(OutboxMessage? intent, Refusal refusal)
    {
        db.ChangeTracker.Clear();
        if (intent is not null) await intents.RefusedAsync(intent, $"{refusal.Code}: {refusal.Message}");
        return ChangeOutcome.Refused(refusal);
    }

    private static LicenseChangeEntry NewEntry(CustomerSubscription subscription, SubscriptionEventType type, DateTimeOffset at, ChangeActor actor) => new()
    {
        SubscriptionId = subscription.Id,
        Type = type,
        At = at,
        RecordedAt = at,
        Actor = actor.Name,
        Source = actor.Source,
    };

    private async Task<string> TitleAsync(string productId, string skuId, CancellationToken cancellationToken) =>
        await db.CatalogProducts.AsNoTracking().Where(p => p.ProductId == productId && p.SkuId == skuId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken)
        ?? await db.PriceListEntries.AsNoTracking().Where(e => e.ProductId == productId && e.SkuId == skuId).Select(e => e.Title).FirstOrDefaultAsync(cancellationToken)
        ?? $"{productId}/{skuId}";
}
