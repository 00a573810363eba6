using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Prorata.Integrations.Stripe.Webhooks;
using Stripe;
using StripeCheckout = Stripe.Checkout;

namespace Prorata.Integrations.Stripe;

/// <summary>
/// Stripe in Prorata's words, over Stripe.net and the HttpClient registered by
/// <see cref="StripeServiceCollectionExtensions.AddStripePayments"/> (retries with the same Idempotency-Key, a timeout per
/// attempt). Card and bank details are typed on Stripe's Checkout page and never pass through Prorata; Prorata keeps the
/// ids Stripe gives back (cus_…, pm_…, pi_…). Stripe's answers become results (a decline is a result, not an error), a
/// <see cref="StripeRefusedException"/> (a 4xx a person must look at) or a <see cref="StripeUnavailableException"/> (no
/// answer: the call may have happened).
/// </summary>
public sealed class StripeGateway
{
    public const string CustomerMetadataKey = "prorata_customer";
    public const string InvoiceMetadataKey = "prorata_invoice";
    public const string AttemptMetadataKey = "prorata_attempt";

    private readonly StripeOptions _options;
    private readonly StripeClient? _client;

    public StripeGateway(IOptions<StripeOptions> options, IHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        if (_options.IsEnabled)
        {
            _client = new StripeClient(new StripeClientOptions
            {
                ApiKey = _options.SecretKey,
                // Stripe.net appends "/v1/…" to the base.
                ApiBase = _options.ApiBase.ToString().TrimEnd('/'),
                // Stripe.net's own retries are off: the factory's handler retries, with the same request and so the same key.
                HttpClient = new SystemNetHttpClient(
                    httpClientFactory.CreateClient(StripeServiceCollectionExtensions.HttpClientName),
                    maxNetworkRetries: 0,
                    appInfo: new AppInfo { Name = "Prorata" },
                    enableTelemetry: false),
            });
        }
    }

    /// <summary>False when "Prorata:Stripe:SecretKey" is empty: Prorata then takes no card or SEPA payments and every call here is refused.</summary>
    public bool IsEnabled => _client is not null;

    /// <summary>
    /// The Stripe customer for a Prorata customer: <paramref name="existingStripeCustomerId"/> when Prorata already has one,
    /// otherwise a new one (<c>POST /v1/customers</c>, metadata prorata_customer) under an idempotency key made of the
    /// Prorata id, so a retry whose first answer was lost gets the same customer back rather than a second one.
    /// </summary>
    public async Task<string> EnsureCustomerAsync(
        string prorataCustomerId, string name, string email, string? existingStripeCustomerId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(existingStripeCustomerId))
        {
            return existingStripeCustomerId;
        }
        var customer = await SendAsync(
            client => client.V1.Customers.CreateAsync(
                new CustomerCreateOptions
                {
                    Name = name,
                    Email = email,
                    Metadata = new Dictionary<string, string> { [CustomerMetadataKey] = prorataCustomerId },
                },
                new RequestOptions { IdempotencyKey = $"prorata-customer-{prorataCustomerId}" },
                cancellationToken),
            $"creation of the customer for {prorataCustomerId}",
            cancellationToken);
        return customer.Id;
    }

    /// <summary>
    /// A Checkout Session in setup mode (<c>POST /v1/checkout/sessions</c>) where the customer saves a card or a SEPA mandate
    /// for later off-session charges. <paramref name="successUrl"/> may hold <c>{CHECKOUT_SESSION_ID}</c>, which Stripe replaces
    /// with the session's id when it sends the customer back. <paramref name="methodTypes"/> ("card", "sepa_debit") filters
    /// what Stripe offers; <paramref name="currency"/> (ISO 4217) is the currency of the charges to come, which decides
    /// what is eligible (SEPA Direct Debit only for EUR).
    /// </summary>
    public async Task<SetupSession> StartSetupAsync(
        string stripeCustomerId, string successUrl, string cancelUrl, IReadOnlyList<string> methodTypes, string currency,
        CancellationToken cancellationToken)
    {
        var session = await SendAsync(
            client => client.V1.Checkout.Sessions.CreateAsync(
                new StripeCheckout.SessionCreateOptions
                {
                    Mode = "setup",
                    Customer = stripeCustomerId,
                    SuccessUrl = successUrl,
                    CancelUrl = cancelUrl,
                    Currency = currency.ToLowerInvariant(),
                    AllowedPaymentMethodTypes = [.. methodTypes],
                },
                null,
                cancellationToken),
            $"setup session for customer {stripeCustomerId}",
            cancellationToken);
        return new SetupSession(session.Id, new Uri(session.Url));
    }

    /// <summary>
    /// The payment method saved in a setup session (<c>GET /v1/checkout/sessions/{id}?expand[]=setup_intent.payment_method</c>),
    /// or null while the session is not complete (the customer has not finished, or left).
    /// </summary>
    public async Task<SavedPaymentMethod?> CompleteSetupAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await SendAsync(
            client => client.V1.Checkout.Sessions.GetAsync(
                sessionId,
                new StripeCheckout.SessionGetOptions { Expand = ["setup_intent.payment_method"] },
                null,
                cancellationToken),
            $"setup session {sessionId}",
            cancellationToken);
        if (session.Status != "complete" || session.SetupIntent is not { Status: "succeeded", PaymentMethod: { } method })
        {
            return null;
        }
        var customerId = session.CustomerId ?? session.SetupIntent.CustomerId ?? method.CustomerId;
        return method.Type switch
        {
            "card" when method.Card is { } card =>
                new SavedPaymentMethod(method.Id, method.Type, customerId, card.Last4, card.Brand, (int)card.ExpMonth, (int)card.ExpYear),
            "sepa_debit" when method.SepaDebit is { } sepa =>
                new SavedPaymentMethod(method.Id, method.Type, customerId, sepa.Last4, null, null, null),
            _ => new SavedPaymentMethod(method.Id, method.Type, customerId, "", null, null, null),
        };
    }

    /// <summary>
    /// Charges a saved payment method off session (<c>POST /v1/payment_intents</c>, confirm, off_session, metadata
    /// prorata_invoice and prorata_attempt) under the request's idempotency key. A card answers at once; a SEPA debit
    /// answers <see cref="ChargeProcessing"/> and later by webhook. Throws <see cref="StripeUnavailableException"/> when no
    /// answer came after the retries: the charge may have been made, so send the same request again (same key) or look it
    /// up with <see cref="FindChargeAsync"/>; never charge again under a new key before knowing.
    /// </summary>
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var intent = await SendAsync(
                client => client.V1.PaymentIntents.CreateAsync(
                    new PaymentIntentCreateOptions
                    {
                        Amount = request.AmountMinor,
                        Currency = request.Currency.ToLowerInvariant(),
                        Customer = request.StripeCustomerId,
                        PaymentMethod = request.PaymentMethodId,
                        AllowedPaymentMethodTypes = ["card", "sepa_debit"],
                        Confirm = true,
                        OffSession = true,
                        Description = request.Description,
                        Metadata = new Dictionary<string, string>
                        {
                            [InvoiceMetadataKey] = request.InvoiceId,
                            [AttemptMetadataKey] = request.Attempt.ToString(CultureInfo.InvariantCulture),
                        },
                    },
                    new RequestOptions { IdempotencyKey = request.IdempotencyKey },
                    cancellationToken),
                $"charge of invoice {request.InvoiceId} (attempt {request.Attempt})",
                cancellationToken);
            return Result(intent);
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            // A decline is an answer, 402 with the PaymentIntent left in requires_payment_method.
            var error = e.StripeError;
            return error.Code == "authentication_required"
                ? new ChargeRequiresAction(error.PaymentIntent?.Id, error.Message ?? "The bank asks the customer to authenticate this payment.")
                : new ChargeDeclined(error.PaymentIntent?.Id, error.DeclineCode ?? error.Code ?? "card_declined", error.Message ?? "The payment was declined.");
        }
    }

    /// <summary>
    /// What Stripe has for an invoice's attempt: the PaymentIntent of that customer whose metadata names the invoice and
    /// attempt (<c>GET /v1/payment_intents?customer=…</c>, every page), or null when Stripe made none. Used to settle a charge
    /// whose answer was lost. Listing is read-after-write consistent; Stripe's Search API may lag by up to a minute, and a
    /// charge it has not indexed yet would look as if it had never been made.
    /// </summary>
    public async Task<ChargeResult?> FindChargeAsync(string stripeCustomerId, string invoiceId, int attempt, CancellationToken cancellationToken)
    {
        var attemptText = attempt.ToString(CultureInfo.InvariantCulture);
        var found = await SendAsync(
            async client =>
            {
                var matches = new List<PaymentIntent>();
                await foreach (var intent in client.V1.PaymentIntents.ListAutoPagingAsync(
                                   new PaymentIntentListOptions { Customer = stripeCustomerId, Limit = 100 }, null, cancellationToken))
                {
                    if (intent.Metadata.GetValueOrDefault(InvoiceMetadataKey) == invoiceId
                        && intent.Metadata.GetValueOrDefault(AttemptMetadataKey) == attemptText)
                    {
                        matches.Add(intent);
                    }
                }
                return matches;
            },
            $"charges of invoice {invoiceId}",
            cancellationToken);
        // One key per attempt means one PaymentIntent; should there be more, the one that took money is the answer.
        var chosen = found.FirstOrDefault(i => i.Status is "succeeded" or "processing") ?? found.FirstOrDefault();
        return chosen is null ? null : Result(chosen);
    }

    /// <summary>
    /// Gives back <paramref name="amountMinor"/> of a payment (<c>POST /v1/refunds</c>) under <paramref name="idempotencyKey"/>,
    /// which must be the same for every try of this refund.
    /// </summary>
    public async Task<RefundResult> RefundAsync(string paymentIntentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        var refund = await SendAsync(
            client => client.V1.Refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = paymentIntentId, Amount = amountMinor },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken),
            $"refund of {paymentIntentId}",
            cancellationToken);
        return new RefundResult(refund.Id, refund.PaymentIntentId ?? paymentIntentId, refund.Amount, refund.Currency, refund.Status);
    }

    /// <summary>
    /// Reads a webhook delivery as Stripe documents it: the Stripe-Signature header's <c>t</c> and <c>v1</c> values, an
    /// HMAC-SHA256 of <c>{t}.{rawBody}</c> under the endpoint's secret matching any v1, and <c>t</c> within
    /// WebhookToleranceSeconds of <paramref name="now"/>. <paramref name="rawBody"/> must be the body exactly as received.
    /// Events of an API version other than Stripe.net's are read all the same.
    /// </summary>
    public WebhookReading ReadWebhook(string rawBody, string? signatureHeader, DateTimeOffset now)
    {
        if (!IsEnabled || string.IsNullOrEmpty(_options.WebhookSecret))
        {
            return new WebhookRefused(WebhookRefusalReason.NotConfigured, $"Stripe is off or {StripeOptions.SectionName}:WebhookSecret is empty.");
        }
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new WebhookRefused(WebhookRefusalReason.MissingSignature, "The delivery has no Stripe-Signature header.");
        }
        var utcNow = now.ToUnixTimeSeconds();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                rawBody, signatureHeader, _options.WebhookSecret, _options.WebhookToleranceSeconds, utcNow, throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            return SignedBySecret(rawBody, signatureHeader, utcNow)
                ? new WebhookRefused(WebhookRefusalReason.OutsideTolerance,
                    $"The signature is valid but its timestamp is more than {_options.WebhookToleranceSeconds} s from now.")
                : new WebhookRefused(WebhookRefusalReason.BadSignature, e.Message);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return new WebhookRefused(WebhookRefusalReason.BadSignature, "The Stripe-Signature header's timestamp is not a number.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return new WebhookRefused(WebhookRefusalReason.Unparsable, $"The delivery is signed but is not a Stripe event: {e.Message}");
        }
        return new WebhookAccepted(new StripeWebhookEvent(
            stripeEvent.Id,
            stripeEvent.Type,
            new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)),
            stripeEvent.ApiVersion,
            stripeEvent.Data?.Object is PaymentIntent intent ? Snapshot(intent) : null,
            stripeEvent.Data?.Object is StripeCheckout.Session session
                ? new CheckoutSessionSnapshot(session.Id, session.Status, session.Mode, session.CustomerId, session.SetupIntentId)
                : null));
    }

    // Whether the signature matches whatever the timestamp: tells a stale delivery from a forged one.
    private bool SignedBySecret(string rawBody, string signatureHeader, long utcNow)
    {
        try
        {
            EventUtility.ValidateSignature(rawBody, signatureHeader, _options.WebhookSecret, long.MaxValue, utcNow);
            return true;
        }
        catch (Exception e) when (e is StripeException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static PaymentIntentSnapshot Snapshot(PaymentIntent intent) => new(
        intent.Id,
        intent.Status,
        intent.Amount,
        intent.AmountReceived,
        intent.Currency,
        intent.Metadata ?? [],
        intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code,
        intent.LastPaymentError?.Message);

    private static ChargeResult Result(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => new ChargeSucceeded(intent.Id, intent.AmountReceived, intent.Currency,
            new DateTimeOffset(DateTime.SpecifyKind(intent.Created, DateTimeKind.Utc))),
        "processing" => new ChargeProcessing(intent.Id, intent.Amount, intent.Currency),
        "requires_action" => new ChargeRequiresAction(intent.Id, "The bank asks the customer to authenticate this payment."),
        "requires_payment_method" => new ChargeDeclined(
            intent.Id,
            intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? "requires_payment_method",
            intent.LastPaymentError?.Message ?? "The payment failed."),
        // canceled, or a state Prorata's confirmed charges never stay in (requires_confirmation, requires_capture): not paid.
        _ => new ChargeDeclined(intent.Id, intent.Status, $"The payment is {intent.Status}."),
    };

    private async Task<T> SendAsync<T>(Func<StripeClient, Task<T>> call, string what, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException($"Stripe is off: {StripeOptions.SectionName}:SecretKey is empty.");
        try
        {
            return await call(client);
        }
        catch (StripeException e) when (e.StripeError?.Type != "card_error")
        {
            throw Translate(e, what);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new StripeUnavailableException($"Stripe did not answer the {what}: {e.Message}", e);
        }
    }

    private static Exception Translate(StripeException e, string what)
    {
        var status = e.HttpStatusCode;
        var error = e.StripeError;
        if (status == HttpStatusCode.Unauthorized)
        {
            return new StripeRefusedException(status, error?.Type, error?.Code,
                $"Stripe refused the secret key ({e.Message}): check {StripeOptions.SectionName}:SecretKey and that "
                + $"{StripeOptions.SectionName}:ApiBase is where it belongs.", e);
        }
        // 0: no answer Stripe.net could read; 409 idempotency_key_in_use: the first request with this key is still running.
        if ((int)status >= 500 || (int)status == 0 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || (status == HttpStatusCode.Conflict && error?.Code == "idempotency_key_in_use"))
        {
            return new StripeUnavailableException($"Stripe failed the {what} after retries ({(int)status}: {e.Message}).", e);
        }
        return new StripeRefusedException(status, error?.Type, error?.Code, $"Stripe refused the {what}: {e.Message}", e);
    }
}
