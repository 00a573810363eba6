using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Invoices;

namespace Prorata.Application.Invoices;

/// <summary>Which invoices and credit notes to list; null fields do not filter. Dates are billing dates, both ends included.</summary>
public sealed record InvoiceFilter
{
    public Guid? ContractId { get; init; }

    public Guid? CustomerId { get; init; }

    public DateOnly? BillingDate { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public InvoiceStatus? Status { get; init; }

    public InvoiceKind? Kind { get; init; }

    public string? Currency { get; init; }
}

/// <summary>A listed invoice with its customer's name (through its contract).</summary>
public sealed record InvoiceRow(CustomerInvoice Invoice, Guid CustomerId, string CustomerName);

/// <summary>
/// The invoices list: words match the number (INV-000042, CN-000007 or just 42), the customer's name or the legal
/// entity's; newest billing date first unless asked otherwise. Nothing written.
/// </summary>
public sealed partial class InvoiceSearch(ProrataDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["billingDate", "number", "customer", "total", "status"];

    public async Task<ListPage<InvoiceRow>> ListAsync(InvoiceFilter filter, ListQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filtered(filter, query.LowerText);
        var ordered = query.SortBy switch
        {
            // Drafts have no number yet: last either way, on SQLite and PostgreSQL alike (they order nulls differently).
            "number" => filtered.OrderBy(i => i.Number == null).ThenBy(i => i.Number, query.Descending).ThenBy(i => i.LegalEntityName),
            "customer" => filtered.OrderBy(i => db.BillingContracts.Where(c => c.Id == i.ContractId).Select(c => c.Customer!.Name).FirstOrDefault(), query.Descending)
                .ThenByDescending(i => i.BillingDate),
            "total" => filtered.OrderBy(i => i.Currency).ThenBy(i => i.Total, query.Descending),
            "status" => filtered.OrderBy(i => i.Status, query.Descending).ThenByDescending(i => i.BillingDate),
            "billingDate" => filtered.OrderBy(i => i.BillingDate, query.Descending).ThenBy(i => i.LegalEntityName).ThenBy(i => i.Number == null).ThenByDescending(i => i.Number),
            _ => filtered.OrderByDescending(i => i.BillingDate).ThenBy(i => i.LegalEntityName).ThenBy(i => i.Number == null).ThenByDescending(i => i.Number),
        };
        var page = await ordered.ThenBy(i => i.Id).ToPageAsync(filtered, query, cancellationToken);
        var contracts = page.Items.Select(i => i.ContractId).Distinct().ToList();
        var customers = await db.BillingContracts.AsNoTracking().Where(c => contracts.Contains(c.Id))
            .Select(c => new { c.Id, c.CustomerId, c.Customer!.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return page.Select(i => new InvoiceRow(i, customers[i.ContractId].CustomerId, customers[i.ContractId].Name));
    }

    /// <summary>Every invoice the filter and words match, unordered: the list's rows and the CSV export's alike.</summary>
    public IQueryable<CustomerInvoice> Filtered(InvoiceFilter filter, string? lowerText)
    {
        var query = db.Invoices.AsNoTracking();
        if (filter.ContractId is { } contract) query = query.Where(i => i.ContractId == contract);
        if (filter.CustomerId is { } customer)
        {
            var ofCustomer = db.BillingContracts.Where(c => c.CustomerId == customer).Select(c => c.Id);
            query = query.Where(i => ofCustomer.Contains(i.ContractId));
        }
        if (filter.BillingDate is { } day) query = query.Where(i => i.BillingDate == day);
        if (filter.From is { } from) query = query.Where(i => i.BillingDate >= from);
        if (filter.To is { } to) query = query.Where(i => i.BillingDate <= to);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            var currency = filter.Currency.Trim().ToUpperInvariant();
            query = query.Where(i => i.Currency == currency);
        }
        if (lowerText is not null)
        {
            // A draft has no number: a null here must not match them all.
            var number = NumberIn(lowerText) ?? -1;
            var id = Guid.TryParse(lowerText, out var parsed) ? parsed : Guid.Empty;
            var ofNamedCustomers = db.BillingContracts.Where(c => c.Customer!.Name.ToLower().Contains(lowerText)).Select(c => c.Id);
            query = query.Where(i => i.Number == number || i.Id == id || i.LegalEntityName.ToLower().Contains(lowerText) || ofNamedCustomers.Contains(i.ContractId));
        }
        return query;
    }

    /// <summary>
    /// The number in "inv-000042", "cn-7" or "42": digits alone, or after a prefix that ends in a dash. Other words that
    /// merely end in digits ("Contoso 2", "lst2da7") are names, not numbers.
    /// </summary>
    public static long? NumberIn(string text)
    {
        var match = InvoiceNumber().Match(text.Trim());
        return match.Success && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9-]*-)?(?<n>\d{1,18})$")]
    private static partial Regex InvoiceNumber();
}
