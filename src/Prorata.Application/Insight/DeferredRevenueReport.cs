using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Application.Insight;

/// <summary>
/// The deferred revenue schedule (<see cref="DeferredRevenueSchedule"/>) from the stored lines of issued invoices and credit
/// notes (a voided invoice was never revenue; a credited one stays, its credit note takes it back). Only the lines that can
/// touch the months asked for are read, streamed as narrow rows: a million lines are a few columns each, never entities.
/// </summary>
public sealed class DeferredRevenueReport(ProrataDbContext db)
{
    /// <summary>The longest range one schedule covers: ten years of months.</summary>
    public const int MaxMonths = 120;

    public async Task<IReadOnlyList<DeferredRevenueRow>> MonthsAsync(DateOnly from, DateOnly to, Guid? legalEntityId, CancellationToken cancellationToken)
    {
        var schedule = new DeferredRevenueSchedule(from, to);
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var lines =
            from l in db.InvoiceLines.AsNoTracking()
            join i in db.Invoices.AsNoTracking() on l.InvoiceId equals i.Id
            where (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Credited) && i.BillingDate <= last && (l.PeriodEnd >= first || i.BillingDate >= first)
            select new { i.LegalEntityId, i.Currency, i.BillingDate, l.PeriodStart, l.PeriodEnd, l.Amount };
        if (legalEntityId is { } entity) lines = lines.Where(l => l.LegalEntityId == entity);

        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!currencies.TryGetValue(l.Currency, out var currency)) currencies[l.Currency] = currency = Currency.FromCode(l.Currency);
            // As the currency writes it: PostgreSQL's numeric gives 137.500000 back for 137.50.
            schedule.Add(new DeferredLine(l.LegalEntityId.ToString(), l.Currency, l.BillingDate, l.PeriodStart, l.PeriodEnd, Rounding.Customer(l.Amount, currency)));
        }

        var names = await db.LegalEntities.AsNoTracking().ToDictionaryAsync(e => e.Id.ToString(), e => e.Name, cancellationToken);
        return schedule.Months()
            .Select(m => new DeferredRevenueRow(Guid.Parse(m.LegalEntity), names.GetValueOrDefault(m.LegalEntity, m.LegalEntity), m.Currency, m.Month.ToString("yyyy-MM",
                System.Globalization.CultureInfo.InvariantCulture), m.Opening, m.Billed, m.Recognised, m.Closing))
            .OrderBy(r => r.LegalEntityName, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal)
            .ToList();
    }
}
