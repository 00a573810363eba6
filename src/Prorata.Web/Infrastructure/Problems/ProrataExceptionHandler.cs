using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Prorata.Web.Infrastructure.Problems;

/// <summary>
/// The one place unexpected errors become a 500 ProblemDetails: the details go to the log under the trace id,
/// the caller gets the trace id and no internals. Expected failures (validation, not found, conflict) never get here.
/// A person in the browser gets the same as a page inside the shell (<see cref="ErrorPages"/>).
/// </summary>
public sealed class ProrataExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProrataExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ErrorPages.ForPerson(httpContext))
        {
            if (exception is BadHttpRequestException unreadable)
            {
                await ErrorPages.WriteAsync(httpContext, unreadable.StatusCode, FormBindingProblem.Describe(unreadable));
                return true;
            }
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            await ErrorPages.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, null);
            return true;
        }
        if (exception is BadHttpRequestException bad)
        {
            if (bad.StatusCode == StatusCodes.Status400BadRequest && await JsonBindingProblem.DescribeAsync(httpContext, bad) is { } errors)
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = new HttpValidationProblemDetails(errors)
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The request body could not be read; nothing was saved.",
                    },
                });
            }
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
            });
        }

        logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged; quote the traceId when reporting it.",
            },
        });
    }
}
