using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Receivables;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// The metrics and commissions of a scenario (billing-rules §5), played beside its billing. MRR is read from the book at
/// each month end — 24:00 of the month's last day: after every event before it, before the renewals and expiries at 00:00
/// of the next day — for every month from the one of the first subscription event to the one before billUntil, one row
/// per customer and contract currency. Usage beside it is priced from the rows known by billUntil. Each invoice line earns its commission
/// when the invoice is issued; a cash payout is split by the payments known by billUntil.
/// </summary>
internal sealed class ScenarioInsight(Scenario scenario)
{
    private readonly MrrHistory _history = new();
    private readonly List<ScenarioMetric> _metrics = [];
    private readonly List<ScenarioCommission> _commissions = [];
    private readonly List<(int Position, ScenarioCommission Commission, string Invoice, decimal Total)> _cash = [];
    private readonly (string Customer, Currency Currency)[] _customers =
        scenario.Contracts.Select(c => (c.CustomerId, c.Currency)).Distinct().ToArray();
    private Dictionary<string, int>? _usageKnown;
    private DateOnly? _nextMonth = FirstMonth(scenario);

    /// <summary>The instant the next month to report ends (00:00 of the month after it), or null when none is left.</summary>
    public DateTimeOffset? NextMonthEnd =>
        _nextMonth?.AddMonths(1) is { } end && end <= scenario.BillUntil ? new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>Reads MRR at the end of the next month; nothing at or after its end may have been played yet.</summary>
    public void CloseMonth(ScenarioRun run)
    {
        var month = _nextMonth!.Value;
        var lastDay = month.AddMonths(1).AddDays(-1);
        run.Book.AdvanceTo(lastDay);
        var totals = MonthlyRecurringRevenue.AtMonthEnd(run.RecurringAt(lastDay)).ToDictionary(t => (t.Customer, t.Currency));
        foreach (var (customer, currency) in _customers)
        {
            var total = totals.GetValueOrDefault((customer, currency)) ?? new MrrTotal(customer, currency, 0m, 0m);
            _metrics.Add(new ScenarioMetric(month, customer, currency.Code, total.Mrr, total.MrrCost, total.Arr, 0m,
                _history.Record(customer, currency, total.Mrr)));
        }
        _nextMonth = month.AddMonths(1);
    }

    /// <summary>Notes how many usage rows each Azure plan has now: the rows known by billUntil. Only the first call counts.</summary>
    public void KnowUsage(SubscriptionBook book) =>
        _usageKnown ??= book.Subscriptions.Where(s => s.Kind == SubscriptionKind.Usage).ToDictionary(s => s.Id, s => s.Usage.Count, StringComparer.Ordinal);

    /// <summary>
    /// The commissions an issued invoice earns for its contract's salesperson; called at once, with the book as the
    /// billing run saw it. <paramref name="total"/> is what the customer owes for it, tax included.
    /// </summary>
    public void Invoiced(Invoice invoice, decimal total, BillingContract contract, ScenarioRun run)
    {
        if (!scenario.SalespersonOf.TryGetValue(contract.Id, out var salespersonId)) return;
        var salesperson = scenario.Salespeople.First(s => s.Id == salespersonId);
        var horizon = contract.PeriodEndFrom(invoice.Date);
        foreach (var line in invoice.Lines)
        {
            if (CommissionRules.Match(salesperson.Plans, line.ProductId, line.SkuId) is not { } plan) continue;
            var grossProfit = line.Cost is { } cost ? GrossProfit.Of(line.Amount, cost) : (decimal?)null;
            if (CommissionRules.Earn(plan, line.Amount, grossProfit, contract.Currency) is not { } amount || amount == 0) continue;
            var commission = new ScenarioCommission(salesperson.Id, contract.Id, invoice.Date, line.Subscription, line.PeriodStart, line.PeriodEnd,
                line.ProductId, line.SkuId, plan.Basis, plan.Rate, plan.Payout, amount, contract.Currency.Code, invoice.Date);
            switch (plan.Payout)
            {
                case CommissionPayout.Booking:
                    var subscription = run.Book.Find(line.Subscription)!;
                    _commissions.Add(commission with
                    {
                        PayableOn = CommissionRules.BookedOn(line, invoice.Date, subscription.Changes, run.TermsKnownNow(subscription, horizon)),
                    });
                    break;
                case CommissionPayout.Cash:
                    // Split once the payments are known; kept in its place among the others.
                    _cash.Add((_commissions.Count, commission, ScenarioReceivables.KeyOf(contract.Id, invoice.Date), total));
                    break;
                default:
                    _commissions.Add(commission);
                    break;
            }
        }
    }

    public ScenarioInsightResult Result(AccountsReceivable ledger, SubscriptionBook book)
    {
        KnowUsage(book);
        var usage = Usage(book);
        var metrics = _metrics.Select(m => m with { Usage = usage.GetValueOrDefault((m.Customer, m.Currency, m.Month)) }).ToList();
        var commissions = new List<ScenarioCommission>(_commissions);
        // Inserted from the last, so that earlier positions stay where they were.
        for (var i = _cash.Count - 1; i >= 0; i--)
        {
            var (position, commission, invoice, total) = _cash[i];
            var settlements = ledger.Allocations.Where(a => a.Invoice == invoice).Select(a => new Settlement(DateOnly.FromDateTime(a.At.UtcDateTime), a.Amount));
            var instalments = CommissionRules.ByCash(commission.Amount, total, commission.InvoiceDate, settlements, Currency.FromCode(commission.Currency));
            commissions.InsertRange(position, instalments.Where(p => p.Amount != 0).Select(p => commission with { Amount = p.Amount, PayableOn = p.PayableOn }));
        }
        return new ScenarioInsightResult(metrics, commissions);
    }

    /// <summary>Each customer's Azure usage per contract currency and month, each plan's month priced by its contract's rule.</summary>
    private Dictionary<(string Customer, string Currency, DateOnly Month), decimal> Usage(SubscriptionBook book)
    {
        var usage = new Dictionary<(string, string, DateOnly), decimal>();
        foreach (var contract in scenario.Contracts)
            foreach (var plan in book.OfContract(contract.Id))
            {
                if (plan.Kind != SubscriptionKind.Usage) continue;
                var rule = PricingStrategy.Match(contract.Pricing, plan.CurrentOffer.ProductId, plan.CurrentOffer.SkuId);
                var rows = plan.Usage.Take(_usageKnown!.GetValueOrDefault(plan.Id)).ToList();
                foreach (var month in rows.Select(r => MonthArithmetic.FirstOfMonth(r.Date)).Distinct())
                {
                    var key = (contract.CustomerId, contract.Currency.Code, month);
                    usage[key] = usage.GetValueOrDefault(key) + UsageRevenue.OfMonth(rows, month, rule, contract.Currency);
                }
            }
        return usage;
    }

    /// <summary>
    /// The month of the scenario's first subscription event; null without one. A payment or a credit hold before it has no
    /// MRR to report, and only subscription events have their dates bounded by a simulation's limits.
    /// </summary>
    private static DateOnly? FirstMonth(Scenario scenario) =>
        scenario.Events.Count == 0 ? null : MonthArithmetic.FirstOfMonth(DateOnly.FromDateTime(scenario.Events[0].At.UtcDateTime));
}
