namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record PaymentResource(
    string Id,
    string Status,
    DateOnly ChargeDate,
    long Amount,
    string Currency,
    string? Reference,
    string? Description,
    Dictionary<string, string>? Metadata,
    PaymentLinks Links);
