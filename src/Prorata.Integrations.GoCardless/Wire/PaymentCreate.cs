namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>The body of <c>POST /payments</c> inside its "payments" envelope.</summary>
internal sealed record PaymentCreate(
    long Amount,
    string Currency,
    DateOnly? ChargeDate,
    string? Reference,
    string? Description,
    Dictionary<string, string> Metadata,
    PaymentLinks Links);
