using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Features.Simulations;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// /api/v1/reconciliations: import a recon file (the raw bytes as the body: CSV, or the Graph export's gzip JSON
/// Lines), follow its progress, then read the summary, the discrepancies, missing charges and unbilled lines (each paged
/// and filterable, with customers and offers by name) and one line in full; withdraw an import that should not count.
/// The body is not a form, so a browser cannot send it cross-site without a CORS preflight; the page's own upload
/// form posts to /reconciliation/import with an antiforgery token and may add a what-if scenario.
/// </summary>
public static class ReconciliationEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
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
        group.MapGet("/{id:guid}/missing", Missing).WithName("ListMissingCharges").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapGet("/{id:guid}/unbilled", Unbilled).WithName("ListUnbilledRevenue").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawReconciliation").RequireAuthorization(Policies.ContractsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/reconciliation/{id:guid}/withdraw", WithdrawFormAsync).RequireAuthorization(Policies.ContractsWrite).ExcludeFromDescription();

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

    private static async Task<Results<Ok<ReconListResponse<DiscrepancyResponse>>, ProblemHttpResult, ValidationProblem>> Discrepancies(
        Guid id, ReconciliationImports imports, [FromQuery] string? state, [FromQuery] string? subscription, [FromQuery] string? q,
        [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { } import)
        {
            return NotFound(id);
        }
        var errors = Paging(page, pageSize);
        ReconState? wanted = null;
        if (state is not null)
        {
            if (ReconText.TryParse<ReconState>(state, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["state"] = [$"'{state}' is not a reconciliation state"];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        if (import.Status != ImportStatus.Done)
        {
            return TypedResults.Ok(new ReconListResponse<DiscrepancyResponse>([], 0, number, size));
        }
        var (rows, total) = await imports.DiscrepanciesAsync(id, wanted, subscription, q, (number - 1) * size, size, cancellationToken);
        var names = await imports.NamesAsync(rows.Select(r => r.Line.SubscriptionId), cancellationToken);
        return TypedResults.Ok(new ReconListResponse<DiscrepancyResponse>([.. rows.Select(r => DiscrepancyResponse.From(r, names))], total, number, size));
    }

    private static async Task<Results<Ok<DiscrepancyDetailResponse>, ProblemHttpResult>> Discrepancy(
        Guid id, long row, ReconciliationImports imports, CancellationToken cancellationToken)
    {
        var match = await imports.DiscrepancyAsync(id, row, cancellationToken);
        return match is null
            ? TypedResults.Problem($"Import '{id}' has no discrepancy on row {row}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(DiscrepancyDetailResponse.From(match, await imports.NamesAsync([match.Line.SubscriptionId], cancellationToken)));
    }

    /// <summary>The charges expected in the file's months that Microsoft did not bill, a page at a time; q matches subscription id, product id or name.</summary>
    private static async Task<Results<Ok<ReconListResponse<MissingChargeResponse>>, ProblemHttpResult, ValidationProblem>> Missing(
        Guid id, ReconciliationImports imports, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { } import)
        {
            return NotFound(id);
        }
        if (Paging(page, pageSize) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var names = await imports.NamesAsync(import.Missing.Select(m => m.Expected.Subscription), cancellationToken);
        var matching = import.Missing.Select(m => MissingChargeResponse.From(m, names)).Where(m => Matches(m, q)).ToList();
        return TypedResults.Ok(new ReconListResponse<MissingChargeResponse>([.. matching.Skip((number - 1) * size).Take(size)], matching.Count, number, size));
    }

    private static bool Matches(MissingChargeResponse missing, string? text) =>
        string.IsNullOrWhiteSpace(text) || new[] { missing.Subscription, missing.Customer, missing.Offer }.Any(v => v.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static async Task<Results<Ok<ReconListResponse<UnbilledChargeResponse>>, ProblemHttpResult, ValidationProblem>> Unbilled(
        Guid id, ReconciliationImports imports, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { Status: ImportStatus.Done })
        {
            return NotFound(id);
        }
        if (Paging(page, pageSize) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var (rows, total) = await imports.UnbilledAsync(id, q, (number - 1) * size, size, cancellationToken);
        var names = await imports.NamesAsync(rows.Select(r => r.Line.SubscriptionId), cancellationToken);
        return TypedResults.Ok(new ReconListResponse<UnbilledChargeResponse>([.. rows.Select(r => UnbilledChargeResponse.From(r, names))], total, number, size));
    }

    /// <summary>Withdraws an import: kept and listed for audit, counted nowhere, its open work items resolved. The body names the reason.</summary>
    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(Guid id, WithdrawRequest request,
        ReconciliationImports imports, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await imports.WithdrawAsync(id, request.Reason, user.Identity?.Name ?? "staff", cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(ImportResponse.From((await imports.FindAsync(id, cancellationToken))!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<RedirectHttpResult> WithdrawFormAsync(Guid id, [FromForm] string? reason, [FromForm] string? confirm, ReconciliationImports imports,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (confirm is not ("true" or "on"))
        {
            return TypedResults.Redirect($"/reconciliation/{id}?error={Uri.EscapeDataString("Tick the box to confirm the withdrawal; nothing was changed.")}");
        }
        var result = await imports.WithdrawAsync(id, reason, user.Identity?.Name ?? "staff", cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? TypedResults.Redirect($"/reconciliation/{id}?message={Uri.EscapeDataString("Withdrawn: kept for audit, counted nowhere; its open work items are resolved.")}")
            : TypedResults.Redirect($"/reconciliation/{id}?error={Uri.EscapeDataString(result.Message ?? string.Join(" ", result.Errors.SelectMany(e => e.Value)))}");
    }

    private static Dictionary<string, string[]> Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = [$"page must be 1 or more; got {page}."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}; got {pageSize}."];
        }
        return errors;
    }

    private static RedirectHttpResult Back(string error) => TypedResults.Redirect($"/reconciliation?error={Uri.EscapeDataString(error)}");

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No reconciliation import has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
