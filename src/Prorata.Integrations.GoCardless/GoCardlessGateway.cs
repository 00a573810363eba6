using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Prorata.Integrations.GoCardless.Wire;

namespace Prorata.Integrations.GoCardless;

/// <summary>
/// GoCardless's Pro API over the typed HttpClient registered by
/// <see cref="GoCardlessServiceCollectionExtensions.AddGoCardlessPayments"/>, which already authenticates, sends the version
/// header and retries. This class speaks Prorata's words (a mandate setup, a collection of an invoice, an event) and turns
/// GoCardless's answers into them, a <see cref="GoCardlessRefusedException"/> (4xx, GoCardless's reasons kept) or a
/// <see cref="GoCardlessUnavailableException"/>. Every POST carries an Idempotency-Key; a 409 idempotent_creation_conflict
/// (the key was used before, e.g. by an attempt whose answer was lost) is settled by fetching the resource created first.
/// </summary>
public sealed class GoCardlessGateway(HttpClient http, IOptions<GoCardlessOptions> options)
{
    public const string ApiVersion = "2015-07-06";
    public const string VersionHeaderName = "GoCardless-Version";
    public const string IdempotencyKeyHeaderName = "Idempotency-Key";
    public const string SignatureHeaderName = "Webhook-Signature";

    /// <summary>What the host answers a webhook whose signature is wrong (498 Token Invalid), as GoCardless asks.</summary>
    public const int InvalidSignatureStatusCode = 498;

    public const string CustomerMetadataKey = "prorata_customer";
    public const string InvoiceMetadataKey = "prorata_invoice";
    public const string AttemptMetadataKey = "prorata_attempt";

    private const string IdempotentCreationConflict = "idempotent_creation_conflict";

    /// <summary>
    /// Starts GoCardless's hosted mandate setup: a Billing Request with a mandate_request (tagged with Prorata's customer id)
    /// and a Billing Request Flow for it. The customer opens <see cref="MandateSetup.AuthorisationUrl"/> and types their bank
    /// details on GoCardless's page; Prorata never sees them.
    /// </summary>
    public async Task<MandateSetup> StartMandateSetupAsync(MandateSetupRequest request, CancellationToken cancellationToken)
    {
        var billingRequest = await CreateAsync<BillingRequestResource>(
            "billing_requests",
            new BillingRequestCreate(
                new MandateRequest(request.Currency.ToUpperInvariant(), request.Scheme),
                new Dictionary<string, string> { [CustomerMetadataKey] = request.ProrataCustomerId }),
            NewKey("billing-request"),
            $"mandate setup of customer {request.ProrataCustomerId}",
            (id, ct) => GetAsync<BillingRequestResource>($"billing_requests/{Escape(id)}", "billing_requests", $"billing request {id}", ct),
            cancellationToken);

        var flowBody = new BillingRequestFlowCreate(
            request.RedirectUri.ToString(), request.ExitUri.ToString(), new PrefilledCustomer(request.Name, request.Email),
            new FlowLinks(billingRequest.Id));
        // A flow cannot be fetched by id; a second flow for the same billing request is harmless, so a conflict creates anew.
        var flow = await CreateAsync<BillingRequestFlowResource>(
            "billing_request_flows", flowBody, NewKey("flow"), $"flow of billing request {billingRequest.Id}",
            (_, ct) => CreateAsync<BillingRequestFlowResource>(
                "billing_request_flows", flowBody, NewKey("flow"), $"flow of billing request {billingRequest.Id}", null, ct),
            cancellationToken);
        return new MandateSetup(billingRequest.Id, new Uri(flow.AuthorisationUrl));
    }

    /// <summary>
    /// The mandate the billing request created once the customer finished GoCardless's page (the request is fulfilled), with
    /// the bank account's last digits; null while it is not (pending, or left and cancelled: start a new setup then).
    /// </summary>
    public async Task<GoCardlessMandate?> CompleteMandateSetupAsync(string billingRequestId, CancellationToken cancellationToken)
    {
        var billingRequest = await GetAsync<BillingRequestResource>(
            $"billing_requests/{Escape(billingRequestId)}", "billing_requests", $"billing request {billingRequestId}", cancellationToken);
        if (billingRequest.Status != "fulfilled" || billingRequest.Links?.MandateRequestMandate is not { } mandateId)
        {
            return null;
        }
        var mandate = await GetAsync<MandateResource>($"mandates/{Escape(mandateId)}", "mandates", $"mandate {mandateId}", cancellationToken);
        string? ending = null;
        if (mandate.Links.CustomerBankAccount is { } accountId)
        {
            var account = await GetAsync<CustomerBankAccountResource>(
                $"customer_bank_accounts/{Escape(accountId)}", "customer_bank_accounts", $"bank account of mandate {mandateId}", cancellationToken);
            ending = account.AccountNumberEnding;
        }
        return new GoCardlessMandate(mandate.Id, mandate.Status, mandate.Scheme, mandate.Links.Customer, ending, mandate.NextPossibleChargeDate);
    }

    /// <summary>
    /// <c>POST /payments</c> against the mandate, with the request's idempotency key and metadata {prorata_invoice,
    /// prorata_attempt}. Sent again with the same key (after a lost answer, a crash, a retry) it returns the payment created
    /// the first time.
    /// </summary>
    public async Task<GoCardlessPayment> CollectAsync(CollectRequest request, CancellationToken cancellationToken) =>
        ToPayment(await CreateAsync<PaymentResource>(
            "payments",
            new PaymentCreate(
                request.Amount, request.Currency.ToUpperInvariant(), request.ChargeDate, request.Reference, request.Description,
                new Dictionary<string, string>
                {
                    [InvoiceMetadataKey] = request.InvoiceId,
                    [AttemptMetadataKey] = request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                new PaymentLinks(request.MandateId)),
            request.IdempotencyKey,
            $"payment of invoice {request.InvoiceId} (attempt {request.Attempt})",
            (id, ct) => GetAsync<PaymentResource>($"payments/{Escape(id)}", "payments", $"payment {id}", ct),
            cancellationToken));

    /// <summary>The payment, or null when GoCardless has none with that id.</summary>
    public async Task<GoCardlessPayment?> GetPaymentAsync(string paymentId, CancellationToken cancellationToken)
    {
        try
        {
            return ToPayment(await GetAsync<PaymentResource>($"payments/{Escape(paymentId)}", "payments", $"payment {paymentId}", cancellationToken));
        }
        catch (GoCardlessRefusedException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The payment collecting this invoice's attempt on the mandate, found by its metadata among the mandate's payments (every
    /// page), or null: how Prorata settles a collection whose answer it never got and whose key it lost.
    /// </summary>
    public async Task<GoCardlessPayment?> FindPaymentAsync(string mandateId, string invoiceId, int attempt, CancellationToken cancellationToken)
    {
        var attemptText = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? after = null;
        do
        {
            var path = $"payments?mandate={Uri.EscapeDataString(mandateId)}&limit=500" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), $"payments of mandate {mandateId}", cancellationToken);
            var payments = page["payments"].Deserialize<List<PaymentResource>>(GoCardlessJson.Options) ?? [];
            var match = payments.FirstOrDefault(p => p.Metadata is { } metadata
                                                     && metadata.GetValueOrDefault(InvoiceMetadataKey) == invoiceId
                                                     && metadata.GetValueOrDefault(AttemptMetadataKey) == attemptText);
            if (match is not null)
            {
                return ToPayment(match);
            }
            after = page["meta"].Deserialize<ListMeta>(GoCardlessJson.Options)?.Cursors?.After;
        }
        while (after is not null);
        return null;
    }

    /// <summary>
    /// Cancels a payment not yet submitted to the banks. One already cancelled (a repeat whose first answer was lost) is
    /// returned as it is; any other state is refused (invalid_state, cancellation_failed).
    /// </summary>
    public Task<GoCardlessPayment> CancelPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        ActAsync(paymentId, "cancel", GoCardlessPaymentStatus.Cancelled, cancellationToken);

    /// <summary>
    /// Retries a failed payment on its mandate (GoCardless picks the new charge date). One already resubmitted (pending
    /// submission or submitted: a repeat whose first answer was lost) is returned as it is.
    /// </summary>
    public Task<GoCardlessPayment> RetryPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        ActAsync(paymentId, "retry", GoCardlessPaymentStatus.PendingSubmission, cancellationToken, GoCardlessPaymentStatus.Submitted);

    /// <summary>
    /// Verifies a webhook (Webhook-Signature is the hex HMAC-SHA256 of the raw body under the endpoint's secret, compared in
    /// constant time) and returns its events. A wrong or missing signature throws <see cref="GoCardlessWebhookRefusedException"/>;
    /// answer it with <see cref="InvalidSignatureStatusCode"/>. Pass the body exactly as received, before any parsing.
    /// </summary>
    public IReadOnlyList<GoCardlessEvent> ReadWebhook(string rawBody, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new GoCardlessWebhookRefusedException($"The webhook has no {SignatureHeaderName} header.");
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookSecret), Encoding.UTF8.GetBytes(rawBody));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.Trim());
        }
        catch (FormatException)
        {
            throw new GoCardlessWebhookRefusedException($"The webhook's {SignatureHeaderName} is not a hex digest.");
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new GoCardlessWebhookRefusedException(
                $"The webhook's {SignatureHeaderName} does not match its body under {GoCardlessOptions.SectionName}:WebhookSecret.");
        }
        WebhookBody? body;
        try
        {
            body = JsonSerializer.Deserialize<WebhookBody>(rawBody, GoCardlessJson.Options);
        }
        catch (JsonException e)
        {
            throw new GoCardlessWebhookRefusedException($"The webhook is signed but is not GoCardless's events JSON: {e.Message}");
        }
        return (body?.Events ?? []).Select(e => new GoCardlessEvent(
            e.Id, e.CreatedAt, e.ResourceType, e.Action, e.Links?.Payment, e.Links?.Mandate,
            e.Details?.Cause, e.Details?.Description, e.Details?.ReasonCode)).ToList();
    }

    private async Task<GoCardlessPayment> ActAsync(
        string paymentId, string action, GoCardlessPaymentStatus done, CancellationToken cancellationToken, GoCardlessPaymentStatus? alsoDone = null)
    {
        var what = $"{action} of payment {paymentId}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"payments/{Escape(paymentId)}/actions/{action}")
        {
            Content = Json(new Dictionary<string, object> { ["data"] = new Dictionary<string, object>() }),
        };
        request.Headers.Add(IdempotencyKeyHeaderName, NewKey(action));
        try
        {
            var answer = await SendAsync(request, what, cancellationToken);
            return ToPayment(answer["payments"].Deserialize<PaymentResource>(GoCardlessJson.Options)
                             ?? throw new GoCardlessUnavailableException($"GoCardless answered the {what} without a payment."));
        }
        catch (GoCardlessRefusedException e) when (e.ErrorType == "invalid_state")
        {
            var payment = await GetPaymentAsync(paymentId, cancellationToken);
            if (payment is not null && (payment.Status == done || payment.Status == alsoDone))
            {
                return payment;
            }
            throw;
        }
    }

    private async Task<T> CreateAsync<T>(
        string collection, object body, string idempotencyKey, string what, Func<string, CancellationToken, Task<T>>? conflicting,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, collection) { Content = Json(new Dictionary<string, object> { [collection] = body }) };
        request.Headers.Add(IdempotencyKeyHeaderName, idempotencyKey);
        try
        {
            var answer = await SendAsync(request, what, cancellationToken);
            return answer[collection].Deserialize<T>(GoCardlessJson.Options)
                   ?? throw new GoCardlessUnavailableException($"GoCardless answered the {what} without a {collection} resource.");
        }
        catch (GoCardlessRefusedException e) when (e.ConflictingResourceId is { } existing && conflicting is not null)
        {
            return await conflicting(existing, cancellationToken);
        }
    }

    private async Task<T> GetAsync<T>(string path, string envelope, string what, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), what, cancellationToken);
        return answer[envelope].Deserialize<T>(GoCardlessJson.Options)
               ?? throw new GoCardlessUnavailableException($"GoCardless answered the {what} without a {envelope} resource.");
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using var _ = request;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GoCardlessUnavailableException($"GoCardless did not answer the {what}: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonNode.Parse(text) ?? throw new GoCardlessUnavailableException($"GoCardless answered the {what} with an empty body.");
                }
                catch (JsonException e)
                {
                    throw new GoCardlessUnavailableException($"GoCardless answered the {what} with something other than JSON.", e);
                }
            }
            var error = ReadError(text);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw Refused(response.StatusCode, error,
                    $"GoCardless refused the access token ({Describe(error, "401 Unauthorized")}): check {GoCardlessOptions.SectionName}:AccessToken, "
                    + $"and that {GoCardlessOptions.SectionName}:BaseAddress is the environment (live or sandbox) it belongs to.");
            }
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            {
                throw new GoCardlessUnavailableException(
                    $"GoCardless failed the {what} after retries ({status}{(error is null ? "" : ", " + Describe(error, ""))}).");
            }
            throw Refused(response.StatusCode, error, $"GoCardless refused the {what}: {Describe(error, $"{status} {response.ReasonPhrase}")}");
        }
    }

    private static GoCardlessRefusedException Refused(HttpStatusCode status, ApiError? error, string message)
    {
        var items = error?.Errors ?? [];
        var conflict = items.FirstOrDefault(i => i.Reason == IdempotentCreationConflict)?.Links?.GetValueOrDefault("conflicting_resource_id");
        var reasons = items.Select(i => i.Reason ?? i.Field).OfType<string>().ToList();
        return new GoCardlessRefusedException(status, error?.Type, reasons, error?.RequestId, message, conflict);
    }

    // "Validation failed (charge_date: must be on or after the mandate's next possible charge date) [request OPTxxxx]".
    private static string Describe(ApiError? error, string fallback)
    {
        if (error is null)
        {
            return fallback;
        }
        var parts = (error.Errors ?? [])
            .Select(i => (i.Reason ?? i.Field, i.Message) switch
            {
                (null, null) => null,
                ({ } key, null) => key,
                (null, { } message) => message,
                ({ } key, { } message) => $"{key}: {message}",
            })
            .OfType<string>()
            .ToList();
        var text = error.Message ?? fallback;
        if (parts.Count > 0) text += $" ({string.Join("; ", parts)})";
        if (error.RequestId is not null) text += $" [request {error.RequestId}]";
        return text;
    }

    private static ApiError? ReadError(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ErrorBody>(text, GoCardlessJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // A proxy's page in front of GoCardless, not GoCardless's error.
            return null;
        }
    }

    private static GoCardlessPayment ToPayment(PaymentResource payment)
    {
        var metadata = payment.Metadata ?? [];
        return new GoCardlessPayment(
            payment.Id,
            Enum.TryParse<GoCardlessPaymentStatus>(payment.Status.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var status)
                ? status
                : GoCardlessPaymentStatus.Unknown,
            payment.ChargeDate,
            payment.Amount,
            payment.Currency,
            payment.Links.Mandate,
            metadata.GetValueOrDefault(InvoiceMetadataKey),
            int.TryParse(metadata.GetValueOrDefault(AttemptMetadataKey), System.Globalization.CultureInfo.InvariantCulture, out var attempt) ? attempt : null);
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, GoCardlessJson.Options), Encoding.UTF8, "application/json");

    // A key for one call: it stays on the request across the pipeline's retries, so one call creates at most once.
    private static string NewKey(string what) => $"prorata-{what}-{Guid.NewGuid():N}";

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
