namespace Prorata.Web.Features.Simulations;

/// <summary>The simulation page's form: a scenario as JSON.</summary>
public sealed class SimulationForm
{
    public string Scenario { get; set; } = "";
}
