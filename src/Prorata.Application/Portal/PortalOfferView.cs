using Prorata.Data.Portal;

namespace Prorata.Application.Portal;

/// <summary>
/// An offer of a customer's portal catalog with the customer's price from its contract: <see cref="PricePerCycle"/> per seat
/// for one charge cycle of <see cref="CycleMonths"/> months; null when no price list prices it today (it cannot be bought).
/// </summary>
public sealed record PortalOfferView(PortalOffer Offer, string Title, string Currency, decimal? PricePerCycle, int CycleMonths);
