using Prorata.Application.Subscriptions;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Subscriptions;

public sealed record SubscriptionResponse(
    Guid Id, Guid ContractId, Guid? ParentId, string ProductId, string SkuId, string Title, string? Term, string? BillingPlan,
    string Status, int Quantity, bool AutoRenew, string Provisioning, DateTimeOffset CreatedAt, int ChangeCount,
    Guid? CustomerId = null, string? CustomerName = null)
{
    public static SubscriptionResponse From(CustomerSubscription s) => new(
        s.Id, s.ContractId, s.ParentId, s.ProductId, s.SkuId, s.Title, s.Term?.ToString(), s.BillingPlan is { } plan ? EnumText.ToWire(plan) : null,
        EnumText.ToWire(s.Status), s.Quantity, s.AutoRenew, EnumText.ToWire(s.Provisioning), s.CreatedAt, s.ChangeCount);

    public static SubscriptionResponse From(SubscriptionRow row) => From(row.Subscription) with { CustomerId = row.CustomerId, CustomerName = row.CustomerName };
}
