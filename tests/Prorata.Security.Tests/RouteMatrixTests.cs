using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: the role × route matrix, generated from the app's own endpoint list. A route must either name a policy or
/// be one of the few that anyone may reach (sign-in, setup, health, static files): a new route that relies on the
/// signed-in fallback alone fails here. Then every role asks every route (pages by GET, the API by its method) and gets
/// exactly what the route's policies allow: 403 or the access-denied page when they do not, never a 500 when they do. A
/// customer portal route signs every staff user out (its own sign-in page, or 401 from its API).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RouteMatrixTests(SecurityApp app)
{
    private const string SomeId = "0197a3c2-0000-7000-8000-0000000000ff";

    // Reached before signing in, on purpose; everything else needs a policy.
    private static readonly HashSet<string> Anonymous =
    [
        "/signin", "/signout", "/signin/entra-id", "/signin/entra-id/callback", "/setup", "/account/set-password", "/access-denied", "/health",
        "/openapi/{documentName}.json",
        // A customer back from a provider's hosted page (Prorata asks the provider, never the browser), and the providers'
        // webhooks (refused unless signed with the endpoint's secret).
        "/payment-setup/done", "/webhooks/stripe", "/webhooks/gocardless",
        // The customer portal's own sign-in, joining from an invitation and its Microsoft sign-in (issue 14).
        "/portal/signin", "/portal/signin/code", "/portal/signout", "/portal/signin/microsoft", "/portal/signin/microsoft/done", "/portal/denied",
        "/portal/invitation/{Token}",
    ];

    [Fact]
    public void EveryRoute_NamesAPolicyOrIsAKnownAnonymousOne()
    {
        var unguarded = Routes()
            .Where(r => r.Anonymous ? !Anonymous.Contains(r.Pattern) && !IsStaticFile(r.Pattern) : r.Policies.Count == 0 && !IsFramework(r.Pattern))
            .Select(r => $"{string.Join(",", r.Methods)} {r.Pattern}")
            .ToList();

        Assert.True(unguarded.Count == 0, $"Routes without a policy (or anonymous without being listed): {string.Join("; ", unguarded)}");
        Assert.True(Routes().Count(r => !r.Anonymous) > 60, "the endpoint list was read");
    }

    [Fact]
    public async Task EveryRole_EveryRoute_GetsWhatThePoliciesAllow()
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var role in StaffRoles.All.Append(SecurityApp.NoRole))
        {
            var client = await app.SignedInAsAsync(role);
            clients[role] = (client, await SecurityApp.TokenAsync(client, "/access-denied"));
        }
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => !r.Anonymous && !IsStaticFile(r.Pattern) && !IsFramework(r.Pattern)))
        {
            var allowed = new HashSet<string>(StaffRoles.All);
            foreach (var policy in route.Policies)
            {
                var roles = (await provider.GetPolicyAsync(policy))!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles);
                allowed.IntersectWith(roles);
            }
            // The portal's routes are judged by the portal cookie alone: a staff user, whatever the role, is not signed in there.
            var portal = route.Policies.Any(p => p.StartsWith("Portal", StringComparison.Ordinal));
            if (portal) allowed.Clear();
            var isApi = route.Pattern.StartsWith("/api/", StringComparison.Ordinal) || route.Pattern.StartsWith("/portal/api/", StringComparison.Ordinal);
            var method = isApi ? route.Methods.FirstOrDefault(m => m != "GET") ?? "GET" : "GET";
            if (!isApi && !route.Methods.Contains("GET"))
            {
                // A page's form endpoint has no GET: its policy is checked by posting.
                method = route.Methods.First();
            }
            foreach (var (role, (client, token)) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(route.Pattern));
                // The API takes JSON; a page's form endpoint takes only a form (routing answers 415 to anything else), sent
                // with the page's token as a browser would, so that authorization alone decides.
                if (method != "GET")
                {
                    request.Content = isApi
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
                }
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var denied = status == 403 || location.Contains("/access-denied", StringComparison.Ordinal);
                var signedOut = status == 401 || location.Contains("/signin", StringComparison.Ordinal);
                if (portal ? !signedOut : allowed.Contains(role) ? denied || signedOut || status >= 500 : !denied)
                {
                    failures.Add($"{role} {method} {route.Pattern}: {status} {location} (allowed: {string.Join(",", allowed)})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private List<RouteInfo> Routes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new RouteInfo(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()]))
            .DistinctBy(r => (r.Pattern, string.Join(",", r.Methods)))];

    // Blazor's own routes (the static-rendering redirect and the file fallback) keep the fallback policy: signed in only.
    private static bool IsFramework(string pattern) => pattern.StartsWith("/_framework/", StringComparison.Ordinal) || pattern == "/{**path:file}";

    private static bool IsStaticFile(string pattern) =>
        pattern.StartsWith("/_framework/", StringComparison.Ordinal) || pattern.StartsWith("/_content/", StringComparison.Ordinal)
        || (!pattern.Contains('{') && Regex.IsMatch(pattern, @"\.[a-z0-9]+(\.gz|\.br)?$"));

    private static string Url(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value switch
        {
            "guid" => SomeId,
            "long" or "int" => "1",
            _ => m.Groups["name"].Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? SomeId : "x",
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^:}?]+)(:(?<constraint>[^}?]+))?\??\}")]
    private static partial Regex RouteParameter();

    private sealed record RouteInfo(string Pattern, List<string> Methods, bool Anonymous, List<string> Policies);
}
