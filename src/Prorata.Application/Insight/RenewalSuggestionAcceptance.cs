using Microsoft.EntityFrameworkCore;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Domain.Renewals;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Insight;

/// <summary>
/// Accepting a renewal suggestion in one click: if it is still the suggestion for that renewal and the renewal has not
/// happened (<see cref="RenewalAdvice.CheckAcceptance"/>), the seats are scheduled through the one use case that changes
/// subscriptions (<see cref="SubscriptionChanges"/>: judged under the NCE rules, sent to Partner Center when linked,
/// logged), exactly as scheduling them by hand; a refusal writes nothing.
/// </summary>
public sealed class RenewalSuggestionAcceptance(ProrataDbContext db, RenewalsAhead renewals, SubscriptionChanges changes, TimeProvider time)
{
    public async Task<ChangeOutcome> AcceptAsync(Guid subscriptionId, DateOnly renewsOn, int seats, ChangeActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken))
            return ChangeOutcome.Missing($"No subscription has id '{subscriptionId}'.");
        var now = time.GetUtcNow();
        var current = await renewals.NextAsync(subscriptionId, now, cancellationToken);
        if (RenewalAdvice.CheckAcceptance(renewsOn, seats, current, now) is { } refusal)
            return ChangeOutcome.Refused(refusal);
        return await changes.ChangeAsync(subscriptionId, new ChangeRequest(SubscriptionEventType.ScheduleRenewal) { Quantity = seats }, actor, cancellationToken);
    }
}
