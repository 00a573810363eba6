using AvalaraSimulator.Api;

namespace AvalaraSimulator.State;

/// <summary>Transactions per company, code and type. Every change runs under one lock, so a retry racing its own lost answer still sees one transaction.</summary>
public sealed class TransactionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TransactionKey, SimTransaction> _transactions = [];
    private readonly Dictionary<string, int> _companyIds = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 9_000_000;

    public IReadOnlyList<SimTransaction> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _transactions.Values.OrderBy(t => t.Id)];
            }
        }
    }

    public long NextId() => Interlocked.Increment(ref _nextId);

    public int CompanyId(string companyCode)
    {
        lock (_gate)
        {
            if (!_companyIds.TryGetValue(companyCode, out var id))
            {
                id = 100_000 + _companyIds.Count + 1;
                _companyIds[companyCode] = id;
            }
            return id;
        }
    }

    public SimTransaction? Find(TransactionKey key)
    {
        lock (_gate)
        {
            return _transactions.GetValueOrDefault(key);
        }
    }

    /// <summary>Decides on the current transaction (null when none) and keeps what the decision returns.</summary>
    public (SimTransaction? Transaction, AvaTaxError? Error) Change(TransactionKey key, Func<SimTransaction?, (SimTransaction?, AvaTaxError?)> decide)
    {
        lock (_gate)
        {
            var (next, error) = decide(_transactions.GetValueOrDefault(key));
            if (error is null && next is not null)
            {
                _transactions[key] = next;
            }
            return (next, error);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _transactions.Clear();
        }
    }
}
