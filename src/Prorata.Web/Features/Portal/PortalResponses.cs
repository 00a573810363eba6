using Prorata.Application.Portal;
using Prorata.Data.Portal;
using Prorata.Domain.Billing;

namespace Prorata.Web.Features.Portal;

/// <summary>A subscription in the portal API: where it stands now and the exact moments its windows close.</summary>
public sealed record PortalSubscriptionResponse(Guid Id, string Title, string ProductId, string SkuId, string? Term, string? BillingPlan, int Seats, string Status,
    bool AutoRenew, DateOnly? TermStart, DateOnly? TermEnd, DateOnly? RenewsOn, DateTimeOffset? CancellableUntil, bool Cancellable, int ReducibleSeats,
    IReadOnlyList<PortalReducibleResponse> ReductionWindows, decimal? PricePerSeat, int CycleMonths, string Currency, Guid? PendingRequestId)
{
    public static PortalSubscriptionResponse From(PortalSubscription view)
    {
        var s = view.Subscription;
        var st = view.Standing.Standing;
        return new(s.Id, s.Title, s.ProductId, s.SkuId, s.Term?.ToString(), s.BillingPlan?.ToString(), s.Quantity, s.Status.ToString(), s.AutoRenew,
            st?.TermStart, st?.TermEnd, st?.RenewsOn, st?.CancellableUntil, st?.Cancellable ?? false, st?.ReducibleNow ?? 0,
            st?.Reducible.Select(r => new PortalReducibleResponse(r.Seats, r.Until)).ToList() ?? [], view.Standing.PricePerSeat, view.Standing.CycleMonths,
            view.Standing.Currency, view.Pending?.Id);
    }
}

public sealed record PortalReducibleResponse(int Seats, DateTimeOffset Until);

/// <summary>The portal's answer to a preview or a refused submission: what it adds to the next invoice, or why not and from when.</summary>
public sealed record PortalDecisionResponse(DateOnly? InvoiceDate, string? Currency, decimal Added, IReadOnlyList<PortalLineResponse> Lines, bool NeedsConfirmation,
    string? ApprovalReason, string? HoldNotice, string? LargeChange)
{
    public static PortalDecisionResponse From(PortalDecision decision) => new(decision.Preview?.InvoiceDate, decision.Preview?.Currency, decision.Added,
        decision.Preview?.With.Select(PortalLineResponse.From).ToList() ?? [], decision.CostsMoney || decision.Preview?.LargeChange is not null, decision.ApprovalReason,
        decision.HoldNotice, decision.Preview?.LargeChange);
}

/// <summary>A line of the next invoice as the customer sees it: never the partner's cost.</summary>
public sealed record PortalLineResponse(string Subscription, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal UnitPrice, decimal Amount)
{
    public static PortalLineResponse From(InvoiceLine line) =>
        new(line.Subscription, line.Kind.ToString(), line.PeriodStart, line.PeriodEnd, line.Quantity, line.UnitPrice, line.Amount);
}

public sealed record PortalSubmissionResponse(string Outcome, Guid? SubscriptionId, Guid? RequestId, string Message);

public sealed record PortalOfferResponse(Guid Id, string Title, string ProductId, string SkuId, string Term, string BillingPlan, int MinSeats, int? MaxSeats,
    bool RequiresApproval, decimal? PricePerCycle, int CycleMonths, string Currency)
{
    public static PortalOfferResponse From(PortalOfferView view) => new(view.Offer.Id, view.Title, view.Offer.ProductId, view.Offer.SkuId, view.Offer.Term.ToString(),
        view.Offer.BillingPlan.ToString(), view.Offer.MinSeats, view.Offer.MaxSeats, view.Offer.RequiresApproval, view.PricePerCycle, view.CycleMonths, view.Currency);
}

public sealed record PortalInvoiceResponse(Guid Id, string Number, string Kind, string Status, DateOnly BillingDate, DateOnly? DueDate, string Currency, decimal Subtotal,
    decimal Tax, decimal Total, decimal? Balance)
{
    public static PortalInvoiceResponse From(PortalInvoice view) => new(view.Invoice.Id, view.Invoice.DisplayNumber!, view.Invoice.Kind.ToString(), view.Invoice.Status.ToString(),
        view.Invoice.BillingDate, view.Invoice.DueDate, view.Invoice.Currency, view.Invoice.Subtotal, view.Invoice.TaxTotal, view.Invoice.Total, view.Receivable?.Balance);
}

public sealed record PortalRequestResponse(Guid Id, string Type, string Title, int? Quantity, int? QuantityBefore, decimal Amount, string Currency, string Reason, string State,
    string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Outcome, Guid? SubscriptionId)
{
    public static PortalRequestResponse From(PortalRequest r) => new(r.Id, r.Type.ToString(), r.Title, r.Quantity, r.QuantityBefore, r.Amount, r.Currency, r.Reason,
        r.State.ToString(), r.RequestedBy, r.RequestedAt, r.DecidedAt, r.Outcome, r.ResultSubscriptionId ?? r.SubscriptionId);
}

public sealed record PortalUserResponse(Guid Id, string Email, string? DisplayName, string Role, bool Joined, bool Mfa, bool Disabled)
{
    public static PortalUserResponse From(CustomerUser u) => new(u.Id, u.Email, u.DisplayName, u.Role.ToString(), u.HasJoined, u.TotpEnabled, u.Disabled);
}

public sealed record PortalUsageResponse(DateOnly Month, Guid SubscriptionId, string Title, string Currency, decimal Amount);

public sealed record PortalChangeBody(string? Type, int? Quantity, bool? Enabled, bool? Confirm);

public sealed record PortalPurchaseBody(int? Quantity, bool? Confirm);
