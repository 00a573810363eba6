namespace Prorata.Domain.Catalog;

/// <summary>
/// One thing to check before an imported price list is trusted: what, in a sentence, and the rows it concerns
/// (<see cref="PriceListChecks.MaxRowsPerWarning"/> at most, the message giving the full count).
/// </summary>
public sealed record PriceListWarning(PriceListWarningKind Kind, string Message, IReadOnlyList<string> Rows)
{
    /// <summary>
    /// A partial list or an offer removed under running subscriptions is likely a wrong file, and the list becomes what new
    /// purchases and renewals are priced from: a person confirms it. The other warnings may be real price moves.
    /// </summary>
    public bool NeedsConfirmation => Kind is PriceListWarningKind.PartialList or PriceListWarningKind.RemovedOfferInUse;
}
