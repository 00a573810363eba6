namespace Prorata.Domain.Renewals;

/// <summary>
/// The licenses a tenant's users hold of one SKU, shared out between the subscriptions that provide its seats (a tenant's
/// assigned licenses are counted per SKU, never per subscription). Seats are filled from the subscription whose term ends
/// last, so that the seats nobody uses fall to the subscription that renews first: the first renewal is the first day
/// they can be dropped, and the others keep every user covered until theirs. Assigned licenses are put on these
/// subscriptions' seats before any seats the tenant holds elsewhere (from another seller), so a suggested reduction never
/// counts on seats Prorata does not bill. Licenses beyond every seat (a tenant over-assigned after a reduction) fall to the
/// subscription that renews first, which then shows more assigned than purchased.
/// </summary>
public static class SharedLicenses
{
    /// <returns>Each holder's share of <paramref name="assigned"/>, by subscription id; the shares add up to it.</returns>
    public static IReadOnlyDictionary<string, int> Split(int assigned, IReadOnlyList<LicenseHolder> holders)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(assigned);
        var shares = new Dictionary<string, int>(StringComparer.Ordinal);
        if (holders.Count == 0) return shares;
        // Ties (same term end) fill the larger subscription first, then by id, so a split never depends on the order given.
        var ordered = holders.OrderByDescending(h => h.TermEnd).ThenByDescending(h => h.Seats).ThenBy(h => h.SubscriptionId, StringComparer.Ordinal).ToList();
        var left = assigned;
        foreach (var holder in ordered)
        {
            var share = Math.Min(Math.Max(holder.Seats, 0), left);
            shares[holder.SubscriptionId] = share;
            left -= share;
        }
        shares[ordered[^1].SubscriptionId] += left;
        return shares;
    }
}
