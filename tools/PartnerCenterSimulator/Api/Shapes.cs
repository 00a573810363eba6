using System.Globalization;
using System.Text.Json.Nodes;
using PartnerCenterSimulator.Catalog;
using PartnerCenterSimulator.Model;
using PartnerCenterSimulator.Rules;

namespace PartnerCenterSimulator.Api;

/// <summary>Partner Center's JSON shapes (microsoft-csp.md §4): camelCase, <c>attributes.objectType</c>, <c>attributes.etag</c>.</summary>
public static class Shapes
{
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    public static string EndOfDay(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z";

    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static JsonObject Attributes(string objectType, string? etag = null)
    {
        var attributes = new JsonObject { ["objectType"] = objectType };
        if (etag is not null)
        {
            attributes["etag"] = etag;
        }
        return attributes;
    }

    public static JsonObject Link(string uri, string? continuationToken = null)
    {
        var headers = new JsonArray();
        if (continuationToken is not null)
        {
            headers.Add(new JsonObject { ["key"] = "MS-ContinuationToken", ["value"] = continuationToken });
        }
        return new JsonObject { ["uri"] = uri, ["method"] = "GET", ["headers"] = headers };
    }

    public static JsonObject Collection(IEnumerable<JsonNode> items, int totalCount, JsonObject? next = null, string? continuationToken = null)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        var links = new JsonObject();
        if (next is not null)
        {
            links["next"] = next;
        }
        var collection = new JsonObject
        {
            ["totalCount"] = totalCount,
            ["items"] = array,
            ["links"] = links,
            ["attributes"] = Attributes("Collection"),
        };
        if (continuationToken is not null)
        {
            collection["continuationToken"] = continuationToken;
        }
        return collection;
    }

    public static JsonObject Customer(SimCustomer customer) => new()
    {
        ["id"] = customer.Id,
        ["commerceId"] = customer.CommerceId,
        ["companyProfile"] = new JsonObject
        {
            ["tenantId"] = customer.Id,
            ["domain"] = customer.Domain,
            ["companyName"] = customer.CompanyName,
            ["organizationRegistrationNumber"] = null,
        },
        ["billingProfile"] = new JsonObject
        {
            ["id"] = customer.CommerceId,
            ["companyName"] = customer.CompanyName,
            ["culture"] = "en-US",
            ["language"] = "en",
            ["defaultAddress"] = new JsonObject { ["country"] = customer.Country },
        },
        ["relationshipToPartner"] = customer.RelationshipToPartner,
        ["allowDelegatedAccess"] = true,
        ["links"] = new JsonObject { ["self"] = Link($"/v1/customers/{customer.Id}") },
        ["attributes"] = Attributes("Customer"),
    };

    public static JsonObject Subscription(SimSubscription s, DateTimeOffset now)
    {
        var cycleMonths = TermCalendar.CycleMonths(s.BillingCycle, s.TermDuration);
        var cycle = TermCalendar.CycleIndexAt(s.TermStart, cycleMonths, DateOnly.FromDateTime(now.UtcDateTime));
        var cycleEnd = TermCalendar.CycleEnd(s.TermStart, cycle, cycleMonths);
        if (cycleEnd > s.TermEnd)
        {
            cycleEnd = s.TermEnd;
        }
        var refundOptions = new JsonArray();
        // Full refund within 24 hours of purchase or renewal (§1.3).
        if (s.IsLive && now < s.TermStartedAt.AddHours(24))
        {
            refundOptions.Add(new JsonObject { ["type"] = "Full", ["expiresAt"] = Instant(s.TermStartedAt.AddHours(24)) });
        }
        var details = new JsonArray();
        foreach (var batch in s.Batches.Where(b => b.AllowedUntil > now && b.Quantity > 0))
        {
            details.Add(new JsonObject { ["quantity"] = batch.Quantity, ["allowedUntilDateTime"] = Instant(batch.AllowedUntil) });
        }
        return new JsonObject
        {
            ["id"] = s.Id,
            ["offerId"] = s.Offer.CatalogItemId,
            ["offerName"] = s.Offer.SkuTitle,
            ["friendlyName"] = s.FriendlyName,
            ["productType"] = new JsonObject { ["id"] = "OnlineServicesNCE", ["displayName"] = "OnlineServicesNCE" },
            ["quantity"] = s.Quantity,
            ["unitType"] = "Licenses",
            ["hasPurchasableAddons"] = false,
            ["creationDate"] = Instant(s.CreationDate),
            ["effectiveStartDate"] = Instant(s.TermStartedAt),
            ["commitmentEndDate"] = Day(s.TermEnd),
            ["commitmentEndDateTime"] = EndOfDay(s.TermEnd),
            ["cancellationAllowedUntilDate"] = Instant(s.CancellationAllowedUntil),
            ["billingCycleEndDate"] = Day(cycleEnd),
            ["billingCycleEndDateTime"] = EndOfDay(cycleEnd),
            ["status"] = s.Status,
            ["autoRenewEnabled"] = s.AutoRenew,
            ["isTrial"] = false,
            ["billingType"] = "license",
            ["billingCycle"] = s.BillingCycle,
            ["termDuration"] = s.TermDuration,
            ["renewalTermDuration"] = s.Scheduled?.TermDuration ?? "",
            ["refundOptions"] = refundOptions,
            ["refundableQuantity"] = new JsonObject { ["totalQuantity"] = s.RefundableQuantity(now), ["details"] = details },
            ["scheduledNextTermInstructions"] = s.Scheduled is null ? null : Scheduled(s.Scheduled),
            ["promotionId"] = null,
            ["migratedFromSubscriptionId"] = s.MigratedFromSubscriptionId,
            ["isMicrosoftProduct"] = true,
            ["publisherName"] = "Microsoft Corporation",
            ["contractType"] = "subscription",
            ["suspensionReasons"] = s.Status == "suspended" ? new JsonArray("CustomerCancellation") : new JsonArray(),
            ["actions"] = new JsonArray(),
            ["orderId"] = s.OrderId,
            ["links"] = new JsonObject
            {
                ["product"] = Link($"/v1/products/{s.Offer.ProductId}?country=US"),
                ["sku"] = Link($"/v1/products/{s.Offer.ProductId}/skus/{s.Offer.SkuId}?country=US"),
                ["availability"] = Link($"/v1/products/{s.Offer.ProductId}/skus/{s.Offer.SkuId}/availabilities/{s.Offer.AvailabilityId}?country=US"),
                ["self"] = Link($"/v1/customers/{s.CustomerId}/subscriptions/{s.Id}"),
            },
            ["attributes"] = Attributes("Subscription", s.ETag),
        };
    }

    /// <summary>A SubscribedSku of the license resources (§4): seats and assignments of one license SKU in a customer's tenant.</summary>
    public static JsonObject SubscribedSku(SimSubscribedSku sku) => new()
    {
        ["availableUnits"] = sku.AvailableUnits,
        ["activeUnits"] = sku.ActiveUnits,
        ["consumedUnits"] = sku.ConsumedUnits,
        ["suspendedUnits"] = sku.SuspendedUnits,
        ["totalUnits"] = sku.TotalUnits,
        ["warningUnits"] = sku.WarningUnits,
        ["productSku"] = new JsonObject
        {
            ["id"] = sku.Offer.ProvisioningId,
            ["name"] = sku.Offer.SkuTitle,
            ["skuPartNumber"] = sku.Offer.SkuPartNumber,
            ["targetType"] = "User",
            ["licenseGroupId"] = "group1",
        },
        ["servicePlans"] = new JsonArray(),
        ["capabilityStatus"] = sku.CapabilityStatus,
        ["attributes"] = Attributes("SubscribedSku"),
    };

    /// <summary>A catalog SKU (product resources, §4.3); <c>dynamicAttributes.provisioningId</c> names its licenses in a tenant.</summary>
    public static JsonObject Sku(CatalogOffer offer) => new()
    {
        ["id"] = offer.SkuId,
        ["productId"] = offer.ProductId,
        ["title"] = offer.SkuTitle,
        ["description"] = offer.SkuTitle,
        ["minimumQuantity"] = 1,
        ["maximumQuantity"] = 300,
        ["isTrial"] = false,
        ["supportedBillingCycles"] = new JsonArray("annual", "monthly", "triennial"),
        ["purchasePrerequisites"] = new JsonArray("MicrosoftCloudAgreement"),
        ["inventoryVariables"] = new JsonArray(),
        ["provisioningVariables"] = new JsonArray(),
        ["actions"] = new JsonArray("Refund"),
        ["dynamicAttributes"] = new JsonObject
        {
            ["isMicrosoftProduct"] = true,
            ["hasConstraints"] = true,
            ["isAddon"] = false,
            ["prerequisiteSkus"] = new JsonArray(),
            ["upgradeTargetOffers"] = new JsonArray([.. offer.UpgradeTargets.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["provisioningId"] = offer.ProvisioningId,
        },
        ["links"] = new JsonObject
        {
            ["availabilities"] = Link($"/products/{offer.ProductId}/skus/{offer.SkuId}/availabilities?country=US"),
            ["self"] = Link($"/products/{offer.ProductId}/skus/{offer.SkuId}?country=US"),
        },
        ["attributes"] = Attributes("Sku"),
    };

    public static JsonObject Scheduled(ScheduledChange change)
    {
        var instructions = new JsonObject
        {
            ["product"] = new JsonObject
            {
                ["productId"] = change.ProductId,
                ["skuId"] = change.SkuId,
                ["availabilityId"] = change.AvailabilityId,
                ["billingCycle"] = change.BillingCycle,
                ["termDuration"] = change.TermDuration,
                ["promotionId"] = null,
            },
            ["quantity"] = change.Quantity,
        };
        if (change.CustomTermEndDate is { } end)
        {
            instructions["customTermEndDate"] = Day(end);
        }
        return instructions;
    }

    public static JsonObject Order(SimOrder order)
    {
        var lines = new JsonArray();
        foreach (var line in order.Lines)
        {
            var item = new JsonObject
            {
                ["lineItemNumber"] = line.LineItemNumber,
                ["offerId"] = line.OfferId,
                ["termDuration"] = line.TermDuration,
                ["transactionType"] = "New",
                ["friendlyName"] = line.FriendlyName,
                ["quantity"] = line.Quantity,
                ["pricing"] = new JsonObject
                {
                    ["listPrice"] = line.Price,
                    ["discountedPrice"] = line.Price,
                    ["proratedPrice"] = line.Price,
                    ["price"] = line.Price,
                    ["extendedPrice"] = line.Price * line.Quantity,
                },
                ["promotionId"] = null,
                ["customTermEndDate"] = null,
                ["partnerIdOnRecord"] = null,
            };
            // The subscription id appears only once asynchronous provisioning has finished (§4.3).
            if (order.Status == "completed")
            {
                item["subscriptionId"] = line.SubscriptionId;
            }
            lines.Add(item);
        }
        return new JsonObject
        {
            ["id"] = order.Id,
            ["alternateId"] = order.Id,
            ["referenceCustomerId"] = order.CustomerId,
            ["billingCycle"] = order.Lines.Count > 0 ? order.Lines[0].BillingCycle : "monthly",
            ["currencyCode"] = "USD",
            ["currencySymbol"] = "$",
            ["lineItems"] = lines,
            ["creationDate"] = Instant(order.CreationDate),
            ["status"] = order.Status,
            ["transactionType"] = "UserPurchase",
            ["links"] = new JsonObject { ["self"] = Link($"/v1/customers/{order.CustomerId}/orders/{order.Id}") },
            ["attributes"] = Attributes("Order"),
        };
    }

    public static JsonObject AuditRecord(SimAuditRecord record)
    {
        var data = new JsonArray();
        foreach (var pair in record.CustomizedData)
        {
            data.Add(new JsonObject { ["key"] = pair.Key, ["value"] = pair.Value });
        }
        return new JsonObject
        {
            ["id"] = record.Id,
            ["partnerId"] = record.PartnerId,
            ["customerId"] = record.CustomerId,
            ["customerName"] = record.CustomerName,
            ["userPrincipalName"] = record.UserPrincipalName,
            ["applicationId"] = record.ApplicationId,
            ["resourceType"] = record.ResourceType,
            ["resourceOldValue"] = record.ResourceOldValue,
            ["resourceNewValue"] = record.ResourceNewValue,
            ["operationType"] = record.OperationType,
            ["operationDate"] = Instant(record.OperationDate),
            ["operationStatus"] = record.OperationStatus,
            ["customizedData"] = data,
            ["attributes"] = Attributes("AuditRecord"),
        };
    }

    /// <summary>A billed or unbilled line; amounts and quantities are strings, as in Partner Center's own sample (§4.6).</summary>
    public static JsonObject LineItem(SimCharge c, string invoiceNumber, string partnerId, string mpnId) => new()
    {
        ["partnerId"] = partnerId,
        ["customerId"] = c.CustomerId,
        ["customerName"] = c.CustomerName,
        ["customerDomainName"] = c.CustomerDomainName,
        ["customerCountry"] = c.CustomerCountry,
        ["invoiceNumber"] = invoiceNumber,
        ["mpnId"] = mpnId,
        ["resellerMpnId"] = "",
        ["orderId"] = c.OrderId,
        ["orderDate"] = Instant(c.OrderDate),
        ["productId"] = c.ProductId,
        ["skuId"] = c.SkuId,
        ["availabilityId"] = c.AvailabilityId,
        ["skuName"] = c.SkuName,
        ["productName"] = c.ProductName,
        ["chargeType"] = c.ChargeType,
        ["unitPrice"] = Money(c.UnitPrice),
        ["quantity"] = c.Quantity.ToString(CultureInfo.InvariantCulture),
        ["subtotal"] = Money(c.Subtotal),
        ["taxTotal"] = Money(c.TaxTotal),
        ["totalForCustomer"] = Money(c.Total),
        ["currency"] = c.Currency,
        ["priceAdjustmentDescription"] = "",
        ["publisherName"] = "Microsoft Corporation",
        ["publisherId"] = "",
        ["subscriptionDescription"] = c.SubscriptionDescription,
        ["subscriptionId"] = c.SubscriptionId,
        ["chargeStartDate"] = Day(c.ChargeStartDate),
        ["chargeEndDate"] = Day(c.ChargeEndDate),
        ["termAndBillingCycle"] = c.TermAndBillingCycle,
        ["effectiveUnitPrice"] = Money(c.EffectiveUnitPrice),
        ["unitType"] = "Licenses",
        ["alternateId"] = c.OrderId,
        ["billableQuantity"] = c.BillableQuantity.ToString(CultureInfo.InvariantCulture),
        ["billingFrequency"] = c.BillingFrequency,
        ["pricingCurrency"] = c.Currency,
        ["pcToBCExchangeRate"] = "1",
        ["pcToBCExchangeRateDate"] = Day(DateOnly.FromDateTime(c.OrderDate.UtcDateTime)),
        ["meterDescription"] = "",
        ["reservationOrderId"] = "",
        ["creditReasonCode"] = "",
        ["subscriptionStartDate"] = Day(c.SubscriptionStartDate),
        ["subscriptionEndDate"] = Day(c.SubscriptionEndDate),
        ["referenceId"] = c.ReferenceId,
        ["productQualifiers"] = "[]",
        ["promotionId"] = "",
        ["billingProvider"] = "one_time",
        ["invoiceLineItemType"] = "billing_line_items",
        ["attributes"] = Attributes("OneTimeInvoiceLineItem"),
    };
}
