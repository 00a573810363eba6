using Microsoft.EntityFrameworkCore;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Customers;

namespace Prorata.Application.Customers;

/// <summary>Which customers to list; null fields do not filter.</summary>
public sealed record CustomerFilter
{
    /// <summary>True: only customers on hold (staff's or dunning's); false: only those not on hold.</summary>
    public bool? OnHold { get; init; }

    public string? Currency { get; init; }

    /// <summary>Only the subsidiaries of this customer.</summary>
    public Guid? ParentId { get; init; }
}

/// <summary>
/// The customers list for the page, the API and the global search: words match the name, billing e-mail, tax id,
/// and the linked Microsoft tenant's id or domain; sorted by name unless asked otherwise. Nothing written.
/// </summary>
public sealed class CustomerSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["name", "currency", "created"];

    public Task<ListPage<Customer>> ListAsync(CustomerFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            "currency" => filtered.OrderBy(c => c.Currency, query.Descending).ThenBy(c => c.Name),
            "created" => filtered.OrderBy(c => c.CreatedAt, query.Descending).ThenBy(c => c.Name),
            _ => filtered.OrderBy(c => c.Name, query.Descending),
        };
        return ordered.ThenBy(c => c.Id).ToPageAsync(filtered, query, cancellationToken);
    }

    private IQueryable<Customer> Filtered(CustomerFilter filter, string? text)
    {
        var query = db.Customers.AsNoTracking();
        if (filter.OnHold is { } onHold) query = query.Where(c => (c.CreditHold || c.DunningHold) == onHold);
        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            var currency = filter.Currency.Trim().ToUpperInvariant();
            query = query.Where(c => c.Currency == currency);
        }
        if (filter.ParentId is { } parent) query = query.Where(c => c.ParentCustomerId == parent);
        if (text is not null)
        {
            var id = Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
            var tenants = db.PartnerCenterCustomers
                .Where(l => l.CustomerId != null && (l.PartnerCenterCustomerId.ToLower() == text || (l.Domain != null && l.Domain.ToLower().Contains(text))))
                .Select(l => l.CustomerId!.Value);
            query = query.Where(c => c.Name.ToLower().Contains(text) || c.BillingEmail.ToLower().Contains(text)
                || (c.TaxId != null && c.TaxId.ToLower().Contains(text)) || c.Id == id || tenants.Contains(c.Id));
        }
        return query;
    }
}
