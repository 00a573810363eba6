using Prorata.Application.Webhooks;

namespace Prorata.Web.Tests;

/// <summary>docs/webhooks.md §4.1's worked example, so that the documented value is the one Prorata sends.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    private const string Body = """{"id":"019ce03e-5a70-7e1c-9a2b-5d0f8c3e4b21","type":"customer.changed","occurredAt":"2026-03-14T09:30:00+00:00","data":{"customerId":"019ce03e-5a6f-7c44-8e11-2a9b7d6c5f10","change":"created","name":"Fabrikam GmbH","currency":"EUR","billingEmail":"payables@fabrikam.example","parentCustomerId":null,"creditHold":false,"version":1}}""";

    [Fact]
    public void Header_TheDocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal("t=1773480600,v1=cdaeecb155c239029525f431b2a1bafcf27b741c9b39e35dd689eb22dc206bba", WebhookSignature.Header(1773480600, Body, [Secret]));

    [Fact]
    public void Header_DuringARotation_SignsWithTheNewSecretFirstThenThePrevious() =>
        Assert.Equal($"t=1773480600,v1={WebhookSignature.Compute("whsec_new", 1773480600, Body)},v1=cdaeecb155c239029525f431b2a1bafcf27b741c9b39e35dd689eb22dc206bba",
            WebhookSignature.Header(1773480600, Body, ["whsec_new", Secret]));

    [Fact]
    public void NewSecret_IsWhsecAnd32RandomBytesInBase64Url_NeverTheSameTwice()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => WebhookSecrets.New()).ToList();

        Assert.All(secrets, s => Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(100, secrets.Distinct().Count());
    }
}
