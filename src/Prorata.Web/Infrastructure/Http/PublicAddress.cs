using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Prorata.Web.Infrastructure.Http;

/// <summary>
/// Where people reach Prorata (<c>Prorata:PublicBaseUrl</c>): the base of every link Prorata hands out (set-password,
/// setup) and an origin the cross-site check accepts. Links never come from the request's Host header, which the
/// caller chooses: without the setting they use the address Kestrel listens on, right for a first run on one machine.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServer server)
{
    public const string Setting = "Prorata:PublicBaseUrl";

    private readonly Uri? configured = Parse(configuration[Setting]);

    /// <summary>The configured base URL, or null when <c>Prorata:PublicBaseUrl</c> is not set.</summary>
    public Uri? Configured => configured;

    /// <summary>The configured origin (scheme://host[:port]), or null.</summary>
    public string? ConfiguredOrigin => configured?.GetLeftPart(UriPartial.Authority);

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with '/').</summary>
    public string Link(string pathAndQuery) => $"{Base().TrimEnd('/')}{pathAndQuery}";

    private string Base()
    {
        if (configured is not null)
        {
            return configured.GetLeftPart(UriPartial.Path);
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard binding (http://+:80, http://0.0.0.0:80, http://[::]:80) names no host anyone can open.
        return listening.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }

    /// <summary>Refuses at start a value that is not an absolute http(s) URL, instead of handing out broken links.</summary>
    public static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http or https URL without query, such as https://billing.example.com; got '{value}'.");
        }
        return uri;
    }
}
