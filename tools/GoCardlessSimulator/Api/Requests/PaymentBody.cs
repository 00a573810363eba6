namespace GoCardlessSimulator.Api.Requests;

public sealed record PaymentBody(
    long? Amount, string? Currency, string? ChargeDate, string? Reference, string? Description, Dictionary<string, string>? Metadata,
    Dictionary<string, string>? Links);
