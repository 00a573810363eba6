using Microsoft.EntityFrameworkCore;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>Which subscriptions to list; null fields do not filter.</summary>
public sealed record SubscriptionFilter
{
    public Guid? ContractId { get; init; }

    public Guid? CustomerId { get; init; }

    public SubscriptionStatus? Status { get; init; }

    /// <summary>Microsoft's product id, exactly.</summary>
    public string? ProductId { get; init; }
}

/// <summary>A listed subscription with the customer it belongs to (through its contract).</summary>
public sealed record SubscriptionRow(CustomerSubscription Subscription, Guid CustomerId, string CustomerName, string Currency);

/// <summary>
/// The subscriptions list: words match the title, product and SKU ids, the customer's name, and the Microsoft
/// subscription id it is linked to; newest first unless asked otherwise. The filters, the order and the page are taken
/// on the subscriptions alone (the customer's words become the set of its contracts), so a page of 100,000 costs an index
/// walk; only the page's rows are then joined to their customers. Nothing written.
/// </summary>
public sealed class SubscriptionSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["created", "customer", "title", "seats", "status"];

    public async Task<ListPage<SubscriptionRow>> ListAsync(SubscriptionFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            // Joined, so the database can walk the customers' names instead of looking one up per subscription.
            "customer" => filtered.Join(db.BillingContracts, s => s.ContractId, c => c.Id, (s, c) => new { Subscription = s, c.Customer!.Name })
                .OrderBy(x => x.Name, query.Descending).ThenBy(x => x.Subscription.ContractId).ThenBy(x => x.Subscription.CreatedAt).ThenBy(x => x.Subscription.Id)
                .Select(x => x.Subscription),
            "title" => filtered.OrderBy(s => s.Title, query.Descending).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            "seats" => filtered.OrderBy(s => s.Quantity, query.Descending).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            "status" => filtered.OrderBy(s => s.Status, query.Descending).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            "created" => filtered.OrderBy(s => s.CreatedAt, query.Descending).ThenBy(s => s.Id),
            _ => filtered.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
        };
        var page = await ordered.ToPageAsync(filtered, query, cancellationToken);
        var contracts = page.Items.Select(s => s.ContractId).Distinct().ToList();
        var owners = await db.BillingContracts.AsNoTracking().Where(c => contracts.Contains(c.Id))
            .Select(c => new { c.Id, c.CustomerId, c.Customer!.Name, c.Currency }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return page.Select(s => new SubscriptionRow(s, owners[s.ContractId].CustomerId, owners[s.ContractId].Name, owners[s.ContractId].Currency));
    }

    private IQueryable<CustomerSubscription> Filtered(SubscriptionFilter filter, string? text)
    {
        var query = db.Subscriptions.AsNoTracking();
        if (filter.ContractId is { } contract) query = query.Where(s => s.ContractId == contract);
        if (filter.CustomerId is { } customer)
        {
            var ofCustomer = db.BillingContracts.Where(c => c.CustomerId == customer).Select(c => c.Id);
            query = query.Where(s => ofCustomer.Contains(s.ContractId));
        }
        if (filter.Status is { } status) query = query.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.ProductId))
        {
            var product = filter.ProductId.Trim();
            query = query.Where(s => s.ProductId == product);
        }
        if (text is not null)
        {
            var id = Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
            var upper = text.ToUpperInvariant();
            var ofNamedCustomers = db.BillingContracts.Where(c => c.Customer!.Name.ToLower().Contains(text)).Select(c => c.Id);
            var linked = db.PartnerCenterSubscriptions.Where(l => l.PartnerCenterSubscriptionId.ToLower() == text && l.SubscriptionId != null).Select(l => l.SubscriptionId!.Value);
            query = query.Where(s => s.Title.ToLower().Contains(text) || s.ProductId == upper || s.SkuId == upper || s.Id == id
                || ofNamedCustomers.Contains(s.ContractId) || linked.Contains(s.Id));
        }
        return query;
    }
}
