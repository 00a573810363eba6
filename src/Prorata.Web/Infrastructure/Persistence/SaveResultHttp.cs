using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application;

namespace Prorata.Web.Infrastructure.Persistence;

/// <summary>The one mapping of a refused <see cref="SaveResult{T}"/> to ProblemDetails, shared by every feature's API.</summary>
public static class SaveResultHttp
{
    public static ValidationProblem ToValidationProblem<T>(this SaveResult<T> result) where T : class =>
        TypedResults.ValidationProblem(result.Errors, title: "One or more fields are invalid; nothing was saved.");

    public static ProblemHttpResult ToProblem<T>(this SaveResult<T> result) where T : class =>
        result.Outcome switch
        {
            SaveOutcome.NotFound => NotFound(result.Message ?? "Not found."),
            SaveOutcome.Conflict => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict; nothing was saved."),
            _ => throw new InvalidOperationException($"{result.Outcome} is not a refusal with a problem of its own."),
        };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
