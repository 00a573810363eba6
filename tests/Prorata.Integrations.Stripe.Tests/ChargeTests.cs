using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace Prorata.Integrations.Stripe.Tests;

public sealed class ChargeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ChargeRequest Charge(string customer, string method, long amount = 12_345, string key = "INV-2026-0042/1", int attempt = 1) =>
        new(customer, method, amount, "EUR", key, "INV-2026-0042", attempt, "Invoice INV-2026-0042");

    [Fact]
    public async Task Card4242_Succeeded_OnePaymentIntentWithTheInvoiceInItsMetadata()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        var succeeded = Assert.IsType<ChargeSucceeded>(result);
        var intent = Assert.Single(await stripe.PaymentIntentsAsync())!;
        Assert.Equal(succeeded.PaymentIntentId, (string?)intent["id"]);
        Assert.Equal((12_345L, "eur"), (succeeded.AmountReceived, succeeded.Currency));
        Assert.Equal(
            ("succeeded", 12_345L, customer, method, "INV-2026-0042", "1", "INV-2026-0042/1", "Invoice INV-2026-0042"),
            ((string?)intent["status"], (long)intent["amount_received"]!, (string?)intent["customer"], (string?)intent["payment_method"],
             (string?)intent["metadata"]!["prorata_invoice"], (string?)intent["metadata"]!["prorata_attempt"], (string?)intent["idempotency_key"],
             (string?)intent["description"]));
    }

    [Theory]
    [InlineData("4000000000000341", "generic_decline", "Your card was declined.")]
    public async Task CardThatDeclinesEveryCharge_Declined(string number, string declineCode, string message)
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync(number);

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        var intent = Assert.Single(await stripe.PaymentIntentsAsync())!;
        Assert.Equal(new ChargeDeclined((string?)intent["id"], declineCode, message), result);
        Assert.Equal("requires_payment_method", (string?)intent["status"]);
    }

    [Fact]
    public async Task Card3184OffSession_RequiresAuthentication()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4000002760003184");

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        var intent = Assert.Single(await stripe.PaymentIntentsAsync())!;
        Assert.Equal(new ChargeRequiresAction((string?)intent["id"], "Your card was declined. This transaction requires authentication."), result);
    }

    [Theory]
    [InlineData("insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("expired_card", "Your card has expired.")]
    public async Task DeclineFault_NextChargeDeclinedWithThatCode(string code, string message)
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("decline", new { requests = 1, declineCode = code });

        var declined = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);
        var next = await stripe.Gateway.ChargeAsync(Charge(customer, method, key: "INV-2026-0042/2", attempt: 2), None);

        Assert.Equal(new ChargeDeclined((string?)(await stripe.PaymentIntentsAsync())[0]!["id"], code, message), declined);
        Assert.IsType<ChargeSucceeded>(next);
        var failed = Assert.Single(await stripe.WebhooksAsync("payment_intent.payment_failed"));
        Assert.Equal(code, failed.PaymentIntent!.FailureCode);
    }

    [Theory]
    [InlineData("abort")]
    [InlineData("504")]
    public async Task AnswerLostOnce_RetryWithTheSameKeyGetsTheSamePaymentIntent_ChargedOnce(string mode)
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("lose-answers", new { requests = 1, mode });

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        var intent = Assert.Single(await stripe.PaymentIntentsAsync())!;
        Assert.Equal(new ChargeSucceeded((string)intent["id"]!, 12_345, "eur", DateTimeOffset.FromUnixTimeSeconds((long)intent["created"]!)), result);
        var creates = (await stripe.RequestsAsync()).Where(r => (string?)r!["path"] == "/v1/payment_intents").ToList();
        Assert.Equal(["INV-2026-0042/1", "INV-2026-0042/1"], creates.Select(r => (string?)r!["idempotencyKey"]));
    }

    [Fact]
    public async Task EveryAnswerLost_Unavailable_ThenFindChargeSettlesIt_AndTheSameKeyNeverChargesTwice()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("lose-answers", new { requests = 3 });

        await Assert.ThrowsAsync<StripeUnavailableException>(() => stripe.Gateway.ChargeAsync(Charge(customer, method), None));
        var found = await stripe.Gateway.FindChargeAsync(customer, "INV-2026-0042", 1, None);
        var otherAttempt = await stripe.Gateway.FindChargeAsync(customer, "INV-2026-0042", 2, None);
        var sentAgain = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        var intent = Assert.Single(await stripe.PaymentIntentsAsync())!;
        var expected = new ChargeSucceeded((string)intent["id"]!, 12_345, "eur", DateTimeOffset.FromUnixTimeSeconds((long)intent["created"]!));
        Assert.Equal(expected, found);
        Assert.Null(otherAttempt);
        Assert.Equal(expected, sentAgain);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task FailuresBeforeProcessing_Retried_ChargedOnce(int status)
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("fail", new { requests = 2, status });

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        Assert.IsType<ChargeSucceeded>(result);
        Assert.Single(await stripe.PaymentIntentsAsync());
        Assert.Equal(3, (await stripe.RequestsAsync()).Count(r => (string?)r!["path"] == "/v1/payment_intents"));
    }

    [Fact]
    public async Task FailuresOutlastingTheRetries_Unavailable_NothingCharged()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("fail", new { requests = 3, status = 500 });

        await Assert.ThrowsAsync<StripeUnavailableException>(() => stripe.Gateway.ChargeAsync(Charge(customer, method), None));

        Assert.Empty(await stripe.PaymentIntentsAsync());
    }

    [Fact]
    public async Task SlowerThanTheTimeout_RetriedAfterTheAttemptTimesOut()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.FaultAsync("delay", new { requests = 1, milliseconds = 3000 });

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method), None);

        Assert.IsType<ChargeSucceeded>(result);
        Assert.Single(await stripe.PaymentIntentsAsync());
    }

    [Fact]
    public async Task SameKeyOtherAmount_IdempotencyErrorRefused()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        await stripe.Gateway.ChargeAsync(Charge(customer, method, amount: 100), None);

        var refused = await Assert.ThrowsAsync<StripeRefusedException>(() => stripe.Gateway.ChargeAsync(Charge(customer, method, amount: 200), None));

        Assert.Equal((HttpStatusCode.BadRequest, "idempotency_error"), (refused.Status, refused.ErrorType));
        Assert.Single(await stripe.PaymentIntentsAsync());
    }

    [Fact]
    public async Task Sepa_ProcessingThenSucceededByWebhook()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedIbanAsync("DE89370400440532013000");

        var result = await stripe.Gateway.ChargeAsync(Charge(customer, method, amount: 5_000), None);
        var processing = Assert.IsType<ChargeProcessing>(result);
        await stripe.SettleSepaAsync();

        Assert.Equal(new ChargeProcessing(processing.PaymentIntentId, 5_000, "eur"), processing);
        var succeeded = Assert.Single(await stripe.WebhooksAsync("payment_intent.succeeded")).PaymentIntent!;
        Assert.Equal(
            (processing.PaymentIntentId, "succeeded", 5_000L, "eur", "INV-2026-0042", (int?)1, (string?)null),
            (succeeded.Id, succeeded.Status, succeeded.AmountReceived, succeeded.Currency, succeeded.InvoiceId, succeeded.Attempt, succeeded.FailureCode));
        Assert.IsType<ChargeSucceeded>(await stripe.Gateway.FindChargeAsync(customer, "INV-2026-0042", 1, None));
    }

    [Fact]
    public async Task Sepa_ProcessingThenFailedByWebhook()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedIbanAsync("AT861904300235473202");

        var processing = Assert.IsType<ChargeProcessing>(await stripe.Gateway.ChargeAsync(Charge(customer, method, amount: 5_000), None));
        await stripe.FaultAsync("hold-sepa", new { hold = true });
        using (var held = await stripe.Admin.PostAsync("_sim/sepa/settle", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        }
        Assert.Equal("processing", (string?)Assert.Single(await stripe.PaymentIntentsAsync())!["status"]);
        await stripe.FaultAsync("hold-sepa", new { hold = false });
        await stripe.SettleSepaAsync();

        var failed = Assert.Single(await stripe.WebhooksAsync("payment_intent.payment_failed")).PaymentIntent!;
        Assert.Equal(
            (processing.PaymentIntentId, "requires_payment_method", 0L, "insufficient_funds"),
            (failed.Id, failed.Status, failed.AmountReceived, failed.FailureCode));
        Assert.Equal(
            new ChargeDeclined(processing.PaymentIntentId, "insufficient_funds", "The customer's account has insufficient funds to cover this payment."),
            await stripe.Gateway.FindChargeAsync(customer, "INV-2026-0042", 1, None));
    }

    [Fact]
    public async Task Refund_PartThenTooMuch_SameKeySameRefund()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        var charged = Assert.IsType<ChargeSucceeded>(await stripe.Gateway.ChargeAsync(Charge(customer, method, amount: 10_000), None));

        var refund = await stripe.Gateway.RefundAsync(charged.PaymentIntentId, 2_500, "CN-2026-0001", None);
        var again = await stripe.Gateway.RefundAsync(charged.PaymentIntentId, 2_500, "CN-2026-0001", None);
        var tooMuch = await Assert.ThrowsAsync<StripeRefusedException>(() => stripe.Gateway.RefundAsync(charged.PaymentIntentId, 8_000, "CN-2026-0002", None));

        Assert.StartsWith("re_", refund.Id);
        Assert.Equal(new RefundResult(refund.Id, charged.PaymentIntentId, 2_500, "eur", "succeeded"), refund);
        Assert.Equal(refund, again);
        Assert.Equal((HttpStatusCode.BadRequest, "amount_too_large"), (tooMuch.Status, tooMuch.ErrorCode));
        Assert.Contains("Refund amount (€80.00) is greater than unrefunded amount on charge (€75.00)", tooMuch.Message);
    }

    [Fact]
    public async Task Search_MetadataQuery_FindsTheInvoicesAttempt()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var (customer, method) = await stripe.SavedCardAsync("4242424242424242");
        var first = Assert.IsType<ChargeSucceeded>(await stripe.Gateway.ChargeAsync(Charge(customer, method), None));
        await stripe.Gateway.ChargeAsync(Charge(customer, method, key: "INV-2026-0042/2", attempt: 2), None);

        var found = (await stripe.Api.GetFromJsonAsync<JsonObject>(
            "v1/payment_intents/search?query=" + Uri.EscapeDataString("metadata['prorata_invoice']:'INV-2026-0042' AND metadata['prorata_attempt']:'1'")))!;

        Assert.Equal("search_result", (string?)found["object"]);
        Assert.Equal([first.PaymentIntentId], found["data"]!.AsArray().Select(i => (string?)i!["id"]));
    }
}
