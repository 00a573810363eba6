using Prorata.Application.Portal;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// An offer of a customer's portal catalog with the customer's price: <see cref="PricePerCycle"/> per seat for one charge cycle
/// of <see cref="CycleMonths"/> months, in <see cref="Currency"/> (the contract's); null when no price list prices it today.
/// </summary>
public sealed record PortalOfferResponse(Guid Id, Guid ContractId, string ProductId, string SkuId, string Title, string Term, string BillingPlan, int MinSeats,
    int? MaxSeats, bool RequiresApproval, string Currency, decimal? PricePerCycle, int CycleMonths, DateTimeOffset CreatedAt)
{
    public static PortalOfferResponse From(PortalOfferView v) =>
        new(v.Offer.Id, v.Offer.ContractId, v.Offer.ProductId, v.Offer.SkuId, v.Title, v.Offer.Term.ToString(), EnumText.ToWire(v.Offer.BillingPlan), v.Offer.MinSeats,
            v.Offer.MaxSeats, v.Offer.RequiresApproval, v.Currency, v.PricePerCycle, v.CycleMonths, v.Offer.CreatedAt);
}
