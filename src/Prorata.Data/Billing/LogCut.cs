namespace Prorata.Data.Billing;

/// <summary>
/// Where a stored timeline's change log ends: the entries before <see cref="At"/>, or up to it included when
/// <see cref="Inclusive"/>. A billing run dated D plays what happened before D 00:00 UTC; a view "as of now" plays
/// everything logged up to now.
/// </summary>
public readonly record struct LogCut(DateTimeOffset At, bool Inclusive)
{
    /// <summary>The entries strictly before <paramref name="at"/>.</summary>
    public static LogCut Before(DateTimeOffset at) => new(at, false);

    /// <summary>The entries at or before <paramref name="at"/>.</summary>
    public static LogCut UpTo(DateTimeOffset at) => new(at, true);
}
