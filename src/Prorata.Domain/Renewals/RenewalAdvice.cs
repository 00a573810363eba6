using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Renewals;

/// <summary>
/// The seats a subscription should renew with, from the licenses its tenant's users hold (microsoft-csp.md §1.5: changes
/// at renewal are scheduled before it; after the renewal's first 7 days seats can only be added until the next one). The
/// suggestion is the seats assigned, never fewer than 1 (a renewal keeps at least one seat; ending it is turning auto-renew
/// off) and never more than purchased (more seats are added when they are needed, at any time).
/// </summary>
public static class RenewalAdvice
{
    /// <param name="purchased">The subscription's seats now.</param>
    /// <param name="scheduled">The seats already scheduled for the renewal, if any.</param>
    /// <param name="assigned">The subscription's share of its license SKU's assigned licenses (<see cref="SharedLicenses"/>); null without license data.</param>
    /// <param name="renewalTerm">The term the renewal starts (a scheduled term change included).</param>
    public static RenewalSuggestion Suggest(int purchased, int? scheduled, int? assigned, TermDuration renewalTerm)
    {
        if (assigned is not { } users)
            return new RenewalSuggestion(RenewalSuggestionKind.NoLicenseData, null, "No license data: Partner Center has not reported who holds this SKU's licenses.", null);
        var seats = Math.Clamp(users, 1, Math.Max(purchased, 1));
        var planned = scheduled ?? purchased;
        var note = TermNote(renewalTerm);
        var read = $"{purchased} purchased, {users} assigned";
        if (seats == planned)
        {
            return seats == purchased
                ? new RenewalSuggestion(RenewalSuggestionKind.RenewAsIs, seats, $"{read}: renew as is", note)
                : new RenewalSuggestion(RenewalSuggestionKind.Scheduled, seats, $"{read}: {seats} scheduled at renewal", note);
        }
        var text = scheduled is { } already && already < seats
            ? $"{read}, {already} scheduled: schedule {seats} at renewal, so that every assigned user keeps a license"
            : users == 0
                ? $"{read}: schedule 1 at renewal (the least a renewal keeps; turn auto-renew off to let it end)"
                : $"{read}: schedule {seats} at renewal";
        return new RenewalSuggestion(RenewalSuggestionKind.Schedule, seats, text, note);
    }

    /// <summary>
    /// Whether staff may still accept the suggestion they saw for the renewal on <paramref name="renewsOn"/>: only before
    /// that renewal (00:00 UTC of its day, when Microsoft renews), and only while the suggestion is still to schedule
    /// <paramref name="seats"/> seats for that renewal.
    /// </summary>
    /// <param name="current">The suggestion now, with the renewal it is for; null when the subscription no longer renews.</param>
    public static Refusal? CheckAcceptance(DateOnly renewsOn, int seats, (DateOnly RenewsOn, RenewalSuggestion Suggestion)? current, DateTimeOffset now)
    {
        if (now >= new DateTimeOffset(renewsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            return new Refusal(RefusalCode.RenewalPassed,
                $"The renewal of {renewsOn:yyyy-MM-dd} took place at 00:00 UTC that day: its renewal instructions can no longer be set.");
        if (current is not { } known || known.RenewsOn != renewsOn)
            return new Refusal(RefusalCode.SuggestionChanged, $"The subscription no longer renews on {renewsOn:yyyy-MM-dd}; read the renewals again.");
        if (known.Suggestion is not { Kind: RenewalSuggestionKind.Schedule, Seats: { } suggested } || suggested != seats)
            return new Refusal(RefusalCode.SuggestionChanged, $"The suggestion for the renewal of {renewsOn:yyyy-MM-dd} is now \"{known.Suggestion.Text}\", not {seats} seats; read it again.");
        return null;
    }

    private static string TermNote(TermDuration term) => term switch
    {
        TermDuration.P1M => "Monthly term: the seats can be reduced again at each monthly renewal.",
        TermDuration.P1Y => "Annual term: the seats renewed are paid for 12 months; after the first 7 days they can be added to, not reduced, until the next renewal.",
        _ => "Three-year term: the seats renewed are paid for 36 months; after the first 7 days they can be added to, not reduced, until the next renewal.",
    };
}
