using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Renewals;

/// <summary>
/// The next renewal of each live subscription of a contract, from a book played up to today: the term as the book holds
/// it (scheduled renewal changes applied) and the customer's price for it from the same pricing code billing uses
/// (<see cref="InvoiceCalculator"/>: the price row in force on the renewal day, in the contract's currency, under the
/// contract's pricing rules). Bundle children follow their parent and Azure plans have no term; neither is listed.
/// </summary>
public static class RenewalCalendar
{
    public static IReadOnlyList<UpcomingRenewal> Of(SubscriptionBook book, BillingContract contract)
    {
        var pricing = new InvoiceCalculator(book);
        var list = new List<UpcomingRenewal>();
        foreach (var s in book.OfContract(contract.Id))
        {
            if (s.HasEnded || s.IsBundleChild || s.Kind == SubscriptionKind.Usage || s.Terms.Count == 0) continue;
            var schedule = s.ScheduledRenewal;
            var plan = book.PlanRenewal(s);
            var renews = s.Status == SubscriptionStatus.Active && s.AutoRenew;
            var price = plan is null ? null
                : pricing.CustomerPriceOf(contract, new OfferSegment(new DateTimeOffset(plan.On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    plan.ProductId, plan.SkuId, plan.Row, plan.On) { Renewal = true });
            list.Add(new UpcomingRenewal(s.Id, contract.Id, s.CurrentOffer.ProductId, s.CurrentOffer.SkuId, s.Quantity, s.CurrentTerm.Period.End, renews,
                schedule?.Quantity, plan?.Term ?? schedule?.Term ?? s.Term, plan?.Plan ?? schedule?.BillingPlan ?? s.Plan, plan?.SkuId ?? schedule?.SkuId ?? s.CurrentOffer.SkuId,
                price?.PerCycle, price?.MissingStrategy ?? false));
        }
        return list;
    }
}
