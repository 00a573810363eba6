using System.Collections.Concurrent;

namespace StripeSimulator.State;

/// <summary>What reached <c>/v1</c> (faulted requests included), so a test can count retries and see the keys they carried.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<LoggedRequest> All => [.. _requests];

    public void Clear() => _requests.Clear();
}
