namespace Prorata.Integrations.GoCardless;

/// <summary>
/// One verified event (EV…) of a webhook. <see cref="ResourceType"/> and <see cref="Action"/> are GoCardless's words:
/// payments: submitted, confirmed, paid_out, failed, charged_back, cancelled, late_failure_settled, chargeback_settled,
/// resubmission_requested…; mandates: created, active, failed, cancelled, expired…. <see cref="Cause"/>,
/// <see cref="Description"/> and <see cref="ReasonCode"/> say why (insufficient_funds, the scheme's code). Webhooks come at
/// least once and in any order: deduplicate on <see cref="Id"/> and order by <see cref="CreatedAt"/>, or re-read the payment.
/// </summary>
public sealed record GoCardlessEvent(
    string Id,
    DateTimeOffset CreatedAt,
    string ResourceType,
    string Action,
    string? PaymentId,
    string? MandateId,
    string? Cause,
    string? Description,
    string? ReasonCode);
