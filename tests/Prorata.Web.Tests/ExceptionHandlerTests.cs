using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Prorata.Web.Infrastructure.Problems;

namespace Prorata.Web.Tests;

public sealed class ExceptionHandlerTests
{
    [Fact]
    public async Task UnexpectedError_Becomes500ProblemDetails_WithATraceIdAndNoInternals()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-42" };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/customers";
        context.Request.Headers.Accept = "application/json";
        var body = new MemoryStream();
        context.Response.Body = body;
        var handler = new ProrataExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProrataExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("connection string with a password"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        var json = System.Text.Encoding.UTF8.GetString(body.ToArray());
        Assert.DoesNotContain("password", json);
        using var problem = JsonDocument.Parse(json);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("trace-42", problem.RootElement.GetProperty("traceId").GetString());
    }
}
