using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// /api/v1/usage-imports: import Microsoft's daily-rated usage file (the raw bytes as the body: CSV, or the Graph
/// export's gzip JSON Lines), list the files and their rows, and trace a row forward to the invoice line that billed it;
/// /api/v1/usage-lines/{invoiceId}/{position} traces a customer usage line back to its rows. The page's upload form
/// posts to /reconciliation/usage/import with an antiforgery token.
/// </summary>
public static class UsageEndpoints
{
    private const int DefaultPageSize = 100;
    private static readonly string[] FileContentTypes = ["text/csv", "application/gzip", "application/x-gzip", "application/octet-stream"];

    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/usage-imports").WithTags("Usage").RequireAuthorization(Policies.StaffRead);
        group.MapPost("/", ImportAsync).WithName("ImportUsageFile").RequireAuthorization(Policies.ContractsWrite)
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithName("ListUsageImports");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetUsageImport").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/rows", RowsAsync).WithName("ListUsageRows").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/rows/{row:long}", RowAsync).WithName("TraceUsageRow").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/usage-lines/{invoiceId:guid}/{position:int}", LineAsync).WithTags("Usage").WithName("TraceUsageLine")
            .RequireAuthorization(Policies.StaffRead).ProducesProblem(StatusCodes.Status404NotFound);

        var limits = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileLimits>>().Value;
        app.MapPost("/reconciliation/usage/import", ImportFormAsync).RequireAuthorization(Policies.ContractsWrite).ExcludeFromDescription()
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxFileBytes + (1 << 20));
        return app;
    }

    private static async Task<Results<Created<UsageImportResponse>, Ok<UsageImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, [FromQuery] string? fileName, UsageFiles files, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim();
        if (contentType is null || !FileContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Send the usage file as the body with Content-Type {string.Join(", ", FileContentTypes)}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        UsageImportOutcome outcome;
        try
        {
            outcome = await files.ImportAsync(fileName ?? "usage-file", request.Body, cancellationToken);
        }
        catch (FileLimitException e)
        {
            return UploadProblems.From(e);
        }
        if (outcome.Refusal is { } refusal)
        {
            return Refused(refusal);
        }
        var import = outcome.Import!;
        return outcome.Duplicate
            ? TypedResults.Ok(UsageImportResponse.From(import, duplicate: true))
            : TypedResults.Created($"/api/v1/usage-imports/{import.Id}", UsageImportResponse.From(import));
    }

    private static async Task<RedirectHttpResult> ImportFormAsync(IFormFile file, UsageFiles files, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        UsageImportOutcome outcome;
        try
        {
            outcome = await files.ImportAsync(file.FileName, content, cancellationToken);
        }
        catch (FileLimitException e)
        {
            return TypedResults.Redirect($"/reconciliation/usage?error={Uri.EscapeDataString(e.Message)}");
        }
        return outcome.Refusal is { } refusal
            ? TypedResults.Redirect($"/reconciliation/usage?error={Uri.EscapeDataString(refusal.Message)}")
            : TypedResults.Redirect($"/reconciliation/usage/{outcome.Import!.Id}{(outcome.Duplicate ? "?duplicate=true" : "")}");
    }

    private static async Task<Ok<List<UsageImportResponse>>> ListAsync(ProrataDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.UsageImports.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(i => i.ReceivedAt).Select(i => UsageImportResponse.From(i)).ToList());

    private static async Task<Results<Ok<UsageImportResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken) =>
        await db.UsageImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } import
            ? TypedResults.Ok(UsageImportResponse.From(import))
            : NotFound($"No usage import has id '{id}'.");

    private static async Task<Results<Ok<List<UsageRowResponse>>, ProblemHttpResult>> RowsAsync(
        Guid id, [FromQuery] int? skip, [FromQuery] int? take, ProrataDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.UsageImports.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound($"No usage import has id '{id}'.");
        }
        var rows = await db.UsageRows.AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Row)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? DefaultPageSize, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(UsageRowResponse.From).ToList());
    }

    private static async Task<Results<Ok<UsageRowTraceResponse>, ProblemHttpResult>> RowAsync(Guid id, long row, UsageTrace trace, CancellationToken cancellationToken) =>
        await trace.ForwardAsync(id, row, cancellationToken) is { } found
            ? TypedResults.Ok(UsageRowTraceResponse.From(found))
            : NotFound($"Usage import '{id}' has no row {row}.");

    private static async Task<Results<Ok<UsageLineTraceResponse>, ProblemHttpResult>> LineAsync(
        Guid invoiceId, int position, UsageTrace trace, CancellationToken cancellationToken) =>
        await trace.BackAsync(invoiceId, position, cancellationToken) is { } found
            ? TypedResults.Ok(UsageLineTraceResponse.From(found))
            : NotFound($"Invoice '{invoiceId}' has no usage line at position {position}.");

    private static ValidationProblem Refused(UsageFileRefusal refusal) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["file"] = [refusal.Message] },
            title: "The usage file was refused; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["row"] = refusal.Row, ["column"] = refusal.Column, ["value"] = refusal.Value });

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
