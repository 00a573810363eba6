namespace Prorata.Domain.Calendar;

/// <summary>A run of calendar days; both <see cref="Start"/> and <see cref="End"/> are inclusive.</summary>
public readonly record struct Period(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Inclusive days from <paramref name="from"/> to the end of the period.</summary>
    public int DaysFrom(DateOnly from) => End.DayNumber - from.DayNumber + 1;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
