using Prorata.Data.Portal;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Features.Portal;

/// <summary>The portal's words for roles, request states and changes.</summary>
public static class PortalText
{
    public static string Role(CustomerUserRole role) => role switch
    {
        CustomerUserRole.Admin => "admin: buys, changes, pays and manages users",
        CustomerUserRole.Billing => "billing: invoices and payments",
        _ => "read-only",
    };

    public static string State(PortalRequestState state) => state switch
    {
        PortalRequestState.Pending => "waiting for your partner's approval",
        PortalRequestState.Approving => "being approved",
        PortalRequestState.Approved => "approved and done",
        PortalRequestState.Declined => "declined",
        PortalRequestState.Refused => "approved, but refused by Microsoft's rules",
        _ => "withdrawn",
    };

    public static string Change(SubscriptionEventType type, int? quantity, int? before, bool? enabled = null) => type switch
    {
        SubscriptionEventType.Purchase => $"buy {quantity:N0} seat(s)",
        SubscriptionEventType.SetQuantity => $"seats {before:N0} → {quantity:N0}",
        SubscriptionEventType.ScheduleRenewal => $"{quantity:N0} seat(s) from the renewal",
        SubscriptionEventType.Cancel => "cancel",
        SubscriptionEventType.SetAutoRenew => enabled == false ? "turn auto-renew off" : "turn auto-renew on",
        _ => type.ToString(),
    };

    /// <summary>What a change did, once done.</summary>
    public static string Done(SubscriptionEventType type, int? quantity, bool? enabled) => type switch
    {
        SubscriptionEventType.SetQuantity => $"Done: the subscription has {quantity:N0} seat(s) now.",
        SubscriptionEventType.ScheduleRenewal => $"Done: it renews with {quantity:N0} seat(s).",
        SubscriptionEventType.Cancel => "Done: cancelled.",
        SubscriptionEventType.SetAutoRenew => enabled == false ? "Done: auto-renew is off." : "Done: auto-renew is on.",
        _ => "Done.",
    };
}
