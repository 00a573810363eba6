using System.Globalization;
using System.Text.Json;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>
/// Compares a simulation result with a scenario's "expected" object as docs/billing-engine.md ("Scenario files") says:
/// rejections as a set of (event, code); provider charges as a multiset of (subscription, chargeType, start, end,
/// quantity, total); invoices as a set of (contract, date, total) with, per invoice, a multiset of lines (with their
/// product and SKU when the file's lines name them).
/// </summary>
public static class ScenarioExpectation
{
    public static IReadOnlyList<string> Differences(JsonElement expected, SimulationResult actual)
    {
        var differences = new List<string>();
        Compare("rejected", expected.GetProperty("rejected").EnumerateArray().Select(r => $"{r.GetProperty("event").GetInt32()} {r.GetProperty("code").GetString()}"),
            actual.Rejected.Select(r => $"{r.Event} {r.Code}"), differences);
        Compare("providerCharges", expected.GetProperty("providerCharges").EnumerateArray().Select(c =>
                $"{c.GetProperty("subscription").GetString()} {c.GetProperty("chargeType").GetString()} {c.GetProperty("chargeStart").GetString()}..{c.GetProperty("chargeEnd").GetString()} ×{c.GetProperty("quantity").GetInt32()} = {Amount(c.GetProperty("total"))}"),
            actual.ProviderCharges.Select(c =>
                $"{c.Subscription} {JsonNamingPolicy.CamelCase.ConvertName(c.ChargeType.ToString())} {c.ChargeStart:yyyy-MM-dd}..{c.ChargeEnd:yyyy-MM-dd} ×{c.Quantity} = {Amount(c.Total)}"),
            differences);
        // Invoices are compared on their due date too where the file gives it.
        var withDue = expected.GetProperty("invoices").EnumerateArray().Any(i => i.TryGetProperty("due", out _));
        Compare("invoices", expected.GetProperty("invoices").EnumerateArray().Select(i =>
                $"{i.GetProperty("contract").GetString()} {i.GetProperty("date").GetString()} total {Amount(i.GetProperty("total"))}"
                + (withDue ? $" due {i.GetProperty("due").GetString()}" : "")),
            actual.Invoices.Select(i => $"{i.ContractId} {i.Date:yyyy-MM-dd} total {Amount(i.Total)}" + (withDue ? $" due {i.Due:yyyy-MM-dd}" : "")), differences);
        // A file whose lines name their product and SKU is compared on them too (the SKU a credit names).
        var withOffer = expected.GetProperty("invoices").EnumerateArray().SelectMany(i => i.GetProperty("lines").EnumerateArray()).Any(l => l.TryGetProperty("skuId", out _));
        Compare("invoice lines", expected.GetProperty("invoices").EnumerateArray().SelectMany(i => i.GetProperty("lines").EnumerateArray().Select(l =>
                $"{i.GetProperty("contract").GetString()} {i.GetProperty("date").GetString()}: {l.GetProperty("subscription").GetString()} {l.GetProperty("kind").GetString()} {l.GetProperty("periodStart").GetString()}..{l.GetProperty("periodEnd").GetString()} ×{Amount(l.GetProperty("quantity"))} = {Amount(l.GetProperty("amount"))}"
                + (withOffer ? $" {l.GetProperty("productId").GetString()}/{l.GetProperty("skuId").GetString()}" : ""))),
            actual.Invoices.SelectMany(i => i.Lines.Select(l =>
                $"{i.ContractId} {i.Date:yyyy-MM-dd}: {l.Subscription} {JsonNamingPolicy.CamelCase.ConvertName(l.Kind.ToString())} {l.PeriodStart:yyyy-MM-dd}..{l.PeriodEnd:yyyy-MM-dd} ×{Amount(l.Quantity)} = {Amount(l.Amount)}"
                + (withOffer ? $" {l.ProductId}/{l.SkuId}" : ""))),
            differences);
        return differences;
    }

    private static string Amount(JsonElement number) => Amount(number.GetDecimal());

    private static string Amount(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void Compare(string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> differences)
    {
        var missing = expected.ToList();
        var extra = new List<string>();
        foreach (var item in actual)
            if (!missing.Remove(item)) extra.Add(item);
        differences.AddRange(missing.Select(m => $"{what}: expected but not produced: {m}"));
        differences.AddRange(extra.Select(e => $"{what}: produced but not expected: {e}"));
    }
}
