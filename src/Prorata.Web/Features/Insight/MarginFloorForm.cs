namespace Prorata.Web.Features.Insight;

/// <summary>The margin floor form of the gross profit page: the percent as typed, so a wrong one comes back as a message.</summary>
public sealed class MarginFloorForm
{
    public string? ProductId { get; set; }
    public string? Percent { get; set; }
}
