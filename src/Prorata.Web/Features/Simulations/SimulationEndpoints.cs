using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Domain.Simulation;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Simulations;

/// <summary>
/// POST /api/v1/simulations: the billing simulation of a scenario (docs/scenarios.md), a dry run on the
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SimulateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Read no further than the cap: a larger body is refused without being held.
        var buffer = new char[ScenarioLimits.MaxScenarioBytes + 1];
        using var reader = new StreamReader(request.Body);
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (length > ScenarioLimits.MaxScenarioBytes)
        {
            return TypedResults.Problem($"A scenario may have at most {ScenarioLimits.MaxScenarioBytes:N0} characters.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The scenario is too large.");
        }
        var body = new string(buffer, 0, length);
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
