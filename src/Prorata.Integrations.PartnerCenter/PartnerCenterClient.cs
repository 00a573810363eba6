using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Wire;

namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// <see cref="IPartnerCenter"/> over Partner Center's REST API v1 (microsoft-csp.md §4). The typed HttpClient it gets
/// already authenticates and retries (see <see cref="PartnerCenterServiceCollectionExtensions"/>); this class shapes
/// requests, follows continuation tokens, sends If-Match, and turns Microsoft's error bodies into refusals.
/// </summary>
public sealed class PartnerCenterClient(
    HttpClient http,
    IOptions<PartnerCenterOptions> options,
    TimeProvider time,
    ILogger<PartnerCenterClient> logger) : IPartnerCenter
{
    private const string ContinuationHeader = "MS-ContinuationToken";
    private readonly PartnerCenterOptions _options = options.Value;

    public async IAsyncEnumerable<PartnerCenterCustomer> GetCustomersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in PageAsync<WireCustomer>($"v1/customers?size={_options.PageSize}", cancellationToken))
        {
            yield return new PartnerCenterCustomer(
                c.Id, c.CompanyProfile?.CompanyName ?? c.BillingProfile?.CompanyName ?? c.Id, c.CompanyProfile?.Domain,
                c.BillingProfile?.DefaultAddress?.Country, c.RelationshipToPartner);
        }
    }

    public async Task<IReadOnlyList<PartnerCenterSubscription>> GetSubscriptionsAsync(string customerId, CancellationToken cancellationToken)
    {
        var list = new List<PartnerCenterSubscription>();
        await foreach (var s in PageAsync<WireSubscription>($"v1/customers/{Escape(customerId)}/subscriptions", cancellationToken))
        {
            list.Add(Map(customerId, s));
        }
        return list;
    }

    public async Task<PartnerCenterSubscription?> GetSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        var node = await GetSubscriptionNodeAsync(customerId, subscriptionId, cancellationToken);
        return node is null ? null : Map(customerId, node.Deserialize<WireSubscription>(PartnerCenterJson.Options)!);
    }

    public Task<PartnerCenterResult<PartnerCenterSubscription>> SetQuantityAsync(SubscriptionKey subscription, int quantity, CancellationToken cancellationToken) =>
        PatchAsync(subscription, s => s["quantity"] = quantity, s => s.Quantity == quantity, cancellationToken);

    public Task<PartnerCenterResult<PartnerCenterSubscription>> CancelAsync(SubscriptionKey subscription, CancellationToken cancellationToken) =>
        PatchAsync(subscription, s => s["status"] = "deleted", s => s.Status == SubscriptionStatus.Deleted, cancellationToken);

    public Task<PartnerCenterResult<PartnerCenterSubscription>> SuspendAsync(SubscriptionKey subscription, CancellationToken cancellationToken) =>
        PatchAsync(subscription, s => s["status"] = "suspended", s => s.Status == SubscriptionStatus.Suspended, cancellationToken);

    public Task<PartnerCenterResult<PartnerCenterSubscription>> ReactivateAsync(SubscriptionKey subscription, CancellationToken cancellationToken) =>
        PatchAsync(subscription, s => s["status"] = "active", s => s.Status == SubscriptionStatus.Active, cancellationToken);

    public Task<PartnerCenterResult<PartnerCenterSubscription>> SetAutoRenewAsync(SubscriptionKey subscription, bool enabled, CancellationToken cancellationToken) =>
        PatchAsync(subscription, s => s["autoRenewEnabled"] = enabled, s => s.AutoRenewEnabled == enabled, cancellationToken);

    public Task<PartnerCenterResult<PartnerCenterSubscription>> ScheduleRenewalAsync(
        SubscriptionKey subscription, RenewalInstructions? instructions, CancellationToken cancellationToken) =>
        PatchAsync(
            subscription,
            s => s["scheduledNextTermInstructions"] = instructions is null ? null : Scheduled(instructions, s),
            s => instructions is null ? s.ScheduledRenewal is null : s.ScheduledRenewal?.Quantity == instructions.Quantity,
            cancellationToken);

    public async Task<PartnerCenterResult<PurchaseResult>> PurchaseAsync(string customerId, IReadOnlyList<PurchaseLine> lines, CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var item = new JsonObject
            {
                ["id"] = i,
                ["catalogItemId"] = line.CatalogItemId,
                ["quantity"] = line.Quantity,
                ["billingCycle"] = line.BillingCycle,
                ["termDuration"] = line.TermDuration,
            };
            if (line.CustomTermEndDate is { } end)
            {
                item["customTermEndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
            }
            items.Add(item);
        }
        var customer = Escape(customerId);
        // Creating a cart buys nothing (an unused one expires after 7 days), so a lost answer here is safe to repeat.
        using var cartResponse = await SendAsync(HttpMethod.Post, $"v1/customers/{customer}/carts", new JsonObject { ["lineItems"] = items }, null, cancellationToken);
        if (!cartResponse.IsSuccessStatusCode)
        {
            return PartnerCenterResult<PurchaseResult>.Refused(await RefusalAsync(cartResponse, cancellationToken));
        }
        var cart = await ReadAsync<WireCart>(cartResponse, cancellationToken);
        if (cart.LineItems?.FirstOrDefault(l => l.Error is not null)?.Error is { } cartError)
        {
            return PartnerCenterResult<PurchaseResult>.Refused(
                new Refusal(RefusalCodes.PartnerCenterRefused, cartError.ErrorDescription ?? "The cart was refused.", PartnerCenterJson.ReadCode(cartError.ErrorCode)));
        }
        var checkout = await CheckoutAsync(customer, cart.Id);
        if (checkout.Refusal is { } refusal)
        {
            return PartnerCenterResult<PurchaseResult>.Refused(refusal);
        }
        var order = checkout.Order!;
        // Provisioning is asynchronous: the subscription ids appear on the order once it completes (§4.3). The order
        // exists from here on, so a poll that fails or runs out leaves it pending rather than failing the purchase.
        for (var attempt = 0; !IsProvisioned(order); attempt++)
        {
            if (attempt >= _options.OrderPollAttempts)
            {
                logger.LogWarning("Order {OrderId} was still {Status} after {Attempts} polls; sync links its subscriptions when they appear", order.Id, order.Status, attempt);
                return PartnerCenterResult<PurchaseResult>.Success(new PurchaseResult(cart.Id, order.Id, []));
            }
            try
            {
                await Task.Delay(_options.OrderPollInterval, time, cancellationToken);
                order = await GetAsync<WireOrder>($"v1/customers/{customer}/orders/{Escape(order.Id)}", cancellationToken) ?? order;
            }
            catch (Exception e) when (e is PartnerCenterException or HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
            {
                logger.LogWarning(e, "Polling order {OrderId} failed; sync links its subscriptions when they appear", order.Id);
                return PartnerCenterResult<PurchaseResult>.Success(new PurchaseResult(cart.Id, order.Id, []));
            }
        }
        return PartnerCenterResult<PurchaseResult>.Success(new PurchaseResult(
            cart.Id, order.Id, [.. order.LineItems!.Select(l => new PurchasedSubscription(l.SubscriptionId!, l.OfferId ?? "", l.Quantity))]));
    }

    /// <summary>
    /// The one POST that buys. Sent once and not cancellable by the caller: once it has left, only Microsoft knows whether
    /// the order was placed, and a caller giving up must not turn "placed" into "unknown". The pipeline's timeouts bound it,
    /// and its retries cover only answers that prove Microsoft did not act (429, 409).
    /// </summary>
    private async Task<(WireOrder? Order, Refusal? Refusal)> CheckoutAsync(string customer, string cartId)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Post, $"v1/customers/{customer}/carts/{Escape(cartId)}/checkout", new JsonObject(), null, CancellationToken.None);
        }
        catch (PartnerCenterException e) when (e.StatusCode is null or >= 500)
        {
            throw new PurchaseOutcomeUnknownException(cartId, e);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new PurchaseOutcomeUnknownException(cartId, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return (null, await RefusalAsync(response, CancellationToken.None));
            }
            WireCheckout checkout;
            try
            {
                checkout = await ReadAsync<WireCheckout>(response, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or PartnerCenterException)
            {
                throw new PurchaseOutcomeUnknownException(cartId, e);
            }
            if (checkout.OrderErrors is [var orderError, ..])
            {
                return (null, new Refusal(RefusalCodes.PartnerCenterRefused, orderError.Description ?? "The order was refused.", PartnerCenterJson.ReadCode(orderError.Code)));
            }
            return checkout.Orders?.FirstOrDefault() is { } order
                ? (order, null)
                : throw new PurchaseOutcomeUnknownException(cartId, new PartnerCenterException("Checkout returned no order."));
        }
    }

    public async Task<string?> GetCatalogItemIdAsync(string productId, string skuId, string country, CancellationToken cancellationToken)
    {
        var uri = $"v1/products/{Escape(productId)}/skus/{Escape(skuId)}/availabilities?country={Escape(country)}";
        await foreach (var availability in PageAsync<WireAvailability>(uri, cancellationToken, notFoundIsEmpty: true))
        {
            if (availability.CatalogItemId is { Length: > 0 } id)
            {
                return id;
            }
        }
        return null;
    }

    public async Task<string?> GetProvisioningIdAsync(string productId, string skuId, string country, CancellationToken cancellationToken)
    {
        var sku = await GetAsync<WireSku>($"v1/products/{Escape(productId)}/skus/{Escape(skuId)}?country={Escape(country)}", cancellationToken);
        // Dynamic attributes are a dictionary Microsoft may change without notice: the key is looked up without regard to case.
        var provisioning = sku?.DynamicAttributes?.FirstOrDefault(a => string.Equals(a.Key, "provisioningId", StringComparison.OrdinalIgnoreCase)).Value;
        return provisioning is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } value ? value : null;
    }

    public async Task<IReadOnlyList<SubscribedSku>> GetSubscribedSkusAsync(string customerId, CancellationToken cancellationToken)
    {
        var list = new List<SubscribedSku>();
        await foreach (var s in PageAsync<WireSubscribedSku>($"v1/customers/{Escape(customerId)}/subscribedskus", cancellationToken))
        {
            if (s.ProductSku?.Id is not { Length: > 0 } id)
            {
                continue;
            }
            list.Add(new SubscribedSku(id, s.ProductSku.SkuPartNumber, s.ProductSku.Name, s.ActiveUnits, s.ConsumedUnits, s.SuspendedUnits, s.WarningUnits,
                s.TotalUnits, s.AvailableUnits, s.CapabilityStatus));
        }
        return list;
    }

    public async Task<PartnerCenterResult<UpgradeResult>> UpgradeAsync(SubscriptionKey subscription, UpgradeRequest upgrade, CancellationToken cancellationToken)
    {
        var current = await GetSubscriptionAsync(subscription.CustomerId, subscription.SubscriptionId, cancellationToken);
        if (current is null)
        {
            return PartnerCenterResult<UpgradeResult>.Refused(new Refusal(RefusalCodes.NotFound, "The subscription does not exist in Partner Center."));
        }
        var body = new JsonObject
        {
            ["fromCatalogItemId"] = current.OfferId,
            ["fromSubscriptionId"] = current.Id,
            ["toCatalogItemId"] = upgrade.ToCatalogItemId,
            ["toSubscriptionId"] = upgrade.ToSubscriptionId,
            ["quantity"] = upgrade.Quantity,
            ["termDuration"] = current.TermDuration,
            ["billingCycle"] = current.BillingCycle,
            ["transitionType"] = upgrade.ToSubscriptionId is null && upgrade.Quantity == current.Quantity ? "transition_only" : "transition_with_license_transfer",
        };
        using var response = await SendAsync(
            HttpMethod.Post, $"v1/customers/{Escape(subscription.CustomerId)}/subscriptions/{Escape(subscription.SubscriptionId)}/transitions", body, null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return PartnerCenterResult<UpgradeResult>.Refused(await RefusalAsync(response, cancellationToken));
        }
        var transition = await ReadAsync<WireTransition>(response, cancellationToken);
        return PartnerCenterResult<UpgradeResult>.Success(
            new UpgradeResult(transition.FromSubscriptionId ?? current.Id, transition.ToSubscriptionId ?? current.Id, transition.Quantity));
    }

    public async IAsyncEnumerable<PartnerCenterAuditRecord> GetAuditRecordsAsync(
        DateOnly startDate, DateOnly? endDate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = new StringBuilder("v1/auditrecords?startDate=").Append(startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (endDate is { } end)
        {
            uri.Append("&endDate=").Append(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        uri.Append(CultureInfo.InvariantCulture, $"&size={_options.PageSize}");
        await foreach (var r in PageAsync<WireAuditRecord>(uri.ToString(), cancellationToken))
        {
            var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in r.CustomizedData ?? [])
            {
                data[pair.Key] = pair.Value ?? "";
            }
            yield return new PartnerCenterAuditRecord(
                r.Id, r.CustomerId ?? "", r.CustomerName, r.UserPrincipalName, r.ApplicationId, r.ResourceType ?? "", r.OperationType ?? "",
                r.OperationDate, r.OperationStatus ?? "", r.ResourceOldValue, r.ResourceNewValue, data);
        }
    }

    public async Task<IReadOnlyList<PartnerCenterInvoice>> GetInvoicesAsync(CancellationToken cancellationToken)
    {
        var list = new List<PartnerCenterInvoice>();
        await foreach (var i in PageAsync<WireInvoice>("v1/invoices", cancellationToken))
        {
            list.Add(new PartnerCenterInvoice(
                i.Id, Day(i.InvoiceDate), Day(i.BillingPeriodStartDate), Day(i.BillingPeriodEndDate), i.TotalCharges, i.CurrencyCode ?? "", i.DocumentType));
        }
        return list;
    }

    public IAsyncEnumerable<InvoiceLineItem> GetInvoiceLineItemsAsync(string invoiceId, CancellationToken cancellationToken) =>
        LineItemsAsync($"v1/invoices/{Escape(invoiceId)}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=2000", cancellationToken);

    public IAsyncEnumerable<InvoiceLineItem> GetUnbilledLineItemsAsync(string currencyCode, bool previousPeriod, CancellationToken cancellationToken) =>
        LineItemsAsync(
            $"v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode={Escape(currencyCode.ToLowerInvariant())}"
            + $"&period={(previousPeriod ? "previous" : "current")}&size=2000",
            cancellationToken);

    public async Task<IReadOnlyList<PriceSheetRow>> GetPriceSheetAsync(string market, CancellationToken cancellationToken)
    {
        var uri = new Uri(
            _options.PriceSheetBaseAddress,
            $"v1.0/sales/pricesheets(Market='{Escape(market)}',PricesheetView='updatedlicensebased')/$value?timeline=current");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return PriceSheetCsv.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async IAsyncEnumerable<InvoiceLineItem> LineItemsAsync(string firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var l in PageAsync<WireLineItem>(firstPage, cancellationToken))
        {
            yield return new InvoiceLineItem(
                NullIfEmpty(l.InvoiceNumber), l.CustomerId ?? "", l.CustomerName, l.OrderId, l.OrderDate, l.ProductId ?? "", l.SkuId ?? "",
                l.AvailabilityId, l.SkuName, l.ChargeType ?? "", l.UnitPrice, l.EffectiveUnitPrice, (int)l.Quantity, (int)l.BillableQuantity,
                l.Subtotal, l.TaxTotal, l.Total, l.Currency ?? "", l.SubscriptionId ?? "", DayOrNull(l.ChargeStartDate), DayOrNull(l.ChargeEndDate),
                DayOrNull(l.SubscriptionStartDate), DayOrNull(l.SubscriptionEndDate), l.TermAndBillingCycle, NullIfEmpty(l.BillingFrequency),
                l.ReferenceId, NullIfEmpty(l.PromotionId));
        }
    }

    /// <summary>
    /// Reads the full subscription, changes one field and PATCHes it back with If-Match (Partner Center expects the whole
    /// resource, §4.2). A 412 means someone changed it meanwhile: if the change we wanted is already there (an earlier
    /// attempt that timed out did land) that is success; otherwise the caller must look again.
    /// </summary>
    private async Task<PartnerCenterResult<PartnerCenterSubscription>> PatchAsync(
        SubscriptionKey key, Action<JsonObject> change, Func<PartnerCenterSubscription, bool> alreadyDone, CancellationToken cancellationToken)
    {
        var node = await GetSubscriptionNodeAsync(key.CustomerId, key.SubscriptionId, cancellationToken);
        if (node is null)
        {
            return PartnerCenterResult<PartnerCenterSubscription>.Refused(new Refusal(RefusalCodes.NotFound, "The subscription does not exist in Partner Center."));
        }
        var etag = key.ExpectedETag ?? (string?)node["attributes"]?["etag"];
        change(node);
        var uri = $"v1/customers/{Escape(key.CustomerId)}/subscriptions/{Escape(key.SubscriptionId)}";
        using var response = await SendAsync(HttpMethod.Patch, uri, node, etag, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var updated = await ReadAsync<WireSubscription>(response, cancellationToken);
            return PartnerCenterResult<PartnerCenterSubscription>.Success(Map(key.CustomerId, updated));
        }
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            var current = await GetSubscriptionAsync(key.CustomerId, key.SubscriptionId, cancellationToken);
            if (current is not null && alreadyDone(current))
            {
                return PartnerCenterResult<PartnerCenterSubscription>.Success(current);
            }
            return PartnerCenterResult<PartnerCenterSubscription>.Refused(new Refusal(
                RefusalCodes.ChangedInPartnerCenter, "The subscription was changed in Partner Center after it was read; read it again before deciding."));
        }
        return PartnerCenterResult<PartnerCenterSubscription>.Refused(await RefusalAsync(response, cancellationToken));
    }

    private async Task<JsonObject?> GetSubscriptionNodeAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/customers/{Escape(customerId)}/subscriptions/{Escape(subscriptionId)}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken) as JsonObject;
    }

    /// <summary>Follows <c>links.next</c>, sending the headers it names (the MS-ContinuationToken), until there is no next page.</summary>
    private async IAsyncEnumerable<T> PageAsync<T>(string firstPage, [EnumeratorCancellation] CancellationToken cancellationToken, bool notFoundIsEmpty = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, firstPage);
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            WireCollection<T> page;
            using (request)
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (notFoundIsEmpty && response.StatusCode == HttpStatusCode.NotFound)
                {
                    yield break;
                }
                await EnsureSuccessAsync(response, cancellationToken);
                page = await ReadAsync<WireCollection<T>>(response, cancellationToken);
            }
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }
            if (page.Links?.Next is not { } next)
            {
                yield break;
            }
            request = new HttpRequestMessage(HttpMethod.Get, Relative(next.Uri));
            var token = next.Headers?.FirstOrDefault(h => string.Equals(h.Key, ContinuationHeader, StringComparison.OrdinalIgnoreCase))?.Value
                ?? page.ContinuationToken;
            if (token is not null)
            {
                // A token seen twice would loop forever; Partner Center has been known to repeat the last page.
                if (!seenTokens.Add(token))
                {
                    request.Dispose();
                    yield break;
                }
                request.Headers.TryAddWithoutValidation(ContinuationHeader, token);
            }
        }
    }

    private async Task<T?> GetAsync<T>(string uri, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, JsonNode body, string? ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        var response = await http.SendAsync(request, cancellationToken);
        // Authentication, authorization (MFA), throttling and server failures are not answers about the change itself.
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            using (response)
            {
                await EnsureSuccessAsync(response, cancellationToken);
            }
        }
        return response;
    }

    private async Task<Refusal> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ReadErrorAsync(response, cancellationToken);
        var code = error is null ? null : PartnerCenterJson.ReadCode(error.Code);
        var message = error?.Description ?? $"Partner Center answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        var refusal = response.StatusCode switch
        {
            HttpStatusCode.NotFound => new Refusal(RefusalCodes.NotFound, message, code),
            HttpStatusCode.Conflict => new Refusal(RefusalCodes.RenewalInProgress, message, code),
            _ => new Refusal(RefusalCodes.FromMicrosoft(code), message, code),
        };
        logger.LogInformation("Partner Center refused {Method} {Path}: {Code} (Microsoft {MicrosoftCode})",
            response.RequestMessage?.Method, response.RequestMessage?.RequestUri?.AbsolutePath, refusal.Code, code);
        return refusal;
    }

    private static async Task<WireError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<WireError>(PartnerCenterJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var error = await ReadErrorAsync(response, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            && PartnerCenterJson.ReadCode(error?.Code ?? default) == PartnerCenterMfaRequiredException.MicrosoftCode)
        {
            throw new PartnerCenterMfaRequiredException((int)response.StatusCode);
        }
        throw new PartnerCenterException(
            $"Partner Center answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {error?.Description}",
            (int)response.StatusCode);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(PartnerCenterJson.Options, cancellationToken)
        ?? throw new PartnerCenterException($"Partner Center returned an empty body to {response.RequestMessage?.RequestUri?.AbsolutePath}.");

    private static bool IsProvisioned(WireOrder order) =>
        string.Equals(order.Status, "completed", StringComparison.OrdinalIgnoreCase)
        && order.LineItems is { Count: > 0 } lines && lines.All(l => !string.IsNullOrEmpty(l.SubscriptionId));

    private static JsonObject Scheduled(RenewalInstructions instructions, JsonObject current)
    {
        var offer = ((string?)current["offerId"] ?? "").Split(':');
        var node = new JsonObject
        {
            ["product"] = new JsonObject
            {
                ["productId"] = instructions.ProductId ?? offer.ElementAtOrDefault(0),
                ["skuId"] = instructions.SkuId ?? offer.ElementAtOrDefault(1),
                ["availabilityId"] = instructions.AvailabilityId ?? offer.ElementAtOrDefault(2),
                ["billingCycle"] = instructions.BillingCycle ?? (string?)current["billingCycle"],
                ["termDuration"] = instructions.TermDuration ?? (string?)current["termDuration"],
            },
            ["quantity"] = instructions.Quantity,
        };
        if (instructions.CustomTermEndDate is { } end)
        {
            node["customTermEndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        }
        return node;
    }

    private static PartnerCenterSubscription Map(string customerId, WireSubscription s)
    {
        var offer = (s.OfferId ?? "").Split(':');
        var scheduled = s.ScheduledNextTermInstructions is { } n
            ? new RenewalInstructions(n.Quantity, n.Product?.ProductId, n.Product?.SkuId, n.Product?.AvailabilityId,
                n.Product?.TermDuration, n.Product?.BillingCycle?.ToLowerInvariant(), DayOrNull(n.CustomTermEndDate))
            : null;
        return new PartnerCenterSubscription(
            s.Id, customerId, s.OfferId ?? "", offer.ElementAtOrDefault(0) ?? "", offer.ElementAtOrDefault(1) ?? "", s.OfferName, s.FriendlyName,
            s.Quantity, Status(s.Status), s.AutoRenewEnabled, s.TermDuration ?? "", s.BillingCycle?.ToLowerInvariant() ?? "",
            s.CreationDate, s.EffectiveStartDate, DayOrNull(s.CommitmentEndDate), s.CancellationAllowedUntilDate,
            [.. (s.RefundableQuantity?.Details ?? []).Select(d => new RefundableSeats(d.Quantity, d.AllowedUntilDateTime))],
            scheduled, s.MigratedFromSubscriptionId, s.OrderId, s.Attributes?.Etag);
    }

    private static SubscriptionStatus Status(string? status) =>
        Enum.TryParse<SubscriptionStatus>(status, ignoreCase: true, out var parsed) ? parsed : SubscriptionStatus.None;

    private static DateOnly Day(DateTimeOffset value) => DateOnly.FromDateTime(value.UtcDateTime);

    private static DateOnly? DayOrNull(DateTimeOffset? value) => value is { } v ? Day(v) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Escape(string value) => Uri.EscapeDataString(value);

    // Next links come as "/v1/…" (host-relative) or "customers?…" (relative to v1); the client's base address is the host.
    private static string Relative(string uri) =>
        uri.StartsWith('/') ? uri[1..] : uri.StartsWith("v1", StringComparison.OrdinalIgnoreCase) || Uri.IsWellFormedUriString(uri, UriKind.Absolute) ? uri : "v1/" + uri;
}
