using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Integrations.Stripe.Webhooks;

namespace Prorata.Integrations.Stripe.Tests;

/// <summary>Reading deliveries signed here by hand, as Stripe documents the signature (no simulator involved).</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private const string Body = """
        {"id":"evt_1SucceededTest","object":"event","api_version":"2099-01-01.unknowntrain","created":1772355600,"livemode":false,"pending_webhooks":1,
         "request":{"id":null,"idempotency_key":null},"type":"payment_intent.succeeded",
         "data":{"object":{"id":"pi_3Test","object":"payment_intent","amount":12345,"amount_received":12345,"currency":"eur","status":"succeeded",
           "customer":"cus_Test","metadata":{"prorata_invoice":"INV-2026-0042","prorata_attempt":"2"},"last_payment_error":null,"created":1772355590}}}
        """;

    private static StripeGateway Gateway(ServiceProvider services) => services.GetRequiredService<StripeGateway>();

    private static ServiceProvider Services() =>
        StripeHarness.Services(new Uri("http://127.0.0.1:9/"), "sk_test_signatures").BuildServiceProvider();

    private static string Signature(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    [Fact]
    public void Valid_ReadInProratasWords_EvenOfAnUnknownApiVersion()
    {
        using var services = Services();

        var reading = Gateway(services).ReadWebhook(Body, Signature(Body, StripeHarness.WebhookSecret, Now), Now);

        var stripeEvent = Assert.IsType<WebhookAccepted>(reading).Event;
        Assert.Equal(("evt_1SucceededTest", "payment_intent.succeeded", DateTimeOffset.FromUnixTimeSeconds(1772355600), "2099-01-01.unknowntrain"),
            (stripeEvent.Id, stripeEvent.Type, stripeEvent.Created, stripeEvent.ApiVersion));
        var intent = stripeEvent.PaymentIntent!;
        Assert.Equal(("pi_3Test", "succeeded", 12_345L, 12_345L, "eur", "INV-2026-0042", (int?)2, (string?)null),
            (intent.Id, intent.Status, intent.Amount, intent.AmountReceived, intent.Currency, intent.InvoiceId, intent.Attempt, intent.FailureCode));
        Assert.Null(stripeEvent.CheckoutSession);
    }

    [Fact]
    public void TamperedBody_BadSignature()
    {
        using var services = Services();
        var signature = Signature(Body, StripeHarness.WebhookSecret, Now);

        var reading = Gateway(services).ReadWebhook(Body.Replace("12345", "1", StringComparison.Ordinal), signature, Now);

        Assert.Equal(WebhookRefusalReason.BadSignature, Assert.IsType<WebhookRefused>(reading).Reason);
    }

    [Fact]
    public void OtherSecret_BadSignature()
    {
        using var services = Services();

        var reading = Gateway(services).ReadWebhook(Body, Signature(Body, "whsec_someone_else", Now), Now);

        Assert.Equal(WebhookRefusalReason.BadSignature, Assert.IsType<WebhookRefused>(reading).Reason);
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(299, true)]
    public void Timestamp_WithinToleranceOf300Seconds(int secondsFromNow, bool accepted)
    {
        using var services = Services();

        var reading = Gateway(services).ReadWebhook(Body, Signature(Body, StripeHarness.WebhookSecret, Now.AddSeconds(secondsFromNow)), Now);

        if (accepted) Assert.IsType<WebhookAccepted>(reading);
        else Assert.Equal(WebhookRefusalReason.OutsideTolerance, Assert.IsType<WebhookRefused>(reading).Reason);
    }

    [Fact]
    public void SeveralV1Values_AnyMatchingOneIsEnough()
    {
        using var services = Services();
        var good = Signature(Body, StripeHarness.WebhookSecret, Now);
        var old = Signature(Body, "whsec_rolled_over_secret", Now);
        var header = $"{old},v1={good.Split("v1=")[1]},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

        var reading = Gateway(services).ReadWebhook(Body, header, Now);

        Assert.Equal("evt_1SucceededTest", Assert.IsType<WebhookAccepted>(reading).Event.Id);
    }

    [Theory]
    [InlineData(null, WebhookRefusalReason.MissingSignature)]
    [InlineData("", WebhookRefusalReason.MissingSignature)]
    [InlineData("garbage", WebhookRefusalReason.BadSignature)]
    [InlineData("t=abc,v1=00", WebhookRefusalReason.BadSignature)]
    public void MalformedHeader_Refused(string? header, WebhookRefusalReason reason)
    {
        using var services = Services();

        var reading = Gateway(services).ReadWebhook(Body, header, Now);

        Assert.Equal(reason, Assert.IsType<WebhookRefused>(reading).Reason);
    }

    [Fact]
    public void SignedButNotJson_Unparsable()
    {
        using var services = Services();
        const string body = "not json";

        var reading = Gateway(services).ReadWebhook(body, Signature(body, StripeHarness.WebhookSecret, Now), Now);

        Assert.Equal(WebhookRefusalReason.Unparsable, Assert.IsType<WebhookRefused>(reading).Reason);
    }
}
