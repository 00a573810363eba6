namespace Prorata.Domain.Tax;

/// <summary>
/// One row of the tax rate table: the rate (in percent, 19 for 19 %) of a country, or of one region of it, named as
/// invoices print it ("USt", "WA sales tax"), in force from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>,
/// both inclusive; a null <see cref="EffectiveTo"/> is open-ended.
/// </summary>
public sealed record TaxRate(string Country, string? Region, decimal Rate, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public bool IsInForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    public override string ToString() =>
        $"{Country}{(string.IsNullOrEmpty(Region) ? "" : "-" + Region)} {Rate} % from {EffectiveFrom:yyyy-MM-dd} to {(EffectiveTo is { } to ? to.ToString("yyyy-MM-dd") : "open")}";
}
