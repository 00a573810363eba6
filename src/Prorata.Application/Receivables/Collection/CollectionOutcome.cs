namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// What the provider answered an attempt: collected (<see cref="Collected"/>), on its way (a debit that settles later, by
/// webhook), or refused with the provider's code (a decline, authentication needed off session, a failed mandate).
/// </summary>
public sealed record CollectionOutcome(CollectionState State, string? ProviderPaymentId, string? FailureCode = null, string? FailureMessage = null, DateTimeOffset? At = null)
{
    public static CollectionOutcome Collected(string providerPaymentId, DateTimeOffset at) => new(CollectionState.Collected, providerPaymentId, At: at);

    public static CollectionOutcome Pending(string providerPaymentId) => new(CollectionState.Pending, providerPaymentId);

    public static CollectionOutcome Refused(string? providerPaymentId, string code, string message) => new(CollectionState.Refused, providerPaymentId, code, message);
}
