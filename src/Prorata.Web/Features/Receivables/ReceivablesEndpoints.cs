using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Receivables;
using Prorata.Application.Receivables.Views;
using Prorata.Application.Search;
using Prorata.Data;
using Prorata.Data.Receivables;
using Prorata.Domain.Contracts;
using Prorata.Domain.Receivables;
using Prorata.Web.Features.Search;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Receivables;

/// <summary>
/// Payments, refunds, balances, statements, aging, the overdue list and dunning. Every staff role reads; Owner,
/// BillingAdmin and Finance record and reverse payments, refund credit, set a contract's collection and run dunning.
/// </summary>
public static class ReceivablesEndpoints
{
    public static IEndpointRouteBuilder MapReceivables(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Receivables").RequireAuthorization(Policies.StaffRead);
        api.MapPost("/customers/{id:guid}/payments", RecordAsync).RequireAuthorization(Policies.ContractsWrite).ProducesValidationProblem();
        api.MapGet("/customers/{id:guid}/payments", (Guid id, string? q, DateOnly? from, DateOnly? to, string? method, string? currency, bool? reversed, string? sort,
                int? page, int? pageSize, PaymentSearch search, ReceivablesViews views, CancellationToken ct) =>
                PaymentsAsync(q, id, from, to, method, currency, reversed, sort, page, pageSize, search, views, ct))
            .ProducesValidationProblem().WithSummary("The customer's payments, newest first, a page at a time, with the total");
        api.MapGet("/payments", PaymentsAsync).ProducesValidationProblem()
            .WithSummary("Payments matching the filters, with their customer and allocations, a page at a time, with the total");
        api.MapGet("/payments.csv", PaymentsCsvAsync);
        api.MapPost("/payments/{id:guid}/reverse", ReverseAsync).RequireAuthorization(Policies.ContractsWrite).ProducesValidationProblem();
        api.MapPost("/customers/{id:guid}/refunds", RefundAsync).RequireAuthorization(Policies.ContractsWrite).ProducesValidationProblem();
        api.MapGet("/customers/{id:guid}/balance", BalanceAsync);
        api.MapGet("/customers/{id:guid}/statement", StatementAsync);
        api.MapGet("/receivables/aging", async (DateOnly? asOf, ReceivablesViews views, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(await views.AgingAsync(asOf ?? Today(time), ct)));
        api.MapGet("/receivables/aging.csv", AgingCsvAsync);
        api.MapGet("/receivables/overdue", async (DateOnly? asOf, ReceivablesViews views, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(await views.OverdueAsync(asOf ?? Today(time), ct)));
        api.MapGet("/receivables/overdue.csv", OverdueCsvAsync);
        api.MapPut("/contracts/{id:guid}/collection", SetCollectionAsync).RequireAuthorization(Policies.ContractsWrite).ProducesValidationProblem();
        api.MapPost("/dunning/run", async (DunningRun run, CancellationToken ct) => TypedResults.Ok(await run.RunAsync(ct))).RequireAuthorization(Policies.ContractsWrite);
        return app;
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "staff";

    private static async Task<Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(Guid id, PaymentRequest request, CustomerPayments payments,
        ReceivablesViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await payments.RecordAsync(id, request.ToDraft(), Actor(http), cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        var payment = result.Entity!;
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", PaymentResponse.From(payment, (await views.AllocationsOfAsync([payment.Id], cancellationToken))[payment.Id].ToList()));
    }

    /// <param name="q">Words in the reference or the customer's name, or the payment provider's payment id.</param>
    /// <param name="customerId">Only this customer's payments.</param>
    /// <param name="from">Received on or after this day (UTC).</param>
    /// <param name="to">Received on or before this day (UTC).</param>
    /// <param name="method">Only this method: bankTransfer, cheque, cash, other, card, sepaDebit, directDebit.</param>
    /// <param name="currency">Only this currency (ISO 4217).</param>
    /// <param name="reversed">true: only reversed payments; false: only those standing.</param>
    /// <param name="sort">received (default, newest first), amount or customer; '-' first for descending.</param>
    /// <param name="page">1-based page; the response's nextPage is the next one.</param>
    /// <param name="pageSize">Rows per page, 1 to 1000 (default 100).</param>
    /// <param name="search">The payments list.</param>
    /// <param name="views">The allocations of each payment.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<ListResponse<PaymentResponse>>, ValidationProblem>> PaymentsAsync(string? q, Guid? customerId, DateOnly? from, DateOnly? to,
        string? method, string? currency, bool? reversed, string? sort, int? page, int? pageSize, PaymentSearch search, ReceivablesViews views, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, sort, page, pageSize, PaymentSearch.Sorts, errors);
        var parsedMethod = string.IsNullOrWhiteSpace(method) ? (PaymentMethodKind?)null : EnumText.Parse(method, PaymentMethodKind.Other, "method", errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var filter = new PaymentFilter { CustomerId = customerId, From = from, To = to, Method = parsedMethod, Currency = currency, Reversed = reversed };
        var found = await search.ListAsync(filter, query, cancellationToken);
        var allocations = await views.AllocationsOfAsync(found.Items.Select(r => r.Payment.Id).ToList(), cancellationToken);
        return TypedResults.Ok(ListResponse<PaymentResponse>.From(found, r => PaymentResponse.From(r.Payment, allocations[r.Payment.Id].ToList()) with { CustomerName = r.CustomerName }));
    }

    private static async Task PaymentsCsvAsync(Guid? customerId, DateOnly? from, DateOnly? to, ReceivablesViews views, ProrataDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var payments = await views.PaymentsAsync(customerId, from, to, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, "payments.csv",
            ["PaymentId", "Customer", "ReceivedAt", "Amount", "Currency", "Method", "Reference", "Provider", "RecordedBy", "Reversed", "ReversedAt"],
            payments.Select(p => (IReadOnlyList<object?>)[p.Id.ToString(), names.GetValueOrDefault(p.CustomerId), p.ReceivedAt, p.Amount, p.Currency, p.Method.ToString(),
                p.Reference, p.Provider.ToString(), p.RecordedBy, p.Reversal?.Reason.ToString(), p.Reversal?.ReversedAt]),
            cancellationToken);
    }

    private static async Task<Results<Ok<PaymentResponse>, ValidationProblem, ProblemHttpResult>> ReverseAsync(Guid id, ReversalRequest request, CustomerPayments payments,
        ReceivablesViews views, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PaymentReversalReason>(request.Reason, ignoreCase: true, out var reason) || int.TryParse(request.Reason, out _))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["reason"] = [$"reason must be one of recordedByMistake, failed, chargedBack; got '{request.Reason}'."] });
        var result = await payments.ReverseAsync(id, reason, request.Note, Actor(http), cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        return TypedResults.Ok(PaymentResponse.From(result.Entity!, []));
    }

    private static async Task<Results<Created<CreditRefund>, ValidationProblem, ProblemHttpResult>> RefundAsync(Guid id, RefundRequest request, CustomerPayments payments,
        HttpContext http, CancellationToken cancellationToken)
    {
        var result = await payments.RefundAsync(id, request.Amount, request.Currency, request.Reference, Actor(http), cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        return TypedResults.Created($"/api/v1/customers/{id}/refunds/{result.Entity!.Id}", result.Entity);
    }

    private static async Task<Results<Ok<IReadOnlyList<CustomerBalance>>, ProblemHttpResult>> BalanceAsync(Guid id, DateOnly? asOf, ProrataDbContext db, ReceivablesViews views,
        TimeProvider time, CancellationToken cancellationToken) =>
        await db.Customers.AnyAsync(c => c.Id == id, cancellationToken)
            ? TypedResults.Ok(await views.BalancesAsync(id, asOf ?? Today(time), cancellationToken))
            : SaveResultHttp.NotFound($"No customer has id '{id}'.");

    private static async Task<IResult> StatementAsync(Guid id, string? currency, DateOnly? from, DateOnly? to, string? format, ReceivablesViews views, ProrataDbContext db,
        TimeProvider time, StatementPdf pdf, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return SaveResultHttp.NotFound($"No customer has id '{id}'.");
        var end = to ?? Today(time);
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"from ({start:yyyy-MM-dd}) must not be after to ({end:yyyy-MM-dd})."] });
        var statement = (await views.StatementAsync(id, (currency ?? customer.Currency).Trim().ToUpperInvariant(), start, end, cancellationToken))!;
        if (format == "pdf")
            return TypedResults.File(pdf.Render(statement, (await StatementParties.LoadAsync(db, id, statement.Currency, cancellationToken))!), "application/pdf",
                $"statement-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.pdf");
        if (format != "csv") return TypedResults.Ok(statement);
        await ReceivablesCsv.WriteAsync(http, $"statement-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv", ["Date", "Kind", "Reference", "Amount", "Balance"],
            [[start, "opening", "", null, statement.OpeningBalance], .. statement.Lines.Select(l => (IReadOnlyList<object?>)[l.Date, l.Kind, l.Reference, l.Amount, l.Balance]),
                [end, "closing", "", null, statement.ClosingBalance]], cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task AgingCsvAsync(DateOnly? asOf, ReceivablesViews views, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        await ReceivablesCsv.WriteAsync(http, "aging.csv", ["LegalEntity", "Currency", "Current", "Days1To30", "Days31To60", "Days61To90", "Over90", "Total"],
            (await views.AgingAsync(asOf ?? Today(time), cancellationToken)).Select(a => (IReadOnlyList<object?>)[a.LegalEntityName, a.Currency, a.Current, a.Days1To30,
                a.Days31To60, a.Days61To90, a.Over90, a.Total]), cancellationToken);

    private static async Task OverdueCsvAsync(DateOnly? asOf, ReceivablesViews views, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        await ReceivablesCsv.WriteAsync(http, "overdue.csv", ["Invoice", "Customer", "Currency", "InvoiceDate", "DueDate", "Total", "Balance", "DaysOverdue"],
            (await views.OverdueAsync(asOf ?? Today(time), cancellationToken)).Select(o => (IReadOnlyList<object?>)[o.Number, o.CustomerName, o.Currency, o.InvoiceDate,
                o.DueDate, o.Total, o.Balance, o.DaysOverdue]), cancellationToken);

    private static async Task<Results<Ok<CollectionRequest>, ValidationProblem, ProblemHttpResult>> SetCollectionAsync(Guid id, CollectionRequest request,
        ContractCollection collection, CancellationToken cancellationToken)
    {
        var result = await collection.SaveAsync(id, request.AutoCharge ?? false, request.RemindAfterDays ?? [], request.HoldAfterDays, null, cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        var contract = result.Entity!;
        return TypedResults.Ok(new CollectionRequest(contract.AutoCharge, contract.Dunning.RemindAfterDays, contract.DunningHoldAfterDays));
    }
}
