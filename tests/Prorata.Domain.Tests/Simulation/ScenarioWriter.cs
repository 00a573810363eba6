using System.Text.Json;
using System.Text.Json.Nodes;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>
/// Writes a scenario back as a scenario file (the shape <see cref="Prorata.Domain.Simulation.ScenarioJson"/> reads), so
/// that a random timeline a property rejects can be read, simulated with the CLI and pinned as a file.
/// </summary>
public static class ScenarioWriter
{
    public static string Json(Prorata.Domain.Simulation.Scenario scenario)
    {
        var root = new JsonObject
        {
            ["name"] = scenario.Name,
            ["partner"] = new JsonObject { ["currency"] = scenario.PartnerCurrency.Code, ["providerRounding"] = Word(scenario.ProviderRounding) },
            ["priceList"] = new JsonArray(scenario.PriceList.Select(Row).ToArray<JsonNode?>()),
            ["customers"] = new JsonArray(scenario.Contracts.DistinctBy(c => c.CustomerId)
                .Select(c => (JsonNode?)new JsonObject { ["id"] = c.CustomerId, ["name"] = c.CustomerId, ["currency"] = c.Currency.Code }).ToArray()),
            ["contracts"] = new JsonArray(scenario.Contracts.Select(Contract).ToArray<JsonNode?>()),
            ["events"] = new JsonArray(scenario.Events.Select(Event).ToArray<JsonNode?>()),
            ["billUntil"] = Date(scenario.BillUntil),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Row(PriceListRow row)
    {
        var json = new JsonObject
        {
            ["productId"] = row.ProductId, ["skuId"] = row.SkuId, ["title"] = row.Title, ["term"] = row.Term.ToString(),
            ["billingPlan"] = Word(row.BillingPlan), ["unitPrice"] = row.UnitPrice, ["erpPrice"] = row.ErpPrice, ["currency"] = row.Currency,
            ["effectiveFrom"] = Date(row.EffectiveFrom), ["effectiveTo"] = row.EffectiveTo is { } to ? Date(to) : null,
        };
        if (row.Publisher == Publisher.Partner) json["publisher"] = "partner";
        if (row.CustomerPriceFrom is { } from) json["customerPriceFrom"] = Date(from);
        if (row.UpgradesTo is { } targets)
            json["upgradesTo"] = new JsonArray(targets.Select(t => (JsonNode?)new JsonObject { ["productId"] = t.ProductId, ["skuId"] = t.SkuId }).ToArray());
        return json;
    }

    private static JsonObject Contract(BillingContract contract)
    {
        var json = new JsonObject
        {
            ["id"] = contract.Id, ["customer"] = contract.CustomerId, ["currency"] = contract.Currency.Code, ["billingDay"] = contract.BillingDay,
            ["alignment"] = Word(contract.Alignment), ["refunds"] = Word(contract.Refunds), ["cadence"] = Word(contract.Cadence),
            ["paymentTermsDays"] = contract.PaymentTermsDays,
            ["pricing"] = new JsonArray(contract.Pricing.Select(Rule).ToArray<JsonNode?>()),
        };
        if (contract.StartDate is { } start) json["startDate"] = Date(start);
        return json;
    }

    private static JsonObject Rule(PricingRule rule)
    {
        var json = new JsonObject { ["productId"] = rule.ProductId };
        if (rule.SkuId is not null) json["skuId"] = rule.SkuId;
        json[rule.Method switch { PricingMethod.MarkupOnCost => "markupOnCost", PricingMethod.DiscountOffErp => "discountOffErp", _ => "fixed" }] = rule.Value;
        return json;
    }

    private static JsonObject Event(SubscriptionEvent e)
    {
        var json = new JsonObject { ["at"] = e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["type"] = Word(e.Type), ["subscription"] = e.Subscription };
        void Set(string name, JsonNode? value)
        {
            if (value is not null) json[name] = value;
        }
        Set("contract", e.Contract);
        Set("productId", e.ProductId);
        Set("skuId", e.SkuId);
        Set("term", e.Term?.ToString());
        Set("billingPlan", e.BillingPlan is { } plan ? Word(plan) : null);
        Set("quantity", e.Quantity);
        if (e.Type == SubscriptionEventType.Purchase) json["autoRenew"] = e.AutoRenew;
        Set("parent", e.Parent);
        Set("enabled", e.Enabled);
        Set("toProductId", e.ToProductId);
        Set("toSkuId", e.ToSkuId);
        Set("newSubscription", e.NewSubscription);
        Set("date", e.UsageDate is { } day ? Date(day) : null);
        Set("meter", e.Meter);
        Set("cost", e.Cost);
        Set("retail", e.Retail);
        return json;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
