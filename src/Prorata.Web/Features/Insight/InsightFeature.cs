using Prorata.Application.Insight;

namespace Prorata.Web.Features.Insight;

public static class InsightFeature
{
    /// <summary>The numbers Finance reads off billing: MRR with its movements and the deferred revenue schedule.</summary>
    public static IServiceCollection AddInsight(this IServiceCollection services) => services.AddScoped<DeferredRevenueReport>().AddScoped<MrrReport>();
}
