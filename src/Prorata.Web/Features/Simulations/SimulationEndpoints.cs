using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Domain.Simulation;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Simulations;

/// <summary>
/// POST /api/v1/simulations: the billing simulation of a scenario (shared/scenarios/README.md), a dry run on the
/// same engine as real billing. A malformed scenario is a 422 naming the field; a refused event is not an error.
/// </summary>
public static class SimulationEndpoints
{
    public static IEndpointRouteBuilder MapSimulations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/simulations", SimulateAsync)
            .WithTags("Simulations")
            .WithName("Simulate")
            .RequireAuthorization(Policies.StaffRead)
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SimulateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return ScenarioSimulation.Run(body) switch
        {
            { Error: { } error } => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [error.Field] = [error.Problem] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The scenario is malformed.",
                Detail = error.Message,
            }),
            { Json: var json } => TypedResults.Content(json, "application/json"),
        };
    }
}
