namespace Prorata.Application;

/// <summary>
/// What a write did. Expected refusals are values here, not exceptions, so the API turns them into 400/404/409
/// ProblemDetails and the pages into messages next to the fields, from one and the same call.
/// </summary>
public sealed record SaveResult<T>(SaveOutcome Outcome, T? Entity, IDictionary<string, string[]> Errors, string? Message)
    where T : class
{
    public static SaveResult<T> Saved(T entity) => new(SaveOutcome.Saved, entity, Empty, null);

    public static SaveResult<T> Invalid(IDictionary<string, string[]> errors) => new(SaveOutcome.Invalid, null, errors, null);

    public static SaveResult<T> NotFound(string message) => new(SaveOutcome.NotFound, null, Empty, message);

    public static SaveResult<T> Conflict(string message) => new(SaveOutcome.Conflict, null, Empty, message);

    private static IDictionary<string, string[]> Empty => new Dictionary<string, string[]>();
}
