using Prorata.Domain.Simulation;

namespace Prorata.Web.Features.Simulations;

/// <summary>Runs a scenario's JSON text and gives either the result's JSON or the format error, for the API and the page alike.</summary>
public sealed record ScenarioSimulation(string? Json, SimulationResult? Result, ScenarioFormatException? Error)
{
    public static ScenarioSimulation Run(string scenarioJson)
    {
        try
        {
            var result = Simulator.Run(ScenarioJson.Parse(scenarioJson));
            return new ScenarioSimulation(SimulationJson.Write(result), result, null);
        }
        catch (ScenarioFormatException e)
        {
            return new ScenarioSimulation(null, null, e);
        }
    }
}
