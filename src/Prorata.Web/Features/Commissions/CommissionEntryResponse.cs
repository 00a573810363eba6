using Prorata.Application.Commissions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Commissions;

/// <summary>
/// A ledger entry as the API writes it. <c>commission</c> null and <c>costUnknown</c> true: a margin plan met a line whose
/// cost is not known, which earns nothing (never silently 0). <c>late</c> only on a statement.
/// </summary>
public sealed record CommissionEntryResponse(Guid SalespersonId, string Salesperson, Guid ContractId, Guid CustomerId, string Customer, Guid InvoiceId,
    string? InvoiceNumber, string InvoiceKind, DateOnly InvoiceDate, long InvoiceLineId, int Line, Guid SubscriptionId, DateOnly PeriodStart, DateOnly PeriodEnd,
    string ProductId, string SkuId, Guid PlanId, string Basis, decimal Rate, decimal? BasisAmount, decimal? Commission, bool CostUnknown, string Currency,
    DateOnly PayableOn, string Kind, bool Late)
{
    public static CommissionEntryResponse From(CommissionEntry e) =>
        new(e.SalespersonId, e.SalespersonName, e.ContractId, e.CustomerId, e.CustomerName, e.InvoiceId, e.InvoiceNumber, EnumText.ToWire(e.InvoiceKind), e.InvoiceDate,
            e.InvoiceLineId, e.LinePosition, e.SubscriptionId, e.PeriodStart, e.PeriodEnd, e.ProductId, e.SkuId, e.PlanId, EnumText.ToWire(e.Basis),
            decimal.Parse(CommissionCsv.Percent(e.Rate), System.Globalization.CultureInfo.InvariantCulture), e.BasisAmount, e.Commission, e.Commission is null,
            e.Currency, e.PayableOn, EnumText.ToWire(e.Kind), e.Late);
}
