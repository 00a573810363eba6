namespace Prorata.Web.Features.Receivables;

/// <summary>Prorata:Dunning: whether the host runs dunning at start and then every day at 00:00 UTC (on by default).</summary>
public sealed class DunningOptions
{
    public const string Section = "Prorata:Dunning";

    public bool DailyRun { get; set; } = true;
}
