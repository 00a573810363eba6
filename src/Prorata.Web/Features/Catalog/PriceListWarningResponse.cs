using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Catalog;

/// <summary>A check's warning: its kind (partialList, removedOfferInUse, costChange, effectiveDate, termPriceLooksPerCycle), whether it needs confirming, and the rows.</summary>
public sealed record PriceListWarningResponse(string Kind, bool NeedsConfirmation, string Message, IReadOnlyList<string> Rows)
{
    public static PriceListWarningResponse From(PriceListWarning w) => new(EnumText.ToWire(w.Kind), w.NeedsConfirmation, w.Message, w.Rows);
}
