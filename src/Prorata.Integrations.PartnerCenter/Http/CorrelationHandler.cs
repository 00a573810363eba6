namespace Prorata.Integrations.PartnerCenter.Http;

/// <summary>
/// Partner Center's MS-RequestId (one per attempt) and MS-CorrelationId (one per logical operation) headers, which
/// Microsoft support asks for when a call is investigated (§4).
/// </summary>
internal sealed class CorrelationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("MS-RequestId");
        request.Headers.TryAddWithoutValidation("MS-RequestId", Guid.NewGuid().ToString());
        if (!request.Headers.Contains("MS-CorrelationId"))
        {
            request.Headers.TryAddWithoutValidation("MS-CorrelationId", Guid.NewGuid().ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
