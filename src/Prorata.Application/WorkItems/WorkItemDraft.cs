using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>
/// A problem to raise. Kind, code and subject name it (<see cref="DedupeKey"/>): raising the same problem again while its
/// item is open only counts another occurrence and refreshes the message and the money at stake.
/// </summary>
public sealed record WorkItemDraft(WorkItemKind Kind, string Code, WorkItemSubject SubjectKind, string? SubjectId, string Message)
{
    public decimal? AmountAtStake { get; init; }
    public string? Currency { get; init; }
    public Guid? CustomerId { get; init; }
    public Guid? ContractId { get; init; }
    public Guid? SubscriptionId { get; init; }
    public string? PartnerCenterCustomerId { get; init; }
    public string? PartnerCenterSubscriptionId { get; init; }

    /// <summary>
    /// A person's resolution covers later occurrences while message and money are unchanged: a billing alert raised by
    /// every daily run ("billed at ERP") is decided once, not every day. Failures (a sync that cannot log in) always come back.
    /// </summary>
    public bool ResolutionCoversRepeats { get; init; }

    public string DedupeKey => Key(Kind, Code, SubjectKind, SubjectId);

    /// <summary>The key every raiser of a problem agrees on; the migration that moved the sync issues wrote the same.</summary>
    public static string Key(WorkItemKind kind, string code, WorkItemSubject subject, string? subjectId) => $"{kind}|{code}|{subject}|{subjectId}";
}
