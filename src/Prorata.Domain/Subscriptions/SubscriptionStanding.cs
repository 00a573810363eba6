namespace Prorata.Domain.Subscriptions;

/// <summary>Seats added together that may still be removed for a refund, until <see cref="Until"/>.</summary>
public sealed record ReducibleSeats(int Seats, DateTimeOffset Until);

/// <summary>
/// Where a subscription stands at an instant, as a person deciding a change needs it: its term (first and last day), the
/// day it renews (null when it will not: auto-renew off, suspended, ended), whether it can still be cancelled for a
/// refund and until when (168 hours from the term's start, microsoft-csp.md §1.3), and which seats can still be removed
/// and until when (each batch its own 168 hours). A reduction past those is refused until the renewal.
/// </summary>
public sealed record SubscriptionStanding(
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly? RenewsOn,
    DateTimeOffset CancellableUntil,
    bool Cancellable,
    IReadOnlyList<ReducibleSeats> Reducible)
{
    public int ReducibleNow => Reducible.Sum(r => r.Seats);

    /// <summary>The subscription as a book played up to <paramref name="now"/> holds it; null for one without a term (an Azure plan).</summary>
    public static SubscriptionStanding? Of(Subscription subscription, DateTimeOffset now)
    {
        if (subscription.Terms.Count == 0 || subscription.Kind == SubscriptionKind.Usage) return null;
        var term = subscription.CurrentTerm;
        var live = !subscription.HasEnded;
        var cancellableUntil = term.StartedAt + SubscriptionBook.ChangeWindow;
        var renews = live && subscription.Status == SubscriptionStatus.Active && subscription.AutoRenew && !subscription.IsBundleChild
            ? term.Period.End.AddDays(1) : (DateOnly?)null;
        // The newest seats go first in a reduction; only what the subscription still holds can be removed.
        var left = subscription.Quantity;
        var reducible = new List<ReducibleSeats>();
        if (live && subscription.Kind == SubscriptionKind.License)
        {
            foreach (var batch in subscription.SeatBatches.AsEnumerable().Reverse())
            {
                if (left <= 0) break;
                var seats = Math.Min(batch.Quantity, left);
                left -= seats;
                if (now <= batch.ReducibleUntil && seats > 0) reducible.Add(new ReducibleSeats(seats, batch.ReducibleUntil));
            }
        }
        return new SubscriptionStanding(term.Period.Start, term.Period.End, renews, cancellableUntil,
            live && subscription.Kind == SubscriptionKind.License && now <= cancellableUntil, [.. reducible.OrderBy(r => r.Until)]);
    }
}
