using Prorata.Domain.Insight;

namespace Prorata.Data.Commissions;

/// <summary>
/// One commission plan of a salesperson, in force from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both
/// inclusive; no end: open). The plan in force on a line's invoice date applies. Two plans of one salesperson for the same
/// product and SKU never overlap, so at most one of each kind is in force on a day.
/// </summary>
public sealed class SalespersonPlan
{
    public Guid Id { get; set; }

    public Guid SalespersonId { get; set; }

    /// <summary>A catalog product id, or <see cref="CommissionPlan.AnyProduct"/> for every product.</summary>
    public required string ProductId { get; set; }

    /// <summary>Only this SKU of the product; null: every SKU.</summary>
    public string? SkuId { get; set; }

    public CommissionBasis Basis { get; set; }

    /// <summary>Percent, 0..100.</summary>
    public decimal Rate { get; set; }

    public CommissionPayout Payout { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is not { } end || day <= end);

    /// <summary>The plan as the commission rules take it.</summary>
    public CommissionPlan ToRule() => new(ProductId, SkuId, Basis, Rate, Payout);
}
