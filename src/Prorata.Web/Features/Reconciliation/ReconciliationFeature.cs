using Prorata.Application.Reconciliation;
using Prorata.Data.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

public static class ReconciliationFeature
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services) =>
        services
            .AddSingleton<ReconciliationImports>()
            .AddScoped<StoredExpectedCharges>()
            .AddScoped<ReconImportWithdrawal>()
            .AddScoped<UsageImporter>()
            .AddScoped<UsageAssignment>()
            .AddScoped<UsageTrace>()
            .AddScoped<UsageFiles>()
            .AddHostedService<ReconciliationImportWorker>();
}
