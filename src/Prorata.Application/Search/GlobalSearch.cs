using System.Globalization;
using Prorata.Application.Customers;
using Prorata.Application.Invoices;
using Prorata.Application.Subscriptions;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Search;

/// <summary>One thing the search box found: what it is, its id, a title and a line that tells it apart.</summary>
public sealed record SearchHit(string Kind, Guid Id, string Title, string Detail);

/// <summary>What one kind of thing matched: its first few hits and how many match in all (the list behind it has the rest).</summary>
public sealed record SearchGroup(string Kind, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// The search box: the same words run through the customer, subscription and invoice lists (name, tenant id or domain,
/// subscription title or Microsoft id, invoice number), so a hit here is a row there.
/// </summary>
public sealed class GlobalSearch(CustomerSearch customers, SubscriptionSearch subscriptions, InvoiceSearch invoices)
{
    public const int HitsPerKind = 5;

    public async Task<IReadOnlyList<SearchGroup>> FindAsync(string text, CancellationToken cancellationToken)
    {
        var query = new ListQuery { Text = text.Trim(), PageSize = HitsPerKind };
        var c = await customers.ListAsync(new CustomerFilter(), query, cancellationToken);
        var s = await subscriptions.ListAsync(new SubscriptionFilter(), query, cancellationToken);
        var i = await invoices.ListAsync(new InvoiceFilter(), query, cancellationToken);
        return
        [
            new("customer", c.Total, [.. c.Items.Select(x => new SearchHit("customer", x.Id, x.Name, $"{x.Currency} · {x.BillingEmail}"))]),
            new("subscription", s.Total, [.. s.Items.Select(x => new SearchHit("subscription", x.Subscription.Id, x.Subscription.Title,
                $"{x.CustomerName} · {x.Subscription.Quantity.ToString(CultureInfo.InvariantCulture)} seats · {EnumText.ToWire(x.Subscription.Status)}"))]),
            new("invoice", i.Total, [.. i.Items.Select(x => new SearchHit("invoice", x.Invoice.Id, x.Invoice.DisplayNumber ?? "draft",
                $"{x.CustomerName} · {x.Invoice.BillingDate:yyyy-MM-dd} · {x.Invoice.Total.ToString("N2", CultureInfo.InvariantCulture)} {x.Invoice.Currency} · {EnumText.ToWire(x.Invoice.Status)}"))]),
        ];
    }
}
