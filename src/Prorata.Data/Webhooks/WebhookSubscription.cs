namespace Prorata.Data.Webhooks;

/// <summary>
/// An endpoint of one of the partner's own systems that receives Prorata's events (an invoice issued, a payment
/// recorded…), signed with its secret. The secret is kept encrypted with the Data Protection key ring, because Prorata
/// must read it again to sign; after a rotation the previous one signs too until <see cref="PreviousSecretUntil"/>.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    /// <summary>Where events are POSTed: https, or http on the loopback address only.</summary>
    public required string Url { get; set; }

    public string? Description { get; set; }

    /// <summary>The event types it receives, comma-separated in the catalogue's order, or "*" for all of them.</summary>
    public required string EventTypes { get; set; }

    /// <summary>An inactive endpoint is sent nothing: new events skip it and deliveries still waiting fail.</summary>
    public bool Active { get; set; }

    /// <summary>The signing secret, protected by the key ring (shown in clear once, when made).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The secret's last four characters, so that a person can tell which one a receiver holds.</summary>
    public required string SecretHint { get; set; }

    public DateTimeOffset SecretCreatedAt { get; set; }

    /// <summary>The secret before the last rotation: deliveries carry its signature too until <see cref="PreviousSecretUntil"/>.</summary>
    public string? ProtectedPreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretUntil { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every change; a change that carries an older version is a conflict.</summary>
    public int Version { get; set; }
}
