namespace Prorata.Domain.Tax;

/// <summary>
/// Which tax an invoice carries and why (billing-rules §5): <see cref="Rate"/> is the table row applied, present under
/// <see cref="TaxTreatment.Standard"/> and only then; every other treatment charges no tax.
/// </summary>
public sealed record TaxDecision(TaxTreatment Treatment, TaxRate? Rate)
{
    public TaxRate? Rate { get; init; } = (Treatment == TaxTreatment.Standard) == (Rate is not null)
        ? Rate
        : throw new ArgumentException($"A {Treatment} decision {(Rate is null ? "needs" : "cannot carry")} a rate.", nameof(Rate));

    /// <summary>The percentage charged: the row's rate, or 0 when no tax is charged.</summary>
    public decimal RatePercent => Rate?.Rate ?? 0m;

    public static TaxDecision Standard(TaxRate rate) => new(TaxTreatment.Standard, rate);

    public static TaxDecision Untaxed(TaxTreatment treatment) => new(treatment, null);
}
