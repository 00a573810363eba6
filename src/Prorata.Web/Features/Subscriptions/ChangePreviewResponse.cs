using Prorata.Application.Subscriptions;
using Prorata.Domain.Billing;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// POST /api/v1/subscriptions/{id}/changes/preview: the subscription's lines on the contract's next invoice with the change
/// and without it, their totals and Microsoft cost, the difference the change makes, and whether it needs the second
/// confirmation (<see cref="LargeChange"/> says why).
/// </summary>
public sealed record ChangePreviewResponse(
    DateOnly InvoiceDate,
    string Currency,
    IReadOnlyList<PreviewLineResponse> With,
    IReadOnlyList<PreviewLineResponse> Without,
    decimal AmountWith,
    decimal AmountWithout,
    decimal AmountDifference,
    decimal? CostWith,
    decimal? CostWithout,
    decimal? CostDifference,
    decimal? MarginDifference,
    bool NeedsSecondConfirmation,
    string? LargeChange)
{
    public static ChangePreviewResponse From(ChangePreview preview)
    {
        var cost = preview.CostWith - preview.CostWithout;
        var amount = preview.AmountWith - preview.AmountWithout;
        return new ChangePreviewResponse(preview.InvoiceDate, preview.Currency, [.. preview.With.Select(PreviewLineResponse.From)],
            [.. preview.Without.Select(PreviewLineResponse.From)], preview.AmountWith, preview.AmountWithout, amount, Cents(preview.CostWith), Cents(preview.CostWithout),
            Cents(cost), Cents(amount - cost), preview.LargeChange is not null, preview.LargeChange);
    }

    // Costs are kept exact (12 decimals) on lines; a total is shown to the cent, as the invoice's amounts are.
    private static decimal? Cents(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>One line as the invoice would show it, with the proration arithmetic (days of the period) and its cost.</summary>
public sealed record PreviewLineResponse(string Kind, string ProductId, string SkuId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal UnitPrice,
    int Days, int PeriodDays, decimal Amount, decimal? Cost)
{
    public static PreviewLineResponse From(InvoiceLine line) => new(EnumText.ToWire(line.Kind), line.ProductId, line.SkuId, line.PeriodStart, line.PeriodEnd,
        line.Quantity, line.UnitPrice, line.Days, line.PeriodDays, line.Amount, line.Cost is { } c ? Math.Round(c, 2, MidpointRounding.AwayFromZero) : null);
}
