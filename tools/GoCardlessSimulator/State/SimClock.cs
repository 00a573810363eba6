namespace GoCardlessSimulator.State;

/// <summary>The simulated GoCardless's clock, kept apart from the host's TimeProvider so a test's fake clock moves only GoCardless's dates.</summary>
public sealed class SimClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Direct Debit needs notice: the earliest charge date is three working days (Monday to Friday) after today.</summary>
    public DateOnly EarliestChargeDate()
    {
        var date = Today;
        for (var added = 0; added < 3;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        return date;
    }
}
