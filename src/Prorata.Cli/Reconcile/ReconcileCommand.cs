using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Cli.Reconcile;

/// <summary>
/// `reconcile --scenario S.json --invoice-file F.csv` (scenarios/README.md, "Reconciliation what-if"): matches every line
/// of a Microsoft invoice recon file (portal CSV or Graph gzip JSON Lines) against the provider charges the scenario
/// produces up to billUntil, and prints lines, missing charges and the summary as JSON. Exit 2 with one line for bad
/// input; nothing is printed from a file that is refused part-way.
/// </summary>
public static class ReconcileCommand
{
    private const string Usage = "usage: prorata reconcile --scenario S.json --invoice-file F.csv";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? scenarioPath = null;
        string? invoicePath = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--scenario": scenarioPath = args[i + 1]; break;
                case "--invoice-file": invoicePath = args[i + 1]; break;
                default:
                    error.WriteLine($"unknown option {args[i]}; {Usage}");
                    return 2;
            }
        }
        if (scenarioPath is null || invoicePath is null || args.Length % 2 != 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var scenario = ScenarioJson.Parse(File.ReadAllText(scenarioPath));
            var expected = Simulator.Run(scenario).ProviderCharges;
            var matcher = new Matcher(expected, KnownSubscriptions(scenario));
            var lines = new List<LineMatch>();
            using (var file = File.OpenRead(invoicePath))
            {
                foreach (var line in InvoiceReconReader.Read(file, Sniff(file)))
                {
                    lines.Add(matcher.Match(line));
                }
            }
            output.WriteLine(ReconciliationJson.Write(new ReconResult(lines, matcher.Missing(), matcher.Summarize())));
            return 0;
        }
        catch (ScenarioFormatException e)
        {
            error.WriteLine($"{scenarioPath}: {e.Message}");
            return 2;
        }
        catch (ReconFileFormatException e)
        {
            error.WriteLine($"{invoicePath}: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }

    // The scenario's subscription ids are the Partner Center SubscriptionIds: those bought, and those an upgrade creates.
    private static IEnumerable<string> KnownSubscriptions(Scenario scenario)
    {
        foreach (var e in scenario.Events)
        {
            if (e.Type == SubscriptionEventType.Purchase)
            {
                yield return e.Subscription;
            }
            if (e.NewSubscription is { } created)
            {
                yield return created;
            }
        }
    }

    private static ReconFileFormat Sniff(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        var read = file.Read(head);
        file.Position = 0;
        return InvoiceReconReader.DetectFormat(head[..read]);
    }
}
