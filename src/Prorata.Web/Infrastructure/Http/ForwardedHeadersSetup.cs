using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Prorata.Web.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy that terminates TLS (<c>Prorata:ForwardedHeaders</c>): off by default, since trusting
/// X-Forwarded-* from anyone lets a client claim any address or scheme. When on, only the listed proxies are believed,
/// and only for the client address and the scheme (X-Forwarded-For, X-Forwarded-Proto): the host of links comes from
/// <c>Prorata:PublicBaseUrl</c>, never from a header.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "Prorata:ForwardedHeaders";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static IServiceCollection AddProrataForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies must list IP addresses; got '{proxy}'."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks must list CIDR ranges such as 10.0.0.0/8; got '{network}'."));
            }
            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                // Without a list, the loopback proxy (nginx or Caddy on the same machine) is the only one believed.
                options.KnownProxies.Add(IPAddress.Loopback);
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }
        });
        return services;
    }
}
