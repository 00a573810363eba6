using Prorata.Cli.ApiKeys;
using Prorata.Cli.Audit;
using Prorata.Cli.Bill;
using Prorata.Cli.Catalog;
using Prorata.Cli.Commissions;
using Prorata.Cli.Exceptions;
using Prorata.Cli.Insight;
using Prorata.Cli.Invoices;
using Prorata.Cli.Portal;
using Prorata.Cli.Receivables;
using Prorata.Cli.Reconcile;
using Prorata.Cli.Search;
using Prorata.Cli.Simulate;
using Prorata.Cli.Usage;
using Prorata.Cli.Webhooks;
using Prorata.Cli.WorkItems;

return args.FirstOrDefault() switch
{
    "simulate" => SimulateCommand.Run(args[1..], Console.Out, Console.Error),
    "reconcile" when args.ElementAtOrDefault(1) == "withdraw" => await ReconcileWithdrawCommand.RunAsync(args[2..], Console.Out, Console.Error, TimeProvider.System,
        CancellationToken.None),
    "reconcile" => ReconcileCommand.Run(args[1..], Console.Out, Console.Error),
    "price-lists" => await PriceListCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "bill" => await BillCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "worker" => await WorkerCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "issue" => await IssueCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "usage" => await UsageCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "exceptions" => await ExceptionsCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "work-items" => await WorkItemsCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "dunning" => await DunningCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "payments" => await PaymentsCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "receivables" => await ReceivablesCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "metrics" => await MetricsCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "commissions" => await CommissionsCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "api-keys" => await ApiKeysCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "audit" => await AuditCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "webhooks" => await WebhooksCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "search" => await SearchCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
    "portal" => await PortalCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    "approvals" => await ApprovalsCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: prorata simulate FILE.json | reconcile … | reconcile withdraw ID --reason TEXT | price-lists import FILE.csv | bill --date … | worker --date … | issue --date … | usage import FILE | exceptions | work-items … | dunning | payments … | receivables … | metrics mrr|deferred-revenue|renewals … | commissions ledger|statements|approve|paid … | api-keys create|list|revoke … | audit [--entity-type …] [--csv] | webhooks list|deliveries … | search WORDS… | portal invite|users|offers --customer … | approvals [list|approve|decline] …");
    return 2;
}
