using System.Globalization;
using System.Text.Json;
using Prorata.Domain.Billing;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>
/// Compares a simulation result with a scenario's "expected" object exactly as docs/scenarios.md says:
/// rejections as a set of (event, code); provider charges as a multiset of (subscription, chargeType, start, end,
/// quantity, total); invoices as a set of (contract, date, total), with subtotal, taxTotal and taxTreatment when the file
/// gives them, and per invoice a multiset of lines (with their product and SKU, and their tax, when the file's lines
/// name them); and, where the file has them, the receivables half: <c>receivables</c> as a set of (contract, date, total,
/// paid, balance, status), <c>payments</c> per event (its allocations as a multiset of (contract, date, amount), and
/// toCredit), <c>customerBalances</c> as a set of (customer, currency, open, credit), <c>dunning</c> as a set of (at,
/// customer, action, invoice or none); and the insight half: a line's <c>grossProfit</c> where the expected line has one,
/// <c>metrics</c> as a set of (month, customer, currency, mrr, mrrCost, usage, movement) and <c>commissions</c> as a multiset
/// of (salesperson, contract, invoiceDate, subscription, periodStart, periodEnd, amount, payableOn).
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
        // Invoices are compared on their due date too where the file gives it; on subtotal and taxTotal where it gives
        // them (then total is the taxed total), on taxTreatment where it gives it, and each line on its tax likewise.
        var invoices = expected.GetProperty("invoices").EnumerateArray().ToList();
        var withDue = invoices.Any(i => i.TryGetProperty("due", out _));
        var withTax = invoices.Any(i => i.TryGetProperty("taxTotal", out _));
        var withTreatment = invoices.Any(i => i.TryGetProperty("taxTreatment", out _));
        var withLineTax = invoices.SelectMany(i => i.GetProperty("lines").EnumerateArray()).Any(l => l.TryGetProperty("tax", out _));
        var produced = actual.Invoices.Select((invoice, k) => (Invoice: invoice, Taxed: actual.TaxedInvoices?[k])).ToList();
        Compare("invoices", invoices.Select(i =>
                $"{i.GetProperty("contract").GetString()} {i.GetProperty("date").GetString()} total {Amount(i.GetProperty("total"))}"
                + (withDue ? $" due {i.GetProperty("due").GetString()}" : "")
                + (withTax ? $" subtotal {Amount(i.GetProperty("subtotal"))} tax {Amount(i.GetProperty("taxTotal"))}" : "")
                + (withTreatment ? $" {i.GetProperty("taxTreatment").GetString()}" : "")),
            produced.Select(p =>
                $"{p.Invoice.ContractId} {p.Invoice.Date:yyyy-MM-dd} total {Amount(p.Taxed?.Total ?? p.Invoice.Total)}"
                + (withDue ? $" due {p.Invoice.Due:yyyy-MM-dd}" : "")
                + (withTax ? (p.Taxed is { } t ? $" subtotal {Amount(t.Subtotal)} tax {Amount(t.TaxTotal)}" : " no tax computed") : "")
                + (withTreatment ? $" {(p.Taxed is { } taxed ? JsonNamingPolicy.CamelCase.ConvertName(taxed.Treatment.ToString()) : "none")}" : "")),
            differences);
        // A file whose lines name their product and SKU is compared on them too (the SKU a credit names).
        var withOffer = invoices.SelectMany(i => i.GetProperty("lines").EnumerateArray()).Any(l => l.TryGetProperty("skuId", out _));
        Compare("invoice lines", invoices.SelectMany(i => i.GetProperty("lines").EnumerateArray().Select(l =>
                $"{i.GetProperty("contract").GetString()} {i.GetProperty("date").GetString()}: {l.GetProperty("subscription").GetString()} {l.GetProperty("kind").GetString()} {l.GetProperty("periodStart").GetString()}..{l.GetProperty("periodEnd").GetString()} ×{Amount(l.GetProperty("quantity"))} = {Amount(l.GetProperty("amount"))}"
                + (withOffer ? $" {l.GetProperty("productId").GetString()}/{l.GetProperty("skuId").GetString()}" : "")
                + (withLineTax ? $" tax {Amount(l.GetProperty("tax"))}" : ""))),
            produced.SelectMany(p => p.Invoice.Lines.Select((l, k) =>
                $"{p.Invoice.ContractId} {p.Invoice.Date:yyyy-MM-dd}: {l.Subscription} {JsonNamingPolicy.CamelCase.ConvertName(l.Kind.ToString())} {l.PeriodStart:yyyy-MM-dd}..{l.PeriodEnd:yyyy-MM-dd} ×{Amount(l.Quantity)} = {Amount(l.Amount)}"
                + (withOffer ? $" {l.ProductId}/{l.SkuId}" : "")
                + (withLineTax ? (p.Taxed is { } t ? $" tax {Amount(t.LineTaxes[k])}" : " no tax computed") : ""))),
            differences);
        CompareGrossProfit(invoices, produced.Select(p => p.Invoice), differences);
        CompareReceivables(expected, actual.Receivables, differences);
        CompareInsight(expected, actual.Insight, differences);
        return differences;
    }

    /// <summary>
    /// Each expected line that gives a grossProfit is matched to a produced line of the same invoice and (subscription, kind,
    /// period, quantity, amount) with that gross profit; lines without one are not compared on it.
    /// </summary>
    private static void CompareGrossProfit(List<JsonElement> invoices, IEnumerable<Invoice> produced, List<string> differences)
    {
        var expected = invoices.SelectMany(i => i.GetProperty("lines").EnumerateArray()
                .Where(l => l.TryGetProperty("grossProfit", out _))
                .Select(l => $"{i.GetProperty("contract").GetString()} {i.GetProperty("date").GetString()}: {l.GetProperty("subscription").GetString()} {l.GetProperty("kind").GetString()} {l.GetProperty("periodStart").GetString()}..{l.GetProperty("periodEnd").GetString()} ×{Amount(l.GetProperty("quantity"))} = {Amount(l.GetProperty("amount"))} grossProfit {Amount(l.GetProperty("grossProfit"))}"))
            .ToList();
        if (expected.Count == 0) return;
        var actual = produced.SelectMany(i => i.Lines.Select(l =>
            $"{i.ContractId} {i.Date:yyyy-MM-dd}: {l.Subscription} {JsonNamingPolicy.CamelCase.ConvertName(l.Kind.ToString())} {l.PeriodStart:yyyy-MM-dd}..{l.PeriodEnd:yyyy-MM-dd} ×{Amount(l.Quantity)} = {Amount(l.Amount)} grossProfit {(l.Cost is { } cost ? Amount(Rounding.Customer(GrossProfit.Of(l.Amount, cost), Currency.FromCode(i.Currency))) : "unknown")}"))
            .ToList();
        foreach (var line in expected)
            if (!actual.Remove(line)) differences.Add($"grossProfit: expected but not produced: {line}");
    }

    private static void CompareInsight(JsonElement expected, ScenarioInsightResult actual, List<string> differences)
    {
        if (expected.TryGetProperty("metrics", out var metrics))
            Compare("metrics", metrics.EnumerateArray().Select(m =>
                    $"{m.GetProperty("month").GetString()} {m.GetProperty("customer").GetString()} {m.GetProperty("currency").GetString()} mrr {Amount(m.GetProperty("mrr"))} mrrCost {Amount(m.GetProperty("mrrCost"))} usage {Amount(m.GetProperty("usage"))} {m.GetProperty("movement").GetString()}"),
                actual.Metrics.Select(m =>
                    $"{m.Month:yyyy-MM} {m.Customer} {m.Currency} mrr {Amount(m.Mrr)} mrrCost {Amount(m.MrrCost)} usage {Amount(m.Usage)} {JsonNamingPolicy.CamelCase.ConvertName(m.Movement.ToString())}"),
                differences);
        if (expected.TryGetProperty("commissions", out var commissions))
            Compare("commissions", commissions.EnumerateArray().Select(c =>
                    $"{c.GetProperty("salesperson").GetString()} {c.GetProperty("contract").GetString()} {c.GetProperty("invoiceDate").GetString()} {c.GetProperty("subscription").GetString()} {c.GetProperty("periodStart").GetString()}..{c.GetProperty("periodEnd").GetString()} = {Amount(c.GetProperty("amount"))} payable {c.GetProperty("payableOn").GetString()}"),
                actual.Commissions.Select(c =>
                    $"{c.Salesperson} {c.Contract} {c.InvoiceDate:yyyy-MM-dd} {c.Subscription} {c.PeriodStart:yyyy-MM-dd}..{c.PeriodEnd:yyyy-MM-dd} = {Amount(c.Amount)} payable {c.PayableOn:yyyy-MM-dd}"),
                differences);
    }

    private static void CompareReceivables(JsonElement expected, ScenarioReceivablesResult actual, List<string> differences)
    {
        if (expected.TryGetProperty("receivables", out var receivables))
            Compare("receivables", receivables.EnumerateArray().Select(r =>
                    $"{r.GetProperty("contract").GetString()} {r.GetProperty("date").GetString()} total {Amount(r.GetProperty("total"))} paid {Amount(r.GetProperty("paid"))} balance {Amount(r.GetProperty("balance"))} {r.GetProperty("status").GetString()}"),
                actual.Invoices.Select(r =>
                    $"{r.Contract} {r.Date:yyyy-MM-dd} total {Amount(r.Total)} paid {Amount(r.Paid)} balance {Amount(r.Balance)} {JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString())}"),
                differences);
        // A payment is one item: its event, what went to credit, and its allocations in a fixed order (a multiset).
        if (expected.TryGetProperty("payments", out var payments))
            Compare("payments", payments.EnumerateArray().Select(p => Payment(p.GetProperty("event").GetInt32(),
                    p.GetProperty("allocations").EnumerateArray().Select(a => Allocation(a.GetProperty("contract").GetString(), a.GetProperty("date").GetString(), a.GetProperty("amount").GetDecimal())),
                    p.GetProperty("toCredit").GetDecimal())),
                actual.Payments.Select(p => Payment(p.Event, p.Allocations.Select(a => Allocation(a.Contract, $"{a.Date:yyyy-MM-dd}", a.Amount)), p.ToCredit)),
                differences);
        if (expected.TryGetProperty("customerBalances", out var balances))
            Compare("customerBalances", balances.EnumerateArray().Select(b =>
                    $"{b.GetProperty("customer").GetString()} {b.GetProperty("currency").GetString()} open {Amount(b.GetProperty("open"))} credit {Amount(b.GetProperty("credit"))}"),
                actual.Balances.Select(b => $"{b.Customer} {b.Currency} open {Amount(b.Open)} credit {Amount(b.Credit)}"),
                differences);
        if (expected.TryGetProperty("dunning", out var dunning))
            Compare("dunning", dunning.EnumerateArray().Select(d => Dunning(DateTimeOffset.Parse(d.GetProperty("at").GetString()!, CultureInfo.InvariantCulture),
                    d.GetProperty("customer").GetString(), d.GetProperty("action").GetString(),
                    d.TryGetProperty("invoice", out var invoice) && invoice.ValueKind != JsonValueKind.Null
                        ? $"{invoice.GetProperty("contract").GetString()} {invoice.GetProperty("date").GetString()}"
                        : null)),
                actual.Dunning.Select(d => Dunning(d.At, d.Customer, JsonNamingPolicy.CamelCase.ConvertName(d.Action.ToString()),
                    d.Contract is null ? null : $"{d.Contract} {d.Date:yyyy-MM-dd}")),
                differences);
    }

    private static string Allocation(string? contract, string? date, decimal amount) => $"{contract} {date} {Amount(amount)}";

    private static string Payment(int eventIndex, IEnumerable<string> allocations, decimal toCredit) =>
        $"event {eventIndex}: [{string.Join("; ", allocations.Order(StringComparer.Ordinal))}] toCredit {Amount(toCredit)}";

    private static string Dunning(DateTimeOffset at, string? customer, string? action, string? invoice) =>
        $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {customer} {action} {invoice ?? "(no invoice)"}";

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
