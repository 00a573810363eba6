using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// What a change would put on the contract's next invoice (<see cref="InvoiceDate"/>), computed by the engine that bills
/// it: the subscription's lines with the change and without it, each with its Microsoft cost. Nothing is written.
/// <see cref="LargeChange"/> says why the change needs a second confirmation.
/// </summary>
public sealed record ChangePreview(DateOnly InvoiceDate, string Currency, IReadOnlyList<InvoiceLine> With, IReadOnlyList<InvoiceLine> Without, string? LargeChange)
{
    public decimal AmountWith => With.Sum(l => l.Amount);

    public decimal AmountWithout => Without.Sum(l => l.Amount);

    /// <summary>Null when a line's cost is not known (no price row in the contract's currency).</summary>
    public decimal? CostWith => With.All(l => l.Cost is not null) ? With.Sum(l => l.Cost!.Value) : null;

    public decimal? CostWithout => Without.All(l => l.Cost is not null) ? Without.Sum(l => l.Cost!.Value) : null;
}

/// <summary>A preview, the rule that refuses the change (nothing to preview), or no such subscription.</summary>
public sealed record ChangePreviewOutcome(ChangePreview? Preview, Refusal? Refusal, string? NotFound);
