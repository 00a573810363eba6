namespace Prorata.Domain.Receivables;

/// <summary>
/// A contract's dunning (billing-rules §5): a reminder at 00:00 of due + n days for each n of <see cref="RemindAfterDays"/>
/// while the invoice has a balance, and credit hold from due + <see cref="HoldAfterDays"/> (never when null).
/// </summary>
public sealed record DunningPolicy(IReadOnlyList<int> RemindAfterDays, int? HoldAfterDays)
{
    /// <summary>No reminders and no hold: a contract that names no policy.</summary>
    public static readonly DunningPolicy None = new([], null);

    public const int MaxDays = 365;

    /// <summary>The first moment an invoice due <paramref name="due"/> puts its customer on hold; null when the policy never does.</summary>
    public DateTimeOffset? HoldFrom(DateOnly due) => HoldAfterDays is { } days ? Midnight(due.AddDays(days)) : null;

    /// <summary>The moments reminders of an invoice due <paramref name="due"/> are sent, in order, with their step n.</summary>
    public IEnumerable<(int Days, DateTimeOffset At)> Reminders(DateOnly due) => RemindAfterDays.Select(n => (n, Midnight(due.AddDays(n))));

    /// <summary>
    /// Checks days the way a person types them: each between 0 and 365, no day twice; null when fine, else the problem with
    /// the value named.
    /// </summary>
    public static string? Problem(IReadOnlyList<int> remindAfterDays, int? holdAfterDays)
    {
        foreach (var day in remindAfterDays)
            if (day is < 0 or > MaxDays) return $"remindAfterDays: each day must be between 0 and {MaxDays}; got {day}";
        if (remindAfterDays.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"remindAfterDays: {twice.Key} is listed twice";
        if (holdAfterDays is < 0 or > MaxDays) return $"holdAfterDays: must be between 0 and {MaxDays}; got {holdAfterDays}";
        return null;
    }

    /// <summary>The policy with its reminder days in order.</summary>
    public static DunningPolicy Of(IEnumerable<int> remindAfterDays, int? holdAfterDays) => new(remindAfterDays.Order().ToList(), holdAfterDays);

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
