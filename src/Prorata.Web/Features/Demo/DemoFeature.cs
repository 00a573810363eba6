namespace Prorata.Web.Features.Demo;

public static class DemoFeature
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection("Prorata"));
        services.AddHostedService<DemoSeeding>();
        return services;
    }
}
