using Prorata.Data;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>A command run in-process: its exit code and what it wrote, with "\n" line ends.</summary>
internal static class CommandRun
{
    public delegate Task<int> Command(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(Command command, TimeProvider time, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await command(args, output, error, time, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public static ProrataDbContext Open(SqliteDatabase database) => new(ProrataDatabase.CreateOptions(database.ConnectionString));
}
