using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Features.Invoices;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Catalog;

/// <summary>/api/v1/price-lists (import, versions, changes with affected subscriptions, rollout) and /api/v1/catalog/products.</summary>
public static class CatalogEndpoints
{
    /// <summary>The name of the price list's <see cref="FileLimits"/> (Prorata:Imports:PriceList): a list is held whole in memory while it is compared.</summary>
    public const string PriceListLimits = "PriceList";

    private const string PriceListSection = $"{FileLimits.Section}:{PriceListLimits}";

    // As the Title column of CatalogProducts.
    private const int MaxTitleLength = 256;

    /// <summary>Rows of a version per API page unless asked otherwise, and at most.</summary>
    public const int DefaultRowsPageSize = 100;

    public const int MaxRowsPageSize = 1000;

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/price-lists").WithTags("Catalog").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListPriceLists");
        group.MapGet("/{id:guid}/changes", ChangesAsync).WithName("PriceListChanges");
        group.MapGet("/{id:guid}/rows", RowsAsync).WithName("PriceListRows").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/rows.csv", RowsCsvAsync).WithName("PriceListRowsCsv").ProducesProblem(StatusCodes.Status404NotFound);
        // The body is the CSV (text/csv, which no cross-site form can send) or a form with the page's antiforgery token.
        group.MapPost("/", ImportAsync).WithName("ImportPriceList").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}/rollout", RolloutAsync).WithName("SetPriceListRollout").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        var products = app.MapGroup("/api/v1/catalog/products").WithTags("Catalog").RequireAuthorization(Policies.StaffRead);
        products.MapGet("/", async (ProrataDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.CatalogProducts.AsNoTracking().OrderBy(p => p.Title).ToListAsync(ct))).WithName("ListProducts");
        products.MapPost("/", AddProductAsync).WithName("AddPartnerProduct").RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();

        var forms = app.MapGroup("/catalog").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/import", ImportFormAsync);
        forms.MapPost("/price-lists/{id:guid}/rollout", RolloutFormAsync);
        return app;
    }

    private static async Task<Ok<List<PriceListVersionResponse>>> ListAsync(ProrataDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.PriceListVersions.AsNoTracking().OrderByDescending(v => v.ImportedAt).ToListAsync(cancellationToken))
            .Select(PriceListVersionResponse.From).ToList());

    private static async Task<Results<Ok<IReadOnlyList<PriceChange>>, ProblemHttpResult>> ChangesAsync(Guid id, ProrataDbContext db, PriceListImport import,
        CancellationToken cancellationToken) =>
        await db.PriceListVersions.AnyAsync(v => v.Id == id, cancellationToken)
            ? TypedResults.Ok(await import.ChangesAsync(id, cancellationToken))
            : SaveResultHttp.NotFound($"No price list has id '{id}'.");

    /// <summary>The CSV is the request body (text/csv) or a form's "file"; name, rollout and date come from the query.</summary>
    /// <param name="name">A label for the version; the file name by default.</param>
    /// <param name="rollout">atRenewal (default), immediately or onDate.</param>
    /// <param name="date">The rollout date (yyyy-MM-dd) for immediately and onDate.</param>
    /// <param name="confirmWarnings">true imports a list whose warnings need confirming (a partial list, offers removed under running subscriptions).</param>
    /// <param name="http">The request.</param>
    /// <param name="import">The import.</param>
    /// <param name="user">Who imports.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    private static async Task<Results<Created<ImportResultResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(string? name, string? rollout, string? date,
        bool? confirmWarnings, HttpContext http, PriceListImport import, ClaimsPrincipal user, TimeProvider time, IOptionsSnapshot<FileLimits> limits, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (choice, rolloutDate) = ParseRollout(rollout, date, Today(time), errors);
        Stream body;
        string label;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null) errors.Add("file", "file (the price-list CSV) is required.");
            body = file?.OpenReadStream() ?? Stream.Null;
            label = name ?? file?.FileName ?? "price list";
        }
        else
        {
            body = http.Request.Body;
            label = name ?? "price list";
        }
        if (!errors.IsValid) return Invalid(errors);
        await using var spooled = await SpoolAsync(body, limits.Get(PriceListLimits), cancellationToken);
        if (spooled.Limit is { } limit) return UploadProblems.From(limit, PriceListSection);
        var parsed = PriceListFile.Read(spooled.File!);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) errors.Add("file", error);
            return Invalid(errors);
        }
        var outcome = await import.ImportAsync(label, parsed, choice, rolloutDate, user.Identity?.Name ?? "staff", confirmWarnings ?? false, cancellationToken);
        if (outcome.Version is not { } version) return Unconfirmed(outcome);
        var changes = await import.ChangesAsync(version.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/price-lists/{version.Id}/changes", new ImportResultResponse(PriceListVersionResponse.From(version), parsed.Skipped,
            changes.Count(c => c.Kind == "added"), changes.Count(c => c.Kind == "repriced"), changes.Count(c => c.Kind == "removed"),
            changes.Sum(c => c.Affected.Count), [.. outcome.Warnings.Select(PriceListWarningResponse.From)]));
    }

    /// <summary>422 naming the warnings to confirm; the file was not imported.</summary>
    private static ProblemHttpResult Unconfirmed(PriceListImportOutcome outcome) =>
        TypedResults.Problem(UnconfirmedText(outcome), statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The price list has warnings to confirm; nothing was imported.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "priceListWarningsUnconfirmed",
                ["warnings"] = outcome.Warnings.Select(PriceListWarningResponse.From).ToList(),
            });

    private static string UnconfirmedText(PriceListImportOutcome outcome) =>
        $"Not imported: {string.Join(" ", outcome.Unconfirmed.Select(w => $"{EnumText.ToWire(w.Kind)}: {w.Message}"))} "
        + "If the file is right, import it again confirming the warnings (confirmWarnings=true).";

    /// <summary>A page of a version's rows in file order; q matches product id, SKU id, offer id (ProductId/SkuId) or title.</summary>
    private static async Task<Results<Ok<PriceListRowListResponse>, ValidationProblem, ProblemHttpResult>> RowsAsync(Guid id, string? q, int? page, int? pageSize,
        ProrataDbContext db, PriceListImport import, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (page is < 1) errors.Add("page", $"page must be 1 or more; got {page}.");
        if (pageSize is < 1 or > MaxRowsPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {MaxRowsPageSize}; got {pageSize}.");
        InputBounds.Text(q, "q", InputBounds.MaxIdLength, errors, required: false);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await db.PriceListVersions.AnyAsync(v => v.Id == id, cancellationToken)) return SaveResultHttp.NotFound($"No price list has id '{id}'.");
        var rows = await import.RowsAsync(id, q, page ?? 1, pageSize ?? DefaultRowsPageSize, cancellationToken);
        return TypedResults.Ok(new PriceListRowListResponse([.. rows.Rows.Select(PriceListRowResponse.From)], rows.Total, rows.Page, rows.PageSize));
    }

    /// <summary>
    /// Every row the filter matches as CSV, under the column names of Microsoft's price list, so the export reads back as
    /// an import.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RowsCsvAsync(Guid id, string? q, ProrataDbContext db, PriceListImport import,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!await db.PriceListVersions.AnyAsync(v => v.Id == id, cancellationToken)) return SaveResultHttp.NotFound($"No price list has id '{id}'.");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"price-list-{id}.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync(RowsHeader, cancellationToken);
        await foreach (var e in import.AllRowsAsync(id, q).WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([
                InvoiceCsv.Safe(e.ProductId), InvoiceCsv.Safe(e.SkuId), InvoiceCsv.Safe(e.Title), e.Term.ToString(), e.BillingPlan.ToString(), InvoiceCsv.Safe(e.Market),
                e.Currency, Money(e.UnitPrice), e.ErpPrice is { } erp ? Money(erp) : "", $"{e.EffectiveFrom:yyyy-MM-dd}", e.EffectiveTo is { } to ? $"{to:yyyy-MM-dd}" : "",
            ], cancellationToken);
        }
        return TypedResults.Empty;
    }

    private static readonly string[] RowsHeader =
        ["ProductId", "SkuId", "ProductTitle", "TermDuration", "BillingPlan", "Market", "Currency", "UnitPrice", "ERP Price", "EffectiveStartDate", "EffectiveEndDate"];

    // SQLite gives back 119.0 for 119.00: prices are written with at least two decimals, whatever the database kept.
    private static string Money(decimal amount) => amount.ToString("0.00####", CultureInfo.InvariantCulture);

    /// <summary>The upload in a temporary file, checked against the price list's limits; the file goes when disposed.</summary>
    private static async Task<SpooledPriceList> SpoolAsync(Stream content, FileLimits limits, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prorata-prices-{Guid.NewGuid():N}.upload");
        try
        {
            await UploadSpool.WriteAsync(content, path, limits, cancellationToken);
            return new SpooledPriceList(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose), null);
        }
        catch (FileLimitException e)
        {
            File.Delete(path);
            return new SpooledPriceList(path, null, e);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<Results<Ok<PriceListVersionResponse>, ValidationProblem, ProblemHttpResult>> RolloutAsync(Guid id, RolloutRequest request,
        PriceListImport import, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (choice, date) = ParseRollout(request.Rollout, request.Date, Today(time), errors);
        if (!errors.IsValid) return Invalid(errors);
        return await import.SetRolloutAsync(id, choice, date, cancellationToken) is { } version
            ? TypedResults.Ok(PriceListVersionResponse.From(version))
            : SaveResultHttp.NotFound($"No price list has id '{id}'.");
    }

    private static async Task<Results<Created<CatalogProduct>, ValidationProblem>> AddProductAsync(PartnerProductRequest request, PriceListImport import,
        ProrataDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        InputBounds.Text(request.ProductId, "productId", InputBounds.MaxIdLength, errors);
        InputBounds.Text(request.SkuId, "skuId", InputBounds.MaxIdLength, errors, required: false);
        InputBounds.Text(request.Title, "title", MaxTitleLength, errors);
        var kind = EnumText.Parse(request.Kind, ProductKind.Service, "kind", errors);
        if (kind == ProductKind.License) errors.Add("kind", "kind must be service or oneTime; licenses come from Microsoft's price list.");
        if (!Currency.TryFromCode(request.Currency, out var currency)) errors.Add("currency", $"currency must be a known ISO 4217 code; got '{request.Currency}'.");
        if (request.PricePerCycle is not > 0 || request.PricePerCycle > InputBounds.MaxAmount)
            errors.Add("pricePerCycle", $"pricePerCycle must be more than 0 and at most {InputBounds.MaxAmount:N0}; got {request.PricePerCycle?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        var term = kind == ProductKind.OneTime ? TermDuration.P1M : EnumText.Parse(request.Term, TermDuration.P1M, "term", errors);
        var plan = kind == ProductKind.OneTime ? BillingPlan.Monthly : EnumText.Parse(request.BillingPlan, BillingPlan.Monthly, "billingPlan", errors);
        var skuId = string.IsNullOrWhiteSpace(request.SkuId) ? "0001" : request.SkuId.Trim();
        if (errors.IsValid && await db.CatalogProducts.AnyAsync(p => p.ProductId == request.ProductId!.Trim() && p.SkuId == skuId, cancellationToken))
            errors.Add("productId", $"{request.ProductId}/{skuId} is already in the catalog.");
        if (!errors.IsValid) return Invalid(errors);
        var product = await import.AddPartnerProductAsync(request.ProductId!.Trim(), skuId, request.Title!.Trim(), kind, currency.Code, request.PricePerCycle!.Value,
            term, plan, user.Identity?.Name ?? "staff", cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/products", product);
    }

    private static async Task<RedirectHttpResult> ImportFormAsync(IFormFile? file, [FromForm] string? rollout, [FromForm] string? date,
        [FromForm] string? confirmWarnings, PriceListImport import,
        ClaimsPrincipal user, TimeProvider time, IOptionsSnapshot<FileLimits> limits, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (choice, rolloutDate) = ParseRollout(rollout, string.IsNullOrWhiteSpace(date) ? null : date, Today(time), errors);
        if (file is null) errors.Add("file", "Choose a price-list CSV file.");
        if (!errors.IsValid) return TypedResults.LocalRedirect($"/catalog?error={Uri.EscapeDataString(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)))}");
        await using var stream = file!.OpenReadStream();
        await using var spooled = await SpoolAsync(stream, limits.Get(PriceListLimits), cancellationToken);
        if (spooled.Limit is { } limit) return TypedResults.LocalRedirect($"/catalog?error={Uri.EscapeDataString(limit.Message)}");
        var parsed = PriceListFile.Read(spooled.File!);
        if (parsed.Errors.Count > 0) return TypedResults.LocalRedirect($"/catalog?error={Uri.EscapeDataString(string.Join(" ", parsed.Errors.Take(5)))}");
        var outcome = await import.ImportAsync(file.FileName, parsed, choice, rolloutDate, user.Identity?.Name ?? "staff",
            confirmWarnings is "true" or "on", cancellationToken);
        if (outcome.Version is not { } version)
        {
            // The file is not kept: the page asks for it again with the box ticked.
            var rows = outcome.Unconfirmed.SelectMany(w => w.Rows.Take(5)).ToList();
            return TypedResults.LocalRedirect($"/catalog?error={Uri.EscapeDataString(UnconfirmedText(outcome).Replace("(confirmWarnings=true)", "(tick the box)"))}"
                + $"&held={Uri.EscapeDataString(string.Join("\n", rows))}");
        }
        var warned = outcome.Warnings.Count == 0 ? "" : $" {outcome.Warnings.Count} warnings: see below.";
        return TypedResults.LocalRedirect($"/catalog/price-lists/{version.Id}?message={Uri.EscapeDataString($"Imported {parsed.Rows.Count} rows ({parsed.Skipped} skipped).{warned}")}");
    }

    private static async Task<RedirectHttpResult> RolloutFormAsync(Guid id, [FromForm] string? rollout, [FromForm] string? date, PriceListImport import,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (choice, rolloutDate) = ParseRollout(rollout, string.IsNullOrWhiteSpace(date) ? null : date, Today(time), errors);
        if (!errors.IsValid)
            return TypedResults.LocalRedirect($"/catalog/price-lists/{id}?error={Uri.EscapeDataString(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)))}");
        await import.SetRolloutAsync(id, choice, rolloutDate, cancellationToken);
        return TypedResults.LocalRedirect($"/catalog/price-lists/{id}?message={Uri.EscapeDataString($"Customer prices follow {EnumText.ToWire(choice)}.")}");
    }

    /// <summary>
    /// The rollout and its first day: immediately is from today unless a later day is given, onDate needs its day.
    /// A customer price never follows from a day already past, since invoices up to it were issued at the old price.
    /// </summary>
    private static (PriceRollout, DateOnly?) ParseRollout(string? rollout, string? date, DateOnly today, ValidationErrors errors)
    {
        var choice = EnumText.Parse(rollout, PriceRollout.AtRenewal, "rollout", errors);
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) day = parsed;
            else errors.Add("date", $"date must be yyyy-MM-dd; got '{date}'.");
        }
        if (choice == PriceRollout.Immediately && day is null && errors.IsValid) day = today;
        if (choice == PriceRollout.OnDate && day is null && errors.IsValid) errors.Add("date", "onDate needs a date (yyyy-MM-dd).");
        if (choice != PriceRollout.AtRenewal && day < today)
            errors.Add("date", $"date must be today ({today:yyyy-MM-dd}) or later: customer prices do not change for days already invoiced; got '{date}'.");
        return (choice, choice == PriceRollout.AtRenewal ? null : day);
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more fields are invalid; nothing was imported.");
}
