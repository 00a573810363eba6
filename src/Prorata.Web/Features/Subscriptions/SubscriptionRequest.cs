using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// Body of POST /api/v1/subscriptions; term P1M|P1Y|P3Y, billingPlan monthly|annual|triennial; confirmLargeChange: true
/// is the second confirmation a purchase of more than 1,000 seats needs.
/// </summary>
public sealed record SubscriptionRequest(
    Guid? ContractId,
    string? ProductId,
    string? SkuId,
    string? Term,
    string? BillingPlan,
    int? Quantity,
    bool? AutoRenew,
    bool? AlignToCalendarMonth,
    Guid? ParentId,
    bool? ConfirmLargeChange = null)
{
    public PurchaseRequest? ToPurchase(ValidationErrors errors)
    {
        if (ContractId is null) errors.Add("contractId", "contractId is required.");
        InputBounds.Text(ProductId, "productId", InputBounds.MaxIdLength, errors);
        InputBounds.Text(SkuId, "skuId", InputBounds.MaxIdLength, errors, required: false);
        if (Quantity is not { } quantity) errors.Add("quantity", "quantity is required.");
        else if (quantity is < 1 or > InputBounds.MaxSeats) errors.Add("quantity", $"quantity must be between 1 and {InputBounds.MaxSeats:N0}; got {quantity}.");
        var term = ChangeRequestBody.ParseOptional<TermDuration>(Term, "term", errors);
        var plan = ChangeRequestBody.ParseOptional<BillingPlan>(BillingPlan, "billingPlan", errors);
        if (!errors.IsValid) return null;
        return new PurchaseRequest(ContractId!.Value, ProductId!.Trim(), SkuId?.Trim() ?? "", term, plan, Quantity!.Value)
        {
            AutoRenew = AutoRenew ?? true,
            AlignToCalendarMonth = AlignToCalendarMonth ?? false,
            ParentId = ParentId,
            LargeChangeConfirmed = ConfirmLargeChange ?? false,
        };
    }
}
