using System.Globalization;
using Prorata.Data.Contracts;
using Prorata.Domain.Receivables;

namespace Prorata.Web.Features.Contracts;

/// <summary>
/// The contract page's collection form: auto-charge, reminder days after the due date (comma-separated) and the day credit
/// hold starts (blank: never). Field names match the API's (PUT /api/v1/contracts/{id}/collection) so refusals land next to their field.
/// </summary>
public sealed class CollectionForm
{
    public bool AutoCharge { get; set; }

    public string? RemindAfterDays { get; set; }

    public string? HoldAfterDays { get; set; }

    public int Version { get; set; }

    public static CollectionForm From(BillingContract c) => new()
    {
        AutoCharge = c.AutoCharge,
        RemindAfterDays = string.Join(", ", c.Dunning.RemindAfterDays),
        HoldAfterDays = c.DunningHoldAfterDays?.ToString(CultureInfo.InvariantCulture),
        Version = c.Version,
    };

    /// <summary>The days as typed, checked by the same rule as the API (<see cref="DunningPolicy.Problem"/>); the errors by field when they are not fine.</summary>
    public (IReadOnlyList<int> RemindAfterDays, int? HoldAfterDays, Dictionary<string, string[]>? Errors) Read()
    {
        var days = new List<int>();
        foreach (var part in (RemindAfterDays ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day))
                return ([], null, Error("remindAfterDays", $"remindAfterDays: each day must be a whole number of days; got '{part}'"));
            days.Add(day);
        }
        int? hold = null;
        if (!string.IsNullOrWhiteSpace(HoldAfterDays))
        {
            if (!int.TryParse(HoldAfterDays.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return ([], null, Error("holdAfterDays", $"holdAfterDays: must be a whole number of days or blank for never; got '{HoldAfterDays}'"));
            hold = value;
        }
        if (DunningPolicy.Problem(days, hold) is { } problem) return ([], null, Error(problem[..problem.IndexOf(':')], problem));
        return (days, hold, null);
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
