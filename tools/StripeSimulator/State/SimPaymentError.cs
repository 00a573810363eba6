namespace StripeSimulator.State;

public sealed record SimPaymentError(string Type, string Code, string? DeclineCode, string Message);
