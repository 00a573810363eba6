using System.Text.Json;
using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// The pure half of Partner Center → Prorata sync: from what Prorata knows, what Partner Center has now and the activity
/// log since the cursor, decide what to import, which changes to log (and bill), and what to flag.
/// </summary>
/// <remarks>
/// Each activity-log record since the cursor is replayed over Prorata's known state in operation order, so intermediate
/// changes (10 → 14 → 12 seats within one sync interval) each become a change with its own date, which proration needs.
/// Records Prorata itself wrote (our application id) only move the replayed state, since Prorata logged them when it
/// pushed. What the replay still leaves different from Partner Center's state is logged as an out-of-band change seen
/// now. Records already applied (in the cursor) are skipped, so a rerun after a partial apply adds nothing twice.
/// </remarks>
public static class SyncPlanner
{
    public static SyncPlan Plan(SyncInput input)
    {
        var known = input.Known.ToDictionary(k => k.SubscriptionId, StringComparer.OrdinalIgnoreCase);
        var current = input.Current.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        var knownCustomers = new HashSet<string>(input.KnownCustomerIds, StringComparer.OrdinalIgnoreCase);
        var changes = new List<ImportedChange>();
        var issues = new List<SyncIssue>();

        var newCustomers = input.Customers.Where(c => !knownCustomers.Contains(c.Id)).ToList();
        var newSubscriptions = input.Current.Where(s => !known.ContainsKey(s.Id)).ToList();
        foreach (var s in newSubscriptions)
        {
            if (s.MigratedFromSubscriptionId is { } from)
            {
                issues.Add(new SyncIssue(SyncExceptionKind.CatalogShift, s.CustomerId, s.Id,
                    $"Subscription {s.Id} ({s.OfferName}) replaces {from}: carry the contract and pricing over, then end the old one."));
            }
            if (s.Status is SubscriptionStatus.Active or SubscriptionStatus.Suspended)
            {
                issues.Add(new SyncIssue(SyncExceptionKind.MissingContract, s.CustomerId, s.Id,
                    $"Subscription {s.Id} ({s.OfferName}, {s.Quantity} seats) was imported from Partner Center and is not on a contract yet."));
            }
        }

        var cursor = input.Cursor;
        var replayed = input.Known.ToDictionary(k => k.SubscriptionId, k => new Replay(k.Quantity, k.Status, k.AutoRenewEnabled), StringComparer.OrdinalIgnoreCase);
        var fresh = input.AuditRecords
            .Where(r => !input.Cursor.HasApplied(r))
            // Records after the state was read are left for the next pull; replaying them now would undo them against that state.
            .Where(r => r.OperationDate <= input.Now)
            .OrderBy(r => r.OperationDate)
            .ThenBy(r => r.Id, StringComparer.Ordinal);
        foreach (var record in fresh)
        {
            cursor = cursor.Advance(record);
            if (!string.Equals(record.OperationStatus, "succeeded", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(record.ResourceType, "subscription", StringComparison.OrdinalIgnoreCase)
                || record.SubscriptionId is not { } subscriptionId
                || !replayed.TryGetValue(subscriptionId, out var before)
                || Read(record) is not { } after)
            {
                continue;
            }
            var outOfBand = !string.Equals(record.ApplicationId, input.OurApplicationId, StringComparison.OrdinalIgnoreCase);
            if (outOfBand)
            {
                changes.AddRange(Differences(record.CustomerId, subscriptionId, before, after, record.OperationDate, true, record.Id, record.UserPrincipalName));
            }
            replayed[subscriptionId] = after;
        }

        foreach (var k in input.Known)
        {
            if (current.TryGetValue(k.SubscriptionId, out var now))
            {
                var state = new Replay(now.Quantity, now.Status, now.AutoRenewEnabled);
                changes.AddRange(Differences(k.CustomerId, k.SubscriptionId, replayed[k.SubscriptionId], state, input.Now, true, null, null));
                if (k.ContractExpectsAutoRenew is { } expected && expected != now.AutoRenewEnabled && now.Status == SubscriptionStatus.Active)
                {
                    issues.Add(new SyncIssue(SyncExceptionKind.AutoRenewMismatch, k.CustomerId, k.SubscriptionId,
                        $"Sold with auto-renew {(expected ? "on" : "off")}, but Partner Center has it {(now.AutoRenewEnabled ? "on" : "off")} for subscription {k.SubscriptionId}: "
                        + (expected ? "it will expire at term end while the customer expects it to renew." : "it will renew, and Microsoft will charge a new term the customer did not ask for.")));
                }
                if (k.SoldTerm is { } term && k.SoldBillingCycle is { } cycle
                    && (!string.Equals(term, now.TermDuration, StringComparison.OrdinalIgnoreCase) || !string.Equals(cycle, now.BillingCycle, StringComparison.OrdinalIgnoreCase)))
                {
                    issues.Add(new SyncIssue(SyncExceptionKind.TermMismatch, k.CustomerId, k.SubscriptionId,
                        $"Sold as {term} billed {Billed(cycle)}, but Partner Center holds subscription {k.SubscriptionId} as {now.TermDuration} billed "
                        + $"{Billed(now.BillingCycle)}: Prorata bills the customer for a term Microsoft does not charge."));
                }
            }
            else if (input.IsFullPull && k.Status is SubscriptionStatus.Active or SubscriptionStatus.Suspended)
            {
                issues.Add(new SyncIssue(SyncExceptionKind.Orphan, k.CustomerId, k.SubscriptionId,
                    $"Prorata bills subscription {k.SubscriptionId}, which Partner Center does not list for this customer."));
            }
            if (k.Status is SubscriptionStatus.Active or SubscriptionStatus.Suspended)
            {
                if (!k.HasContract)
                {
                    issues.Add(new SyncIssue(SyncExceptionKind.MissingContract, k.CustomerId, k.SubscriptionId, $"Subscription {k.SubscriptionId} is not on a contract."));
                }
                else if (!k.HasPricingStrategy)
                {
                    issues.Add(new SyncIssue(SyncExceptionKind.MissingPricingStrategy, k.CustomerId, k.SubscriptionId,
                        $"No pricing strategy of the contract matches subscription {k.SubscriptionId}."));
                }
            }
        }

        var next = cursor.Compact(input.AuditRecords);
        if (input.IsFullPull && next.LastOperationDate is null)
        {
            // The whole state was read at Now: with nothing in the activity log the cursor still moves there, or every
            // later sync would list every customer again.
            next = next with { LastOperationDate = input.Now };
        }
        return new SyncPlan(newCustomers, newSubscriptions, changes, issues, next);
    }

    /// <summary>
    /// The changes in batches of about <paramref name="size"/>, each written with the cursor in one transaction. A batch
    /// never ends between two changes of one activity-log record (a suspension is a status and an auto-renew change):
    /// the cursor passes a record once, and a sync stopped between its two changes would lose the second on the rerun.
    /// </summary>
    public static IEnumerable<IReadOnlyList<ImportedChange>> Batches(IReadOnlyList<ImportedChange> changes, int size)
    {
        var batch = new List<ImportedChange>(size);
        for (var i = 0; i < changes.Count; i++)
        {
            batch.Add(changes[i]);
            var sameRecordNext = i + 1 < changes.Count && changes[i].AuditRecordId is { } id && changes[i + 1].AuditRecordId == id;
            if (batch.Count >= size && !sameRecordNext)
            {
                yield return batch;
                batch = new List<ImportedChange>(size);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static IEnumerable<ImportedChange> Differences(
        string customerId, string subscriptionId, Replay before, Replay after, DateTimeOffset at, bool outOfBand, string? recordId, string? by)
    {
        if (before.Quantity != after.Quantity)
        {
            yield return new ImportedChange(customerId, subscriptionId, ChangeKind.QuantityChanged, before.Quantity, after.Quantity,
                before.Status, after.Status, after.AutoRenew, at, outOfBand, recordId, by);
        }
        if (before.Status != after.Status)
        {
            yield return new ImportedChange(customerId, subscriptionId, ChangeKind.StatusChanged, after.Quantity, after.Quantity,
                before.Status, after.Status, after.AutoRenew, at, outOfBand, recordId, by);
        }
        if (before.AutoRenew != after.AutoRenew)
        {
            yield return new ImportedChange(customerId, subscriptionId, ChangeKind.AutoRenewChanged, after.Quantity, after.Quantity,
                after.Status, after.Status, after.AutoRenew, at, outOfBand, recordId, by);
        }
    }

    /// <summary>The subscription after the operation, from resourceNewValue (a JSON string, §4.5).</summary>
    private static Replay? Read(PartnerCenterAuditRecord record)
    {
        if (string.IsNullOrEmpty(record.ResourceNewValue))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(record.ResourceNewValue);
            var root = json.RootElement;
            if (!root.TryGetProperty("quantity", out var quantity) || !root.TryGetProperty("status", out var status))
            {
                return null;
            }
            var seats = quantity.ValueKind == JsonValueKind.String ? int.Parse(quantity.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : quantity.GetInt32();
            var autoRenew = root.TryGetProperty("autoRenewEnabled", out var renew) && renew.ValueKind == JsonValueKind.True;
            return new Replay(seats, Enum.TryParse<SubscriptionStatus>(status.GetString(), true, out var parsed) ? parsed : SubscriptionStatus.None, autoRenew);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Replay(int Quantity, SubscriptionStatus Status, bool AutoRenew);

    private static string Billed(string cycle) => cycle.ToLowerInvariant() switch
    {
        "annual" => "annually",
        "triennial" => "every three years",
        var other => other,
    };
}
