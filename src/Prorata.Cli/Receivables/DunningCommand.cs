using Prorata.Application.Outbox;
using Prorata.Application.Receivables;

namespace Prorata.Cli.Receivables;

/// <summary>
/// `dunning [--connection STRING]`: the daily dunning run, now, as the app's job runs it at midnight. Reminders are queued
/// in the outbox, which the app's worker sends; a reminder step goes once per invoice whoever runs it. Exit 0, 2 on bad arguments.
/// </summary>
public static class DunningCommand
{
    private const string Usage = "usage: prorata dunning [--connection STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse(args, [], [], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'; {Usage}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        var outcome = await new DunningRun(db, time, new OutboxSignal()).RunAsync(cancellationToken);
        output.WriteLine($"{outcome.Reminders} reminders, {outcome.Held} customers put on credit hold, {outcome.Lifted} holds lifted");
        return 0;
    }
}
