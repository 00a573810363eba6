using System.Text.Json;
using System.Text.Json.Serialization;
using Prorata.Domain.Billing;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Simulation;

/// <summary>Writes a simulation result in the shape of docs/scenarios.md ("Output").</summary>
public static class SimulationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static object Shape(SimulationResult result) => new
    {
        rejected = result.Rejected.Select(r => new { @event = r.Event, code = r.Code.ToString(), message = r.Message }),
        providerCharges = result.ProviderCharges.Select(c => new
        {
            subscription = c.Subscription, chargeType = c.ChargeType, chargeStart = c.ChargeStart, chargeEnd = c.ChargeEnd,
            unitPrice = c.UnitPrice, effectiveUnitPrice = c.EffectiveUnitPrice, quantity = c.Quantity, total = c.Total,
            referenceId = c.ReferenceId, productId = c.ProductId, skuId = c.SkuId, currency = c.Currency,
        }),
        invoices = result.TaxedInvoices is { } taxed ? taxed.Select(Taxed) : result.Invoices.Select(Untaxed),
        exceptions = result.Exceptions.Select(a => new { code = a.Kind.ToString(), subscription = a.Subscription, message = a.Message }),
        receivables = result.Receivables.Invoices.Select(r => new { contract = r.Contract, date = r.Date, total = r.Total, paid = r.Paid, balance = r.Balance, status = r.Status }),
        payments = result.Receivables.Payments.Select(p => new
        {
            @event = p.Event,
            allocations = p.Allocations.Select(a => new { contract = a.Contract, date = a.Date, amount = a.Amount }),
            toCredit = p.ToCredit,
        }),
        customerBalances = result.Receivables.Balances.Select(b => new { customer = b.Customer, currency = b.Currency, open = b.Open, credit = b.Credit }),
        dunning = result.Receivables.Dunning.Select(d => new
        {
            at = d.At.UtcDateTime,
            customer = d.Customer,
            action = d.Action,
            invoice = d.Contract is null ? null : new { contract = d.Contract, date = d.Date },
        }),
        metrics = result.Insight.Metrics.Select(m => new
        {
            month = m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            customer = m.Customer, currency = m.Currency, mrr = m.Mrr, mrrCost = m.MrrCost, arr = m.Arr, usage = m.Usage, movement = m.Movement,
        }),
        commissions = result.Insight.Commissions.Select(c => new
        {
            salesperson = c.Salesperson, contract = c.Contract, invoiceDate = c.InvoiceDate, subscription = c.Subscription,
            periodStart = c.PeriodStart, periodEnd = c.PeriodEnd, productId = c.ProductId, skuId = c.SkuId, basis = c.Basis, rate = c.Rate,
            payout = c.Payout, amount = c.Amount, currency = c.Currency, payableOn = c.PayableOn,
        }),
    };

    public static string Write(SimulationResult result) => JsonSerializer.Serialize(Shape(result), Options);

    // Without a seller the invoice is written exactly as before tax existed: no tax field at all.
    private static InvoiceShape Untaxed(Invoice i) =>
        new(i.ContractId, i.Date, i.Due, i.Currency, null, null, i.Total, null, null, null, i.Lines.Select(l => Line(l, null, i.Currency)).ToList());

    private static InvoiceShape Taxed(TaxedInvoice t) =>
        new(t.Invoice.ContractId, t.Invoice.Date, t.Invoice.Due, t.Invoice.Currency, t.Subtotal, t.TaxTotal, t.Total, t.Treatment,
            t.Decision.Rate?.Rate, t.Decision.Rate?.Name, t.Invoice.Lines.Select((l, k) => Line(l, t.LineTaxes[k], t.Invoice.Currency)).ToList());

    private static LineShape Line(InvoiceLine l, decimal? tax, string currency) =>
        new(l.Subscription, l.Kind, l.PeriodStart, l.PeriodEnd, l.Quantity, l.UnitPrice, l.Amount,
            $"{l.Quantity} × {l.UnitPrice} × {l.Days}/{l.PeriodDays}", l.ProductId, l.SkuId, tax, LineGrossProfit(l, currency));

    /// <summary>A line's gross profit for a person: exact, then rounded once to the currency; null when its cost is not known.</summary>
    private static decimal? LineGrossProfit(InvoiceLine line, string currency) =>
        line.Cost is { } cost ? Rounding.Customer(GrossProfit.Of(line.Amount, cost), Currency.FromCode(currency)) : null;

    private sealed record InvoiceShape(
        string Contract, DateOnly Date, DateOnly Due, string Currency,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Subtotal,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? TaxTotal,
        decimal Total,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TaxTreatment? TaxTreatment,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? TaxRate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TaxName,
        IReadOnlyList<LineShape> Lines);

    private sealed record LineShape(
        string Subscription, InvoiceLineKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal UnitPrice,
        decimal Amount, string Proration, string ProductId, string SkuId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Tax,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? GrossProfit);
}
