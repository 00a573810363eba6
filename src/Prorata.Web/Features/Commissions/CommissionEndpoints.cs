using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Commissions;
using Prorata.Application.Insight;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Commissions;

/// <summary>
/// Salespeople and their plans (/api/v1/salespeople), who sells a contract (/api/v1/contracts/{id}/salesperson), the
/// commission ledger (/api/v1/commissions[.csv]) and the statements (/api/v1/commissions/statements). Every staff role
/// reads; Owner and Finance write, approve and mark paid. Bad input is 400 naming the field and value, a broken rule 422
/// with its code, approving or paying twice 409; nothing is written then.
/// </summary>
public static class CommissionEndpoints
{
    /// <summary>The longest range one ledger read covers: ten years of months.</summary>
    public const int MaxMonths = 120;

    public static IEndpointRouteBuilder MapCommissions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Commissions").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/salespeople", async (Salespeople people, CancellationToken ct) =>
            TypedResults.Ok((await people.ListAsync(ct)).Select(SalespersonResponse.From).ToList()));
        api.MapGet("/salespeople/{id:guid}", GetSalespersonAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/salespeople", CreateSalespersonAsync).RequireAuthorization(Policies.CommissionsWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/salespeople/{id:guid}", UpdateSalespersonAsync).RequireAuthorization(Policies.CommissionsWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/salespeople/{id:guid}/plans", ListPlansAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/salespeople/{id:guid}/plans", AddPlanAsync).RequireAuthorization(Policies.CommissionsWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/salespeople/{id:guid}/plans/{planId:guid}", UpdatePlanAsync).RequireAuthorization(Policies.CommissionsWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/salespeople/{id:guid}/plans/{planId:guid}", DeletePlanAsync).RequireAuthorization(Policies.CommissionsWrite)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/contracts/{id:guid}/salesperson", ContractSalespersonAsync);
        api.MapPut("/contracts/{id:guid}/salesperson", AssignAsync).RequireAuthorization(Policies.CommissionsWrite).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/commissions", LedgerAsync).ProducesValidationProblem();
        api.MapGet("/commissions.csv", LedgerCsvAsync).ProducesValidationProblem();
        api.MapGet("/commissions/statements", StatementsAsync).ProducesValidationProblem();
        api.MapGet("/commissions/statements/{salespersonId:guid}/{month}", StatementAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/commissions/statements/{salespersonId:guid}/{month}/approve", ApproveAsync).RequireAuthorization(Policies.CommissionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/commissions/statements/{salespersonId:guid}/{month}/paid", PaidAsync).RequireAuthorization(Policies.CommissionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapCommissionForms();
        return app;
    }

    /// <summary>A refused command as ProblemDetails: 400 by field, 422 with the rule's code, 404, 409.</summary>
    public static IResult Problem<T>(CommissionResult<T> result) where T : class => result.Outcome switch
    {
        CommissionOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "One or more fields are invalid; nothing was saved."),
        CommissionOutcome.Refused => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused; nothing was saved.",
            extensions: new Dictionary<string, object?> { ["code"] = result.Code }),
        CommissionOutcome.NotFound => SaveResultHttp.NotFound(result.Message ?? "Not found."),
        CommissionOutcome.Conflict => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict; nothing was saved."),
        _ => throw new InvalidOperationException($"{result.Outcome} is not a refusal."),
    };

    /// <summary>A month written yyyy-MM, or the message naming the field and what was sent.</summary>
    public static (DateOnly? Month, Dictionary<string, string[]> Errors) Month(string? text, string field)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return (month, []);
        return (null, new Dictionary<string, string[]> { [field] = [$"{field} must be a month written yyyy-MM, such as 2026-01; got '{text}'."] });
    }

    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "staff";

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static async Task<IResult> GetSalespersonAsync(Guid id, Salespeople people, CancellationToken cancellationToken) =>
        await people.FindAsync(id, cancellationToken) is { } person
            ? TypedResults.Ok(SalespersonResponse.From(person))
            : SaveResultHttp.NotFound($"No salesperson has id '{id}'.");

    private static async Task<IResult> CreateSalespersonAsync(SalespersonDraft request, Salespeople people, CancellationToken cancellationToken)
    {
        var result = await people.CreateAsync(request, cancellationToken);
        return result.Value is { } person ? TypedResults.Created($"/api/v1/salespeople/{person.Id}", SalespersonResponse.From(person)) : Problem(result);
    }

    private static async Task<IResult> UpdateSalespersonAsync(Guid id, SalespersonDraft request, Salespeople people, CancellationToken cancellationToken)
    {
        var result = await people.UpdateAsync(id, request, cancellationToken);
        return result.Value is { } person ? TypedResults.Ok(SalespersonResponse.From(person)) : Problem(result);
    }

    private static async Task<IResult> ListPlansAsync(Guid id, Salespeople people, CancellationToken cancellationToken) =>
        await people.FindAsync(id, cancellationToken) is { } person
            ? TypedResults.Ok(SalespersonResponse.From(person).Plans)
            : SaveResultHttp.NotFound($"No salesperson has id '{id}'.");

    private static async Task<IResult> AddPlanAsync(Guid id, PlanDraft request, SalespersonPlans plans, CancellationToken cancellationToken)
    {
        var result = await plans.AddAsync(id, request, cancellationToken);
        return result.Value is { } plan ? TypedResults.Created($"/api/v1/salespeople/{id}/plans/{plan.Id}", PlanResponse.From(plan)) : Problem(result);
    }

    private static async Task<IResult> UpdatePlanAsync(Guid id, Guid planId, PlanDraft request, SalespersonPlans plans, CancellationToken cancellationToken)
    {
        var result = await plans.UpdateAsync(id, planId, request, cancellationToken);
        return result.Value is { } plan ? TypedResults.Ok(PlanResponse.From(plan)) : Problem(result);
    }

    private static async Task<IResult> DeletePlanAsync(Guid id, Guid planId, SalespersonPlans plans, CancellationToken cancellationToken)
    {
        var result = await plans.DeleteAsync(id, planId, cancellationToken);
        return result.Value is not null ? TypedResults.NoContent() : Problem(result);
    }

    private static async Task<IResult> ContractSalespersonAsync(Guid id, ContractSalespeople assignments, CancellationToken cancellationToken) =>
        TypedResults.Ok(ContractSalespersonResponse.From(id, await assignments.HistoryAsync(id, cancellationToken)));

    private static async Task<IResult> AssignAsync(Guid id, ContractSalespersonRequest request, ContractSalespeople assignments, HttpContext http,
        CancellationToken cancellationToken)
    {
        var result = await assignments.AssignAsync(id, request.SalespersonId, request.From, Actor(http), cancellationToken);
        return result.Value is { } history ? TypedResults.Ok(ContractSalespersonResponse.From(id, history)) : Problem(result);
    }

    /// <param name="from">The first month (yyyy-MM) whose payable entries are listed; with <paramref name="to"/>, the twelve months up to this one by default.</param>
    /// <param name="to">The last month, inclusive.</param>
    /// <param name="salespersonId">Only this salesperson's entries.</param>
    private static async Task<IResult> LedgerAsync(string? from, string? to, Guid? salespersonId, CommissionLedger ledger, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok((await EntriesAsync(ledger, range, salespersonId, cancellationToken)).Select(CommissionEntryResponse.From).ToList());
    }

    private static async Task<IResult> LedgerCsvAsync(string? from, string? to, Guid? salespersonId, CommissionLedger ledger, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        var entries = await EntriesAsync(ledger, range, salespersonId, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, $"commissions-{range.From:yyyy-MM}-{range.To:yyyy-MM}.csv", CommissionCsv.Header, entries.Select(CommissionCsv.Cells),
            cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The entries payable in the range's months.</summary>
    public static async Task<IReadOnlyList<CommissionEntry>> EntriesAsync(CommissionLedger ledger, ReportMonths range, Guid? salespersonId,
        CancellationToken cancellationToken) =>
        (await ledger.EntriesAsync(range.To.AddMonths(1).AddDays(-1), salespersonId, cancellationToken)).Where(e => e.PayableOn >= range.From).ToList();

    private static async Task<IResult> StatementsAsync(string? from, string? to, Guid? salespersonId, CommissionStatements statements, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        var list = await statements.ListAsync(range.From, range.To, salespersonId, cancellationToken);
        return TypedResults.Ok(list.Select(s => CommissionStatementResponse.From(s, withEntries: false)).ToList());
    }

    private static async Task<IResult> StatementAsync(Guid salespersonId, string month, CommissionStatements statements, CancellationToken cancellationToken)
    {
        var (day, errors) = Month(month, "month");
        if (day is null) return TypedResults.ValidationProblem(errors);
        return await statements.GetAsync(salespersonId, day.Value, cancellationToken) is { } statement
            ? TypedResults.Ok(CommissionStatementResponse.From(statement, withEntries: true))
            : SaveResultHttp.NotFound($"No salesperson has id '{salespersonId}'.");
    }

    private static async Task<IResult> ApproveAsync(Guid salespersonId, string month, CommissionStatements statements, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (day, errors) = Month(month, "month");
        if (day is null) return TypedResults.ValidationProblem(errors);
        var result = await statements.ApproveAsync(salespersonId, day.Value, Actor(http), cancellationToken);
        return result.Value is { } statement ? TypedResults.Ok(CommissionStatementResponse.From(statement, withEntries: true)) : Problem(result);
    }

    private static async Task<IResult> PaidAsync(Guid salespersonId, string month, StatementPaidRequest request, CommissionStatements statements, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (day, errors) = Month(month, "month");
        if (day is null) return TypedResults.ValidationProblem(errors);
        var result = await statements.PayAsync(salespersonId, day.Value, request.Reference, Actor(http), cancellationToken);
        return result.Value is { } statement ? TypedResults.Ok(CommissionStatementResponse.From(statement, withEntries: true)) : Problem(result);
    }
}
