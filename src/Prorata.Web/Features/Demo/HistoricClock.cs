namespace Prorata.Web.Features.Demo;

/// <summary>A clock the demo moves through the past year, so its changes and invoices carry the dates they would have had.</summary>
public sealed class HistoricClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
