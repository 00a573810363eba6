using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Insight;
using Prorata.Domain.Insight;

namespace Prorata.Application.Insight;

/// <summary>
/// The margin floors Finance sets: the partner's (<c>*</c>) and per product. The next billing run holds its lines to them;
/// what is already invoiced is not raised again.
/// </summary>
public sealed class MarginFloorSettings(ProrataDbContext db, TimeProvider time)
{
    public const decimal MaxPercent = 1000m;

    public async Task<IReadOnlyList<ProductMarginFloor>> ListAsync(CancellationToken cancellationToken) =>
        (await db.MarginFloors.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(f => f.ProductId == MarginFloor.AnyProduct ? 0 : 1).ThenBy(f => f.ProductId, StringComparer.Ordinal).ToList();

    public async Task<SaveResult<ProductMarginFloor>> SetAsync(string? productId, decimal? percent, string actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var product = productId?.Trim() ?? "";
        if (product.Length == 0) errors["productId"] = ["productId is required: a catalog product's id, or * for the partner's floor."];
        else if (product != MarginFloor.AnyProduct && !await db.CatalogProducts.AnyAsync(p => p.ProductId == product, cancellationToken)
                 && !await db.PriceListEntries.AnyAsync(e => e.ProductId == product, cancellationToken))
            errors["productId"] = [$"productId must be a product of the catalog or a price list, or * for the partner's floor; got '{product}'."];
        if (percent is not { } value || value < 0 || value > MaxPercent)
            errors["percent"] = [FormattableString.Invariant($"percent must be a percentage of the provider cost from 0 to {MaxPercent:0}; got {(percent is { } p ? p.ToString(CultureInfo.InvariantCulture) : "nothing")}.")];
        if (errors.Count > 0) return SaveResult<ProductMarginFloor>.Invalid(errors);

        var floor = await db.MarginFloors.FirstOrDefaultAsync(f => f.ProductId == product, cancellationToken);
        if (floor is null) db.MarginFloors.Add(floor = new ProductMarginFloor { ProductId = product, UpdatedBy = actor });
        floor.Percent = percent!.Value;
        floor.UpdatedBy = actor;
        floor.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ProductMarginFloor>.Saved(floor);
    }

    /// <summary>Removes a floor; false when there was none. Through the change tracker, so that the audit log records it.</summary>
    public async Task<bool> RemoveAsync(string productId, CancellationToken cancellationToken)
    {
        var floor = await db.MarginFloors.FirstOrDefaultAsync(f => f.ProductId == productId, cancellationToken);
        if (floor is null) return false;
        db.MarginFloors.Remove(floor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
