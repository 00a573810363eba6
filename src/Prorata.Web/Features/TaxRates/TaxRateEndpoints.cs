using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Tax;
using Prorata.Data;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.TaxRates;

/// <summary>/api/v1/tax-rates: the built-in rate table (billing-rules §5); every staff role reads, Owner and BillingAdmin keep it.</summary>
public static class TaxRateEndpoints
{
    public static IEndpointRouteBuilder MapTaxRates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tax-rates").WithTags("Tax rates").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListTaxRates");
        group.MapPost("/", async (TaxRateRequest request, SaveTaxRate save, CancellationToken ct) =>
                Respond(await save.CreateAsync(request.ToDraft(), ct), created: true))
            .WithName("CreateTaxRate").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        group.MapPut("/{id:guid}", async (Guid id, TaxRateRequest request, SaveTaxRate save, CancellationToken ct) =>
                Respond(await save.UpdateAsync(id, request.ToDraft(), ct), created: false))
            .WithName("UpdateTaxRate").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        group.MapDelete("/{id:guid}", async (Guid id, SaveTaxRate save, CancellationToken ct) => await save.DeleteAsync(id, ct) is { Outcome: SaveOutcome.Saved }
                ? Results.NoContent()
                : SaveResultHttp.NotFound($"No tax rate has id '{id}'."))
            .WithName("DeleteTaxRate").RequireAuthorization(Policies.BillingWrite);
        var forms = app.MapGroup("/tax-rates").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/delete", async (Guid id, IFormCollection form, SaveTaxRate save, CancellationToken ct) =>
        {
            _ = form;
            await save.DeleteAsync(id, ct);
            return TypedResults.LocalRedirect("/tax-rates?message=Rate%20removed.");
        });
        return app;
    }

    /// <param name="country">Only this country's rows (two letters).</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Ok<List<TaxRateResponse>>> ListAsync(string? country, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var query = db.TaxRates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country)) query = query.Where(r => r.Country == country.Trim().ToUpperInvariant());
        var rows = await query.OrderBy(r => r.Country).ThenBy(r => r.Region).ThenBy(r => r.EffectiveFrom).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(TaxRateResponse.From).ToList());
    }

    private static Results<Created<TaxRateResponse>, Ok<TaxRateResponse>, ValidationProblem, ProblemHttpResult> Respond(SaveResult<Data.Tax.TaxRateRow> result, bool created) =>
        result.Outcome switch
        {
            SaveOutcome.Saved when created => TypedResults.Created($"/api/v1/tax-rates/{result.Entity!.Id}", TaxRateResponse.From(result.Entity)),
            SaveOutcome.Saved => TypedResults.Ok(TaxRateResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
}
