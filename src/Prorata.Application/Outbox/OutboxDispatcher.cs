using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Telemetry;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Outbox;

/// <summary>
/// Delivers what is due in the outbox: queued messages whose next attempt has come, and intents of calls still in flight
/// after their lease (the process stopped between the outside system's answer and the save). Each message is leased
/// before it is handled, so two workers never handle one at once; a failure is retried with a doubling delay, and a
/// message that keeps failing, or that needs a person, becomes a work item. Each delivery is a span, and is counted by
/// topic and outcome when the host measures (<c>metrics</c>: the app does, a test or a command may not).
/// </summary>
public sealed class OutboxDispatcher(ProrataDbContext db, IEnumerable<IOutboxHandler> handlers, TimeProvider time, ProrataMetrics? metrics = null)
{
    public const int MaxAttempts = 10;

    /// <summary>How long a worker holds a message; a delivery longer than that may be taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>Delivers up to <paramref name="limit"/> due messages, oldest first; returns how many it handled.</summary>
    public async Task<int> DeliverDueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => (m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                || (m.State == OutboxState.InFlight && m.LeaseUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, cancellationToken) is not { } message) continue;
            await HandleAsync(message, cancellationToken);
            handled++;
        }
        return handled;
    }

    /// <summary>Takes the lease in one conditional update: only one worker's update matches.</summary>
    private async Task<OutboxMessage?> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + Lease;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && ((m.State == OutboxState.Pending && (m.LeaseUntil == null || m.LeaseUntil < now)) || (m.State == OutboxState.InFlight && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 1 ? await db.Outbox.FirstAsync(m => m.Id == id, cancellationToken) : null;
    }

    private async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = ProrataActivities.Source.StartActivity("outbox delivery");
        activity?.SetTag("prorata.outbox.topic", message.Topic.ToString());
        activity?.SetTag("prorata.outbox.message_id", message.Id);
        activity?.SetTag("prorata.outbox.attempt", message.Attempts);
        OutboxDelivery delivery;
        try
        {
            delivery = handlers.FirstOrDefault(h => h.Topic == message.Topic) is { } handler
                ? await handler.DeliverAsync(message, cancellationToken)
                : OutboxDelivery.ForAPerson($"No handler delivers {message.Topic} messages.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            delivery = OutboxDelivery.Later($"{e.GetType().Name}: {e.Message}");
        }
        // The handler's own writes are saved with the message's new state, in one save.
        var now = time.GetUtcNow();
        db.Outbox.Attach(message);
        message.LeaseUntil = null;
        message.LastError = delivery.Reason is { } reason ? WorkItemRaiser.Clip(reason, 2048) : null;
        switch (delivery.Outcome)
        {
            case OutboxOutcome.Delivered:
                message.State = OutboxState.Delivered;
                message.DeliveredAt = now;
                break;
            case OutboxOutcome.Refused:
                message.State = OutboxState.Refused;
                break;
            case OutboxOutcome.RetryLater when message.Attempts < MaxAttempts:
                message.State = OutboxState.Pending;
                message.NextAttemptAt = NextAttemptAt(now, message.Attempts, delivery.NotBefore);
                break;
            case OutboxOutcome.GaveUp:
                message.State = OutboxState.Failed;
                break;
            default:
                message.State = OutboxState.Failed;
                await new WorkItemRaiser(db, time).RaiseAsync(new WorkItemDraft(WorkItemKind.DeliveryFailure, message.Topic.ToString(), WorkItemSubject.OutboxMessage,
                    message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    delivery.Outcome == OutboxOutcome.NeedsAPerson
                        ? delivery.Reason!
                        : $"{message.Topic} failed {message.Attempts} times and is no longer retried; last: {delivery.Reason}")
                {
                    CustomerId = message.CustomerId,
                    SubscriptionId = message.SubscriptionId,
                }, cancellationToken);
                break;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        var outcome = message.State switch
        {
            OutboxState.Delivered => "delivered",
            OutboxState.Refused => "refused",
            OutboxState.Pending => "retry",
            _ => "failed",
        };
        metrics?.OutboxDelivered(message.Topic, outcome);
        activity?.SetTag("prorata.outbox.outcome", outcome);
        if (outcome is "retry" or "failed") activity?.SetStatus(ActivityStatusCode.Error, message.LastError);
    }

    /// <summary>
    /// When a message that failed its <paramref name="attempts"/>th attempt is tried again: after its backoff, or after
    /// what the outside system asked to wait (a Retry-After) when that is longer, at most a day.
    /// </summary>
    public static DateTimeOffset NextAttemptAt(DateTimeOffset now, int attempts, TimeSpan? notBefore)
    {
        var wait = Backoff(attempts);
        if (notBefore is { } asked && asked > wait) wait = asked < LongestWait ? asked : LongestWait;
        return now + wait;
    }

    /// <summary>1, 2, 4 … minutes after each failed attempt, at most two hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 20))));
}
