namespace Prorata.Web.Features.PartnerCenter;

/// <summary>The Prorata subscription that bills a Partner Center subscription from now on.</summary>
public sealed record SubscriptionLinkRequest(Guid? SubscriptionId);
