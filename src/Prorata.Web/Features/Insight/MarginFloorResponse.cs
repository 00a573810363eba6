using Prorata.Data.Insight;

namespace Prorata.Web.Features.Insight;

/// <summary>A margin floor as set: for a product, or <c>*</c> for every product without one of its own.</summary>
public sealed record MarginFloorResponse(string ProductId, decimal Percent, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static MarginFloorResponse From(ProductMarginFloor floor) => new(floor.ProductId, floor.Percent, floor.UpdatedBy, floor.UpdatedAt);
}
