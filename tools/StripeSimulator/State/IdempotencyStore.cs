using System.Collections.Concurrent;

namespace StripeSimulator.State;

/// <summary>First answers kept per Idempotency-Key, and the keys whose first request is still running.</summary>
public sealed class IdempotencyStore
{
    private readonly ConcurrentDictionary<string, StoredAnswer> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public StoredAnswer? Find(string key) => _answers.GetValueOrDefault(key);

    public bool TryStart(string key) => _running.TryAdd(key, 0);

    public void Finish(string key, StoredAnswer? answer)
    {
        if (answer is not null) _answers[key] = answer;
        _running.TryRemove(key, out _);
    }

    public void Clear()
    {
        _answers.Clear();
        _running.Clear();
    }
}
