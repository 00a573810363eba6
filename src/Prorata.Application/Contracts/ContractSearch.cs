using Microsoft.EntityFrameworkCore;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Contracts;

namespace Prorata.Application.Contracts;

/// <summary>Which contracts to list; null fields do not filter.</summary>
public sealed record ContractFilter
{
    public Guid? CustomerId { get; init; }

    public string? Currency { get; init; }

    public Guid? LegalEntityId { get; init; }
}

/// <summary>
/// The contracts list: words match the customer's name, the currency or the legal entity's name; sorted by customer
/// unless asked otherwise. Each contract comes with its customer and legal entity. Nothing written.
/// </summary>
public sealed class ContractSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["customer", "currency", "billingDay", "created"];

    public Task<ListPage<BillingContract>> ListAsync(ContractFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            "currency" => filtered.OrderBy(c => c.Currency, query.Descending).ThenBy(c => c.Customer!.Name),
            "billingDay" => filtered.OrderBy(c => c.BillingDay, query.Descending).ThenBy(c => c.Customer!.Name),
            "created" => filtered.OrderBy(c => c.CreatedAt, query.Descending).ThenBy(c => c.Customer!.Name),
            _ => filtered.OrderBy(c => c.Customer!.Name, query.Descending).ThenBy(c => c.Currency),
        };
        return ordered.ThenBy(c => c.Id).ToPageAsync(filtered, query, cancellationToken);
    }

    private IQueryable<BillingContract> Filtered(ContractFilter filter, string? text)
    {
        IQueryable<BillingContract> query = db.BillingContracts.AsNoTracking().Include(c => c.Customer).Include(c => c.LegalEntity);
        if (filter.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            var currency = filter.Currency.Trim().ToUpperInvariant();
            query = query.Where(c => c.Currency == currency);
        }
        if (filter.LegalEntityId is { } entity) query = query.Where(c => c.LegalEntityId == entity);
        if (text is not null)
        {
            var id = Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
            query = query.Where(c => c.Customer!.Name.ToLower().Contains(text) || c.Currency.ToLower() == text
                || c.LegalEntity!.Name.ToLower().Contains(text) || c.Id == id);
        }
        return query;
    }
}
