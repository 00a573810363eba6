using Prorata.Domain.Simulation;

namespace Prorata.Cli.Simulate;

/// <summary>`simulate FILE.json`: the billing simulation of a scenario, as JSON on stdout; exit 2 with one line naming the field when malformed.</summary>
public static class SimulateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            error.WriteLine("usage: prorata simulate FILE.json");
            return 2;
        }
        string json;
        try
        {
            json = File.ReadAllText(args[0]);
        }
        catch (IOException e)
        {
            error.WriteLine($"{args[0]}: {e.Message}");
            return 2;
        }
        try
        {
            output.WriteLine(SimulationJson.Write(Simulator.Run(ScenarioJson.Parse(json))));
            return 0;
        }
        catch (ScenarioFormatException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
