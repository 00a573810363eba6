using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Infrastructure.Uploads;

/// <summary>A file past <see cref="FileLimits"/> as ProblemDetails: 413 for its size, 422 for its shape, naming the limit, its value and what was found.</summary>
public static class UploadProblems
{
    public static ProblemHttpResult From(FileLimitException limit, string section = FileLimits.Section) =>
        TypedResults.Problem(
            limit.Message,
            statusCode: limit.IsSize ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
            title: "The file is past a limit; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["limit"] = $"{section}:{limit.Limit}", ["allowed"] = limit.Allowed, ["found"] = limit.Found });
}
