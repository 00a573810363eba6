namespace Prorata.Web.Features.Shell;

/// <summary>Countdowns and charge cycles in words, the same on staff and customer pages.</summary>
public static class Durations
{
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string Left(TimeSpan left) =>
        left.TotalHours >= 24 ? $"{(int)left.TotalDays} d {left.Hours} h" : left.TotalMinutes >= 60 ? $"{(int)left.TotalHours} h {left.Minutes} min" : $"{Math.Max(0, (int)left.TotalMinutes)} min";

    public static string Cycle(int months) => months switch { 1 => "a month", 12 => "a year", 36 => "per 3 years", _ => $"per {months} months" };
}
