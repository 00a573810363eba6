namespace Prorata.Integrations.GoCardless.Wire;

/// <summary><c>{"error": {"message", "documentation_url", "type", "request_id", "code", "errors": [...]}}</c>.</summary>
internal sealed record ErrorBody(ApiError? Error);
