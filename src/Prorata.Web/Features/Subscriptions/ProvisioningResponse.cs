using Prorata.Data.Subscriptions;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>Provisioned at a time (with Partner Center's order and subscription), or still waiting and why.</summary>
public sealed record ProvisioningResponse(
    string State, DateTimeOffset? ProvisionedAt, DateTimeOffset AttemptedAt, string? PartnerCenterOrderId, string? PartnerCenterSubscriptionId, string? Failure)
{
    public static ProvisioningResponse From(ProvisioningRecord r) => new(
        r.ProvisionedAt is null ? "awaitingProvisioning" : "provisioned", r.ProvisionedAt, r.AttemptedAt, r.PartnerCenterOrderId, r.PartnerCenterSubscriptionId, r.Failure);
}
