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
/// subscription id it is linked to; sorted by customer, then oldest first, unless asked otherwise. Nothing written.
/// </summary>
public sealed class SubscriptionSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["customer", "title", "seats", "status", "created"];

    public async Task<ListPage<SubscriptionRow>> ListAsync(SubscriptionFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            "title" => filtered.OrderBy(r => r.Subscription.Title, query.Descending).ThenBy(r => r.CustomerName),
            "seats" => filtered.OrderBy(r => r.Subscription.Quantity, query.Descending).ThenBy(r => r.CustomerName),
            "status" => filtered.OrderBy(r => r.Subscription.Status, query.Descending).ThenBy(r => r.CustomerName),
            "created" => filtered.OrderBy(r => r.Subscription.CreatedAt, query.Descending),
            _ => filtered.OrderBy(r => r.CustomerName, query.Descending).ThenBy(r => r.Subscription.ContractId).ThenBy(r => r.Subscription.CreatedAt),
        };
        var page = await ordered.ThenBy(r => r.Subscription.Id).ToPageAsync(filtered, query, cancellationToken);
        return page.Select(r => new SubscriptionRow(r.Subscription, r.CustomerId, r.CustomerName, r.Currency));
    }

    private sealed class Joined
    {
        public required CustomerSubscription Subscription { get; init; }
        public Guid CustomerId { get; init; }
        public required string CustomerName { get; init; }
        public required string Currency { get; init; }
    }

    private IQueryable<Joined> Filtered(SubscriptionFilter filter, string? text)
    {
        var query = from s in db.Subscriptions.AsNoTracking()
                    join c in db.BillingContracts on s.ContractId equals c.Id
                    select new Joined { Subscription = s, CustomerId = c.CustomerId, CustomerName = c.Customer!.Name, Currency = c.Currency };
        if (filter.ContractId is { } contract) query = query.Where(r => r.Subscription.ContractId == contract);
        if (filter.CustomerId is { } customer) query = query.Where(r => r.CustomerId == customer);
        if (filter.Status is { } status) query = query.Where(r => r.Subscription.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.ProductId))
        {
            var product = filter.ProductId.Trim();
            query = query.Where(r => r.Subscription.ProductId == product);
        }
        if (text is not null)
        {
            var id = Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
            query = query.Where(r => r.Subscription.Title.ToLower().Contains(text) || r.CustomerName.ToLower().Contains(text)
                || r.Subscription.ProductId.ToLower() == text || r.Subscription.SkuId.ToLower() == text || r.Subscription.Id == id
                || db.PartnerCenterSubscriptions.Any(l => l.SubscriptionId == r.Subscription.Id && l.PartnerCenterSubscriptionId.ToLower() == text));
        }
        return query;
    }
}
