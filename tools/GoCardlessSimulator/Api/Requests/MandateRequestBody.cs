namespace GoCardlessSimulator.Api.Requests;

public sealed record MandateRequestBody(string? Currency, string? Scheme);
