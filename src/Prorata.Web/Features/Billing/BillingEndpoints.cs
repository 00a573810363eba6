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
        BillingRunRequest request, bool? wait, BillingRuns runs, ClaimsPrincipal user, TimeProvider time, IConfiguration configuration)
    {
        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"date must be a date as yyyy-MM-dd; got '{request.Date}'."] },
                title: "One or more fields are invalid; nothing was billed.");
        if (OutsideWindow(date, time, configuration) is { } refusal)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [refusal] }, title: "One or more fields are invalid; nothing was billed.");
        var run = runs.Start(date, request.Issue ?? true, user.Identity?.Name ?? "staff");
        if (wait != true) return TypedResults.Accepted($"/api/v1/billing-runs/{run.Id}", BillingRunResponse.From(run));
        await runs.WaitAsync(run.Id);
        return TypedResults.Ok(BillingRunResponse.From(runs.Find(run.Id)!));
    }

    private static RedirectHttpResult StartFormAsync([FromForm] string? date, [FromForm] string? issue, BillingRuns runs, ClaimsPrincipal user, TimeProvider time,
        IConfiguration configuration)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var billingDate))
            return TypedResults.LocalRedirect($"/billing?error={Uri.EscapeDataString($"Billing date must be yyyy-MM-dd; got '{date}'.")}");
        if (OutsideWindow(billingDate, time, configuration) is { } refusal)
            return TypedResults.LocalRedirect($"/billing?error={Uri.EscapeDataString(refusal)}");
        var run = runs.Start(billingDate, issue is not null, user.Identity?.Name ?? "staff");
        return TypedResults.LocalRedirect($"/billing/runs/{run.Id}");
    }

    /// <summary>
    /// A billing date within Prorata:Billing:DateWindowDays (default 400) of today: a run dated 0001-01-01 or 9999-12-31
    /// is a typing mistake that would bill centuries of periods, never a real run.
    /// </summary>
    private static string? OutsideWindow(DateOnly date, TimeProvider time, IConfiguration configuration)
    {
        var days = configuration.GetValue("Prorata:Billing:DateWindowDays", 400);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (from, to) = (today.AddDays(-days), today.AddDays(days));
        return date < from || date > to ? $"date must be between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} (Prorata:Billing:DateWindowDays = {days} around today); got '{date:yyyy-MM-dd}'." : null;
    }
}
