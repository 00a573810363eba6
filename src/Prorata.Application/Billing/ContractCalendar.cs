using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Domain.Contracts;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Application.Billing;

/// <summary>
/// When stored contracts invoice (billing-rules §5): every 1, 3 or 12 months from the first billing day on or after
/// their start date, or without one on or after the day of their first log entry, as the engine counts them.
/// </summary>
public static class ContractCalendar
{
    /// <summary>Of <paramref name="contracts"/> (all on the date's billing day), those that invoice on <paramref name="date"/>.</summary>
    public static async Task<List<Guid>> DueOnAsync(ProrataDbContext db, IReadOnlyList<(Guid Id, InvoiceCadence Cadence, DateOnly? StartDate)> contracts,
        DateOnly date, CancellationToken cancellationToken)
    {
        // Monthly contracts invoice on every billing day; a date before their first activity simply finds nothing to bill.
        var counted = contracts.Where(c => c.Cadence != InvoiceCadence.Monthly).ToList();
        var firsts = await FirstActivityAsync(db, counted.Where(c => c.StartDate is null).Select(c => c.Id).ToList(), cancellationToken);
        var due = new List<Guid>(contracts.Count);
        foreach (var c in contracts)
        {
            if (c.Cadence == InvoiceCadence.Monthly)
            {
                due.Add(c.Id);
                continue;
            }
            if (c.StartDate is null && !firsts.ContainsKey(c.Id)) continue;
            var calendar = Calendar(c.Cadence, c.StartDate, date.Day);
            if (calendar.IsBillingDate(date, c.StartDate ?? firsts[c.Id])) due.Add(c.Id);
        }
        return due;
    }

    /// <summary>The contract's next <paramref name="count"/> invoice dates on or after <paramref name="from"/>; none before its first activity.</summary>
    public static async Task<IReadOnlyList<DateOnly>> NextInvoiceDatesAsync(ProrataDbContext db, StoredContract contract, DateOnly from, int count,
        CancellationToken cancellationToken)
    {
        var first = contract.StartDate ?? (await FirstActivityAsync(db, [contract.Id], cancellationToken)).GetValueOrDefault(contract.Id);
        if (first == default) return [];
        return StoredTimeline.ToDomain(contract).BillingDates(first, from, DateOnly.MaxValue).Take(count).ToList();
    }

    /// <summary>The day of each contract's first log entry (UTC), for the contracts that have one.</summary>
    private static async Task<Dictionary<Guid, DateOnly>> FirstActivityAsync(ProrataDbContext db, List<Guid> contractIds, CancellationToken cancellationToken)
    {
        if (contractIds.Count == 0) return [];
        var firsts = await (
                from e in db.LicenseChangeLog.AsNoTracking()
                join s in db.Subscriptions.AsNoTracking() on e.SubscriptionId equals s.Id
                where contractIds.Contains(s.ContractId)
                group e by s.ContractId into g
                select new { ContractId = g.Key, First = g.Min(e => e.At) })
            .ToListAsync(cancellationToken);
        return firsts.ToDictionary(f => f.ContractId, f => DateOnly.FromDateTime(f.First.UtcDateTime));
    }

    private static Domain.Billing.BillingContract Calendar(InvoiceCadence cadence, DateOnly? start, int billingDay) =>
        new("calendar", "", Domain.Money.Currency.FromCode("USD"), billingDay, ContractAlignment.Contract, RefundPolicy.Prorated, [])
        {
            Cadence = cadence,
            StartDate = start,
        };
}
