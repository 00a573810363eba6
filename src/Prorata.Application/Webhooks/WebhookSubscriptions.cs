using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Webhooks;

/// <summary>
/// The Owner's webhook subscriptions, for the API and the pages alike: register an endpoint (its secret shown once), change
/// it, rotate its secret, remove it, redeliver an event. <see cref="WebhookLog"/> reads them.
/// </summary>
public sealed class WebhookSubscriptions(ProrataDbContext db, WebhookSecrets secrets, TimeProvider time, OutboxSignal outbox)
{
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 168;

    public async Task<SaveResult<WebhookCreated>> CreateAsync(WebhookDraft draft, string createdBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (WebhookRules.Validate(draft, errors) is not { } valid) return SaveResult<WebhookCreated>.Invalid(errors.ToDictionary());
        var now = time.GetUtcNow();
        var secret = WebhookSecrets.New();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            Url = valid.Url,
            EventTypes = valid.EventTypes,
            Description = valid.Description,
            Active = draft.Active ?? true,
            ProtectedSecret = secrets.Protect(secret),
            SecretHint = WebhookSecrets.Hint(secret),
            SecretCreatedAt = now,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<WebhookCreated>.Saved(new WebhookCreated(subscription, secret));
    }

    /// <param name="id">The subscription to change.</param>
    /// <param name="draft">Its URL, event types and description, all of them; <see cref="WebhookDraft.Active"/> null keeps it as it is.</param>
    /// <param name="expectedVersion">The version the caller read; another current version is a conflict. Null skips the check.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SaveResult<WebhookSubscription>> UpdateAsync(Guid id, WebhookDraft draft, int? expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return NotFound(id);
        var errors = new ValidationErrors();
        if (WebhookRules.Validate(draft, errors) is not { } valid) return SaveResult<WebhookSubscription>.Invalid(errors.ToDictionary());
        if (expectedVersion is { } expected && expected != subscription.Version)
            return SaveResult<WebhookSubscription>.Conflict($"The webhook was changed by someone else (version {subscription.Version}, you sent {expected}); reload and try again.");
        subscription.Url = valid.Url;
        subscription.EventTypes = valid.EventTypes;
        subscription.Description = valid.Description;
        subscription.Active = draft.Active ?? subscription.Active;
        return await SaveAsync(subscription, cancellationToken);
    }

    public async Task<SaveResult<WebhookSubscription>> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return NotFound(id);
        subscription.Active = active;
        return await SaveAsync(subscription, cancellationToken);
    }

    /// <summary>
    /// A new secret, shown once. The previous one keeps signing beside it for <paramref name="graceHours"/> (default 24;
    /// 0 ends it at once), so that the receiver can switch without refusing a delivery meanwhile.
    /// </summary>
    public async Task<SaveResult<WebhookCreated>> RotateSecretAsync(Guid id, int? graceHours, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return SaveResult<WebhookCreated>.NotFound($"No webhook has id '{id}'.");
        var grace = graceHours ?? DefaultGraceHours;
        if (grace is < 0 or > MaxGraceHours)
            return SaveResult<WebhookCreated>.Invalid(new Dictionary<string, string[]>
            {
                ["graceHours"] = [$"graceHours must be between 0 and {MaxGraceHours} (a week); got {grace}."],
            });
        var now = time.GetUtcNow();
        var secret = WebhookSecrets.New();
        subscription.ProtectedPreviousSecret = grace == 0 ? null : subscription.ProtectedSecret;
        subscription.PreviousSecretUntil = grace == 0 ? null : now.AddHours(grace);
        subscription.ProtectedSecret = secrets.Protect(secret);
        subscription.SecretHint = WebhookSecrets.Hint(secret);
        subscription.SecretCreatedAt = now;
        var saved = await SaveAsync(subscription, cancellationToken);
        return saved.Outcome == SaveOutcome.Saved
            ? SaveResult<WebhookCreated>.Saved(new WebhookCreated(subscription, secret))
            : SaveResult<WebhookCreated>.Conflict(saved.Message!);
    }

    /// <summary>
    /// Removes the subscription and its delivery log (the database cascades); deliveries still queued are dropped. False when
    /// there was none. Removed through the change tracker, so that the audit log records it.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return false;
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends the event again, now: the same body and event id (receivers deduplicate on it), a new signature, the attempts
    /// counted on. Refused while an attempt is already waiting, and for an inactive webhook (activate it first).
    /// </summary>
    public async Task<SaveResult<WebhookDelivery>> RedeliverAsync(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        var delivery = subscription is null ? null : await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);
        if (subscription is null || delivery is null) return SaveResult<WebhookDelivery>.NotFound($"Webhook '{subscriptionId}' has no delivery '{deliveryId}'.");
        if (!subscription.Active) return SaveResult<WebhookDelivery>.Conflict("The webhook is inactive: activate it before redelivering.");
        if (delivery.State == WebhookDeliveryState.Pending)
            return SaveResult<WebhookDelivery>.Conflict($"Delivery {deliveryId} is already waiting for its next attempt{(delivery.NextAttemptAt is { } at ? $" at {at:yyyy-MM-dd HH:mm:ss} UTC" : "")}.");
        var now = time.GetUtcNow();
        delivery.State = WebhookDeliveryState.Pending;
        delivery.NextAttemptAt = now;
        OutboxWriter.Enqueue(db, OutboxTopic.WebhookDelivery, WebhookDeliveryRequest.RedeliveryKey(delivery.Id, Guid.CreateVersion7(now)), new WebhookDeliveryRequest(delivery.Id), now);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Queued();
        return SaveResult<WebhookDelivery>.Saved(delivery);
    }

    private async Task<SaveResult<WebhookSubscription>> SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        subscription.UpdatedAt = time.GetUtcNow();
        subscription.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<WebhookSubscription>.Conflict("The webhook was changed by someone else while saving; reload and try again.");
        }
        return SaveResult<WebhookSubscription>.Saved(subscription);
    }

    private static SaveResult<WebhookSubscription> NotFound(Guid id) => SaveResult<WebhookSubscription>.NotFound($"No webhook has id '{id}'.");
}
