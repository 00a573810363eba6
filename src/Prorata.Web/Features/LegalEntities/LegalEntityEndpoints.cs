using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.LegalEntities;
using Prorata.Data;
using Prorata.Domain.LegalEntities;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.LegalEntities;

/// <summary>/api/v1/legal-entities: every staff role reads; Owner and BillingAdmin write. The logo is a PNG body of its own.</summary>
public static class LegalEntityEndpoints
{
    public static IEndpointRouteBuilder MapLegalEntities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/legal-entities").WithTags("Legal entities").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListLegalEntities");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetLegalEntity");
        group.MapPost("/", CreateAsync).WithName("CreateLegalEntity").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateLegalEntity").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        // The body is read as bytes whatever its declared type (a PNG is known by its signature), so that authorization,
        // not content negotiation, answers a caller without the right.
        group.MapPut("/{id:guid}/logo", SetLogoAsync).WithName("SetLegalEntityLogo").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        group.MapDelete("/{id:guid}/logo", (Guid id, SaveLegalEntity save, CancellationToken ct) => LogoResultAsync(save.SetLogoAsync(id, null, ct)))
            .WithName("RemoveLegalEntityLogo").RequireAuthorization(Policies.BillingWrite);
        app.MapPost("/legal-entities/{id:guid}/logo", LogoFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        return app;
    }

    /// <summary>The page's logo upload (multipart, antiforgery checked by the form binding).</summary>
    private static async Task<RedirectHttpResult> LogoFormAsync(Guid id, IFormFile? logo, SaveLegalEntity save, CancellationToken cancellationToken)
    {
        if (logo is null) return TypedResults.LocalRedirect($"/legal-entities/{id}?error={Uri.EscapeDataString("Choose a PNG file to upload.")}");
        if (logo.Length > LegalEntityRules.MaxLogoBytes)
            return TypedResults.LocalRedirect($"/legal-entities/{id}?error={Uri.EscapeDataString(LegalEntityRules.CheckLogoSize(logo.Length)!)}");
        using var buffer = new MemoryStream();
        await logo.CopyToAsync(buffer, cancellationToken);
        var result = await save.SetLogoAsync(id, buffer.ToArray(), cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? TypedResults.LocalRedirect($"/legal-entities/{id}?message={Uri.EscapeDataString("Logo saved.")}")
            : TypedResults.LocalRedirect($"/legal-entities/{id}?error={Uri.EscapeDataString(result.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? result.Message ?? "")}");
    }

    private static async Task<Ok<List<LegalEntityResponse>>> ListAsync(ProrataDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.LegalEntities.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken)).Select(LegalEntityResponse.From).ToList());

    private static async Task<Results<Ok<LegalEntityResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken) =>
        await db.LegalEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } entity
            ? TypedResults.Ok(LegalEntityResponse.From(entity))
            : SaveResultHttp.NotFound($"No legal entity has id '{id}'.");

    private static async Task<Results<Created<LegalEntityResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(LegalEntityRequest request, SaveLegalEntity save,
        CancellationToken cancellationToken)
    {
        var result = await save.CreateAsync(request.ToDraft(), cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/legal-entities/{result.Entity!.Id}", LegalEntityResponse.From(result.Entity)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<LegalEntityResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, LegalEntityRequest request, SaveLegalEntity save,
        CancellationToken cancellationToken)
    {
        var result = await save.UpdateAsync(id, request.ToDraft(), request.Version, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(LegalEntityResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    /// <summary>The body is the PNG itself (Content-Type image/png), at most 512 KB.</summary>
    private static async Task<Results<Ok<LegalEntityResponse>, ValidationProblem, ProblemHttpResult>> SetLogoAsync(Guid id, HttpRequest request, SaveLegalEntity save,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var limit = LegalEntityRules.MaxLogoBytes + 1;
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length < limit) buffer.Write(chunk, 0, read);
        return await LogoResultAsync(save.SetLogoAsync(id, buffer.ToArray(), cancellationToken));
    }

    private static async Task<Results<Ok<LegalEntityResponse>, ValidationProblem, ProblemHttpResult>> LogoResultAsync(Task<SaveResult<Data.LegalEntities.LegalEntity>> save)
    {
        var result = await save;
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(LegalEntityResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
