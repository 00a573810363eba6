using System.Net;
using System.Net.Http.Headers;
using Prorata.Integrations.PartnerCenter.Credentials;

namespace Prorata.Integrations.PartnerCenter.Http;

/// <summary>Adds the App+User bearer token; on a 401 renews it once (the token may have been revoked or have expired early).</summary>
internal sealed class PartnerCenterAuthenticationHandler(PartnerCenterCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await credentials.GetAccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        response.Dispose();
        credentials.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await credentials.GetAccessTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
