using Prorata.Data.Webhooks;

namespace Prorata.Application.Webhooks;

/// <summary>A subscription with its signing secret in clear: the one moment it is shown (made, or rotated).</summary>
public sealed record WebhookCreated(WebhookSubscription Subscription, string Secret);
