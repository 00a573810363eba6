using System.Collections.Concurrent;

namespace GoCardlessSimulator.State;

/// <summary>Every API request with its idempotency key and the status it got, faulted ones included (see <c>/_sim/requests</c>).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public IReadOnlyList<LoggedRequest> All => [.. _requests];

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public void Clear() => _requests.Clear();
}
