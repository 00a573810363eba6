using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Customers;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;
using Prorata.Domain.Customers;

using Prorata.Application.Outbox;
using Prorata.Application.PartnerCenter;
using Prorata.Application.Webhooks;
using Prorata.Data.Outbox;

namespace Prorata.Application.Customers;

/// <summary>
/// Creates and changes customers for both the API and the pages: the rules, then the checks that need the database.
/// Lifting a credit hold queues, in the same save, the message that sends what waited for it to Microsoft
/// (<see cref="CreditHoldRelease"/>, delivered by the outbox worker right after).
/// </summary>
public sealed class SaveCustomer(ProrataDbContext db, TimeProvider time, OutboxSignal outbox)
{
    // A group deeper than this is a data error, not a real corporate structure; it also bounds the cycle walk.
    private const int MaxParentDepth = 32;

    public async Task<SaveResult<Customer>> CreateAsync(CustomerDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = CustomerRules.Validate(draft, self: null, errors);
        if (details is not null)
        {
            await CheckParentAsync(details.ParentCustomerId, self: null, errors, cancellationToken);
        }
        if (details is null || !errors.IsValid)
        {
            return SaveResult<Customer>.Invalid(errors.ToDictionary());
        }
        if (await db.Customers.AnyAsync(c => c.Name == details.Name, cancellationToken))
        {
            return SaveResult<Customer>.Conflict($"A customer named '{details.Name}' already exists.");
        }

        var now = time.GetUtcNow();
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(now),
            Name = details.Name,
            Currency = details.Currency.Code,
            BillingEmail = details.BillingEmail,
            ParentCustomerId = details.ParentCustomerId,
            CreditHold = details.CreditHold,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        customer.SetProfile(details.Profile);
        db.Customers.Add(customer);
        await DomainEvents.RecordAsync(db, DomainEvents.CustomerChanged(customer, created: true), customer.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Customer>.Saved(customer);
    }

    /// <param name="id">The customer to change.</param>
    /// <param name="draft">The new details, all of them.</param>
    /// <param name="expectedVersion">The version the caller read; a different current version is a conflict. Null skips the check.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SaveResult<Customer>> UpdateAsync(Guid id, CustomerDraft draft, int? expectedVersion, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return SaveResult<Customer>.NotFound($"No customer has id '{id}'.");
        }
        var errors = new ValidationErrors();
        var details = CustomerRules.Validate(draft, self: id, errors);
        if (details is not null)
        {
            await CheckParentAsync(details.ParentCustomerId, self: id, errors, cancellationToken);
        }
        if (details is null || !errors.IsValid)
        {
            return SaveResult<Customer>.Invalid(errors.ToDictionary());
        }
        if (expectedVersion is { } expected && expected != customer.Version)
        {
            return SaveResult<Customer>.Conflict(
                $"Customer '{customer.Name}' was changed by someone else (version {customer.Version}, you sent {expected}); reload and try again.");
        }
        if (await db.Customers.AnyAsync(c => c.Name == details.Name && c.Id != id, cancellationToken))
        {
            return SaveResult<Customer>.Conflict($"A customer named '{details.Name}' already exists.");
        }

        // A staff lift releases what waited unless dunning still holds the customer (its lift releases then).
        var holdLifted = customer.CreditHold && !details.CreditHold && !customer.DunningHold;
        if (holdLifted)
        {
            var now = time.GetUtcNow();
            OutboxWriter.Enqueue(db, OutboxTopic.PartnerCenterRelease, $"release:{customer.Id}:{Guid.CreateVersion7(now)}", new CreditHoldRelease(customer.Id, now), now, customer.Id);
        }
        customer.Name = details.Name;
        customer.Currency = details.Currency.Code;
        customer.BillingEmail = details.BillingEmail;
        customer.ParentCustomerId = details.ParentCustomerId;
        customer.CreditHold = details.CreditHold;
        customer.SetProfile(details.Profile);
        customer.UpdatedAt = time.GetUtcNow();
        customer.Version++;
        await DomainEvents.RecordAsync(db, DomainEvents.CustomerChanged(customer, created: false), customer.Id, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<Customer>.Conflict($"Customer '{details.Name}' was changed by someone else while saving; reload and try again.");
        }
        if (holdLifted)
        {
            outbox.Queued();
        }
        return SaveResult<Customer>.Saved(customer);
    }

    private async Task CheckParentAsync(Guid? parentId, Guid? self, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return;
        }
        var current = parentId;
        for (var depth = 0; current is not null; depth++)
        {
            var parent = await db.Customers.AsNoTracking()
                .Where(c => c.Id == current)
                .Select(c => new { c.ParentCustomerId })
                .FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                if (current == parentId)
                {
                    errors.Add("parentCustomerId", $"parentCustomerId must be an existing customer; got '{parentId}'.");
                }
                return;
            }
            if (parent.ParentCustomerId == self && self is not null)
            {
                errors.Add("parentCustomerId", $"parentCustomerId '{parentId}' belongs to this customer's own group; that would make a cycle.");
                return;
            }
            if (depth == MaxParentDepth)
            {
                errors.Add("parentCustomerId", $"parentCustomerId '{parentId}' is more than {MaxParentDepth} levels deep.");
                return;
            }
            current = parent.ParentCustomerId;
        }
    }
}
