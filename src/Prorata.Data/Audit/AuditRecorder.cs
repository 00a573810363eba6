using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;

namespace Prorata.Data.Audit;

/// <summary>
/// Writes the audit log as part of every save: before EF Core saves, one <see cref="AuditEntry"/> is added for each added,
/// changed or deleted entity of an <see cref="AuditedTypes">audited type</see>, so the entries commit or fail with the
/// change itself and no code path can forget them. <see cref="ProrataDatabase.Use"/> adds it to every context.
/// Changes made with ExecuteUpdate/ExecuteDelete bypass it: audited entities are saved through the change tracker.
/// </summary>
/// <param name="actor">Who is saving: the signed-in staff user's e-mail, the API key's name, "cli" or "system".</param>
public sealed class AuditRecorder(Func<string> actor, TimeProvider time) : SaveChangesInterceptor
{
    public const string SystemActor = "system";
    public const string CliActor = "cli";
    public const string AppendOnlyMessage = "the audit log is append-only";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For contexts made outside a request: background work and tests, on the real clock.</summary>
    public static AuditRecorder System { get; } = new(() => SystemActor, TimeProvider.System);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var (pending, customers) = Collect(context);
            if (pending.Count > 0) Append(context, pending, Lookups.Load(context, pending, customers));
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var (pending, customers) = Collect(context);
            if (pending.Count > 0) Append(context, pending, await Lookups.LoadAsync(context, pending, customers, cancellationToken));
        }
        return result;
    }

    // A failed save leaves its entries tracked as added: the next save on the same context must not write them.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Forget(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The entries to write, and the names of the customers at hand (a contract's label); Entries() detects the changes.</summary>
    private static (List<Pending>, Dictionary<Guid, string>) Collect(DbContext context)
    {
        var pending = new List<Pending>();
        var rules = new Dictionary<Guid, List<EntityEntry>>();
        var customers = new Dictionary<Guid, string>();
        var contracts = new Dictionary<Guid, BillingContract>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Customer customer) customers[customer.Id] = customer.Name;
            if (entry.Entity is BillingContract tracked) contracts[tracked.Id] = tracked;
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted) throw new InvalidOperationException(AppendOnlyMessage);
                continue;
            }
            if (entry.Entity is ContractPricingRule)
            {
                var contract = (Guid)entry.Property("BillingContractId").CurrentValue!;
                if (!rules.TryGetValue(contract, out var list)) rules[contract] = list = [];
                list.Add(entry);
                continue;
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IdentityUserRole<string> role && entry.State != EntityState.Modified)
            {
                pending.Add(new Pending(AuditedTypes.StaffUser, role.UserId, entry.State == EntityState.Added ? AuditActions.RoleGranted : AuditActions.RoleRevoked,
                    [], null, RoleId: role.RoleId, Granted: entry.State == EntityState.Added));
                continue;
            }
            if (AuditedTypes.Find(entry.Entity.GetType()) is not { } type) continue;
            var changes = Changes(entry, type);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            pending.Add(new Pending(type.Name, type.Id(entry.Entity), ActionOf(entry), changes, type.Label(entry.Entity), Entity: entry.Entity));
        }
        // A contract's rules are replaced on every save: its entry shows them before and after, and only when they differ.
        foreach (var (contractId, entries) in rules)
        {
            var before = RulesText(entries.Where(e => e.State != EntityState.Added).Select(e => (ContractPricingRule)e.OriginalValues.ToObject()));
            var after = RulesText(entries.Where(e => e.State != EntityState.Deleted).Select(e => (ContractPricingRule)e.Entity));
            if (before == after) continue;
            var id = contractId.ToString();
            var owner = pending.FirstOrDefault(p => p.EntityType == AuditedTypes.BillingContract && p.EntityId == id);
            if (owner is null)
            {
                pending.Add(owner = new Pending(AuditedTypes.BillingContract, id, AuditActions.Changed, [], null, Entity: contracts.GetValueOrDefault(contractId)));
            }
            var added = owner.Action == AuditActions.Created;
            var deleted = owner.Action == AuditActions.Deleted;
            owner.Changes.Add(new AuditChange(nameof(BillingContract.PricingRules), added || before.Length == 0 ? null : before, deleted || after.Length == 0 ? null : after));
        }
        return (pending, customers);
    }

    private static List<AuditChange> Changes(EntityEntry entry, AuditedType type)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var field = property.Metadata.Name;
            if (!type.Shows(field) || property.Metadata.IsShadowProperty()) continue;
            var before = entry.State == EntityState.Added ? null : AuditValues.Text(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : AuditValues.Text(property.CurrentValue);
            if (before == after) continue;
            changes.Add(type.Hidden.Contains(field)
                ? new AuditChange(field, before is null ? null : AuditValues.Hidden, after is null ? null : AuditValues.Hidden)
                : new AuditChange(field, before, after));
        }
        return changes;
    }

    private static string ActionOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Added) return AuditActions.Created;
        if (entry.State == EntityState.Deleted) return AuditActions.Deleted;
        return entry.Entity switch
        {
            Customer when Changed(entry, nameof(Customer.CreditHold)) is { } hold => hold ? AuditActions.CreditHoldPlaced : AuditActions.CreditHoldReleased,
            Customer when Changed(entry, nameof(Customer.DunningHold)) is { } hold => hold ? AuditActions.DunningHoldPlaced : AuditActions.DunningHoldReleased,
            ApiKeys.ApiKey key when key.RevokedAt is not null && entry.Property(nameof(ApiKeys.ApiKey.RevokedAt)).OriginalValue is null => AuditActions.Revoked,
            StaffUser user when !Equals(entry.Property(nameof(StaffUser.LockoutEnd)).OriginalValue, user.LockoutEnd) =>
                user.LockoutEnd is null ? AuditActions.Enabled : AuditActions.Disabled,
            Webhooks.WebhookSubscription when !Equals(entry.Property(nameof(Webhooks.WebhookSubscription.SecretCreatedAt)).OriginalValue,
                entry.Property(nameof(Webhooks.WebhookSubscription.SecretCreatedAt)).CurrentValue) => AuditActions.SecretRotated,
            _ => AuditActions.Changed,
        };
    }

    private static bool? Changed(EntityEntry entry, string flag)
    {
        var property = entry.Property(flag);
        return Equals(property.OriginalValue, property.CurrentValue) ? null : (bool)property.CurrentValue!;
    }

    private static string RulesText(IEnumerable<ContractPricingRule> rules) =>
        string.Join("; ", rules.OrderBy(r => r.Position).Select(r => $"{r.ProductId}/{r.SkuId ?? "*"} {r.Method} {AuditValues.Text(r.Value)}"));

    private void Append(DbContext context, List<Pending> pending, Lookups lookups)
    {
        var at = time.GetUtcNow();
        var who = Bounded(actor(), AuditEntry.MaxActorLength);
        foreach (var p in pending)
        {
            var changes = p.RoleId is { } roleId
                ? [new AuditChange("Role", p.Granted ? null : lookups.Role(roleId), p.Granted ? lookups.Role(roleId) : null)]
                : p.Changes.OrderBy(c => c.Field, StringComparer.Ordinal).ToList();
            var label = p.Label ?? p.Entity switch
            {
                BillingContract contract => lookups.Customer(contract.CustomerId) is { } name ? $"{name}, {contract.Currency}" : contract.Currency,
                _ => p.EntityType == AuditedTypes.StaffUser ? lookups.User(p.EntityId) : null,
            };
            context.Add(new AuditEntry
            {
                At = at, Actor = who, EntityType = p.EntityType, EntityId = p.EntityId, Label = label is null ? null : Bounded(label, AuditEntry.MaxLabelLength),
                Action = p.Action, Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
    }

    private static string Bounded(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record Pending(string EntityType, string EntityId, string Action, List<AuditChange> Changes, string? Label,
        object? Entity = null, string? RoleId = null, bool Granted = false);

    /// <summary>The names a label needs that the saved entities do not carry: one query per kind, only when needed.</summary>
    private sealed class Lookups
    {
        private Dictionary<Guid, string> _customers = [];
        private Dictionary<string, string> _roles = [];
        private Dictionary<string, string> _users = [];

        public string? Customer(Guid id) => _customers.GetValueOrDefault(id);
        public string? Role(string id) => _roles.GetValueOrDefault(id);
        public string? User(string id) => _users.GetValueOrDefault(id);

        // The synchronous save runs the same steps; its queries complete synchronously (sync: true), so nothing blocks on I/O.
        public static Lookups Load(DbContext context, List<Pending> pending, Dictionary<Guid, string> tracked) =>
            LoadAsync(context, pending, tracked, sync: true, CancellationToken.None).GetAwaiter().GetResult();

        public static Task<Lookups> LoadAsync(DbContext context, List<Pending> pending, Dictionary<Guid, string> tracked, CancellationToken cancellationToken) =>
            LoadAsync(context, pending, tracked, sync: false, cancellationToken);

        private static async Task<Lookups> LoadAsync(DbContext context, List<Pending> pending, Dictionary<Guid, string> tracked, bool sync,
            CancellationToken cancellationToken)
        {
            var lookups = new Lookups();
            var customerIds = pending.Select(p => p.Entity).OfType<BillingContract>().Select(c => c.CustomerId).Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
            lookups._customers = tracked;
            if (customerIds.Count > 0)
            {
                var query = context.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name });
                foreach (var c in sync ? query.ToList() : await query.ToListAsync(cancellationToken)) lookups._customers[c.Id] = c.Name;
            }
            var roleIds = pending.Where(p => p.RoleId is not null).Select(p => p.RoleId!).Distinct().ToList();
            if (roleIds.Count > 0)
            {
                var query = context.Set<IdentityRole>().AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => new { r.Id, r.Name });
                lookups._roles = (sync ? query.ToList() : await query.ToListAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Name ?? r.Id);
                var userIds = pending.Where(p => p.RoleId is not null).Select(p => p.EntityId).Distinct().ToList();
                var users = context.Set<StaffUser>().AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email });
                lookups._users = (sync ? users.ToList() : await users.ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Email ?? u.Id);
            }
            return lookups;
        }
    }
}
