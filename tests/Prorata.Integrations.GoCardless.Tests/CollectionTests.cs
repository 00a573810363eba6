using System.Net;
using System.Text.Json;

namespace Prorata.Integrations.GoCardless.Tests;

public sealed class CollectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static CollectRequest Invoice(string mandateId, string key = "INV-2026-0001/1", int attempt = 1, DateOnly? chargeDate = null) =>
        new(mandateId, 12_345, "GBP", key, "INV-2026-0001", attempt, "INV-2026-0001", "Invoice INV-2026-0001", chargeDate);

    [Fact]
    public async Task Collect_PaymentPendingSubmissionAtTheEarliestChargeDateWithTheInvoiceInItsMetadata()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();

        var payment = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);

        Assert.Equal(new GoCardlessPayment("PM000000000001", GoCardlessPaymentStatus.PendingSubmission, new DateOnly(2026, 3, 5), 12_345, "GBP",
            "MD000000000001", "INV-2026-0001", 1), payment);
        var recorded = Assert.Single(await gocardless.PaymentsAsync());
        Assert.Equal(("PM000000000001", "MD000000000001", 12_345L, "pending_submission", "2026-03-05", "INV-2026-0001/1"),
            (recorded.Id, recorded.Mandate, recorded.Amount, recorded.Status, recorded.ChargeDate, recorded.IdempotencyKey));
        Assert.Equal(new Dictionary<string, string> { ["prorata_invoice"] = "INV-2026-0001", ["prorata_attempt"] = "1" }, recorded.Metadata);
        Assert.Equal(payment, await gocardless.Gateway.GetPaymentAsync("PM000000000001", None));
        Assert.Null(await gocardless.Gateway.GetPaymentAsync("PM999999999999", None));
    }

    [Fact]
    public async Task Collect_ChargeDateBeforeTheMandateAllows_RefusedWithGoCardlessesField()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();

        var refused = await Assert.ThrowsAsync<GoCardlessRefusedException>(
            () => gocardless.Gateway.CollectAsync(Invoice(mandate.Id, chargeDate: new DateOnly(2026, 3, 3)), None));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "validation_failed"), (refused.Status, refused.ErrorType));
        Assert.Equal(["charge_date"], refused.Reasons);
        Assert.StartsWith(
            "GoCardless refused the payment of invoice INV-2026-0001 (attempt 1): Validation failed "
            + "(charge_date: must be on or after the mandate's next_possible_charge_date (2026-03-05)) [request ",
            refused.Message);
        Assert.Empty(await gocardless.PaymentsAsync());
    }

    [Fact]
    public async Task Collect_AnswerLost_RetriedWithTheSameKeyAndAnsweredByTheConflictingPayment_OnePayment()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();
        await gocardless.PostAdminAsync("faults/lose-payment-answers", new { requests = 1, milliseconds = 3000 });

        var payment = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);

        Assert.Equal("PM000000000001", payment.Id);
        Assert.Equal(["PM000000000001"], (await gocardless.PaymentsAsync()).Select(p => p.Id));
        var requests = await gocardless.RequestsAsync();
        Assert.Contains(new RecordedRequest("POST", "/payments", "INV-2026-0001/1", 409), requests);
        Assert.Contains(new RecordedRequest("GET", "/payments/PM000000000001", null, 200), requests);
    }

    [Fact]
    public async Task Collect_AnswerLostBeyondRetries_FoundByInvoiceAndAttemptThenCollectAgainReturnsTheSamePayment()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync(maxRetryAttempts: 0);
        var mandate = await gocardless.SetUpMandateAsync();
        await gocardless.PostAdminAsync("faults/lose-payment-answers", new { requests = 1, milliseconds = 3000 });

        await Assert.ThrowsAsync<GoCardlessUnavailableException>(() => gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None));
        var found = await gocardless.Gateway.FindPaymentAsync(mandate.Id, "INV-2026-0001", 1, None);
        var again = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);

        var expected = new GoCardlessPayment("PM000000000001", GoCardlessPaymentStatus.PendingSubmission, new DateOnly(2026, 3, 5), 12_345, "GBP",
            "MD000000000001", "INV-2026-0001", 1);
        Assert.Equal(expected, found);
        Assert.Equal(expected, again);
        Assert.Single(await gocardless.PaymentsAsync());
        Assert.Null(await gocardless.Gateway.FindPaymentAsync(mandate.Id, "INV-2026-0001", 2, None));
    }

    [Fact]
    public async Task Collect_SameKeyTwice_409IdempotentCreationConflictAnsweredWithTheFirstPayment()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();

        var first = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);
        var second = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);
        var nextAttempt = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id, "INV-2026-0001/2", attempt: 2), None);

        Assert.Equal(first, second);
        Assert.Equal(("PM000000000002", 2), (nextAttempt.Id, nextAttempt.Attempt));
        Assert.Equal(["PM000000000001", "PM000000000002"], (await gocardless.PaymentsAsync()).Select(p => p.Id));
        Assert.Equal(
            [
                new RecordedRequest("POST", "/payments", "INV-2026-0001/1", 201),
                new RecordedRequest("POST", "/payments", "INV-2026-0001/1", 409),
                new RecordedRequest("GET", "/payments/PM000000000001", null, 200),
                new RecordedRequest("POST", "/payments", "INV-2026-0001/2", 201),
            ],
            (await gocardless.RequestsAsync()).Where(r => r.Path.StartsWith("/payments", StringComparison.Ordinal)));
        Assert.Equal(nextAttempt, await gocardless.Gateway.FindPaymentAsync(mandate.Id, "INV-2026-0001", 2, None));
    }

    [Fact]
    public async Task Collect_RateLimited_WaitsForTheResetAndSendsTheSameKeyAgain()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();
        await gocardless.PostAdminAsync("faults/throttle", new { requests = 1, reset_after_seconds = 1 });

        var payment = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);

        Assert.Equal("PM000000000001", payment.Id);
        Assert.Equal(
            [new RecordedRequest("POST", "/payments", "INV-2026-0001/1", 429), new RecordedRequest("POST", "/payments", "INV-2026-0001/1", 201)],
            (await gocardless.RequestsAsync()).Where(r => r.Path == "/payments"));
    }

    [Fact]
    public async Task Collect_ServerErrors_RetriedUntilCreatedOnce()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();
        await gocardless.PostAdminAsync("faults/server-error", new { requests = 2 });

        var payment = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);

        Assert.Equal("PM000000000001", payment.Id);
        Assert.Equal([500, 500, 201], (await gocardless.RequestsAsync()).Where(r => r.Path == "/payments").Select(r => r.Status));
        Assert.Single(await gocardless.PaymentsAsync());
    }

    [Fact]
    public async Task Collect_ServerErrorsBeyondRetries_Unavailable()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();
        await gocardless.PostAdminAsync("faults/server-error", new { requests = 4 });

        var unavailable = await Assert.ThrowsAsync<GoCardlessUnavailableException>(() => gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None));

        Assert.StartsWith("GoCardless failed the payment of invoice INV-2026-0001 (attempt 1) after retries (500, Uh-oh!", unavailable.Message);
        Assert.Empty(await gocardless.PaymentsAsync());
    }

    [Fact]
    public async Task WrongAccessToken_401RefusedNamingTheSetting()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync(accessToken: "sandbox_revoked-token");

        var refused = await Assert.ThrowsAsync<GoCardlessRefusedException>(() => gocardless.Gateway.GetPaymentAsync("PM000000000001", None));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_api_usage"), (refused.Status, refused.ErrorType));
        Assert.Equal(["authentication_failed"], refused.Reasons);
        Assert.StartsWith("GoCardless refused the access token (Authentication failed (authentication_failed: Authentication failed) [request ", refused.Message);
        Assert.EndsWith("check Prorata:GoCardless:AccessToken, and that Prorata:GoCardless:BaseAddress is the environment (live or sandbox) it belongs to.",
            refused.Message);
        Assert.Equal(32, refused.RequestId!.Length);
    }

    [Fact]
    public async Task Simulator_RequestWithoutVersionHeader_400InGoCardlessesErrorShape()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments");
        request.Headers.Add("Authorization", $"Bearer {GoCardlessSimulator.SimulatorApp.DefaultAccessToken}");

        using var answer = await gocardless.Admin.SendAsync(request);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        var error = json.RootElement.GetProperty("error");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(
            ("GoCardless-Version header missing", "invalid_api_usage", 400, "https://developer.gocardless.com/api-reference#missing_version_header"),
            (error.GetProperty("message").GetString(), error.GetProperty("type").GetString(), error.GetProperty("code").GetInt32(),
                error.GetProperty("documentation_url").GetString()));
        Assert.Equal("missing_version_header", error.GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Cancel_PendingPaymentCancelledAndCancellingAgainReturnsIt_SubmittedOneRefused()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var mandate = await gocardless.SetUpMandateAsync();
        var pending = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id), None);
        var submitted = await gocardless.Gateway.CollectAsync(Invoice(mandate.Id, "INV-2026-0001/2", attempt: 2), None);
        await gocardless.AdvanceAsync(submitted.Id);

        var cancelled = await gocardless.Gateway.CancelPaymentAsync(pending.Id, None);
        var again = await gocardless.Gateway.CancelPaymentAsync(pending.Id, None);
        var refused = await Assert.ThrowsAsync<GoCardlessRefusedException>(() => gocardless.Gateway.CancelPaymentAsync(submitted.Id, None));

        Assert.Equal((GoCardlessPaymentStatus.Cancelled, GoCardlessPaymentStatus.Cancelled), (cancelled.Status, again.Status));
        Assert.Equal(("invalid_state", "cancellation_failed"), (refused.ErrorType, Assert.Single(refused.Reasons)));
        var events = await gocardless.EventsAboutAsync(pending.Id, 2);
        Assert.Equal([("created", "payment_created"), ("cancelled", "payment_cancelled")], events.Select(e => (e.Action, e.Cause)));
    }
}
