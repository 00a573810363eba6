using Prorata.Cli.Exceptions;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

public sealed class ExceptionsCommandTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Exceptions_NothingOpenThenAPartnerCenterException_Exit0ThenExit1WithOneLinePerItem()
    {
        var (exit, output, error) = await RunAsync("--connection", database.ConnectionString);
        Assert.Equal((0, "nothing needs a person\n", ""), (exit, output, error));

        await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(database.ConnectionString)))
        {
            var now = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
            db.PartnerCenterSyncIssues.AddRange(
                new PartnerCenterSyncIssue { Kind = "Orphan", PartnerCenterCustomerId = "pc-c1", PartnerCenterSubscriptionId = "pc-s1", Message = "In Partner Center, not in Prorata.", RaisedAt = now },
                new PartnerCenterSyncIssue { Kind = "CredentialExpiring", PartnerCenterCustomerId = "", Message = "Consent again before 2026-12-01.", RaisedAt = now },
                new PartnerCenterSyncIssue { Kind = "AutoRenewMismatch", PartnerCenterCustomerId = "pc-c1", Message = "settled", RaisedAt = now, ResolvedAt = now, ResolvedBy = "owner" });
            await db.SaveChangesAsync();
        }

        (exit, output, error) = await RunAsync("--connection", database.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Equal(
            "2 items need a person\npartner center Orphan pc-s1: In Partner Center, not in Prorata.\npartner center CredentialExpiring: Consent again before 2026-12-01.\n",
            output);
    }

    [Fact]
    public async Task Exceptions_UnknownArgument_Exit2NamingIt()
    {
        var (exit, output, error) = await RunAsync("--since", "2026-11-01");

        Assert.Equal((2, "", "unknown argument '--since'; usage: prorata exceptions [--connection STRING]\n"), (exit, output, error));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await ExceptionsCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
