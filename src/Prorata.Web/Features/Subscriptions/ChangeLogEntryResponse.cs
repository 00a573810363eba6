using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Subscriptions;

public sealed record ChangeLogEntryResponse(
    long Id, Guid SubscriptionId, int Sequence, string Type, DateTimeOffset At, DateTimeOffset RecordedAt, string Actor, string Source,
    int? Quantity, bool? Enabled, string? ProductId, string? SkuId, string? Term, string? BillingPlan, bool AwaitingProvisioning, Guid? NewSubscriptionId)
{
    public static ChangeLogEntryResponse From(LicenseChangeEntry e) => new(
        e.Id, e.SubscriptionId, e.Sequence, EnumText.ToWire(e.Type), e.At, e.RecordedAt, e.Actor, EnumText.ToWire(e.Source),
        e.Quantity, e.Enabled, e.ProductId, e.SkuId, e.Term?.ToString(), e.BillingPlan is { } plan ? EnumText.ToWire(plan) : null, e.AwaitingProvisioning,
        e.NewSubscriptionId);
}
