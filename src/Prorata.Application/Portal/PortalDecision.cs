using Prorata.Application.Subscriptions;

namespace Prorata.Application.Portal;

/// <summary>
/// What the portal's rules say about a purchase or change before anything is written: the engine's preview of the next
/// invoice, or the refusal (with the day it becomes possible, when there is one); whether it waits for staff approval and
/// why; whether a credit hold will hold it back. <see cref="NotFound"/>: not the caller's customer's, or no such thing.
/// </summary>
public sealed record PortalDecision(ChangePreview? Preview, string? Refused, string? RefusalCode, DateOnly? PossibleFrom, string? ApprovalReason, string? HoldNotice,
    string? NotFound)
{
    /// <summary>What the purchase or change adds to the next invoice (negative: takes off).</summary>
    public decimal Added => Preview is null ? 0 : Preview.AmountWith - Preview.AmountWithout;

    public bool CostsMoney => Added > 0;

    public static PortalDecision Missing(string message) => new(null, null, null, null, null, null, message);

    public static PortalDecision Refuse(string code, string message, DateOnly? possibleFrom = null) => new(null, message, code, possibleFrom, null, null, null);
}

/// <summary>What a submitted purchase or change did: applied now (the change outcome), or queued for approval (the request).</summary>
public sealed record PortalSubmission(PortalDecision Decision, ChangeOutcome? Applied, Data.Portal.PortalRequest? Queued, string? Problem)
{
    public static PortalSubmission Of(PortalDecision decision) => new(decision, null, null, null);
}
