namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>An exception for a person to look at; sync never resolves these by guessing.</summary>
public sealed record SyncIssue(SyncExceptionKind Kind, string CustomerId, string? SubscriptionId, string Message);
