namespace Prorata.Web.Features.Simulations;

public static class SimulationsFeature
{
    /// <summary>The simulation needs no services of its own: it runs the pure billing engine in memory.</summary>
    public static IServiceCollection AddSimulations(this IServiceCollection services) => services;
}
