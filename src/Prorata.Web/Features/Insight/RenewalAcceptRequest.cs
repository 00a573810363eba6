using System.Globalization;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Insight;

/// <summary>
/// Body of POST /api/v1/metrics/renewals/{subscriptionId}/accept (and the page's form): the renewal the suggestion was
/// read for (<c>renewsOn</c>, yyyy-MM-dd) and the seats it suggested, so that a click accepts what was shown and nothing else.
/// </summary>
public sealed record RenewalAcceptRequest(string? RenewsOn, int? Seats)
{
    public (DateOnly RenewsOn, int Seats)? Parse(ValidationErrors errors)
    {
        if (!DateOnly.TryParseExact(RenewsOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var renewsOn))
            errors.Add("renewsOn", $"renewsOn must be the renewal's day written yyyy-MM-dd; got '{RenewsOn}'.");
        if (Seats is not (>= 1 and <= InputBounds.MaxSeats))
            errors.Add("seats", $"seats must be between 1 and {InputBounds.MaxSeats:N0}; got {(Seats is { } seats ? seats.ToString(CultureInfo.InvariantCulture) : "none")}.");
        return errors.IsValid ? (renewsOn, Seats!.Value) : null;
    }
}
