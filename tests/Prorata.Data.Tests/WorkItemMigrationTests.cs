using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.PartnerCenter;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Data.Tests;

/// <summary>
/// The migration that replaced the Partner Center sync issues by work items, on a database that has issues: every
/// issue arrives with its state, and an open one is the item a later sync raising the same problem counts again.
/// </summary>
public abstract class WorkItemMigrationTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Waiting = Guid.Parse("0d3c8a4e-58f1-4f7e-9d55-3f1c2b8a9e10");

    protected abstract string ConnectionString { get; }

    [Fact]
    public async Task Migrate_SyncIssuesStored_BecomeWorkItemsWithTheKeysTheRaiserUses()
    {
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("UsageRowLoggedAt");
            var sqlite = db.Database.IsSqlite();
            object At(DateTimeOffset at) => sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)! : at;
            object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "PartnerCenterSyncIssues" ("Kind", "PartnerCenterCustomerId", "PartnerCenterSubscriptionId", "SubscriptionId", "Message", "RaisedAt", "ResolvedAt", "ResolvedBy")
                VALUES ('Orphan', 'pc-c1', 'pc-s1', NULL, 'In Partner Center, not in Prorata.', {0}, NULL, NULL),
                       ('CredentialExpiring', '', NULL, NULL, 'Consent again before 2026-12-01.', {0}, NULL, NULL),
                       ('AutoRenewMismatch', 'pc-c1', 'pc-s2', NULL, 'settled', {0}, {1}, 'owner'),
                       ('ProvisioningFailed', 'pc-c1', NULL, {2}, 'Test (…) waits for provisioning: PartnerCenterUnavailable', {0}, NULL, NULL)
                """, At(Raised), At(Raised.AddDays(1)), Id(Waiting));
            await db.Database.MigrateAsync();
        }

        await using var check = NewContext();
        var items = await check.WorkItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(
            [
                (WorkItemKind.SyncIssue, "Orphan", WorkItemState.Open, "SyncIssue|Orphan|PartnerCenterSubscription|pc-s1", WorkItemSubject.PartnerCenterSubscription, "pc-s1", Raised, (DateTimeOffset?)null),
                (WorkItemKind.SyncIssue, "CredentialExpiring", WorkItemState.Open, "SyncIssue|CredentialExpiring|None|", WorkItemSubject.None, null, Raised, null),
                (WorkItemKind.SyncIssue, "AutoRenewMismatch", WorkItemState.Resolved, "SyncIssue|AutoRenewMismatch|PartnerCenterSubscription|pc-s2", WorkItemSubject.PartnerCenterSubscription, "pc-s2", Raised, Raised.AddDays(1)),
                (WorkItemKind.ProvisioningFailure, "ProvisioningFailed", WorkItemState.Open, $"ProvisioningFailure|ProvisioningFailed|Subscription|{Waiting}", WorkItemSubject.Subscription, Waiting.ToString(), Raised, null),
            ],
            items.Select(i => (i.Kind, i.Code, i.State, i.DedupeKey, i.SubjectKind, i.SubjectId, i.RaisedAt, i.ResolvedAt)).ToList());
        Assert.Equal((Waiting, "pc-c1", null), (items[3].SubscriptionId, items[3].PartnerCenterCustomerId, items[1].PartnerCenterCustomerId));

        // The next sync finds the orphan again: the migrated item counts it, no second item opens.
        var raiser = new WorkItemRaiser(check, new FakeTimeProvider(Raised.AddDays(2)));
        var again = await raiser.RaiseAllAsync([SyncIssueDrafts.Draft(new SyncIssue(SyncExceptionKind.Orphan, "pc-c1", "pc-s1", "In Partner Center, not in Prorata."))], CancellationToken.None);
        await check.SaveChangesAsync();
        Assert.Equal((0, items[0].Id, 2), (again.Opened, again.Items[0].Id, again.Items[0].Occurrences));
    }

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));
}
