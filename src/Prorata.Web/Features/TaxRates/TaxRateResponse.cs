using Prorata.Data.Tax;

namespace Prorata.Web.Features.TaxRates;

public sealed record TaxRateResponse(Guid Id, string Country, string? Region, decimal Rate, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public static TaxRateResponse From(TaxRateRow r) => new(r.Id, r.Country.Trim(), r.Region, r.Rate, r.Name, r.EffectiveFrom, r.EffectiveTo);
}
