using System.Text.Json;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>Every scenario file under Scenarios/ (the public cases and our own) produces exactly its "expected" object.</summary>
public class ScenarioFileTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.json").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_Simulated_ProducesExactlyTheExpectedResult(string file)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", file));
        using var document = JsonDocument.Parse(json);

        var result = Simulator.Run(ScenarioJson.Parse(json));

        // Every difference on its own line: a collection assertion would cut them short.
        var differences = ScenarioExpectation.Differences(document.RootElement.GetProperty("expected"), result);
        Assert.True(differences.Count == 0, $"{file} differs from its expectation:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }
}
