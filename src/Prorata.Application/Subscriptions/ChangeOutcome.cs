using Prorata.Domain.Subscriptions;
using Prorata.Data.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// What happened to a change: accepted (the subscription and its new log entry), refused by a rule (nothing written),
/// not found, or lost a race with another change of the same subscription (nothing written; retry). A partial upgrade
/// also creates the subscription the moved seats go to.
/// </summary>
public sealed record ChangeOutcome(CustomerSubscription? Subscription, LicenseChangeEntry? Entry, Refusal? Refusal, string? NotFound, bool Conflict)
{
    public CustomerSubscription? Created { get; init; }

    /// <summary>For a purchase placed in Partner Center: its order, and whether Microsoft has provisioned it yet.</summary>
    public ProvisioningRecord? Provisioning { get; init; }

    public static ChangeOutcome Accepted(CustomerSubscription subscription, LicenseChangeEntry entry, ProvisioningRecord? provisioning = null) =>
        new(subscription, entry, null, null, false) { Provisioning = provisioning };

    public static ChangeOutcome Refused(Refusal refusal) => new(null, null, refusal, null, false);

    public static ChangeOutcome Missing(string message) => new(null, null, null, message, false);

    public static ChangeOutcome Raced() => new(null, null, null, null, true);
}
