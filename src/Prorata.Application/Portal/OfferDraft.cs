namespace Prorata.Application.Portal;

/// <summary>An offer staff put in (or change in) a customer's portal catalog, as the form and the API send it.</summary>
public sealed record OfferDraft(Guid? ContractId, string? ProductId, string? SkuId, string? Term, string? BillingPlan, int? MinSeats, int? MaxSeats, bool? RequiresApproval);
