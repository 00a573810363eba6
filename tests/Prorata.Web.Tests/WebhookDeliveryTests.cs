using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Data.Identity;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;

namespace Prorata.Web.Tests;

/// <summary>
/// Events reaching a receiver on 127.0.0.1 through the outbox, driven by the test on a frozen clock: signed as
/// docs/webhooks.md says (checked here with its own HMAC), retried on 5xx, 429 and no answer, not on other 4xx, given up
/// with a work item, redelivered on request; sent only to active subscriptions that want the type.
/// </summary>
public abstract class WebhookDeliveryTests(WebhookApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CustomerCreated_ReachesTheEndpointOnce_SignedAsDocumented()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        var secret = webhook.GetProperty("secret").GetString()!;
        var name = Unique("Fabrikam");
        var sentAt = app.Time.GetUtcNow();

        var customerId = await WebhookApp.CustomerAsync(owner, name);
        await app.DeliverAsync();
        await app.DeliverAsync();

        var received = Assert.Single(receiver.Received);
        var body = JsonDocument.Parse(received.Body).RootElement;
        var eventId = body.GetProperty("id").GetGuid();
        Assert.Equal(["id", "type", "occurredAt", "data"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("customer.changed", sentAt), (body.GetProperty("type").GetString(), body.GetProperty("occurredAt").GetDateTimeOffset()));
        var data = body.GetProperty("data");
        Assert.Equal((customerId, "created", name, "USD", "payables@fabrikam.example", JsonValueKind.Null, false, 1),
            (data.GetProperty("customerId").GetGuid(), data.GetProperty("change").GetString(), data.GetProperty("name").GetString(), data.GetProperty("currency").GetString(),
                data.GetProperty("billingEmail").GetString(), data.GetProperty("parentCustomerId").ValueKind, data.GetProperty("creditHold").GetBoolean(),
                data.GetProperty("version").GetInt32()));
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal((eventId.ToString(), "customer.changed", "1", timestamp, "application/json; charset=utf-8"),
            (received.Headers["Prorata-Event-Id"], received.Headers["Prorata-Event-Type"], received.Headers["Prorata-Attempt"], received.Headers["Prorata-Timestamp"],
                received.ContentType));
        Assert.Equal($"t={timestamp},v1={Hmac(secret, $"{timestamp}.{received.Body}")}", received.Headers["Prorata-Signature"]);

        var delivery = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal((eventId, "customer.changed", "delivered", 1, 200, JsonValueKind.Null, sentAt),
            (delivery.GetProperty("eventId").GetGuid(), delivery.GetProperty("eventType").GetString(), delivery.GetProperty("state").GetString(),
                delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32(), delivery.GetProperty("lastError").ValueKind,
                delivery.GetProperty("deliveredAt").GetDateTimeOffset()));
        var detail = await DeliveryAsync(owner, webhook, delivery);
        Assert.Equal([(1, sentAt, (int?)200, 0, "delivered", (string?)null)], Attempts(detail));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(received.Body), JsonNode.Parse(detail.GetProperty("payload").GetRawText())));
        var deliveryPath = $"/settings/webhooks/{Id(webhook)}/deliveries/{delivery.GetProperty("id").GetGuid()}";
        Assert.Contains($"<a href=\"{deliveryPath}\">", await owner.GetStringAsync($"/settings/webhooks/{Id(webhook)}?state=delivered"), StringComparison.Ordinal);
        var page = await owner.GetStringAsync(deliveryPath);
        Assert.Contains("<dd id=\"delivery-state\">delivered at ", page, StringComparison.Ordinal);
        Assert.Contains($"&quot;customerId&quot;: &quot;{customerId}&quot;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint500Then200_SentTwiceWithTheSameEvent_TheLogShowsBothAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["customer.changed"]);
        receiver.AnswerNext(500);
        var first = app.Time.GetUtcNow();

        await WebhookApp.CustomerAsync(owner, Unique("Contoso"));
        await app.DeliverAsync();

        var pending = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("pending", 1, 500, "HTTP 500 Internal Server Error", first + OutboxDispatcher.Backoff(1)),
            (pending.GetProperty("state").GetString(), pending.GetProperty("attempts").GetInt32(), pending.GetProperty("lastStatusCode").GetInt32(),
                pending.GetProperty("lastError").GetString(), pending.GetProperty("nextAttemptAt").GetDateTimeOffset()));
        Assert.Equal(0, await app.DeliverAsync());

        app.Time.Advance(OutboxDispatcher.Backoff(1));
        await app.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
        Assert.Equal((receiver.Received[0].Headers["Prorata-Event-Id"], "1", "2"),
            (receiver.Received[1].Headers["Prorata-Event-Id"], receiver.Received[0].Headers["Prorata-Attempt"], receiver.Received[1].Headers["Prorata-Attempt"]));
        var delivered = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("delivered", 2), (delivered.GetProperty("state").GetString(), delivered.GetProperty("attempts").GetInt32()));
        Assert.Equal(
            [
                (1, first, (int?)500, 0, "retrying", (string?)"HTTP 500 Internal Server Error"),
                (2, first + OutboxDispatcher.Backoff(1), 200, 0, "delivered", null),
            ],
            Attempts(await DeliveryAsync(owner, webhook, delivered)));
    }

    [Theory]
    [InlineData(410, "HTTP 410 Gone")]
    [InlineData(400, "HTTP 400 Bad Request")]
    public async Task Endpoint4xx_NotRetried_FailedWithAWorkItemNamingTheEndpoint(int status, string answer)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        receiver.AnswerNext(status);

        await WebhookApp.CustomerAsync(owner, Unique("Litware"));
        await app.DeliverAsync();
        app.Time.Advance(TimeSpan.FromHours(3));
        await app.DeliverAsync();

        Assert.Single(receiver.Received);
        var failed = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("failed", 1, status, answer, JsonValueKind.Null),
            (failed.GetProperty("state").GetString(), failed.GetProperty("attempts").GetInt32(), failed.GetProperty("lastStatusCode").GetInt32(),
                failed.GetProperty("lastError").GetString(), failed.GetProperty("nextAttemptAt").ValueKind));
        Assert.Equal("refused", Attempts(await DeliveryAsync(owner, webhook, failed)).Single().Outcome);
        var item = await WorkItemAsync(owner, webhook);
        Assert.Equal(("EndpointRefused", "open", $"/settings/webhooks/{Id(webhook)}",
                $"{receiver.Url} refused the customer.changed event {failed.GetProperty("eventId").GetGuid()} ({answer}); it is not sent again by itself. "
                + "Fix the endpoint, then redeliver the event from the webhook's delivery log."),
            (item.GetProperty("code").GetString(), item.GetProperty("state").GetString(), $"/settings/webhooks/{item.GetProperty("subjectId").GetString()}",
                item.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeout_AfterTheEndpointHasTheRequest_RetriedWithTheSameEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        var held = receiver.HoldNext();
        await WebhookApp.CustomerAsync(owner, Unique("Tailspin"));
        await app.DeliverOnceAsync();
        var sentAt = app.Time.GetUtcNow();

        var delivering = app.DeliverOnceAsync();
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        // The endpoint has the request and says nothing: ten seconds later (the frozen clock moved on) Prorata gives up the attempt.
        app.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await delivering.WaitAsync(TimeSpan.FromSeconds(30)));

        var pending = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("pending", "No answer within 10 s.", sentAt + TimeSpan.FromSeconds(10) + OutboxDispatcher.Backoff(1)),
            (pending.GetProperty("state").GetString(), pending.GetProperty("lastError").GetString(), pending.GetProperty("nextAttemptAt").GetDateTimeOffset()));
        app.Time.Advance(OutboxDispatcher.Backoff(1));
        await app.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal((receiver.Received[0].Headers["Prorata-Event-Id"], receiver.Received[0].Body),
            (receiver.Received[1].Headers["Prorata-Event-Id"], receiver.Received[1].Body));
        var delivered = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(
            [
                (1, sentAt, (int?)null, 10_000, "retrying", (string?)"No answer within 10 s."),
                (2, sentAt + TimeSpan.FromSeconds(10) + OutboxDispatcher.Backoff(1), 200, 0, "delivered", null),
            ],
            Attempts(await DeliveryAsync(owner, webhook, delivered)));
    }

    [Fact]
    public async Task Endpoint429WithRetryAfter_NotTriedAgainBeforeIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        receiver.AnswerNext(429, ("Retry-After", "300"));
        var first = app.Time.GetUtcNow();

        await WebhookApp.CustomerAsync(owner, Unique("Wingtip"));
        await app.DeliverAsync();

        var pending = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(first.AddMinutes(5), pending.GetProperty("nextAttemptAt").GetDateTimeOffset());
        app.Time.Advance(OutboxDispatcher.Backoff(1));
        Assert.Equal(0, await app.DeliverAsync());
        app.Time.Advance(TimeSpan.FromMinutes(4));
        await app.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal("delivered", Assert.Single(await DeliveriesAsync(owner, webhook)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task EndpointAlways503_GivenUpAfterTheOutboxsLastAttempt_WithAWorkItem()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        for (var i = 0; i < OutboxDispatcher.MaxAttempts; i++) receiver.AnswerNext(503);

        await WebhookApp.CustomerAsync(owner, Unique("Adatum"));
        await app.DeliverAsync();
        for (var attempt = 1; attempt < OutboxDispatcher.MaxAttempts; attempt++)
        {
            app.Time.Advance(OutboxDispatcher.Backoff(attempt));
            await app.DeliverAsync();
        }
        app.Time.Advance(TimeSpan.FromDays(1));
        await app.DeliverAsync();
        // Hours went by on the frozen clock: the first session has expired.
        owner = await app.SignedInAsAsync(StaffRoles.Owner);

        Assert.Equal(OutboxDispatcher.MaxAttempts, receiver.Received.Count);
        var failed = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("failed", 10), (failed.GetProperty("state").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.Equal([.. Enumerable.Repeat("retrying", 9), "gaveUp"], Attempts(await DeliveryAsync(owner, webhook, failed)).Select(a => a.Outcome));
        var item = await WorkItemAsync(owner, webhook);
        Assert.Equal(("DeliveryAbandoned", $"{receiver.Url} did not take the customer.changed event {failed.GetProperty("eventId").GetGuid()} in 10 attempts "
                + "(last: HTTP 503 Service Unavailable). Redeliver it from the webhook's delivery log once the endpoint answers."),
            (item.GetProperty("code").GetString(), item.GetProperty("message").GetString()));
        Assert.Equal(OutboxState.Failed, await app.ReadAsync(db => db.Outbox.Where(m => m.Topic == OutboxTopic.WebhookDelivery).Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task Redeliver_SendsTheSameEventAgain_RefusedWhileAnAttemptIsWaiting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        receiver.AnswerNext(410);
        receiver.AnswerNext(500);
        await WebhookApp.CustomerAsync(owner, Unique("Proseware"));
        await app.DeliverAsync();
        var failed = Assert.Single(await DeliveriesAsync(owner, webhook));
        var path = $"/api/v1/webhooks/{Id(webhook)}/deliveries/{failed.GetProperty("id").GetGuid()}/redeliver";

        using var redeliver = await owner.PostAsJsonAsync(path, new { });
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        Assert.Equal("pending", (await redeliver.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        await app.DeliverAsync();
        using var whilePending = await owner.PostAsJsonAsync(path, new { });
        app.Time.Advance(OutboxDispatcher.Backoff(1));
        await app.DeliverAsync();

        Assert.Equal(HttpStatusCode.Conflict, whilePending.StatusCode);
        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => (r.Headers["Prorata-Event-Id"], r.Body)).Distinct());
        Assert.Equal(["1", "2", "3"], receiver.Received.Select(r => r.Headers["Prorata-Attempt"]));
        var delivered = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(["refused", "retrying", "delivered"], Attempts(await DeliveryAsync(owner, webhook, delivered)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task UnsubscribedTypeAndInactiveWebhook_GetNothing()
    {
        await using var payments = await WebhookReceiver.StartAsync();
        await using var inactive = await WebhookReceiver.StartAsync();
        await using var customers = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var paymentsOnly = await WebhookApp.CreateWebhookAsync(owner, payments.Url, ["payment.recorded", "invoice.issued"]);
        var off = await WebhookApp.CreateWebhookAsync(owner, inactive.Url, ["*"], active: false);
        await WebhookApp.CreateWebhookAsync(owner, customers.Url, ["customer.changed"]);

        await WebhookApp.CustomerAsync(owner, Unique("Northwind Traders"));
        await app.DeliverAsync();

        Assert.Equal((0, 0, 1), (payments.Received.Count, inactive.Received.Count, customers.Received.Count));
        Assert.Empty(await DeliveriesAsync(owner, paymentsOnly));
        Assert.Empty(await DeliveriesAsync(owner, off));
    }

    [Fact]
    public async Task NothingWantsTheType_NoEventIsWritten()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["invoice.issued"]);

        await WebhookApp.CustomerAsync(owner, Unique("Fourth Coffee"));

        Assert.Equal(0, await app.ReadAsync(db => db.Outbox.CountAsync(m => m.Topic == OutboxTopic.DomainEvent)));
    }

    [Fact]
    public async Task DeactivatedAfterTheEventHappened_TheWaitingDeliveryFailsUnsent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        await WebhookApp.CustomerAsync(owner, Unique("Coho Winery"));
        await app.DeliverOnceAsync();

        using var off = await owner.PutAsJsonAsync($"/api/v1/webhooks/{Id(webhook)}", new { url = receiver.Url, eventTypes = new[] { "*" }, active = false });
        await app.DeliverAsync();

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Empty(receiver.Received);
        var failed = Assert.Single(await DeliveriesAsync(owner, webhook));
        Assert.Equal(("failed", 0, "The webhook was deactivated before this event was sent."),
            (failed.GetProperty("state").GetString(), failed.GetProperty("attempts").GetInt32(), failed.GetProperty("lastError").GetString()));
    }

    [Fact]
    public async Task RotatedSecret_BothSignDuringTheGrace_ThenOnlyTheNewOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var webhook = await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        var previous = webhook.GetProperty("secret").GetString()!;
        using var rotated = await owner.PostAsJsonAsync($"/api/v1/webhooks/{Id(webhook)}/secret", new { graceHours = 1 });
        var current = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        await WebhookApp.CustomerAsync(owner, Unique("Alpine Ski House"));
        await app.DeliverAsync();
        app.Time.Advance(TimeSpan.FromHours(1));
        await WebhookApp.CustomerAsync(owner, Unique("Blue Yonder"));
        await app.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        var (during, after) = (receiver.Received[0], receiver.Received[1]);
        var t1 = during.Headers["Prorata-Timestamp"];
        var t2 = after.Headers["Prorata-Timestamp"];
        Assert.Equal($"t={t1},v1={Hmac(current, $"{t1}.{during.Body}")},v1={Hmac(previous, $"{t1}.{during.Body}")}", during.Headers["Prorata-Signature"]);
        Assert.Equal($"t={t2},v1={Hmac(current, $"{t2}.{after.Body}")}", after.Headers["Prorata-Signature"]);
    }

    [Fact]
    public async Task Events_FromTheirSources_CustomerSubscriptionInvoicePaymentCreditNote()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["*"]);
        var (suffix, entityId, customerId, contractId) = await FabrikamContractAsync(owner);
        using var purchased = await owner.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = WebhookApp.Product, skuId = WebhookApp.Sku, term = "P1Y", billingPlan = "monthly", quantity = 4 });
        Assert.Equal(HttpStatusCode.Created, purchased.StatusCode);
        var subscriptionId = Guid.Parse(purchased.Headers.Location!.OriginalString.Split('/')[^1]);
        var invoice = await InvoiceDeliveryApp.BillAsync(owner, contractId, new DateOnly(2026, 4, 5), issue: true);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var paymentId = await InvoiceDeliveryApp.CreatedIdAsync(await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments",
            new { amount = 10.00m, currency = "USD", method = "bankTransfer", reference = "wire 4471", invoiceId }));
        using var credit = await owner.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/credit", new { amount = 5.00m, reason = "goodwill" });
        Assert.True(credit.IsSuccessStatusCode, await credit.Content.ReadAsStringAsync());
        var note = await credit.Content.ReadFromJsonAsync<JsonElement>();

        await app.DeliverAsync();

        var events = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["customer.changed", "contract.changed", "subscription.changed", "invoice.issued", "payment.recorded", "creditNote.issued"],
            events.Select(e => e.GetProperty("type").GetString()));
        events.RemoveAt(1);
        Assert.Equal((customerId, "created"), (events[0].GetProperty("data").GetProperty("customerId").GetGuid(), events[0].GetProperty("data").GetProperty("change").GetString()));
        var purchase = events[1].GetProperty("data");
        Assert.Equal((subscriptionId, contractId, customerId, 1, "purchase", "staff", 4, "active", 4, WebhookApp.Product, WebhookApp.Sku),
            (purchase.GetProperty("subscriptionId").GetGuid(), purchase.GetProperty("contractId").GetGuid(), purchase.GetProperty("customerId").GetGuid(),
                purchase.GetProperty("sequence").GetInt32(), purchase.GetProperty("change").GetString(), purchase.GetProperty("source").GetString(),
                purchase.GetProperty("quantity").GetInt32(), purchase.GetProperty("status").GetString(), purchase.GetProperty("seats").GetInt32(),
                purchase.GetProperty("productId").GetString(), purchase.GetProperty("skuId").GetString()));
        var issued = events[2].GetProperty("data");
        Assert.Equal((invoiceId, invoice.GetProperty("number").GetString(), "invoice", customerId, contractId, entityId, "USD", "2026-04-05",
                invoice.GetProperty("total").GetDecimal()),
            (issued.GetProperty("invoiceId").GetGuid(), issued.GetProperty("number").GetString(), issued.GetProperty("kind").GetString(),
                issued.GetProperty("customerId").GetGuid(), issued.GetProperty("contractId").GetGuid(), issued.GetProperty("legalEntityId").GetGuid(),
                issued.GetProperty("currency").GetString(), issued.GetProperty("billingDate").GetString(), issued.GetProperty("total").GetDecimal()));
        Assert.StartsWith($"W{suffix}-", issued.GetProperty("number").GetString(), StringComparison.Ordinal);
        var paid = events[3].GetProperty("data");
        Assert.Equal((paymentId, customerId, "USD", 10.00m, "bankTransfer", "manual", "wire 4471", invoiceId),
            (paid.GetProperty("paymentId").GetGuid(), paid.GetProperty("customerId").GetGuid(), paid.GetProperty("currency").GetString(),
                paid.GetProperty("amount").GetDecimal(), paid.GetProperty("method").GetString(), paid.GetProperty("provider").GetString(),
                paid.GetProperty("reference").GetString(), paid.GetProperty("invoiceId").GetGuid()));
        var credited = events[4].GetProperty("data");
        Assert.Equal((note.GetProperty("id").GetGuid(), note.GetProperty("number").GetString(), "creditNote", invoiceId, -5.00m),
            (credited.GetProperty("invoiceId").GetGuid(), credited.GetProperty("number").GetString(), credited.GetProperty("kind").GetString(),
                credited.GetProperty("creditedInvoiceId").GetGuid(), credited.GetProperty("subtotal").GetDecimal()));
    }

    [Fact]
    public async Task Events_ContractChanged_InvoiceVoided_PaymentReversed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        await WebhookApp.CreateWebhookAsync(owner, receiver.Url, ["contract.changed", "invoice.voided", "payment.reversed"]);
        var (suffix, entityId, customerId, contractId) = await FabrikamContractAsync(owner);
        using var changed = await owner.PutAsJsonAsync($"/api/v1/contracts/{contractId}", new
        {
            currency = "USD", billingDay = 5, invoiceCadence = "monthly", legalEntityId = entityId, paymentTermsDays = 14,
            pricingRules = new[] { new { productId = "*", method = "markupOnCost", value = 65m } },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var purchased = await owner.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = WebhookApp.Product, skuId = WebhookApp.Sku, term = "P1Y", billingPlan = "monthly", quantity = 4 });
        Assert.Equal(HttpStatusCode.Created, purchased.StatusCode);
        var invoice = await InvoiceDeliveryApp.BillAsync(owner, contractId, new DateOnly(2026, 4, 5), issue: true);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        // A payment recorded against the invoice by mistake and reversed: its allocation goes, so the invoice can then be voided.
        var paymentId = await InvoiceDeliveryApp.CreatedIdAsync(await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments",
            new { amount = 25.00m, currency = "USD", method = "bankTransfer", reference = $"wire {suffix}", invoiceId }));
        using var reversed = await owner.PostAsJsonAsync($"/api/v1/payments/{paymentId}/reverse", new { reason = "recordedByMistake", note = "another customer's wire" });
        Assert.True(reversed.IsSuccessStatusCode, await reversed.Content.ReadAsStringAsync());
        using var voided = await owner.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/void", new { });
        Assert.True(voided.IsSuccessStatusCode, await voided.Content.ReadAsStringAsync());

        await app.DeliverAsync();

        var events = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["contract.changed", "contract.changed", "payment.reversed", "invoice.voided"], events.Select(e => e.GetProperty("type").GetString()));
        var contracts = events.Take(2).Select(e => e.GetProperty("data")).Select(d => (d.GetProperty("contractId").GetGuid(), d.GetProperty("customerId").GetGuid(),
            d.GetProperty("change").GetString(), d.GetProperty("invoiceCadence").GetString(), d.GetProperty("paymentTermsDays").GetInt32(), d.GetProperty("version").GetInt32()));
        Assert.Equal([(contractId, customerId, "created", "monthly", 30, 1), (contractId, customerId, "updated", "monthly", 14, 2)], contracts);
        var voidedData = events[3].GetProperty("data");
        Assert.Equal((invoiceId, invoice.GetProperty("number").GetString(), customerId, contractId, "USD", "2026-04-05", invoice.GetProperty("total").GetDecimal()),
            (voidedData.GetProperty("invoiceId").GetGuid(), voidedData.GetProperty("number").GetString(), voidedData.GetProperty("customerId").GetGuid(),
                voidedData.GetProperty("contractId").GetGuid(), voidedData.GetProperty("currency").GetString(), voidedData.GetProperty("billingDate").GetString(),
                voidedData.GetProperty("total").GetDecimal()));
        var reversal = events[2].GetProperty("data");
        Assert.Equal((paymentId, customerId, "USD", 25.00m, $"wire {suffix}", "recordedByMistake"),
            (reversal.GetProperty("paymentId").GetGuid(), reversal.GetProperty("customerId").GetGuid(), reversal.GetProperty("currency").GetString(),
                reversal.GetProperty("amount").GetDecimal(), reversal.GetProperty("reference").GetString(), reversal.GetProperty("reason").GetString()));
    }

    /// <summary>A German-addressed USD legal entity, a tax-exempt Fabrikam and its monthly USD contract at cost + 65 %.</summary>
    private static async Task<(string Suffix, Guid EntityId, Guid CustomerId, Guid ContractId)> FabrikamContractAsync(HttpClient owner)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await owner.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Cloud Services {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", invoicePrefix = $"W{suffix}-", creditNotePrefix = $"X{suffix}-", defaultPaymentTermsDays = 30, taxProvider = "builtIn",
        }));
        var customerId = await InvoiceDeliveryApp.CreatedIdAsync(await owner.PostAsJsonAsync("/api/v1/customers", new
        {
            name = $"Fabrikam {suffix}", currency = "USD", billingEmail = "payables@fabrikam.example", taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-1",
            billingAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" },
        }));
        var contractId = await InvoiceDeliveryApp.CreatedIdAsync(await owner.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "USD", billingDay = 5, invoiceCadence = "monthly", legalEntityId = entityId,
            pricingRules = new[] { new { productId = "*", method = "markupOnCost", value = 65m } },
        }));
        return (suffix, entityId, customerId, contractId);
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private static Guid Id(JsonElement webhook) => webhook.GetProperty("id").GetGuid();

    /// <summary>The receiver's side of docs/webhooks.md: lower-case hex HMAC-SHA256 of the signed text, keyed with the secret's UTF-8 bytes.</summary>
    private static string Hmac(string secret, string signed) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient owner, JsonElement webhook) =>
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{Id(webhook)}/deliveries")).GetProperty("items").EnumerateArray().ToList();

    private static Task<JsonElement> DeliveryAsync(HttpClient owner, JsonElement webhook, JsonElement delivery) =>
        owner.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{Id(webhook)}/deliveries/{delivery.GetProperty("id").GetGuid()}");

    private static List<(int Number, DateTimeOffset At, int? Status, int DurationMs, string Outcome, string? Error)> Attempts(JsonElement delivery) =>
        delivery.GetProperty("log").EnumerateArray().Select(a => (a.GetProperty("number").GetInt32(), a.GetProperty("at").GetDateTimeOffset(),
            a.GetProperty("statusCode").ValueKind == JsonValueKind.Null ? (int?)null : a.GetProperty("statusCode").GetInt32(), a.GetProperty("durationMs").GetInt32(),
            a.GetProperty("outcome").GetString()!, a.GetProperty("error").GetString())).ToList();

    private static async Task<JsonElement> WorkItemAsync(HttpClient owner, JsonElement webhook)
    {
        var items = await owner.GetFromJsonAsync<JsonElement>("/api/v1/work-items?kind=webhookFailure&state=all");
        return Assert.Single(items.GetProperty("items").EnumerateArray(), i => i.GetProperty("subjectId").GetString() == Id(webhook).ToString());
    }
}

[Collection(SqliteWebhookCollection.Name)]
public sealed class SqliteWebhookDeliveryTests(SqliteWebhookApp app) : WebhookDeliveryTests(app);

[Collection(PostgresWebhookCollection.Name)]
public sealed class PostgresWebhookDeliveryTests(PostgresWebhookApp app) : WebhookDeliveryTests(app);
