using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Data.Portal;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Portal;

/// <summary>
/// A customer user's purchases and changes, with the portal's guardrails enforced here on the server: only the caller's
/// customer's subscriptions and offers; only the changes a customer may make (seats, cancellation, auto-renew, the seats
/// at renewal); the offer's minimum and maximum seats; Microsoft's NCE windows, by the same engine that bills (a refusal
/// says why and from which day it becomes possible); staff approval above the customer's amount or for offers that always
/// need it; a confirmation for anything that costs money. What passes goes through <see cref="SubscriptionChanges"/>, the
/// same use case as staff changes, logged in the user's name with source Portal (and so to Partner Center the same way).
/// </summary>
public sealed class PortalOrders(ProrataDbContext db, SubscriptionChanges changes, SubscriptionStandings standings, TimeProvider time)
{
    private static readonly SubscriptionEventType[] Allowed =
        [SubscriptionEventType.SetQuantity, SubscriptionEventType.Cancel, SubscriptionEventType.SetAutoRenew, SubscriptionEventType.ScheduleRenewal];

    public async Task<PortalDecision> PreviewChangeAsync(PortalCaller caller, Guid subscriptionId, ChangeRequest request, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Id == subscriptionId && db.BillingContracts.Any(c => c.Id == s.ContractId && c.CustomerId == caller.CustomerId))
            .FirstOrDefaultAsync(cancellationToken);
        if (subscription is null) return PortalDecision.Missing($"You have no subscription '{subscriptionId}'.");
        if (!caller.CanChange) return PortalDecision.Refuse(PortalGuardrails.ReadOnly, "Only an admin of your organisation can change subscriptions.");
        if (!Allowed.Contains(request.Type))
            return PortalDecision.Refuse(PortalGuardrails.NotInPortal, "This change is not available in the portal; ask your partner.");

        var seats = request.Type is SubscriptionEventType.SetQuantity or SubscriptionEventType.ScheduleRenewal ? request.Quantity : null;
        var increases = seats > subscription.Quantity;
        var offers = await db.PortalOffers.AsNoTracking()
            .Where(o => o.CustomerId == caller.CustomerId && o.ProductId == subscription.ProductId && o.SkuId == subscription.SkuId).ToListAsync(cancellationToken);
        if (increases && offers.Count == 0)
            return PortalDecision.Refuse(PortalGuardrails.NotOffered, $"{subscription.Title} is not offered to you in the portal, so seats cannot be added here; ask your partner.");
        if (seats is { } wanted && SeatLimits(offers, wanted, subscription.Title) is { } limit) return limit;

        var preview = await changes.PreviewAsync(subscriptionId, request with { LargeChangeConfirmed = true }, cancellationToken);
        if (preview.NotFound is { } missing) return PortalDecision.Missing(missing);
        if (preview.Refusal is { } refusal) return await ExplainAsync(subscriptionId, refusal, cancellationToken);
        var decision = new PortalDecision(preview.Preview, null, null, null, null, null, null);
        return decision with
        {
            ApprovalReason = increases ? await ApprovalReasonAsync(caller.CustomerId, offers.Any(o => o.RequiresApproval), subscription.Title, decision, cancellationToken) : null,
            HoldNotice = increases ? await HoldNoticeAsync(caller.CustomerId, cancellationToken) : null,
        };
    }

    public async Task<PortalSubmission> ChangeAsync(PortalCaller caller, Guid subscriptionId, ChangeRequest request, bool confirmed, CancellationToken cancellationToken)
    {
        var decision = await PreviewChangeAsync(caller, subscriptionId, request, cancellationToken);
        if (Stop(decision, confirmed) is { } stop) return PortalSubmission.Of(stop);
        var subscription = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == subscriptionId, cancellationToken);
        if (decision.ApprovalReason is not null)
        {
            var contract = await db.BillingContracts.AsNoTracking().FirstAsync(c => c.Id == subscription.ContractId, cancellationToken);
            return new PortalSubmission(decision, null, await QueueAsync(caller, request.Type, subscription.Id, null, contract.Id, subscription.ProductId, subscription.SkuId,
                subscription.Title, subscription.Term, subscription.BillingPlan, request.Quantity, subscription.Quantity, decision, cancellationToken), null);
        }
        var outcome = await changes.ChangeAsync(subscriptionId, request with { LargeChangeConfirmed = true }, caller.Actor, cancellationToken);
        return new PortalSubmission(decision, outcome, null, await ProblemOfAsync(subscriptionId, outcome, cancellationToken));
    }

    public async Task<PortalDecision> PreviewPurchaseAsync(PortalCaller caller, Guid offerId, int quantity, CancellationToken cancellationToken)
    {
        var offer = await db.PortalOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.CustomerId == caller.CustomerId, cancellationToken);
        if (offer is null) return PortalDecision.Missing($"No offer '{offerId}' is in your catalog.");
        if (!caller.CanChange) return PortalDecision.Refuse(PortalGuardrails.ReadOnly, "Only an admin of your organisation can buy.");
        var title = await TitleAsync(offer, cancellationToken);
        if (SeatLimits([offer], quantity, title) is { } limit) return limit;
        var preview = await changes.PreviewPurchaseAsync(PurchaseOf(offer, quantity), cancellationToken);
        if (preview.NotFound is { } missing) return PortalDecision.Missing(missing);
        if (preview.Refusal is { } refusal) return PortalDecision.Refuse(refusal.Code.ToString(), refusal.Message);
        var decision = new PortalDecision(preview.Preview, null, null, null, null, null, null);
        return decision with
        {
            ApprovalReason = await ApprovalReasonAsync(caller.CustomerId, offer.RequiresApproval, title, decision, cancellationToken),
            HoldNotice = await HoldNoticeAsync(caller.CustomerId, cancellationToken),
        };
    }

    public async Task<PortalSubmission> PurchaseAsync(PortalCaller caller, Guid offerId, int quantity, bool confirmed, CancellationToken cancellationToken)
    {
        var decision = await PreviewPurchaseAsync(caller, offerId, quantity, cancellationToken);
        if (Stop(decision, confirmed) is { } stop) return PortalSubmission.Of(stop);
        var offer = await db.PortalOffers.AsNoTracking().FirstAsync(o => o.Id == offerId, cancellationToken);
        if (decision.ApprovalReason is not null)
            return new PortalSubmission(decision, null, await QueueAsync(caller, SubscriptionEventType.Purchase, null, offer.Id, offer.ContractId, offer.ProductId, offer.SkuId,
                await TitleAsync(offer, cancellationToken), offer.Term, offer.BillingPlan, quantity, null, decision, cancellationToken), null);
        var outcome = await changes.PurchaseAsync(PurchaseOf(offer, quantity), caller.Actor, cancellationToken);
        return new PortalSubmission(decision, outcome, null, await ProblemOfAsync(null, outcome, cancellationToken));
    }

    public static PurchaseRequest PurchaseOf(PortalOffer offer, int quantity) =>
        new(offer.ContractId, offer.ProductId, offer.SkuId, offer.Term, offer.BillingPlan, quantity) { LargeChangeConfirmed = true };

    /// <summary>
    /// Why a submission goes no further: its refusal, or the confirmation it lacks (anything that costs money, or a very large
    /// change, needs the caller's explicit confirmation, whatever page or program sent it).
    /// </summary>
    private static PortalDecision? Stop(PortalDecision decision, bool confirmed) =>
        decision.Preview is null ? decision
        : !confirmed && (decision.CostsMoney || decision.Preview.LargeChange is not null)
            ? decision with
            {
                RefusalCode = PortalGuardrails.NotConfirmed,
                Refused = $"This adds {Currency.Format(decision.Added, decision.Preview.Currency)} {decision.Preview.Currency} to your next invoice; confirm it to go ahead.",
            }
            : null;

    private static PortalDecision? SeatLimits(IReadOnlyList<PortalOffer> offers, int seats, string title)
    {
        if (offers.Count == 0) return null;
        var min = offers.Min(o => o.MinSeats);
        var max = offers.Any(o => o.MaxSeats is null) ? (int?)null : offers.Max(o => o.MaxSeats);
        if (seats < min)
            return PortalDecision.Refuse(PortalGuardrails.TooFewSeats, seats == 0
                ? $"{title} needs at least {min:N0} seat(s); to stop it, cancel it or turn off auto-renew."
                : $"{title} needs at least {min:N0} seat(s) in the portal; you asked for {seats:N0}.");
        if (max is { } most && seats > most)
            return PortalDecision.Refuse(PortalGuardrails.TooManySeats, $"{title} can have at most {most:N0} seats in the portal; you asked for {seats:N0}. Ask your partner for more.");
        return null;
    }

    /// <summary>An NCE refusal in the customer's words, with the day the change becomes possible: at the renewal.</summary>
    private async Task<PortalDecision> ExplainAsync(Guid subscriptionId, Refusal refusal, CancellationToken cancellationToken)
    {
        var standing = (await standings.OfAsync(subscriptionId, time.GetUtcNow(), cancellationToken))?.Standing;
        var renewal = standing?.RenewsOn ?? standing?.TermEnd.AddDays(1);
        var day = renewal?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return refusal.Code switch
        {
            RefusalCode.SeatReductionWindowClosed when standing is not null => PortalDecision.Refuse(refusal.Code.ToString(),
                $"Seats can be removed only within 168 hours of being added, and that window has closed (only {standing.ReducibleNow:N0} seat(s) can still be removed). "
                + $"You can lower the seats for the renewal on {day}: set the seats at renewal below.", renewal),
            RefusalCode.CancellationWindowClosed when standing is not null => PortalDecision.Refuse(refusal.Code.ToString(),
                $"A subscription can be cancelled only within 168 hours of its term's start; that window closed at {standing.CancellableUntil:d MMMM yyyy HH:mm} UTC. "
                + $"Turn off auto-renew and it ends on {standing.TermEnd.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.", standing.TermEnd.AddDays(1)),
            _ => PortalDecision.Refuse(refusal.Code.ToString(), refusal.Message),
        };
    }

    private async Task<string?> ApprovalReasonAsync(Guid customerId, bool offerNeedsApproval, string title, PortalDecision decision, CancellationToken cancellationToken)
    {
        if (offerNeedsApproval) return $"Your partner approves every purchase of {title}.";
        var policy = await db.PortalPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        if (policy?.ApprovalAbove is not { } limit || !decision.CostsMoney) return null;
        var currency = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Currency).FirstAsync(cancellationToken);
        var invoiceCurrency = decision.Preview!.Currency;
        if (!string.Equals(currency, invoiceCurrency, StringComparison.OrdinalIgnoreCase))
            return $"It is billed in {invoiceCurrency}, and your partner approves changes in another currency than {currency}.";
        return decision.Added > limit
            ? $"It adds {Currency.Format(decision.Added, invoiceCurrency)} {invoiceCurrency} to your next invoice; your partner approves anything above {Currency.Format(limit, currency)} {currency}."
            : null;
    }

    private async Task<string?> HoldNoticeAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == customerId, cancellationToken);
        return !customer.OnHold ? null
            : customer.DunningHold
                ? "Your account is on hold because an invoice is overdue: the change is recorded and billed, and the seats are provisioned once the invoice is paid."
                : "Your account is on hold: the change is recorded and billed, and the seats are provisioned once your partner lifts the hold.";
    }

    private async Task<PortalRequest> QueueAsync(PortalCaller caller, SubscriptionEventType type, Guid? subscriptionId, Guid? offerId, Guid contractId, string productId,
        string skuId, string title, Domain.Catalog.TermDuration? term, Domain.Catalog.BillingPlan? plan, int? quantity, int? before, PortalDecision decision,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = db.PortalRequests.Add(new PortalRequest
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = caller.CustomerId,
            CustomerUserId = caller.UserId,
            RequestedBy = caller.Email,
            Type = type,
            SubscriptionId = subscriptionId,
            OfferId = offerId,
            ContractId = contractId,
            ProductId = productId,
            SkuId = skuId,
            Title = title,
            Term = term,
            BillingPlan = plan,
            Quantity = quantity,
            QuantityBefore = before,
            Amount = decision.Added,
            Currency = decision.Preview!.Currency,
            Reason = decision.ApprovalReason!,
            State = PortalRequestState.Pending,
            RequestedAt = now,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>A refusal at the moment of applying (Partner Center's, or a race): the same words as a preview's.</summary>
    private async Task<string?> ProblemOfAsync(Guid? subscriptionId, ChangeOutcome outcome, CancellationToken cancellationToken) =>
        outcome.Refusal is { } refusal
            ? subscriptionId is { } id ? (await ExplainAsync(id, refusal, cancellationToken)).Refused : refusal.Message
            : outcome.Conflict ? "Someone changed this subscription at the same moment; look at it again and retry."
            : outcome.NotFound;

    private async Task<string> TitleAsync(PortalOffer offer, CancellationToken cancellationToken) =>
        await db.CatalogProducts.AsNoTracking().Where(p => p.ProductId == offer.ProductId && p.SkuId == offer.SkuId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken)
        ?? await db.PriceListEntries.AsNoTracking().Where(e => e.ProductId == offer.ProductId && e.SkuId == offer.SkuId).Select(e => e.Title).FirstOrDefaultAsync(cancellationToken)
        ?? $"{offer.ProductId}/{offer.SkuId}";
}
