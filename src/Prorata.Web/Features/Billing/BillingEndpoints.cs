using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Billing;

/// <summary>/api/v1/billing-runs: start a run for a date (202, then poll), read its progress.</summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/billing-runs").WithTags("Billing runs").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", (BillingRuns runs) => TypedResults.Ok(runs.Recent.Select(BillingRunResponse.From).ToList())).WithName("ListBillingRuns");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBillingRun");
        group.MapPost("/", StartAsync).WithName("StartBillingRun").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();

        app.MapPost("/billing/runs", StartFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        return app;
    }

    private static Results<Ok<BillingRunResponse>, ProblemHttpResult> GetAsync(Guid id, BillingRuns runs) =>
        runs.Find(id) is { } run ? TypedResults.Ok(BillingRunResponse.From(run)) : SaveResultHttp.NotFound($"No billing run has id '{id}' since the app started.");

    /// <param name="request">The date and whether to issue.</param>
    /// <param name="wait">Answer when the run is over (200) instead of at once (202).</param>
    /// <param name="runs">The app's billing runs.</param>
    /// <param name="user">Who starts it.</param>
    private static async Task<Results<Accepted<BillingRunResponse>, Ok<BillingRunResponse>, ValidationProblem>> StartAsync(
        BillingRunRequest request, bool? wait, BillingRuns runs, ClaimsPrincipal user)
    {
        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"date must be a date as yyyy-MM-dd; got '{request.Date}'."] },
                title: "One or more fields are invalid; nothing was billed.");
        var run = runs.Start(date, request.Issue ?? true, user.Identity?.Name ?? "staff");
        if (wait != true) return TypedResults.Accepted($"/api/v1/billing-runs/{run.Id}", BillingRunResponse.From(run));
        await runs.WaitAsync(run.Id);
        return TypedResults.Ok(BillingRunResponse.From(runs.Find(run.Id)!));
    }

    private static RedirectHttpResult StartFormAsync([FromForm] string? date, [FromForm] string? issue, BillingRuns runs, ClaimsPrincipal user)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var billingDate))
            return TypedResults.LocalRedirect($"/billing?error={Uri.EscapeDataString($"Billing date must be yyyy-MM-dd; got '{date}'.")}");
        var run = runs.Start(billingDate, issue is not null, user.Identity?.Name ?? "staff");
        return TypedResults.LocalRedirect($"/billing/runs/{run.Id}");
    }
}
