using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// One change-log entry; <see cref="Provisioning"/> is what Microsoft has of it when it had to be provisioned (a purchase
/// placed in Partner Center, or a change that waited for a credit hold), null otherwise.
/// </summary>
public sealed record ChangeLogEntryResponse(
    long Id, Guid SubscriptionId, int Sequence, string Type, DateTimeOffset At, DateTimeOffset RecordedAt, string Actor, string Source,
    int? Quantity, bool? Enabled, string? ProductId, string? SkuId, string? Term, string? BillingPlan, bool AwaitingProvisioning, Guid? NewSubscriptionId,
    ProvisioningResponse? Provisioning = null)
{
    public static ChangeLogEntryResponse From(LicenseChangeEntry e, ProvisioningRecord? record = null) => new(
        e.Id, e.SubscriptionId, e.Sequence, EnumText.ToWire(e.Type), e.At, e.RecordedAt, e.Actor, EnumText.ToWire(e.Source),
        e.Quantity, e.Enabled, e.ProductId, e.SkuId, e.Term?.ToString(), e.BillingPlan is { } plan ? EnumText.ToWire(plan) : null, e.AwaitingProvisioning,
        e.NewSubscriptionId, record is null ? null : ProvisioningResponse.From(record));
}
