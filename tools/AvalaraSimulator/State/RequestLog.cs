using System.Collections.Concurrent;

namespace AvalaraSimulator.State;

/// <summary>What reached the API (faulted requests included), so a test can count retries and read the client header.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<LoggedRequest> All => [.. _requests];

    public void Clear() => _requests.Clear();
}

public sealed record LoggedRequest(string Method, string Path, string? Client);
