namespace Prorata.Application.Insight;

/// <summary>How far ahead the renewals are listed: 30, 60 or 90 days after the day asked, 30 when not said.</summary>
public static class RenewalWindow
{
    public const int Default = 30;

    public static IReadOnlyList<int> Days { get; } = [30, 60, 90];

    /// <summary>The days, or the message naming the field and the value.</summary>
    public static (int? Days, Dictionary<string, string[]> Errors) Parse(string? within)
    {
        if (string.IsNullOrWhiteSpace(within)) return (Default, []);
        if (int.TryParse(within.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && Days.Contains(days))
            return (days, []);
        return (null, new Dictionary<string, string[]> { ["within"] = [$"within must be 30, 60 or 90 (days); got '{within}'."] });
    }
}
