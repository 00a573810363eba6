using System.Globalization;
using System.Text.Json.Nodes;
using StripeSimulator.State;
using StripeSimulator.Webhooks;

namespace StripeSimulator.Api;

/// <summary>
/// What happens to money: saving a card or an IBAN on the hosted page, charging a saved payment method, settling SEPA
/// debits, refunding. Each change publishes the event Stripe would send.
/// </summary>
public sealed class Payments(StripeStore store, Faults faults, WebhookDispatcher webhooks, SimulatorSettings settings, TimeProvider clock)
{
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Saves a card in an open setup session; returns the message to show on the page when it cannot.</summary>
    public string? SaveCard(SimCheckoutSession session, string number, string expiry, string cvc, string name)
    {
        number = new string([.. number.Where(char.IsAsciiDigit)]);
        if (!TestCard.PassesLuhn(number)) return "Your card number is invalid.";
        if (!TryExpiry(expiry, out var month, out var year)) return "Your card's expiration date is incomplete.";
        var today = clock.GetUtcNow();
        if (year < today.Year || (year == today.Year && month < today.Month)) return "Your card's expiration year is in the past.";
        if (cvc.Trim().Length is < 3 or > 4 || !cvc.Trim().All(char.IsAsciiDigit)) return "Your card's security code is incomplete.";
        var card = TestCard.For(number);
        if (card.SetupDecline is { } decline) return TestCard.Decline(decline).Message;
        Complete(session, new SimPaymentMethod
        {
            Id = Ids.New("pm"), Type = "card", BillingName = name, CardNumber = number, Brand = card.Brand,
            ExpMonth = month, ExpYear = year, Created = Now,
        });
        return null;
    }

    /// <summary>Saves an IBAN (and so a SEPA mandate) in an open setup session; returns the message to show when it cannot.</summary>
    public string? SaveIban(SimCheckoutSession session, string iban, string name)
    {
        iban = TestIban.Normalise(iban);
        if (!TestIban.IsValid(iban)) return "Your IBAN is invalid.";
        if (string.IsNullOrWhiteSpace(name)) return "The account holder's name is required.";
        Complete(session, new SimPaymentMethod { Id = Ids.New("pm"), Type = "sepa_debit", BillingName = name, Iban = iban, Created = Now });
        return null;
    }

    private void Complete(SimCheckoutSession session, SimPaymentMethod method)
    {
        JsonObject intentJson, sessionJson;
        lock (store.Lock)
        {
            method.Customer = session.Customer;
            store.PaymentMethods[method.Id] = method;
            var intent = store.SetupIntents[session.SetupIntent];
            intent.PaymentMethod = method.Id;
            intent.Status = "succeeded";
            if (method.Type == "sepa_debit") intent.Mandate = Ids.New("mandate");
            session.Status = "complete";
            intentJson = Shapes.SetupIntent(intent, null);
            sessionJson = Shapes.Session(session, null);
        }
        webhooks.Publish("setup_intent.succeeded", intentJson);
        webhooks.Publish("checkout.session.completed", sessionJson);
    }

    /// <summary><c>POST /v1/payment_intents</c>: creates, and with confirm=true charges at once (cards) or starts a debit (SEPA).</summary>
    public (SimPaymentIntent? Intent, StripeError? Error) CreatePaymentIntent(JsonObject form, string? idempotencyKey)
    {
        if (Text(form, "amount") is not { } amountText) return (null, StripeError.ParameterMissing("amount"));
        if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return (null, StripeError.Invalid("amount", $"Invalid integer: {amountText}"));
        if (Text(form, "currency") is not { } currencyText) return (null, StripeError.ParameterMissing("currency"));
        var currency = currencyText.ToLowerInvariant();
        if (amount < 50)
            return (null, new StripeError(400, "invalid_request_error", $"Amount must be at least 50 cents ({currency}).", "amount_too_small", "amount"));
        var customerId = Text(form, "customer");
        if (customerId is not null && !store.Customers.ContainsKey(customerId))
            return (null, new StripeError(400, "invalid_request_error", $"No such customer: '{customerId}'", "resource_missing", "customer"));
        SimPaymentMethod? method = null;
        if (Text(form, "payment_method") is { } methodId)
        {
            if (!store.PaymentMethods.TryGetValue(methodId, out method))
                return (null, new StripeError(400, "invalid_request_error", $"No such PaymentMethod: '{methodId}'", "resource_missing", "payment_method"));
            if (method.Customer != customerId)
                return (null, StripeError.Invalid("payment_method",
                    $"The provided PaymentMethod {methodId} is not attached to the Customer {customerId ?? "(none)"}; attach it before charging it off session."));
            var allowed = Strings(form, "allowed_payment_method_types") ?? Strings(form, "payment_method_types");
            if (allowed is not null && !allowed.Contains(method.Type))
                return (null, StripeError.Invalid("payment_method", $"The PaymentMethod's type ({method.Type}) is not among this PaymentIntent's allowed payment method types."));
            if (method.Type == "sepa_debit" && currency != "eur")
                return (null, StripeError.Invalid("currency", $"The currency provided ({currency}) is invalid. Payments with sepa_debit support the following currencies: eur."));
        }
        var confirm = Text(form, "confirm") == "true";
        if (confirm && method is null) return (null, StripeError.ParameterMissing("payment_method"));

        var intent = new SimPaymentIntent
        {
            Id = Ids.New("pi"), Amount = amount, Currency = currency, Customer = customerId, PaymentMethod = method?.Id,
            PaymentMethodType = method?.Type, Description = Text(form, "description"), Metadata = Metadata(form),
            IdempotencyKey = idempotencyKey, Status = confirm ? "requires_payment_method" : "requires_confirmation",
            Created = Now, Sequence = store.NextSequence(),
        };
        if (!confirm || method is null)
        {
            store.PaymentIntents[intent.Id] = intent;
            return (intent, null);
        }
        if (method.Type == "sepa_debit")
        {
            intent.Status = "processing";
            intent.ProcessingSince = clock.GetUtcNow();
            store.PaymentIntents[intent.Id] = intent;
            webhooks.Publish("payment_intent.processing", Shapes.PaymentIntent(intent));
            return (intent, null);
        }
        var declineCode = faults.TakeDecline() ?? TestCard.For(method.CardNumber!).ChargeDecline;
        if (declineCode is not null)
        {
            var (code, decline, message) = TestCard.Decline(declineCode);
            intent.LastPaymentError = new SimPaymentError("card_error", code, decline, message);
            intent.LatestCharge = Ids.New("ch");
            store.PaymentIntents[intent.Id] = intent;
            var intentJson = Shapes.PaymentIntent(intent);
            webhooks.Publish("payment_intent.payment_failed", intentJson);
            return (intent, new StripeError(402, "card_error", message, code, DeclineCode: decline)
            {
                PaymentIntent = intentJson,
                PaymentMethod = Shapes.PaymentMethod(method),
            });
        }
        intent.Status = "succeeded";
        intent.AmountReceived = amount;
        intent.LatestCharge = Ids.New("ch");
        store.PaymentIntents[intent.Id] = intent;
        webhooks.Publish("payment_intent.succeeded", Shapes.PaymentIntent(intent));
        return (intent, null);
    }

    /// <summary>
    /// Ends SEPA debits that are processing: the failing test IBAN fails (requires_payment_method, insufficient_funds),
    /// any other succeeds; pending SEPA refunds succeed. <paramref name="onlyDue"/> settles only those processing for longer
    /// than SepaSettlementMilliseconds. Nothing settles while the hold fault is on. Returns the settled PaymentIntents' ids.
    /// </summary>
    public IReadOnlyList<string> SettleSepa(bool onlyDue)
    {
        if (faults.SepaHeld) return [];
        var now = clock.GetUtcNow();
        var settled = new List<(string Type, JsonObject Json, string Id)>();
        lock (store.Lock)
        {
            foreach (var intent in store.PaymentIntents.Values.Where(i => i.Status == "processing").OrderBy(i => i.Sequence))
            {
                if (onlyDue && intent.ProcessingSince + settings.SepaSettlement > now) continue;
                var iban = store.PaymentMethods[intent.PaymentMethod!].Iban!;
                if (TestIban.Fails(iban))
                {
                    intent.Status = "requires_payment_method";
                    intent.LastPaymentError = new SimPaymentError("card_error", "insufficient_funds", null,
                        "The customer's account has insufficient funds to cover this payment.");
                    settled.Add(("payment_intent.payment_failed", Shapes.PaymentIntent(intent), intent.Id));
                }
                else
                {
                    intent.Status = "succeeded";
                    intent.AmountReceived = intent.Amount;
                    intent.LatestCharge = Ids.New("ch");
                    settled.Add(("payment_intent.succeeded", Shapes.PaymentIntent(intent), intent.Id));
                }
            }
            foreach (var refund in store.Refunds.Values.Where(r => r.Status == "pending"))
            {
                refund.Status = "succeeded";
            }
        }
        foreach (var (type, json, _) in settled)
        {
            webhooks.Publish(type, json);
        }
        return [.. settled.Select(s => s.Id)];
    }

    /// <summary><c>POST /v1/refunds</c>: part or all of what a succeeded PaymentIntent received and has not yet refunded.</summary>
    public (SimRefund? Refund, StripeError? Error) CreateRefund(JsonObject form)
    {
        if (Text(form, "payment_intent") is not { } intentId) return (null, StripeError.ParameterMissing("payment_intent"));
        SimRefund refund;
        lock (store.Lock)
        {
            if (!store.PaymentIntents.TryGetValue(intentId, out var intent))
                return (null, new StripeError(400, "invalid_request_error", $"No such payment_intent: '{intentId}'", "resource_missing", "payment_intent"));
            if (intent.Status != "succeeded")
                return (null, new StripeError(400, "invalid_request_error",
                    $"This PaymentIntent ({intentId}) does not have a successful charge to refund.", "charge_not_refundable", "payment_intent"));
            var refunded = store.Refunds.Values.Where(r => r.PaymentIntent == intentId && r.Status != "failed").Sum(r => r.Amount);
            var remaining = intent.AmountReceived - refunded;
            var amount = remaining;
            if (Text(form, "amount") is { } amountText)
            {
                if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out amount) || amount < 1)
                    return (null, StripeError.Invalid("amount", $"Invalid positive integer: {amountText}"));
            }
            if (amount > remaining)
            {
                return (null, new StripeError(400, "invalid_request_error",
                    $"Refund amount ({Money(amount, intent.Currency)}) is greater than unrefunded amount on charge ({Money(remaining, intent.Currency)})",
                    "amount_too_large", "amount"));
            }
            refund = new SimRefund
            {
                Id = Ids.New("re"), PaymentIntent = intentId, Charge = intent.LatestCharge!, Amount = amount, Currency = intent.Currency,
                Status = intent.PaymentMethodType == "sepa_debit" ? "pending" : "succeeded", Created = Now,
            };
            store.Refunds[refund.Id] = refund;
        }
        webhooks.Publish("refund.created", Shapes.Refund(refund));
        return (refund, null);
    }

    public static string? Text(JsonObject form, string name) => form[name] is JsonValue value ? (string?)value : null;

    private static List<string>? Strings(JsonObject form, string name) =>
        form[name] is JsonArray list ? [.. list.OfType<JsonValue>().Select(v => (string)v!)] : null;

    private static Dictionary<string, string> Metadata(JsonObject form) =>
        form["metadata"] is JsonObject metadata
            ? metadata.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => (string)p.Value!)
            : [];

    private static string Money(long minor, string currency) =>
        $"{(currency == "eur" ? "€" : currency == "usd" ? "$" : currency.ToUpperInvariant() + " ")}{(minor / 100m).ToString("0.00", CultureInfo.InvariantCulture)}";

    private static bool TryExpiry(string expiry, out int month, out int year)
    {
        var parts = expiry.Split('/', StringSplitOptions.TrimEntries);
        year = 0;
        if (parts.Length != 2 || !int.TryParse(parts[0], out month) || month is < 1 or > 12 || !int.TryParse(parts[1], out year))
        {
            month = 0;
            return false;
        }
        if (parts[1].Length == 2) year += 2000;
        return year >= 2000;
    }
}
