using System.Text;
using Prorata.Domain.Simulation;

namespace Prorata.Web.Features.Simulations;

/// <summary>
/// Runs a scenario's JSON text and gives either the result's JSON or the format error, for the API and the page alike.
/// A scenario past <see cref="ScenarioLimits"/> is refused before the engine runs; an answer past its output cap is refused
/// rather than sent.
/// </summary>
public sealed record ScenarioSimulation(string? Json, SimulationResult? Result, ScenarioFormatException? Error)
{
    public static ScenarioSimulation Run(string scenarioJson)
    {
        try
        {
            var bytes = Encoding.UTF8.GetByteCount(scenarioJson);
            if (bytes > ScenarioLimits.MaxScenarioBytes)
            {
                throw new ScenarioFormatException("scenario", $"at most {ScenarioLimits.MaxScenarioBytes:N0} bytes are simulated; got {bytes:N0}");
            }
            var scenario = ScenarioJson.Parse(scenarioJson);
            ScenarioLimits.Check(scenario);
            SimulationResult result;
            try
            {
                result = Simulator.Run(scenario);
            }
            catch (OverflowException e)
            {
                // Amounts beyond what decimal holds (a price of 7.9e28): the scenario's, not the engine's, fault.
                throw new ScenarioFormatException("scenario", $"its amounts are too large to bill ({e.Message})");
            }
            var json = SimulationJson.Write(result);
            if (json.Length > ScenarioLimits.MaxOutputBytes)
            {
                throw new ScenarioFormatException("scenario",
                    $"its result would be {json.Length:N0} characters; at most {ScenarioLimits.MaxOutputBytes:N0} are answered: simulate fewer events or a shorter period");
            }
            return new ScenarioSimulation(json, result, null);
        }
        catch (ScenarioFormatException e)
        {
            return new ScenarioSimulation(null, null, e);
        }
    }
}
