using Prorata.Application.Tax;

namespace Prorata.Web.Features.TaxRates;

/// <summary>The tax rate form's fields; property names match the API's so refusals land next to their field.</summary>
public sealed class TaxRateForm
{
    public string? Country { get; set; }
    public string? Region { get; set; }
    public decimal? Rate { get; set; }
    public string? Name { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    public TaxRateDraft ToDraft() => new(Country, Region, Rate, Name, EffectiveFrom, EffectiveTo);
}
