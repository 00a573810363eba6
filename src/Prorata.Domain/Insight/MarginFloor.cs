namespace Prorata.Domain.Insight;

/// <summary>
/// The least a partner accepts to earn over its provider cost, as a percentage of that cost: a line of the product (or,
/// for <see cref="AnyProduct"/>, of any product without a floor of its own) must bill at least cost × (1 + Percent ÷ 100).
/// 0 still catches a line sold below cost: a stacked promotion, a Microsoft price rise not yet passed on.
/// </summary>
public sealed record MarginFloor(string ProductId, decimal Percent)
{
    /// <summary>The partner's floor: every product without one of its own.</summary>
    public const string AnyProduct = "*";

    /// <summary>The least a line costing <paramref name="cost"/> may bill, exact.</summary>
    public decimal MinimumFor(decimal cost) => cost * (1m + Percent / 100m);

    /// <summary>The product's own floor, else the partner's; null when neither is set.</summary>
    public static MarginFloor? For(IReadOnlyList<MarginFloor> floors, string productId) =>
        floors.FirstOrDefault(f => string.Equals(f.ProductId, productId, StringComparison.OrdinalIgnoreCase))
        ?? floors.FirstOrDefault(f => f.ProductId == AnyProduct);

    /// <summary>
    /// How much a line bills short of its floor (minimum − amount, exact), or null when it is not under it. Only lines
    /// that bill something against a known cost are held to a floor: a decrease, a credit or a free line is not a sale.
    /// </summary>
    public decimal? Shortfall(decimal amount, decimal? cost)
    {
        if (amount <= 0 || cost is not > 0m) return null;
        var minimum = MinimumFor(cost.Value);
        return amount < minimum ? minimum - amount : null;
    }
}
