using System.Text.Json.Serialization;
using Prorata.Application.Webhooks;
using Prorata.Data.Webhooks;

namespace Prorata.Web.Features.Webhooks;

/// <summary>
/// A webhook subscription. <see cref="Secret"/> is there only in the answer that made it (creation, rotation): Prorata never
/// shows it again; <see cref="SecretHint"/> is its last four characters.
/// </summary>
public sealed record WebhookResponse(Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Active, string SecretHint,
    DateTimeOffset SecretCreatedAt, DateTimeOffset? PreviousSecretUntil, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static WebhookResponse From(WebhookSubscription s, DateTimeOffset now) =>
        new(s.Id, s.Url, s.Description, WebhookEventTypes.Parse(s.EventTypes), s.Active, s.SecretHint, s.SecretCreatedAt,
            s.PreviousSecretUntil > now ? s.PreviousSecretUntil : null, s.CreatedBy, s.CreatedAt, s.UpdatedAt, s.Version);

    public static WebhookResponse From(WebhookCreated made, DateTimeOffset now) => From(made.Subscription, now) with { Secret = made.Secret };
}
