using Prorata.Cli.Exceptions;
using Prorata.Data;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

public sealed class ExceptionsCommandTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Exceptions_NothingOpenThenWorkItems_Exit0ThenExit1WithMoneyPerCurrencyAndOneLinePerOpenItem()
    {
        var (exit, output, error) = await RunAsync("--connection", database.ConnectionString);
        Assert.Equal((0, "nothing needs a person\n", ""), (exit, output, error));

        await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(database.ConnectionString)))
        {
            var raiser = new WorkItemRaiser(db, TimeProvider.System);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "Orphan", WorkItemSubject.PartnerCenterSubscription, "pc-s1", "In Partner Center, not in Prorata."),
                CancellationToken.None);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "CredentialExpiring", WorkItemSubject.None, null, "Consent again before 2026-12-01."),
                CancellationToken.None);
            var settled = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "AutoRenewMismatch", WorkItemSubject.PartnerCenterCustomer, "pc-c1", "settled"),
                CancellationToken.None);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.BillingAlert, "NoPriceInContractCurrency", WorkItemSubject.Subscription, "s-1", "Not billed: no EUR price.")
                { AmountAtStake = 120.50m, Currency = "EUR" }, CancellationToken.None);
            settled.State = WorkItemState.Resolved;
            await db.SaveChangesAsync();
        }

        (exit, output, error) = await RunAsync("--connection", database.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Equal(
            "3 items need a person\nwork items at stake EUR: 120.50 on 1 item(s)\n#4 billingAlert NoPriceInContractCurrency [120.50 EUR]: Not billed: no EUR price.\n"
            + "#2 syncIssue CredentialExpiring: Consent again before 2026-12-01.\n#1 syncIssue Orphan: In Partner Center, not in Prorata.\n",
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
