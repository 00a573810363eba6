using Microsoft.EntityFrameworkCore;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>Which payments to list; null fields do not filter. Dates are the days received (UTC), both ends included.</summary>
public sealed record PaymentFilter
{
    public Guid? CustomerId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public PaymentMethodKind? Method { get; init; }

    public string? Currency { get; init; }

    /// <summary>True: only reversed payments; false: only those standing.</summary>
    public bool? Reversed { get; init; }
}

/// <summary>A listed payment with its customer's name.</summary>
public sealed record PaymentRow(Payment Payment, string CustomerName);

/// <summary>
/// The payments list: words match the reference, the provider's payment id and the customer's name; newest first
/// unless asked otherwise. Nothing written.
/// </summary>
public sealed class PaymentSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["received", "amount", "customer"];

    public async Task<ListPage<PaymentRow>> ListAsync(PaymentFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            "amount" => filtered.OrderBy(p => p.Currency).ThenBy(p => p.Amount, query.Descending),
            "customer" => filtered.OrderBy(p => db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).FirstOrDefault(), query.Descending)
                .ThenByDescending(p => p.ReceivedAt),
            "received" => filtered.OrderBy(p => p.ReceivedAt, query.Descending),
            _ => filtered.OrderByDescending(p => p.ReceivedAt),
        };
        var page = await ordered.ThenBy(p => p.Id).ToPageAsync(filtered, query, cancellationToken);
        var ids = page.Items.Select(p => p.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return page.Select(p => new PaymentRow(p, names[p.CustomerId]));
    }

    /// <summary>Every payment the filter and words (lower case) match, unordered: the list's rows and the receivables views' alike.</summary>
    public IQueryable<Payment> Filtered(PaymentFilter filter, string? text)
    {
        var query = db.Payments.AsNoTracking().Include(p => p.Reversal).AsQueryable();
        if (filter.CustomerId is { } customer) query = query.Where(p => p.CustomerId == customer);
        if (filter.From is { } first)
        {
            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(p => p.ReceivedAt >= start);
        }
        if (filter.To is { } last)
        {
            var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(p => p.ReceivedAt < end);
        }
        if (filter.Method is { } method) query = query.Where(p => p.Method == method);
        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            var currency = filter.Currency.Trim().ToUpperInvariant();
            query = query.Where(p => p.Currency == currency);
        }
        if (filter.Reversed is { } reversed) query = query.Where(p => (p.Reversal != null) == reversed);
        if (text is not null)
        {
            var id = Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
            var named = db.Customers.Where(c => c.Name.ToLower().Contains(text)).Select(c => c.Id);
            query = query.Where(p => p.Reference.ToLower().Contains(text) || p.Id == id
                || (p.ProviderPaymentId != null && p.ProviderPaymentId.ToLower() == text) || named.Contains(p.CustomerId));
        }
        return query;
    }
}
