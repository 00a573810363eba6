namespace Prorata.Domain.Insight;

/// <summary>
/// One plan of a salesperson: for a SKU (<see cref="SkuId"/> set), a product, or every product (<see cref="ProductId"/> =
/// <see cref="AnyProduct"/>); <see cref="Rate"/> percent of the <see cref="Basis"/>, payable as <see cref="Payout"/> says.
/// </summary>
public sealed record CommissionPlan(string ProductId, string? SkuId, CommissionBasis Basis, decimal Rate, CommissionPayout Payout)
{
    public const string AnyProduct = "*";
}
