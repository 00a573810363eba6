using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// What became of a push: sent (with the subscription ids Partner Center now has), waiting for the credit hold to be
/// lifted (<c>awaitingProvisioning</c>), or refused by Microsoft's rules.
/// </summary>
public sealed record PushOutcome(PushOutcomeKind Kind, IReadOnlyList<string> SubscriptionIds, Refusal? Refusal)
{
    public static PushOutcome Sent(params string[] subscriptionIds) => new(PushOutcomeKind.Sent, subscriptionIds, null);

    public static PushOutcome AwaitingProvisioning { get; } = new(PushOutcomeKind.AwaitingProvisioning, [], null);

    public static PushOutcome Refused(Refusal refusal) => new(PushOutcomeKind.Refused, [], refusal);

    internal static PushOutcome From(PartnerCenterResult<PartnerCenterSubscription> result) =>
        result.IsSuccess ? Sent(result.Value.Id) : Refused(result.Refusal);
}
