using Prorata.Application.Commissions;

namespace Prorata.Web.Features.Commissions;

public static class CommissionsFeature
{
    /// <summary>Salespeople and their plans, who sells each contract, the commission ledger and the statements.</summary>
    public static IServiceCollection AddCommissions(this IServiceCollection services) =>
        services.AddScoped<Salespeople>().AddScoped<SalespersonPlans>().AddScoped<ContractSalespeople>().AddScoped<CommissionLedger>()
            .AddScoped<CommissionStatements>();
}
