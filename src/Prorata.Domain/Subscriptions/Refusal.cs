namespace Prorata.Domain.Subscriptions;

/// <summary>An expected rule failure: a value, not an exception. The API maps it to 422 with <see cref="Code"/> as text.</summary>
public sealed record Refusal(RefusalCode Code, string Message);
