using Prorata.Data.WorkItems;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Exceptions;

/// <summary>A work item as the API shows it; <see cref="Link"/> is the page of its subject, <see cref="Notes"/> its history (on GET by id).</summary>
public sealed record WorkItemResponse(
    long Id,
    string Kind,
    string Code,
    string State,
    string Message,
    decimal? AmountAtStake,
    string? Currency,
    string SubjectKind,
    string? SubjectId,
    string? Link,
    Guid? CustomerId,
    Guid? ContractId,
    Guid? SubscriptionId,
    string? PartnerCenterCustomerId,
    string? PartnerCenterSubscriptionId,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastSeenAt,
    int Occurrences,
    string? AssignedTo,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Resolution,
    IReadOnlyList<WorkItemNoteResponse>? Notes)
{
    public static WorkItemResponse From(WorkItem i, bool withNotes = false) => new(
        i.Id, EnumText.ToWire(i.Kind), i.Code, EnumText.ToWire(i.State), i.Message, i.AmountAtStake, i.Currency, EnumText.ToWire(i.SubjectKind), i.SubjectId,
        WorkItemLinks.Of(i), i.CustomerId, i.ContractId, i.SubscriptionId, i.PartnerCenterCustomerId, i.PartnerCenterSubscriptionId, i.RaisedAt, i.LastSeenAt,
        i.Occurrences, i.AssignedTo, i.ResolvedAt, i.ResolvedBy, i.Resolution,
        withNotes ? i.Notes.OrderBy(n => n.Id).Select(n => new WorkItemNoteResponse(n.At, n.Author, EnumText.ToWire(n.Action), n.Text)).ToList() : null);
}

public sealed record WorkItemNoteResponse(DateTimeOffset At, string Author, string Action, string? Text);
