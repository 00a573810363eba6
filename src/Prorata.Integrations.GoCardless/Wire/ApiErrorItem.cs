namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>One error: a reason (most types) or a field (validation_failed), and links (conflicting_resource_id on a 409).</summary>
internal sealed record ApiErrorItem(string? Reason, string? Field, string? Message, Dictionary<string, string>? Links);
