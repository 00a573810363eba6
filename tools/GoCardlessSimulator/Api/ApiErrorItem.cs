namespace GoCardlessSimulator.Api;

/// <summary>One entry of an error's "errors": a reason (or, for validation_failed, a field and request_pointer), a message, links.</summary>
public sealed record ApiErrorItem(string Message, string? Reason = null, string? Field = null, IReadOnlyDictionary<string, string>? Links = null);
