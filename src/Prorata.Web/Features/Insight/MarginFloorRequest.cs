namespace Prorata.Web.Features.Insight;

/// <summary>A margin floor: percent of the provider cost a line must bill above it (0 catches sales below cost).</summary>
public sealed record MarginFloorRequest(decimal? Percent);
