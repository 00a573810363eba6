using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Insight;

/// <summary>
/// Commissions (billing-rules §5): the salesperson's most specific plan for a line's offer (the SKU's, then the product's,
/// then "*"), the commission it earns (rate × basis, rounded once per line, half away from zero; a negative basis claws
/// back), and when it is payable.
/// </summary>
public static class CommissionRules
{
    public static CommissionPlan? Match(IReadOnlyList<CommissionPlan> plans, string productId, string skuId)
    {
        CommissionPlan? forProduct = null, forAny = null;
        foreach (var plan in plans)
        {
            if (plan.ProductId == CommissionPlan.AnyProduct)
            {
                forAny ??= plan;
                continue;
            }
            if (!string.Equals(plan.ProductId, productId, StringComparison.OrdinalIgnoreCase)) continue;
            if (plan.SkuId is null) forProduct ??= plan;
            else if (string.Equals(plan.SkuId, skuId, StringComparison.OrdinalIgnoreCase)) return plan;
        }
        return forProduct ?? forAny;
    }

    /// <summary>
    /// rate % × the line's amount (revenue) or its exact gross profit (margin), rounded once; null when the plan is on
    /// margin and the line's cost is not known.
    /// </summary>
    public static decimal? Earn(CommissionPlan plan, decimal amount, decimal? grossProfit, Currency currency)
    {
        var basis = plan.Basis == CommissionBasis.Revenue ? amount : grossProfit;
        return basis is { } value ? Rounding.Customer(plan.Rate * value / 100m, currency) : null;
    }

    /// <summary>
    /// A commission paid in cash: on each settlement's day, its share of the invoice total (commission × settled ÷ total,
    /// rounded); the settlement that brings the invoice to fully paid takes what is left, so the instalments add up to
    /// the commission. Nothing is payable for what is still unpaid. An invoice that asks for nothing (total ≤ 0: a credit
    /// note) is settled when issued: the whole commission (a clawback) is payable on <paramref name="invoiceDate"/>.
    /// </summary>
    /// <param name="settlements">What settled the invoice, in the order it did.</param>
    public static IReadOnlyList<CommissionInstalment> ByCash(decimal commission, decimal invoiceTotal, DateOnly invoiceDate,
        IEnumerable<Settlement> settlements, Currency currency)
    {
        if (invoiceTotal <= 0) return [new CommissionInstalment(invoiceDate, commission)];
        var instalments = new List<CommissionInstalment>();
        decimal settled = 0m, given = 0m;
        foreach (var settlement in settlements)
        {
            settled += settlement.Amount;
            if (settled >= invoiceTotal)
            {
                instalments.Add(new CommissionInstalment(settlement.On, commission - given));
                break;
            }
            var part = Rounding.Customer(commission * settlement.Amount / invoiceTotal, currency);
            given += part;
            instalments.Add(new CommissionInstalment(settlement.On, part));
        }
        return instalments;
    }

    /// <summary>
    /// The date of the change that produced a line, for the <c>booking</c> payout. A line of a period's seats (its base, or
    /// what a renewal changed) was booked when its term began: the purchase, or the renewal; a change's line on the day of
    /// that change (a seat change, a cancellation, an upgrade); a price rollout's line on the rollout's first day; a
    /// credit of everything billed (a cancellation within 24 hours) on the day of the cancellation. A usage line, and a
    /// line of a term that no longer exists (a renewal billed ahead, then not made), were booked by nothing: they are
    /// payable on the invoice date.
    /// </summary>
    /// <param name="changes">The subscription's license change log.</param>
    /// <param name="terms">The subscription's terms, and the renewals planned then, as known when the line was billed.</param>
    public static DateOnly BookedOn(InvoiceLine line, DateOnly invoiceDate, IReadOnlyList<LicenseChange> changes, IReadOnlyList<Period> terms)
    {
        if (line.Origin is not { } origin)
        {
            for (var i = changes.Count - 1; i >= 0; i--)
                if (changes[i].Kind == LicenseChangeKind.Cancellation) return DateOf(changes[i].At);
            return invoiceDate;
        }
        switch (origin.Source)
        {
            case BillingItemKey.Usage:
                return invoiceDate;
            case BillingItemKey.Rollout:
                return origin.From;
            case BillingItemKey.Base:
            case BillingItemKey.Renewal:
                foreach (var term in terms)
                    if (term.Contains(origin.PeriodStart)) return term.Start;
                return invoiceDate;
            default:
                foreach (var change in changes)
                    if (change.Source == origin.Source) return DateOf(change.At);
                return invoiceDate;
        }
    }

    private static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
