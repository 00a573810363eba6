namespace Prorata.Web.Features.Account;

public static class AccountFeature
{
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OwnerOptions>(configuration.GetSection(OwnerOptions.Section));
        services.AddSingleton<OwnerSetup>();
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<EntraIdLinks>();
        services.AddHostedService<OwnerBootstrap>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
