namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Counts per state and the money at stake: Σ|actual − expected| over every line not matched (|actual| when there
/// is no expected charge) plus Σ|total| of the missing charges (scenarios/README.md, "Reconciliation what-if").
/// The amounts add every line whatever its currency, which only means something for a file in one currency: what a
/// person reads are <see cref="Currencies"/>, the same totals per currency.
/// </summary>
public sealed record ReconSummary(
    int Matched,
    int AmountMismatch,
    int QuantityMismatch,
    int PriceMismatch,
    int UnexpectedCharge,
    int UnknownSubscription,
    int MissingCharge,
    decimal MoneyAtStake,
    decimal ActualTotal,
    decimal ExpectedTotal)
{
    /// <summary>Microsoft's total, Prorata's expected total and the money at stake of each currency of the file, by code.</summary>
    public IReadOnlyList<ReconCurrencyTotals> Currencies { get; init; } = [];

    /// <summary>The same summary with each currency's unbilled revenue (lines no customer invoice covers), by currency code.</summary>
    public ReconSummary WithUnbilled(IReadOnlyDictionary<string, decimal> unbilled) =>
        this with { Currencies = [.. Currencies.Select(c => c with { Unbilled = unbilled.GetValueOrDefault(c.Currency) })] };

    public bool Equals(ReconSummary? other) =>
        other is not null && (Matched, AmountMismatch, QuantityMismatch, PriceMismatch, UnexpectedCharge, UnknownSubscription, MissingCharge, MoneyAtStake, ActualTotal, ExpectedTotal)
            == (other.Matched, other.AmountMismatch, other.QuantityMismatch, other.PriceMismatch, other.UnexpectedCharge, other.UnknownSubscription, other.MissingCharge,
                other.MoneyAtStake, other.ActualTotal, other.ExpectedTotal)
        && Currencies.SequenceEqual(other.Currencies);

    public override int GetHashCode() => HashCode.Combine(Matched, MissingCharge, MoneyAtStake, ActualTotal, ExpectedTotal, Currencies.Count);

    public int Lines => Matched + AmountMismatch + QuantityMismatch + PriceMismatch + UnexpectedCharge + UnknownSubscription;
}
