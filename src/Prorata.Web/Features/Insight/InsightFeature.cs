using Prorata.Application.Insight;

namespace Prorata.Web.Features.Insight;

public static class InsightFeature
{
    /// <summary>The numbers Finance reads off billing: MRR with its movements, the deferred revenue schedule, the renewals ahead.</summary>
    public static IServiceCollection AddInsight(this IServiceCollection services) =>
        services.AddScoped<DeferredRevenueReport>().AddScoped<MrrReport>().AddScoped<RenewalsAhead>().AddScoped<RenewalSuggestionAcceptance>()
            .AddScoped<GrossProfitReport>().AddScoped<MarginFloorSettings>();
}
