namespace Prorata.Web.Features.Subscriptions;

/// <summary>The new-subscription form's fields, as posted by the subscriptions page.</summary>
public sealed class SubscriptionForm
{
    public Guid? ContractId { get; set; }
    public string? Offer { get; set; }
    public int? Quantity { get; set; }
    public string? AutoRenew { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>The box a purchase of more than 1,000 seats needs ticked; present when ticked.</summary>
    public string? ConfirmLargeChange { get; set; }

    /// <summary>The offer list's value is "product|sku|term|plan", one choice per price-list offer.</summary>
    public SubscriptionRequest ToRequest()
    {
        var parts = (Offer ?? "").Split('|');
        return new SubscriptionRequest(ContractId, parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2),
            parts.ElementAtOrDefault(3), Quantity, AutoRenew is not null, false, ParentId, ConfirmLargeChange is not null);
    }
}
