namespace GoCardlessSimulator.Flow;

/// <summary>303 See Other: after a form POST the browser follows with a GET, as GoCardless's pages send the payer back.</summary>
public sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
