namespace Prorata.Data.WorkItems;

/// <summary>
/// Something that needs a person, raised by whatever found it (a sync, a billing run, a recon import, the outbox) in
/// the same transaction as what it found. <see cref="DedupeKey"/> names the problem: raising it again while it is open
/// only counts another occurrence, so a daily job does not pile up copies. Money at stake is in its own currency and
/// is never summed with another's.
/// </summary>
public sealed class WorkItem
{
    public long Id { get; set; }

    public WorkItemKind Kind { get; set; }

    /// <summary>The precise problem within the kind, e.g. <c>Orphan</c>, <c>MissingPricingStrategy</c>, <c>SeatReductionWindowClosed</c>.</summary>
    public required string Code { get; set; }

    public WorkItemState State { get; set; }

    /// <summary>Unique among open items: kind, code and subject, e.g. <c>BillingAlert|MissingPricingStrategy|Subscription|…</c>.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>What happened and what to do, in a sentence a finance lead understands.</summary>
    public required string Message { get; set; }

    public decimal? AmountAtStake { get; set; }

    /// <summary>ISO 4217 code of <see cref="AmountAtStake"/>.</summary>
    public string? Currency { get; set; }

    public WorkItemSubject SubjectKind { get; set; }

    public string? SubjectId { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? ContractId { get; set; }

    public Guid? SubscriptionId { get; set; }

    public string? PartnerCenterCustomerId { get; set; }

    public string? PartnerCenterSubscriptionId { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>How many times it was raised while open (a daily billing run raises a missing price every day).</summary>
    public int Occurrences { get; set; }

    public string? AssignedTo { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? Resolution { get; set; }

    public List<WorkItemNote> Notes { get; set; } = [];
}
