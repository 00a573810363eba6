namespace Prorata.Integrations.GoCardless.Tests;

public sealed class WebhookTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<GoCardlessPayment> CollectAsync(GoCardlessHarness gocardless, string accountNumber = "55779911")
    {
        var mandate = await gocardless.SetUpMandateAsync(accountNumber);
        return await gocardless.Gateway.CollectAsync(
            new CollectRequest(mandate.Id, 5_000, "GBP", "INV-9/1", "INV-9", 1, "INV-9", "Invoice INV-9"), None);
    }

    [Fact]
    public async Task Lifecycle_SubmittedConfirmedPaidOut_EachAVerifiedEventInProratasWords()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless);

        await gocardless.AdvanceAsync(payment.Id, steps: 3);
        var events = await gocardless.EventsAboutAsync(payment.Id, 4);

        Assert.Equal(
            [("created", "payment_created"), ("submitted", "payment_submitted"), ("confirmed", "payment_confirmed"), ("paid_out", "payment_paid_out")],
            events.Select(e => (e.Action, e.Cause)));
        // Events 1 to 3 were the mandate's setup, 4 the payment's creation.
        Assert.Equal(
            new GoCardlessEvent("EV000000000007", GoCardlessHarness.Now, "payments", "paid_out", "PM000000000001", "MD000000000001",
                "payment_paid_out", "The payment has been paid out by GoCardless.", null),
            events[^1]);
        Assert.Equal(GoCardlessPaymentStatus.PaidOut, (await gocardless.Gateway.GetPaymentAsync(payment.Id, None))!.Status);
    }

    [Fact]
    public async Task AccountEnding22_PaymentFailsWithInsufficientFunds_RetryResubmitsIt()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless, "55779922");

        await gocardless.AdvanceAsync(payment.Id, steps: 2);
        var failed = (await gocardless.EventsAboutAsync(payment.Id, 3))[^1];
        var retried = await gocardless.Gateway.RetryPaymentAsync(payment.Id, None);
        var retriedAgain = await gocardless.Gateway.RetryPaymentAsync(payment.Id, None);

        Assert.Equal(
            ("failed", "insufficient_funds", "The customer's account had insufficient funds to make this payment.", "ARUDD-0"),
            (failed.Action, failed.Cause, failed.Description, failed.ReasonCode));
        Assert.Equal((GoCardlessPaymentStatus.PendingSubmission, new DateOnly(2026, 3, 5)), (retried.Status, retried.ChargeDate));
        Assert.Equal(retried, retriedAgain);
        var resubmitted = (await gocardless.EventsAboutAsync(payment.Id, 4))[^1];
        Assert.Equal(("resubmission_requested", "payment_retried"), (resubmitted.Action, resubmitted.Cause));
    }

    [Fact]
    public async Task AccountEnding33_PaidOutThenChargedBackThenSettled()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless, "55779933");

        await gocardless.AdvanceAsync(payment.Id, steps: 5);
        var events = await gocardless.EventsAboutAsync(payment.Id, 6);

        Assert.Equal(
            [
                ("created", "payment_created", (string?)null),
                ("submitted", "payment_submitted", null),
                ("confirmed", "payment_confirmed", null),
                ("paid_out", "payment_paid_out", null),
                ("charged_back", "authorisation_disputed", "DDICA-1"),
                ("chargeback_settled", "chargeback_settled", null),
            ],
            events.Select(e => (e.Action, e.Cause, e.ReasonCode)));
        Assert.Equal(GoCardlessPaymentStatus.ChargedBack, (await gocardless.Gateway.GetPaymentAsync(payment.Id, None))!.Status);
    }

    [Fact]
    public async Task Faults_LateFailureAfterPayOutSettles_ChargeBackOfAPaidOutPayment()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var late = await CollectAsync(gocardless);
        var disputed = await gocardless.Gateway.CollectAsync(
            new CollectRequest(late.MandateId, 7_000, "GBP", "INV-10/1", "INV-10", 1), None);
        await gocardless.AdvanceAsync(late.Id, steps: 3);
        await gocardless.AdvanceAsync(disputed.Id, steps: 3);

        await gocardless.PostAdminAsync("faults/fail-payment", new { payment_id = late.Id, cause = "refer_to_payer", reason_code = "ARUDD-9" });
        await gocardless.AdvanceAsync(late.Id);
        await gocardless.PostAdminAsync("faults/charge-back", new { payment_id = disputed.Id });

        Assert.Equal(
            [("failed", "refer_to_payer", "ARUDD-9"), ("late_failure_settled", "late_failure_settled", null)],
            (await gocardless.EventsAboutAsync(late.Id, 6)).Skip(4).Select(e => (e.Action, e.Cause, e.ReasonCode)));
        Assert.Equal(
            ("charged_back", "authorisation_disputed", "DDICA-1"),
            (await gocardless.EventsAboutAsync(disputed.Id, 5)).Select(e => (e.Action, e.Cause, e.ReasonCode)).Last());
    }

    [Fact]
    public async Task MandateExpired_EventAndItsPendingPaymentCancelled()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless);

        await gocardless.PostAdminAsync("faults/expire-mandate", new { mandate_id = payment.MandateId });
        var events = await gocardless.EventsAsync(all => all.Count >= 6);

        Assert.Equal(
            [("mandates", "expired", (string?)null, "mandate_expired"), ("payments", "cancelled", "PM000000000001", "mandate_cancelled")],
            events.Skip(4).Select(e => (e.ResourceType, e.Action, e.PaymentId, e.Cause)));
        Assert.Equal(GoCardlessPaymentStatus.Cancelled, (await gocardless.Gateway.GetPaymentAsync(payment.Id, None))!.Status);
    }

    [Fact]
    public async Task Signature_ValidAccepted_TamperedOrMissingRefused()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless);
        await gocardless.AdvanceAsync(payment.Id);
        await gocardless.EventsAboutAsync(payment.Id, 2);
        var delivered = gocardless.Webhooks.Last();

        var events = gocardless.Gateway.ReadWebhook(delivered.Body, delivered.Signature);
        var tampered = Assert.Throws<GoCardlessWebhookRefusedException>(
            () => gocardless.Gateway.ReadWebhook(delivered.Body.Replace("\"submitted\"", "\"paid_out\"", StringComparison.Ordinal), delivered.Signature));
        var unsigned = Assert.Throws<GoCardlessWebhookRefusedException>(() => gocardless.Gateway.ReadWebhook(delivered.Body, null));
        var notHex = Assert.Throws<GoCardlessWebhookRefusedException>(() => gocardless.Gateway.ReadWebhook(delivered.Body, "sha256=abc"));

        Assert.Equal(delivered.Events, events);
        Assert.Equal(64, delivered.Signature!.Length);
        Assert.Equal("The webhook's Webhook-Signature does not match its body under Prorata:GoCardless:WebhookSecret.", tampered.Message);
        Assert.Equal("The webhook has no Webhook-Signature header.", unsigned.Message);
        Assert.Equal("The webhook's Webhook-Signature is not a hex digest.", notHex.Message);
        Assert.All(gocardless.Webhooks, w => Assert.Equal(204, w.Answer));
    }

    [Fact]
    public async Task Signature_WrongSecret_EndpointAnswers498AndGoCardlessTriesAgain()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync(webhookSecret: "secret-of-another-endpoint");
        var payment = await CollectAsync(gocardless);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        IReadOnlyList<RecordedDelivery> deliveries;
        do
        {
            await Task.Delay(50);
            deliveries = (await gocardless.DeliveriesAsync()).Where(d => d.EventIds.Contains("EV000000000004")).ToList();
        }
        while (deliveries.Count < 3 && TimeProvider.System.GetUtcNow() < deadline);

        Assert.Equal([(1, 498), (2, 498), (3, 498)], deliveries.Select(d => (d.Attempt, d.Status)));
        Assert.Empty(gocardless.Webhooks.SelectMany(w => w.Events));
        Assert.Equal("PM000000000001", payment.Id);
    }

    [Fact]
    public async Task Faults_DuplicateDelivery_SameEventTwice_ReorderedEvents_NewestFirst()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var payment = await CollectAsync(gocardless);
        await gocardless.EventsAboutAsync(payment.Id, 1);

        await gocardless.PostAdminAsync("faults/duplicate-webhooks", new { requests = 1 });
        await gocardless.AdvanceAsync(payment.Id);
        var duplicated = await gocardless.EventsAboutAsync(payment.Id, 3);
        await gocardless.PostAdminAsync("faults/reorder-events", new { requests = 2 });
        await gocardless.AdvanceAsync(payment.Id, steps: 2);
        var all = await gocardless.EventsAboutAsync(payment.Id, 5);

        Assert.Equal(
            [
                ("EV000000000004", "created"),
                ("EV000000000005", "submitted"),
                ("EV000000000005", "submitted"),
                ("EV000000000007", "paid_out"),
                ("EV000000000006", "confirmed"),
            ],
            all.Select(e => (e.Id, e.Action)));
        Assert.Equal(3, duplicated.Count);
    }
}
