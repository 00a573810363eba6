using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Application.Subscriptions;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// Body of POST /api/v1/subscriptions/{id}/changes. type: setQuantity (quantity), cancel, suspend, reactivate,
/// setAutoRenew (enabled), scheduleRenewal (quantity, skuId, term, billingPlan at the next renewal), upgrade (skuId,
/// productId when it changes; quantity to move only some seats to a new, coterminous subscription). confirmLargeChange:
/// true is the second confirmation a seat change beyond ×10 or +1,000 seats needs.
/// </summary>
public sealed record ChangeRequestBody(string? Type, int? Quantity, bool? Enabled, string? ProductId, string? SkuId, string? Term, string? BillingPlan,
    bool? ConfirmLargeChange = null)
{
    private static readonly SubscriptionEventType[] Changes =
    [
        SubscriptionEventType.SetQuantity, SubscriptionEventType.Cancel, SubscriptionEventType.Suspend, SubscriptionEventType.Reactivate,
        SubscriptionEventType.SetAutoRenew, SubscriptionEventType.ScheduleRenewal, SubscriptionEventType.Upgrade,
    ];

    public ChangeRequest? ToChange(ValidationErrors errors)
    {
        var type = Changes.Cast<SubscriptionEventType?>().FirstOrDefault(c => string.Equals(EnumText.ToWire(c!.Value), Type?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            errors.Add("type", $"type must be one of {string.Join(", ", Changes.Select(EnumText.ToWire))}; got '{Type}'.");
            return null;
        }
        if (type == SubscriptionEventType.SetQuantity && Quantity is null) errors.Add("quantity", "quantity is required to set the quantity.");
        if (type == SubscriptionEventType.SetAutoRenew && Enabled is null) errors.Add("enabled", "enabled (true or false) is required to set auto-renew.");
        if (type == SubscriptionEventType.Upgrade && string.IsNullOrWhiteSpace(SkuId)) errors.Add("skuId", "skuId (the SKU to upgrade to) is required.");
        if (type == SubscriptionEventType.Upgrade && Quantity < 1) errors.Add("quantity", $"quantity (the seats to move) must be at least 1; got {Quantity}.");
        else if (Quantity is < 0 or > InputBounds.MaxSeats) errors.Add("quantity", $"quantity must be between 0 and {InputBounds.MaxSeats:N0}; got {Quantity}.");
        InputBounds.Text(ProductId, "productId", InputBounds.MaxIdLength, errors, required: false);
        InputBounds.Text(SkuId, "skuId", InputBounds.MaxIdLength, errors, required: false);
        var term = ParseOptional<TermDuration>(Term, "term", errors);
        var plan = ParseOptional<BillingPlan>(BillingPlan, "billingPlan", errors);
        if (!errors.IsValid) return null;
        return new ChangeRequest(type.Value)
        {
            Quantity = Quantity,
            Enabled = Enabled,
            ProductId = string.IsNullOrWhiteSpace(ProductId) ? null : ProductId.Trim(),
            SkuId = string.IsNullOrWhiteSpace(SkuId) ? null : SkuId.Trim(),
            Term = term,
            BillingPlan = plan,
            LargeChangeConfirmed = ConfirmLargeChange ?? false,
        };
    }

    /// <summary>An optional enumeration by name (case-insensitive); a wrong value is named back.</summary>
    public static TEnum? ParseOptional<TEnum>(string? text, string field, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var before = errors.IsValid;
        var value = EnumText.Parse(text, default(TEnum), field, errors);
        return before && !errors.IsValid ? null : value;
    }
}
