using Prorata.Application.Tax;

namespace Prorata.Web.Features.TaxRates;

/// <summary>Body of POST and PUT /api/v1/tax-rates: rate in percent (19 for 19 %), dates yyyy-MM-dd, effectiveTo inclusive and optional.</summary>
public sealed record TaxRateRequest(string? Country, string? Region, decimal? Rate, string? Name, DateOnly? EffectiveFrom, DateOnly? EffectiveTo)
{
    public TaxRateDraft ToDraft() => new(Country, Region, Rate, Name, EffectiveFrom, EffectiveTo);
}
