namespace Prorata.Web.Features.Webhooks;

/// <summary>
/// A webhook subscription: the endpoint, the event types it wants (or ["*"]), a description, whether it is active (a new
/// one is unless false; on a change null keeps it), and on a change the version read.
/// </summary>
public sealed record WebhookRequest(string? Url, string[]? EventTypes, string? Description, bool? Active, int? Version);
