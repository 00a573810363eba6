namespace GoCardlessSimulator.Api;

/// <summary>
/// An answer in GoCardless's error shape, thrown from anywhere and written by <see cref="GatewayMiddleware"/>:
/// <c>{"error": {"message", "documentation_url", "type", "request_id", "code", "errors": [...]}}</c>.
/// </summary>
public sealed class ApiRefusal(int status, string type, string message, IReadOnlyList<ApiErrorItem> errors) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public IReadOnlyList<ApiErrorItem> Errors { get; } = errors;

    public static ApiRefusal Unauthorized() => new(401, "invalid_api_usage", "Authentication failed",
        [new("Authentication failed", Reason: "authentication_failed")]);

    public static ApiRefusal MissingVersion() => new(400, "invalid_api_usage", "GoCardless-Version header missing",
        [new("GoCardless-Version header missing", Reason: "missing_version_header")]);

    public static ApiRefusal UnknownVersion(string version) => new(400, "invalid_api_usage", $"Version {version} not found",
        [new($"Version {version} not found", Reason: "version_not_found")]);

    public static ApiRefusal NotFound(string id) => new(404, "invalid_api_usage", "Resource not found",
        [new($"Resource '{id}' not found", Reason: "resource_not_found")]);

    public static ApiRefusal BadDocument(string message) => new(400, "invalid_api_usage", "Invalid document structure",
        [new(message, Reason: "invalid_document_structure")]);

    public static ApiRefusal Invalid(string field, string message) => new(422, "validation_failed", "Validation failed",
        [new(message, Field: field)]);

    public static ApiRefusal InvalidState(string reason, string message) => new(422, "invalid_state", message, [new(message, Reason: reason)]);

    public static ApiRefusal Conflict(string conflictingId) => new(409, "invalid_state", "A resource has already been created with this idempotency key",
        [new("A resource has already been created with this idempotency key", Reason: "idempotent_creation_conflict",
            Links: new Dictionary<string, string> { ["conflicting_resource_id"] = conflictingId })]);

    public static ApiRefusal Throttled() => new(429, "invalid_api_usage", "Rate limit exceeded",
        [new("Rate limit exceeded", Reason: "rate_limit_exceeded")]);

    public static ApiRefusal Internal() => new(500, "gocardless", "Uh-oh! Something went wrong at GoCardless. Please try again later.",
        [new("Uh-oh! Something went wrong at GoCardless. Please try again later.", Reason: "internal_server_error")]);

    public IResult ToResult(string requestId)
    {
        var anchor = Errors.FirstOrDefault()?.Reason ?? Type;
        return Results.Json(
            new
            {
                error = new
                {
                    message = Message,
                    documentation_url = $"https://developer.gocardless.com/api-reference#{anchor}",
                    type = Type,
                    request_id = requestId,
                    code = Status,
                    errors = Errors.Select(e => e.Field is null
                        ? (object)new { reason = e.Reason, message = e.Message, links = e.Links }
                        : new { field = e.Field, message = e.Message, request_pointer = "/" + e.Field.Replace('.', '/') }),
                },
            },
            SimJson.Options,
            statusCode: Status);
    }
}
