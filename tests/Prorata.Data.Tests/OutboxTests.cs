using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Outbox;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;

namespace Prorata.Data.Tests;

/// <summary>The outbox on each provider: delivered once, retried with a doubling delay, and a work item when it keeps failing.</summary>
public abstract class OutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        await db.Outbox.ExecuteDeleteAsync();
        await db.WorkItemNotes.ExecuteDeleteAsync();
        await db.WorkItems.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Deliver_TwoWorkersAtOnce_EachMessageHandledOnce()
    {
        await using (var db = NewContext())
        {
            for (var i = 0; i < 20; i++) OutboxWriter.Enqueue(db, OutboxTopic.PartnerCenterRelease, $"m{i}", new { n = i }, Now);
            await db.SaveChangesAsync();
        }
        var handler = new CountingHandler(_ => OutboxDelivery.Done);
        await using var first = NewContext();
        await using var second = NewContext();

        var handled = await Task.WhenAll(new OutboxDispatcher(first, [handler], _time).DeliverDueAsync(100, CancellationToken.None),
            new OutboxDispatcher(second, [handler], _time).DeliverDueAsync(100, CancellationToken.None));

        Assert.Equal((20, 20), (handled.Sum(), handler.Calls.Distinct().Count()));
        Assert.Equal(20, handler.Calls.Count);
        await using var check = NewContext();
        Assert.Equal(20, await check.Outbox.CountAsync(m => m.State == OutboxState.Delivered && m.DeliveredAt == Now && m.LeaseUntil == null));
    }

    [Fact]
    public async Task Deliver_FailingEveryTime_RetriedAfter1Then2MinutesThenAWorkItemAfterTheLastAttempt()
    {
        long id;
        await using (var db = NewContext())
        {
            var message = OutboxWriter.Enqueue(db, OutboxTopic.PartnerCenterRelease, "failing", new { n = 1 }, Now, customerId: Guid.Parse("7d1c2a4b-0000-4000-8000-000000000001"));
            await db.SaveChangesAsync();
            id = message.Id;
        }
        var handler = new CountingHandler(_ => OutboxDelivery.Later("Partner Center could not be reached"));
        await using var run = NewContext();
        var dispatcher = new OutboxDispatcher(run, [handler], _time);

        await dispatcher.DeliverDueAsync(10, CancellationToken.None);
        var afterFirst = await run.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxState.Pending, 1, Now.AddMinutes(1), "Partner Center could not be reached"),
            (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt, afterFirst.LastError));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(10, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DeliverDueAsync(10, CancellationToken.None);
        Assert.Equal(Now.AddMinutes(1 + 2), (await run.Outbox.AsNoTracking().SingleAsync(m => m.Id == id)).NextAttemptAt);
        for (var attempt = 3; attempt <= OutboxDispatcher.MaxAttempts; attempt++)
        {
            _time.Advance(OutboxDispatcher.Backoff(attempt - 1));
            Assert.Equal(1, await dispatcher.DeliverDueAsync(10, CancellationToken.None));
        }

        var failed = await run.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxState.Failed, OutboxDispatcher.MaxAttempts), (failed.State, failed.Attempts));
        var item = await run.WorkItems.AsNoTracking().SingleAsync();
        Assert.Equal((WorkItemKind.DeliveryFailure, "PartnerCenterRelease", WorkItemSubject.OutboxMessage, id.ToString(), failed.CustomerId),
            (item.Kind, item.Code, item.SubjectKind, item.SubjectId, item.CustomerId));
        Assert.Equal($"PartnerCenterRelease failed {OutboxDispatcher.MaxAttempts} times and is no longer retried; last: Partner Center could not be reached", item.Message);
        Assert.Equal(OutboxDispatcher.MaxAttempts, handler.Calls.Count);
    }

    [Fact]
    public void Backoff_DoublesFromOneMinuteUpToTwoHours()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 120, 120], Enumerable.Range(1, 9).Select(a => (int)OutboxDispatcher.Backoff(a).TotalMinutes));
    }

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));

    private sealed class CountingHandler(Func<OutboxMessage, OutboxDelivery> answer) : IOutboxHandler
    {
        public System.Collections.Concurrent.ConcurrentBag<long> Calls { get; } = [];

        public OutboxTopic Topic => OutboxTopic.PartnerCenterRelease;

        public Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Calls.Add(message.Id);
            return Task.FromResult(answer(message));
        }
    }
}
