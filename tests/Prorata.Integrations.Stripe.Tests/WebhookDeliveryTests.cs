using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Prorata.Integrations.Stripe.Tests;

/// <summary>Events as the simulator delivers them: signed, retried when the endpoint fails, duplicated or reordered on request.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ChargeRequest Charge(string customer, string method, int attempt) =>
        new(customer, method, 1_000, "EUR", $"INV-7/{attempt}", "INV-7", attempt, "Invoice INV-7");

    [Fact]
    public async Task EndpointDown_DeliveryRetriedUntilItAnswers2xx()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        // The setup's own events are delivered first, so the failures fall on the charge's.
        await stripe.WebhooksAsync("checkout.session.completed");
        await stripe.WebhooksAsync("setup_intent.succeeded");
        stripe.Webhooks.FailNext(2);

        var charged = Assert.IsType<ChargeSucceeded>(await stripe.Gateway.ChargeAsync(Charge(customer, method, 1), None));

        var delivered = Assert.Single(await stripe.WebhooksAsync("payment_intent.succeeded"));
        Assert.Equal(charged.PaymentIntentId, delivered.PaymentIntent!.Id);
        var attempts = (await stripe.Admin.GetFromJsonAsync<JsonArray>("_sim/webhook-deliveries"))!
            .Where(d => (string?)d!["eventId"] == delivered.Id)
            .Select(d => ((int)d!["attempt"]!, (int)d["status"]!));
        Assert.Equal([(1, 500), (2, 500), (3, 200)], attempts);
    }

    [Fact]
    public async Task DuplicateFault_SameEventIdDeliveredTwice()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("duplicate-webhooks", new { requests = 0, events = 1 });

        await stripe.Gateway.ChargeAsync(Charge(customer, method, 1), None);

        var deliveries = await stripe.WebhooksAsync("payment_intent.succeeded", count: 2);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal((deliveries[0].Id, deliveries[0].PaymentIntent!.Id), (deliveries[1].Id, deliveries[1].PaymentIntent!.Id));
    }

    [Fact]
    public async Task OutOfOrderFault_HeldBatchDeliveredNewestFirst()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("webhooks-out-of-order", new { requests = 0, events = 2 });

        var first = Assert.IsType<ChargeSucceeded>(await stripe.Gateway.ChargeAsync(Charge(customer, method, 1), None));
        var second = Assert.IsType<ChargeSucceeded>(await stripe.Gateway.ChargeAsync(Charge(customer, method, 2), None));

        var delivered = await stripe.WebhooksAsync("payment_intent.succeeded", count: 2);
        Assert.Equal([second.PaymentIntentId, first.PaymentIntentId], delivered.Select(e => e.PaymentIntent!.Id));
    }
}
