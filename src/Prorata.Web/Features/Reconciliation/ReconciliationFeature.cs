namespace Prorata.Web.Features.Reconciliation;

public static class ReconciliationFeature
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services) =>
        services
            .AddSingleton<ReconciliationImports>()
            .AddScoped<StoredExpectedCharges>()
            .AddHostedService<ReconciliationImportWorker>();
}
