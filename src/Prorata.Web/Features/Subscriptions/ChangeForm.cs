namespace Prorata.Web.Features.Subscriptions;

/// <summary>A change form's fields, as posted by the subscription page.</summary>
public sealed class ChangeForm
{
    public string? Type { get; set; }
    public int? Quantity { get; set; }
    public string? Enabled { get; set; }
    public string? SkuId { get; set; }

    /// <summary>The preview page's second confirmation of a large seat change: a checkbox, present when ticked.</summary>
    public string? ConfirmLargeChange { get; set; }

    public ChangeRequestBody ToRequest() =>
        new(Type, Quantity, Enabled is null ? null : Enabled == "true", null, SkuId, null, null, ConfirmLargeChange is not null);
}
