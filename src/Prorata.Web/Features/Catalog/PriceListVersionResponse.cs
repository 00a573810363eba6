using Prorata.Data.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Catalog;

public sealed record PriceListVersionResponse(Guid Id, string Name, DateTimeOffset ImportedAt, string ImportedBy, DateOnly EffectiveFrom, int RowCount,
    string Rollout, DateOnly? RolloutDate, IReadOnlyList<PriceListWarningResponse> Warnings)
{
    public static PriceListVersionResponse From(PriceListVersion v) =>
        new(v.Id, v.Name, v.ImportedAt, v.ImportedBy, v.EffectiveFrom, v.RowCount, EnumText.ToWire(v.Rollout), v.RolloutDate,
            [.. v.Warnings.Select(PriceListWarningResponse.From)]);
}
