using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Commissions;
using Prorata.Domain.Money;

namespace Prorata.Application.Commissions;

/// <summary>
/// Statements per salesperson and calendar month. An open statement is computed from the ledger each time: the entries
/// payable in its month, and the late ones — entries payable in an earlier month whose statement was approved before they
/// appeared (or changed since), each for what that statement did not pay, placed in the first month after theirs that is not
/// approved. Approving (Owner, Finance; once the month has ended) stores the statement with a copy of its entries, who and
/// when: from then on it never changes. Paid records who, when and the payment's reference. Each happens once: again is 409.
/// </summary>
public sealed class CommissionStatements(ProrataDbContext db, CommissionLedger ledger, TimeProvider time)
{
    public const string MonthNotEnded = "MonthNotEnded";
    public const int MaxReferenceLength = 200;

    /// <summary>The statements of the months from <paramref name="from"/> to <paramref name="to"/> that pay anything or were approved.</summary>
    public async Task<IReadOnlyList<CommissionStatementView>> ListAsync(DateOnly from, DateOnly to, Guid? salespersonId, CancellationToken cancellationToken)
    {
        var people = await db.Salespeople.AsNoTracking().Where(s => salespersonId == null || s.Id == salespersonId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var stored = await StoredAsync(salespersonId, cancellationToken);
        var entries = await ledger.EntriesAsync(LastDay(to), salespersonId, cancellationToken);
        var views = new List<CommissionStatementView>();
        foreach (var person in people)
        {
            var ofPerson = stored.GetValueOrDefault(person.Id) ?? [];
            var computed = entries.Where(e => e.SalespersonId == person.Id).ToList();
            for (var month = First(from); month <= First(to); month = month.AddMonths(1))
            {
                var view = Compose(person, month, ofPerson, computed);
                if (view.State != CommissionStatementState.Open || view.Entries.Count > 0) views.Add(view);
            }
        }
        return views;
    }

    /// <summary>The statement of one salesperson and month, open or not; null when there is no such salesperson.</summary>
    public async Task<CommissionStatementView?> GetAsync(Guid salespersonId, DateOnly month, CancellationToken cancellationToken)
    {
        var person = await db.Salespeople.AsNoTracking().FirstOrDefaultAsync(s => s.Id == salespersonId, cancellationToken);
        if (person is null) return null;
        var stored = (await StoredAsync(salespersonId, cancellationToken)).GetValueOrDefault(salespersonId) ?? [];
        var computed = stored.ContainsKey(First(month)) ? [] : await ledger.EntriesAsync(LastDay(month), salespersonId, cancellationToken);
        return Compose(person, First(month), stored, computed);
    }

    public async Task<CommissionResult<CommissionStatementView>> ApproveAsync(Guid salespersonId, DateOnly month, string actor, CancellationToken cancellationToken)
    {
        month = First(month);
        var now = time.GetUtcNow();
        if (month.AddMonths(1) > DateOnly.FromDateTime(now.UtcDateTime))
            return CommissionResult<CommissionStatementView>.Refused(MonthNotEnded,
                $"{Text(month)} has not ended (today is {now.UtcDateTime:yyyy-MM-dd}, UTC): a month is approved once nothing more can become payable in it.");
        var view = await GetAsync(salespersonId, month, cancellationToken);
        if (view is null) return CommissionResult<CommissionStatementView>.NotFound($"No salesperson has id '{salespersonId}'.");
        if (view.State != CommissionStatementState.Open) return CommissionResult<CommissionStatementView>.Conflict(AlreadyDone(view));

        var statement = new CommissionStatement
        {
            Id = Guid.CreateVersion7(now), SalespersonId = salespersonId, Month = month, State = CommissionStatementState.Approved, ApprovedBy = actor, ApprovedAt = now,
            Entries = view.Entries.Select(ToStored).ToList(),
        };
        db.CommissionStatements.Add(statement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (salesperson, month) index: someone approved it at the same moment.
            db.ChangeTracker.Clear();
            return CommissionResult<CommissionStatementView>.Conflict(AlreadyDone((await GetAsync(salespersonId, month, cancellationToken))!));
        }
        return CommissionResult<CommissionStatementView>.Done(view with { State = statement.State, ApprovedBy = actor, ApprovedAt = now });
    }

    public async Task<CommissionResult<CommissionStatementView>> PayAsync(Guid salespersonId, DateOnly month, string? reference, string actor,
        CancellationToken cancellationToken)
    {
        month = First(month);
        var text = reference?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxReferenceLength)
            return CommissionResult<CommissionStatementView>.Invalid(new Dictionary<string, string[]>
            {
                ["reference"] = [$"reference is required (how it was paid: a payroll run, a transfer), at most {MaxReferenceLength} characters; got '{reference}'."],
            });
        var view = await GetAsync(salespersonId, month, cancellationToken);
        if (view is null) return CommissionResult<CommissionStatementView>.NotFound($"No salesperson has id '{salespersonId}'.");
        if (view.State == CommissionStatementState.Open)
            return CommissionResult<CommissionStatementView>.Conflict($"The statement of {view.SalespersonName} for {Text(month)} is open: approve it before marking it paid.");
        if (view.State == CommissionStatementState.Paid) return CommissionResult<CommissionStatementView>.Conflict(AlreadyDone(view));

        var now = time.GetUtcNow();
        // Only from approved: of two at the same moment, one changes the row and the other finds it paid.
        var changed = await db.CommissionStatements.Where(s => s.SalespersonId == salespersonId && s.Month == month && s.State == CommissionStatementState.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, CommissionStatementState.Paid).SetProperty(x => x.PaidBy, actor)
                .SetProperty(x => x.PaidAt, now).SetProperty(x => x.PaidReference, text), cancellationToken);
        if (changed == 0) return CommissionResult<CommissionStatementView>.Conflict(AlreadyDone((await GetAsync(salespersonId, month, cancellationToken))!));
        return CommissionResult<CommissionStatementView>.Done(view with { State = CommissionStatementState.Paid, PaidBy = actor, PaidAt = now, PaidReference = text });
    }

    /// <summary>
    /// The statement of <paramref name="month"/>: as stored once approved; else the computed entries payable in it, and the
    /// late ones it takes over. An entry is known by its line and payable date: where the ledger now says something else for
    /// such a date in an approved month than the statements paid for it, the difference is late.
    /// </summary>
    private static CommissionStatementView Compose(Salesperson person, DateOnly month, IReadOnlyDictionary<DateOnly, CommissionStatement> stored,
        IReadOnlyList<CommissionEntry> computed)
    {
        if (stored.TryGetValue(month, out var statement))
            return View(person, month, statement.State, statement.Entries.OrderBy(e => e.Id).Select(e => FromStored(e, person)).ToList(), statement);

        var entries = computed.Where(e => First(e.PayableOn) == month).ToList();
        var paid = stored.Values.SelectMany(s => s.Entries).GroupBy(e => (e.InvoiceLineId, e.PayableOn))
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(e => e.Commission ?? 0m), Template: g.First()));
        var owed = computed.Where(e => stored.ContainsKey(First(e.PayableOn))).GroupBy(e => (e.InvoiceLineId, e.PayableOn))
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(e => e.Commission ?? 0m), Template: g.First()));
        foreach (var key in owed.Keys.Union(paid.Keys).OrderBy(k => k.PayableOn).ThenBy(k => k.InvoiceLineId))
        {
            if (NextOpen(First(key.PayableOn), stored) != month) continue;
            var isOwed = owed.TryGetValue(key, out var now);
            var wasPaid = paid.TryGetValue(key, out var then);
            var delta = (isOwed ? now.Amount : 0m) - (wasPaid ? then.Amount : 0m);
            if (delta == 0) continue;
            entries.Add((isOwed ? now.Template : FromStored(then.Template, person)) with { Commission = delta, Late = true });
        }
        return View(person, month, CommissionStatementState.Open, entries, null);
    }

    /// <summary>The first month after <paramref name="month"/> whose statement is not approved: where what <paramref name="month"/> did not pay goes.</summary>
    private static DateOnly NextOpen(DateOnly month, IReadOnlyDictionary<DateOnly, CommissionStatement> stored)
    {
        var next = month.AddMonths(1);
        while (stored.ContainsKey(next)) next = next.AddMonths(1);
        return next;
    }

    private static CommissionStatementView View(Salesperson person, DateOnly month, CommissionStatementState state, List<CommissionEntry> entries,
        CommissionStatement? statement)
    {
        var totals = entries.Where(e => e.Commission is not null).GroupBy(e => e.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CommissionTotal(g.Key, Rounding.Customer(g.Sum(e => e.Commission!.Value), Currency.FromCode(g.Key)))).ToList();
        return new CommissionStatementView(person.Id, person.Name, month, state, totals, entries.Count(e => e.Commission is null), statement?.ApprovedBy,
            statement?.ApprovedAt, statement?.PaidBy, statement?.PaidAt, statement?.PaidReference, entries);
    }

    private async Task<Dictionary<Guid, Dictionary<DateOnly, CommissionStatement>>> StoredAsync(Guid? salespersonId, CancellationToken cancellationToken) =>
        (await db.CommissionStatements.AsNoTracking().Include(s => s.Entries).Where(s => salespersonId == null || s.SalespersonId == salespersonId)
            .ToListAsync(cancellationToken))
        .GroupBy(s => s.SalespersonId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Month));

    private static string AlreadyDone(CommissionStatementView view) => view.State == CommissionStatementState.Paid
        ? $"The statement of {view.SalespersonName} for {Text(view.Month)} was paid on {view.PaidAt:yyyy-MM-dd} by {view.PaidBy} ({view.PaidReference})."
        : $"The statement of {view.SalespersonName} for {Text(view.Month)} was approved on {view.ApprovedAt:yyyy-MM-dd} by {view.ApprovedBy}.";

    private static CommissionStatementEntry ToStored(CommissionEntry e) => new()
    {
        InvoiceLineId = e.InvoiceLineId, InvoiceId = e.InvoiceId, InvoiceNumber = e.InvoiceNumber, InvoiceKind = e.InvoiceKind, InvoiceDate = e.InvoiceDate,
        ContractId = e.ContractId, CustomerId = e.CustomerId, CustomerName = e.CustomerName, LinePosition = e.LinePosition, SubscriptionId = e.SubscriptionId,
        PeriodStart = e.PeriodStart, PeriodEnd = e.PeriodEnd, ProductId = e.ProductId, SkuId = e.SkuId, PlanId = e.PlanId, Basis = e.Basis, Rate = e.Rate,
        BasisAmount = e.BasisAmount, Commission = e.Commission, Currency = e.Currency, PayableOn = e.PayableOn, Kind = e.Kind, Late = e.Late,
    };

    private static CommissionEntry FromStored(CommissionStatementEntry e, Salesperson person)
    {
        var currency = Currency.FromCode(e.Currency);
        // As the currency writes it: PostgreSQL's numeric gives 13.750000 back for 13.75.
        decimal? Money(decimal? amount) => amount is { } value ? Rounding.Customer(value, currency) : null;
        return new CommissionEntry
        {
            SalespersonId = person.Id, SalespersonName = person.Name, ContractId = e.ContractId, CustomerId = e.CustomerId, CustomerName = e.CustomerName,
            InvoiceId = e.InvoiceId, InvoiceNumber = e.InvoiceNumber, InvoiceKind = e.InvoiceKind, InvoiceDate = e.InvoiceDate, InvoiceLineId = e.InvoiceLineId,
            LinePosition = e.LinePosition, SubscriptionId = e.SubscriptionId, PeriodStart = e.PeriodStart, PeriodEnd = e.PeriodEnd, ProductId = e.ProductId,
            SkuId = e.SkuId, PlanId = e.PlanId, Basis = e.Basis, Rate = e.Rate, BasisAmount = Money(e.BasisAmount), Commission = Money(e.Commission),
            Currency = e.Currency, PayableOn = e.PayableOn, Kind = e.Kind, Late = e.Late,
        };
    }

    private static DateOnly First(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly LastDay(DateOnly month) => First(month).AddMonths(1).AddDays(-1);

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
