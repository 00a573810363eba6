using System.Text.Json;
using System.Text.Json.Serialization;
using Prorata.Domain.Billing;

namespace Prorata.Domain.Simulation;

/// <summary>Writes a simulation result in the shape docs/billing-engine.md describes ("Scenario files").</summary>
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
        invoices = result.Invoices.Select(i => new
        {
            contract = i.ContractId, date = i.Date, due = i.Due, currency = i.Currency, total = i.Total,
            lines = i.Lines.Select(Line),
        }),
        exceptions = result.Exceptions.Select(a => new { code = a.Kind.ToString(), subscription = a.Subscription, message = a.Message }),
    };

    public static string Write(SimulationResult result) => JsonSerializer.Serialize(Shape(result), Options);

    private static object Line(InvoiceLine l) => new
    {
        subscription = l.Subscription, kind = l.Kind, periodStart = l.PeriodStart, periodEnd = l.PeriodEnd,
        quantity = l.Quantity, unitPrice = l.UnitPrice, amount = l.Amount,
        proration = $"{l.Quantity} × {l.UnitPrice} × {l.Days}/{l.PeriodDays}",
        productId = l.ProductId, skuId = l.SkuId,
    };
}
