namespace Prorata.Data.Billing;

/// <summary>
/// A share of one date's billing run that any worker process may claim (docs/scaling.md): the due contracts it bills,
/// who holds it and when they last said they were alive. A chunk whose heartbeat is older than the lease is free again;
/// a finished one is never claimed. The run is its date: one set of chunks per date, numbered from 1.
/// </summary>
public sealed class BillingRunChunk
{
    public DateOnly BillingDate { get; set; }

    public int Number { get; set; }

    /// <summary>The contracts due on the date, in id order; a later chunk holds later ids.</summary>
    public List<Guid> ContractIds { get; set; } = [];

    /// <summary>Whether the run issues its invoices or leaves drafts, as the worker that planned it was asked.</summary>
    public bool Issue { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The worker holding the chunk (host and process id), or the last one that did.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When its holder last renewed the lease; null while nobody has claimed it.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>How many times it was claimed: above one, a worker stopped (or stalled past the lease) while billing it.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Invoices the finishing worker wrote for the chunk (an earlier holder's are counted as already billed).</summary>
    public int Invoiced { get; set; }
}
