using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Invoices;

/// <summary>/api/v1/invoices (list, detail, issue, void, credit), the PDF and the CSV export, and the invoice page's form posts.</summary>
public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invoices").WithTags("Invoices").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListInvoices");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInvoice");
        group.MapPost("/{id:guid}/issue", (Guid id, InvoiceLifecycle steps, CancellationToken ct) => StepAsync(steps.IssueAsync(id, ct)))
            .WithName("IssueInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapPost("/{id:guid}/void", (Guid id, InvoiceLifecycle steps, CancellationToken ct) => StepAsync(steps.VoidAsync(id, ct)))
            .WithName("VoidInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapPost("/{id:guid}/credit", (Guid id, InvoiceLifecycle steps, CancellationToken ct) => StepAsync(steps.CreditAsync(id, ct)))
            .WithName("CreditInvoice").RequireAuthorization(Policies.BillingWrite);

        var files = app.MapGroup("/invoices").RequireAuthorization(Policies.StaffRead).ExcludeFromDescription();
        files.MapGet("/{id:guid}/pdf", PdfAsync);
        files.MapGet("/export.csv", CsvAsync);
        var forms = app.MapGroup("/invoices").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/issue", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => StepFormAsync(id, form, "Issued", steps.IssueAsync(id, ct)));
        forms.MapPost("/{id:guid}/void", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => StepFormAsync(id, form, "Voided", steps.VoidAsync(id, ct)));
        forms.MapPost("/{id:guid}/credit", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => StepFormAsync(id, form, "Credited", steps.CreditAsync(id, ct)));
        return app;
    }

    /// <param name="contractId">Only this contract's invoices.</param>
    /// <param name="date">Only this billing date (yyyy-MM-dd).</param>
    /// <param name="status">Only this status: draft, issued, void, credited.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<List<InvoiceResponse>>, ValidationProblem>> ListAsync(Guid? contractId, string? date, string? status,
        ProrataDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = Filter(db, contractId, date, status, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        var invoices = await query!.OrderByDescending(i => i.BillingDate).ThenBy(i => i.Number).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(invoices.Select(i => InvoiceResponse.From(i, withLines: false)).ToList());
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? TypedResults.Ok(InvoiceResponse.From(invoice, withLines: true))
            : SaveResultHttp.NotFound($"No invoice has id '{id}'.");

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> StepAsync(Task<InvoiceStepResult> step) =>
        await step switch
        {
            { Invoice: { } invoice } => TypedResults.Ok(InvoiceResponse.From(invoice, withLines: false)),
            { NotFound: { } message } => SaveResultHttp.NotFound(message),
            var refused => TypedResults.Problem(refused.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the invoice's status; nothing was changed."),
        };

    /// <param name="id">The invoice.</param>
    /// <param name="form">Bound so that the post's antiforgery token is checked; the step takes no field.</param>
    /// <param name="done">What to say when the step succeeded.</param>
    /// <param name="step">The lifecycle step.</param>
    private static async Task<RedirectHttpResult> StepFormAsync(Guid id, IFormCollection form, string done, Task<InvoiceStepResult> step)
    {
        _ = form;
        var result = await step;
        return result.Invoice is { } invoice
            ? TypedResults.LocalRedirect($"/invoices/{invoice.Id}?message={Uri.EscapeDataString($"{done} {invoice.DisplayNumber}.")}")
            : TypedResults.LocalRedirect($"/invoices/{id}?error={Uri.EscapeDataString(result.Refusal ?? result.NotFound ?? "")}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(Guid id, ProrataDbContext db, InvoicePdf pdf, CancellationToken cancellationToken)
    {
        var document = await InvoiceDocument.LoadAsync(db, id, cancellationToken);
        if (document is null) return SaveResultHttp.NotFound($"No invoice has id '{id}'.");
        var name = $"{document.Invoice.DisplayNumber ?? $"draft-{document.Invoice.BillingDate:yyyy-MM-dd}"}.pdf";
        return TypedResults.File(pdf.Render(document), "application/pdf", name);
    }

    private static async Task<IResult> CsvAsync(Guid? contractId, string? date, string? status, ProrataDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = Filter(db, contractId, date, status, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        var invoices = await query!.Include(i => i.Lines).OrderBy(i => i.BillingDate).ThenBy(i => i.LegalEntityName).ThenBy(i => i.Number).ToListAsync(cancellationToken);
        var customers = await db.BillingContracts.AsNoTracking().Select(c => new { c.Id, c.Customer!.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"invoices{(date is null ? "" : "-" + date)}.csv\"";
        await InvoiceCsv.WriteAsync(http.Response.Body, invoices, customers, cancellationToken);
        return TypedResults.Empty;
    }

    public static IQueryable<CustomerInvoice>? Filter(ProrataDbContext db, Guid? contractId, string? date, string? status, ValidationErrors errors)
    {
        var query = db.Invoices.AsNoTracking();
        if (contractId is { } id) query = query.Where(i => i.ContractId == id);
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) query = query.Where(i => i.BillingDate == day);
            else errors.Add("date", $"date must be yyyy-MM-dd; got '{date}'.");
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = EnumText.Parse(status, InvoiceStatus.Draft, "status", errors);
            query = query.Where(i => i.Status == parsed);
        }
        return errors.IsValid ? query : null;
    }
}
