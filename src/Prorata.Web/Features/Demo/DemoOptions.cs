namespace Prorata.Web.Features.Demo;

/// <summary>Prorata:SeedDemoData — turn off for a real installation before its first start.</summary>
public sealed class DemoOptions
{
    public bool SeedDemoData { get; set; } = true;
}
