namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's TransactionLineDetailModel: one jurisdiction's tax on a line. <see cref="Rate"/> is a fraction (0.065 for 6.5 %).</summary>
public sealed record TransactionLineDetailModel
{
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string? JurisName { get; init; }
    public string? JurisType { get; init; }
    public decimal? Rate { get; init; }
    public decimal? Tax { get; init; }
    public decimal? TaxableAmount { get; init; }
    public string? TaxName { get; init; }
}
