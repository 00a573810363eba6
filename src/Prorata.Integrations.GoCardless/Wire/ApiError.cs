namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record ApiError(string? Message, string? DocumentationUrl, string? Type, string? RequestId, int? Code, List<ApiErrorItem>? Errors);
