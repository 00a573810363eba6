using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Search;
using Prorata.Web.Features.Search;
using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Invoices;

/// <summary>/api/v1/invoices (list, detail, issue, void, credit, send, UBL, deliveries), the PDF and the CSV export, and the invoice page's form posts.</summary>
public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invoices").WithTags("Invoices").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListInvoices").ProducesValidationProblem()
            .WithSummary("Invoices and credit notes matching the filters, with their customer and balance, a page at a time, with the total");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInvoice");
        group.MapPost("/{id:guid}/issue", (Guid id, InvoiceLifecycle steps, CancellationToken ct) => StepAsync(steps.IssueAsync(id, ct)))
            .WithName("IssueInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapPost("/{id:guid}/void", (Guid id, InvoiceLifecycle steps, CancellationToken ct) => StepAsync(steps.VoidAsync(id, ct)))
            .WithName("VoidInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapPost("/{id:guid}/credit", (Guid id, CreditNoteRequest? body, InvoiceLifecycle steps, CancellationToken ct) =>
                StepAsync(steps.CreditAsync(id, body?.ToRequest(), ct)))
            .WithName("CreditInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapPost("/{id:guid}/send", (Guid id, InvoiceLifecycle steps, HttpContext http, CancellationToken ct) => StepAsync(steps.SendAsync(id, Actor(http), ct)))
            .WithName("SendInvoice").RequireAuthorization(Policies.BillingWrite);
        group.MapGet("/{id:guid}/ubl", UblAsync).WithName("GetInvoiceUbl");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListInvoiceDeliveries");

        var files = app.MapGroup("/invoices").RequireAuthorization(Policies.StaffRead).ExcludeFromDescription();
        files.MapGet("/{id:guid}/pdf", PdfAsync);
        files.MapGet("/export.csv", CsvAsync);
        var forms = app.MapGroup("/invoices").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/issue", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => StepFormAsync(id, form, "Issued", steps.IssueAsync(id, ct)));
        forms.MapPost("/{id:guid}/void", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => StepFormAsync(id, form, "Voided", steps.VoidAsync(id, ct)));
        forms.MapPost("/{id:guid}/credit", (Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken ct) => CreditFormAsync(id, form, steps, ct));
        forms.MapPost("/{id:guid}/send", (Guid id, IFormCollection form, InvoiceLifecycle steps, HttpContext http, CancellationToken ct) =>
            StepFormAsync(id, form, "Queued the e-mail of", steps.SendAsync(id, Actor(http), ct)));
        files.MapGet("/{id:guid}/ubl", UblAsync);
        return app;
    }

    /// <param name="q">An invoice number (INV-000042, CN-000007 or 42), or words in the customer's or legal entity's name.</param>
    /// <param name="contractId">Only this contract's invoices.</param>
    /// <param name="customerId">Only this customer's invoices (all its contracts).</param>
    /// <param name="date">Only this billing date (yyyy-MM-dd).</param>
    /// <param name="from">Billing dates on or after this day (yyyy-MM-dd).</param>
    /// <param name="to">Billing dates on or before this day (yyyy-MM-dd).</param>
    /// <param name="status">Only this status: draft, issued, void, credited.</param>
    /// <param name="kind">Only invoices (invoice) or credit notes (creditNote).</param>
    /// <param name="currency">Only this currency (ISO 4217).</param>
    /// <param name="sort">billingDate (default, newest first), number, customer, total or status; '-' first for descending.</param>
    /// <param name="page">1-based page; the response's nextPage is the next one.</param>
    /// <param name="pageSize">Rows per page, 1 to 1000 (default 100).</param>
    /// <param name="search">The invoices list.</param>
    /// <param name="db">The database.</param>
    /// <param name="time">The clock, for overdue.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<ListResponse<InvoiceResponse>>, ValidationProblem>> ListAsync(string? q, Guid? contractId, Guid? customerId,
        string? date, string? from, string? to, string? status, string? kind, string? currency, string? sort, int? page, int? pageSize,
        InvoiceSearch search, ProrataDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, sort, page, pageSize, InvoiceSearch.Sorts, errors);
        var filter = Filter(contractId, customerId, date, from, to, status, kind, currency, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var found = await search.ListAsync(filter, query, cancellationToken);
        var ids = found.Items.Select(r => r.Invoice.Id).ToList();
        var receivables = await db.InvoiceReceivables.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToDictionaryAsync(r => r.InvoiceId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(ListResponse<InvoiceResponse>.From(found, r => InvoiceResponse.From(r.Invoice, withLines: false)
            .WithReceivable(receivables.GetValueOrDefault(r.Invoice.Id), today) with { CustomerId = r.CustomerId, CustomerName = r.CustomerName }));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? TypedResults.Ok(InvoiceResponse.From(invoice, withLines: true).WithReceivable(
                await db.InvoiceReceivables.AsNoTracking().FirstOrDefaultAsync(r => r.InvoiceId == id, cancellationToken), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)))
            : SaveResultHttp.NotFound($"No invoice has id '{id}'.");

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult, ValidationProblem>> StepAsync(Task<InvoiceStepResult> step) =>
        await step switch
        {
            { Invoice: { } invoice } => TypedResults.Ok(InvoiceResponse.From(invoice, withLines: false)),
            { NotFound: { } message } => SaveResultHttp.NotFound(message),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors, title: "The request names something the invoice cannot take; nothing was changed."),
            { IsWaiting: true } waiting => TypedResults.Problem(waiting.Refusal, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Waiting for the tax provider; the invoice stays a draft and is issued as soon as it answers."),
            var refused => TypedResults.Problem(refused.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Not allowed as the invoice stands; nothing was changed."),
        };

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "staff";

    /// <summary>The invoice as UBL 2.1 / PEPPOL BIS Billing 3.0 XML; a draft has no number and so no e-invoice yet.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> UblAsync(Guid id, ProrataDbContext db, InvoiceUbl ubl, CancellationToken cancellationToken)
    {
        if (await InvoiceDocuments.LoadAsync(db, id, cancellationToken) is not var (_, document)) return SaveResultHttp.NotFound($"No invoice has id '{id}'.");
        if (document.IsDraft)
            return TypedResults.Problem($"Invoice {id} is a draft: an e-invoice needs the number it gets when it is issued.", statusCode: StatusCodes.Status409Conflict,
                title: "Not allowed in the invoice's status.");
        return TypedResults.File(ubl.WriteUtf8(document), "application/xml", $"{document.Number}.xml");
    }

    private static async Task<Results<Ok<List<InvoiceDeliveryResponse>>, ProblemHttpResult>> DeliveriesAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Invoices.AnyAsync(i => i.Id == id, cancellationToken)) return SaveResultHttp.NotFound($"No invoice has id '{id}'.");
        var deliveries = await db.InvoiceDeliveries.AsNoTracking().Where(d => d.InvoiceId == id).OrderBy(d => d.QueuedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(deliveries.Select(InvoiceDeliveryResponse.From).ToList());
    }

    /// <summary>The page's credit form: ticked lines, or an amount with its reason, or (neither) the whole invoice.</summary>
    private static async Task<RedirectHttpResult> CreditFormAsync(Guid id, IFormCollection form, InvoiceLifecycle steps, CancellationToken cancellationToken)
    {
        var lines = form["lines"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var amountText = form["amount"].ToString().Trim();
        decimal? amount = null;
        if (amountText.Length > 0)
        {
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                return TypedResults.LocalRedirect($"/invoices/{id}?error={Uri.EscapeDataString($"amount must be a number such as 25.00; got '{amountText}'.")}");
            amount = parsed;
        }
        var request = amount is not null || lines.Count > 0 ? new CreditRequest(lines.Count > 0 && amount is null ? lines : null, amount, form["reason"].ToString()) : null;
        return await StepFormAsync(id, form, "Issued credit note", steps.CreditAsync(id, request, cancellationToken));
    }

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

    /// <param name="id">The invoice.</param>
    /// <param name="appendix">With an appendix showing each line's proration arithmetic.</param>
    /// <param name="db">The database.</param>
    /// <param name="pdf">The renderer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(Guid id, bool? appendix, ProrataDbContext db, InvoicePdf pdf, CancellationToken cancellationToken)
    {
        if (await InvoiceDocuments.LoadAsync(db, id, cancellationToken) is not var (invoice, document)) return SaveResultHttp.NotFound($"No invoice has id '{id}'.");
        var name = $"{document.Number ?? $"draft-{invoice.BillingDate:yyyy-MM-dd}"}.pdf";
        return TypedResults.File(pdf.Render(document, appendix ?? false), "application/pdf", name);
    }

    private static async Task<IResult> CsvAsync(string? q, Guid? contractId, Guid? customerId, string? date, string? from, string? to, string? status,
        string? kind, string? currency, InvoiceSearch search, ProrataDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, null, null, null, InvoiceSearch.Sorts, errors);
        var filter = Filter(contractId, customerId, date, from, to, status, kind, currency, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var invoices = await search.Filtered(filter, query.LowerText).Include(i => i.Lines)
            .OrderBy(i => i.BillingDate).ThenBy(i => i.LegalEntityName).ThenBy(i => i.Kind).ThenBy(i => i.Number).ToListAsync(cancellationToken);
        var customers = await db.BillingContracts.AsNoTracking().Select(c => new { c.Id, c.Customer!.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"invoices{(date is null ? "" : "-" + date)}.csv\"";
        await InvoiceCsv.WriteAsync(http.Response.Body, invoices, customers, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The list's filters from the query string; each bad value named in <paramref name="errors"/>.</summary>
    public static InvoiceFilter Filter(Guid? contractId, Guid? customerId, string? date, string? from, string? to, string? status, string? kind, string? currency,
        ValidationErrors errors) => new()
    {
        ContractId = contractId,
        CustomerId = customerId,
        BillingDate = ListQuery.ReadDay(date, "date", errors),
        From = ListQuery.ReadDay(from, "from", errors),
        To = ListQuery.ReadDay(to, "to", errors),
        Status = string.IsNullOrWhiteSpace(status) ? null : EnumText.Parse(status, InvoiceStatus.Draft, "status", errors),
        Kind = string.IsNullOrWhiteSpace(kind) ? null : EnumText.Parse(kind, InvoiceKind.Invoice, "kind", errors),
        Currency = currency,
    };
}
