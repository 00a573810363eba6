// Each benchmark named by an issue is one mode: dotnet run -c Release --project bench/Prorata.Bench -- MODE
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "engine": return Prorata.Bench.EngineBenchmark.Run(rest);
    case "billing-run": return Prorata.Bench.BillingRunBenchmark.Run(rest);
    case "billing-workers": return Prorata.Bench.BillingWorkersBenchmark.Run(rest);
    case "billing-worker": return Prorata.Bench.BillingWorkersBenchmark.Work(rest);
    case "reconcile": return Prorata.Bench.ReconcileBenchmark.Run(rest);
    case "partner-center-sync": return Prorata.Bench.PartnerCenterSyncBenchmark.Run(rest);
    case "usage-import": return Prorata.Bench.UsageImportBenchmark.Run(rest);
    case "import-limits": return Prorata.Bench.ImportLimitsBenchmark.Run(rest);
    case "dunning": return Prorata.Bench.DunningBenchmark.Run(rest);
    case "auto-charge": return Prorata.Bench.AutoChargeBenchmark.Run(rest);
    case "auto-charge-kill": return Prorata.Bench.AutoChargeKillBenchmark.Run(rest);
    case "deferred-revenue": return Prorata.Bench.DeferredRevenueBenchmark.Run(rest);
    case "mrr": return Prorata.Bench.MrrBenchmark.Run(rest);
    case "dashboard": return Prorata.Bench.DashboardBenchmark.Run(rest);
    case "lists": return Prorata.Bench.ListsBenchmark.Run(rest);
    case "worker": return Prorata.Bench.PaymentWorker.Run(rest);
    default:
        Console.Error.WriteLine("usage: Prorata.Bench engine|billing-run|billing-workers|reconcile|partner-center-sync|usage-import|import-limits|dunning|auto-charge|auto-charge-kill|deferred-revenue|mrr|dashboard|lists [options]");
        return 2;
}
