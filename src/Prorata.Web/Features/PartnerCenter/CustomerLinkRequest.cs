namespace Prorata.Web.Features.PartnerCenter;

/// <summary>The Prorata customer a Partner Center tenant is billed as; its purchases in Prorata are placed in that tenant.</summary>
public sealed record CustomerLinkRequest(Guid? CustomerId);
