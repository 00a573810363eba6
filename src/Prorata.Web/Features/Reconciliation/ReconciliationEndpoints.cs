using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Features.Simulations;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// /api/v1/reconciliations: import a recon file (the raw bytes as the body: CSV, or the Graph export's gzip JSON
/// Lines), follow its progress, then read the summary, the discrepancies (filterable) and one line in full.
/// The body is not a form, so a browser cannot send it cross-site without a CORS preflight; the page's own upload
/// form posts to /reconciliation/import with an antiforgery token and may add a what-if scenario.
/// </summary>
public static class ReconciliationEndpoints
{
    private const int DefaultPageSize = 100;
    private static readonly string[] FileContentTypes = ["text/csv", "application/gzip", "application/x-gzip", "application/octet-stream"];

    public static IEndpointRouteBuilder MapReconciliation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reconciliations").WithTags("Reconciliation").RequireAuthorization(Policies.StaffRead);
        group.MapPost("/", ImportAsync).WithName("ImportReconFile")
            .RequireAuthorization(Policies.ContractsWrite)
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListReconciliations");
        group.MapGet("/{id:guid}", Get).WithName("GetReconciliation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/discrepancies", Discrepancies).WithName("ListDiscrepancies")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapGet("/{id:guid}/discrepancies/{row:long}", Discrepancy).WithName("GetDiscrepancy").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/missing", Missing).WithName("ListMissingCharges").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/unbilled", Unbilled).WithName("ListUnbilledRevenue").ProducesProblem(StatusCodes.Status404NotFound);

        // A month's recon file is hundreds of megabytes (issue 5: ~650 MB for a million lines); the form may carry one file
        // of Prorata:Imports:MaxFileBytes and a scenario.
        var limits = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileLimits>>().Value;
        app.MapPost("/reconciliation/import", ImportFormAsync).RequireAuthorization(Policies.ContractsWrite).ExcludeFromDescription()
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxFileBytes + (1 << 20));
        app.MapUsage();
        return app;
    }

    private static async Task<Results<Accepted<ImportResponse>, Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, [FromQuery] string? fileName, ReconciliationImports imports, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim();
        if (contentType is null || !FileContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Send the recon file as the body with Content-Type {string.Join(", ", FileContentTypes)}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        ReconciliationImport import;
        bool duplicate;
        try
        {
            (import, duplicate) = await imports.EnqueueAsync(fileName ?? "recon-file", request.Body, null, cancellationToken);
        }
        catch (FileLimitException e)
        {
            return UploadProblems.From(e);
        }
        return duplicate
            ? TypedResults.Ok(ImportResponse.From(import, duplicate: true))
            : TypedResults.Accepted($"/api/v1/reconciliations/{import.Id}", ImportResponse.From(import));
    }

    private static async Task<Results<RedirectHttpResult, ValidationProblem>> ImportFormAsync(
        IFormFile file, IFormFile? scenario, ReconciliationImports imports, CancellationToken cancellationToken)
    {
        string? scenarioJson = null;
        if (scenario is { Length: > 0 })
        {
            if (scenario.Length > ScenarioLimits.MaxScenarioBytes)
            {
                return Back($"The scenario has {scenario.Length:N0} bytes; at most {ScenarioLimits.MaxScenarioBytes:N0} are accepted.");
            }
            using var reader = new StreamReader(scenario.OpenReadStream());
            scenarioJson = await reader.ReadToEndAsync(cancellationToken);
        }
        try
        {
            await using var content = file.OpenReadStream();
            var (import, duplicate) = await imports.EnqueueAsync(file.FileName, content, scenarioJson, cancellationToken);
            return TypedResults.Redirect($"/reconciliation/{import.Id}{(duplicate ? "?duplicate=true" : "")}");
        }
        catch (ScenarioFormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = [e.Message] });
        }
        catch (FileLimitException e)
        {
            return Back(e.Message);
        }
    }

    private static async Task<Ok<List<ImportResponse>>> List(ReconciliationImports imports, CancellationToken cancellationToken) =>
        TypedResults.Ok((await imports.AllAsync(cancellationToken)).Select(i => ImportResponse.From(i)).ToList());

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Get(Guid id, ReconciliationImports imports, CancellationToken cancellationToken) =>
        await imports.FindAsync(id, cancellationToken) is { } import ? TypedResults.Ok(ImportResponse.From(import)) : NotFound(id);

    private static async Task<Results<Ok<List<DiscrepancyResponse>>, ProblemHttpResult, ValidationProblem>> Discrepancies(
        Guid id, ReconciliationImports imports, [FromQuery] string? state, [FromQuery] string? subscription,
        [FromQuery] int? skip, [FromQuery] int? take, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { } import)
        {
            return NotFound(id);
        }
        ReconState? wanted = null;
        if (state is not null)
        {
            if (!ReconText.TryParse<ReconState>(state, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not a reconciliation state"] });
            }
            wanted = parsed;
        }
        if (import.Status != ImportStatus.Done)
        {
            return TypedResults.Ok(new List<DiscrepancyResponse>());
        }
        var (page, _) = await imports.DiscrepanciesAsync(id, wanted, subscription, Math.Max(0, skip ?? 0), Math.Clamp(take ?? DefaultPageSize, 1, 1000), cancellationToken);
        return TypedResults.Ok(page.Select(DiscrepancyResponse.From).ToList());
    }

    private static async Task<Results<Ok<DiscrepancyDetailResponse>, ProblemHttpResult>> Discrepancy(
        Guid id, long row, ReconciliationImports imports, CancellationToken cancellationToken)
    {
        var match = await imports.DiscrepancyAsync(id, row, cancellationToken);
        return match is null
            ? TypedResults.Problem($"Import '{id}' has no discrepancy on row {row}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(DiscrepancyDetailResponse.From(match));
    }

    private static async Task<Results<Ok<IReadOnlyList<MissingCharge>>, ProblemHttpResult>> Missing(
        Guid id, ReconciliationImports imports, CancellationToken cancellationToken) =>
        await imports.FindAsync(id, cancellationToken) is { } import ? TypedResults.Ok(import.Missing) : NotFound(id);

    private static async Task<Results<Ok<List<UnbilledChargeResponse>>, ProblemHttpResult>> Unbilled(
        Guid id, ReconciliationImports imports, [FromQuery] int? skip, [FromQuery] int? take, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { Status: ImportStatus.Done })
        {
            return NotFound(id);
        }
        var page = await imports.UnbilledAsync(id, Math.Max(0, skip ?? 0), Math.Clamp(take ?? DefaultPageSize, 1, 1000), cancellationToken);
        return TypedResults.Ok(page.Select(UnbilledChargeResponse.From).ToList());
    }

    private static RedirectHttpResult Back(string error) => TypedResults.Redirect($"/reconciliation?error={Uri.EscapeDataString(error)}");

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No reconciliation import has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
