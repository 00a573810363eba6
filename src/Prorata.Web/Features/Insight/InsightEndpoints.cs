using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Insight;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Insight;

/// <summary>
/// The metrics every staff role reads, as JSON or CSV: MRR per currency and per customer, product or legal entity with its
/// movements (and converted at a stated rate table when asked), and the deferred revenue schedule per legal entity and currency.
/// </summary>
public static class InsightEndpoints
{
    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/metrics").WithTags("Insight").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/mrr", MrrAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/mrr.csv", MrrCsvAsync).ProducesValidationProblem();
        api.MapGet("/deferred-revenue", DeferredRevenueAsync).ProducesValidationProblem();
        api.MapGet("/deferred-revenue.csv", DeferredRevenueCsvAsync).ProducesValidationProblem();
        app.MapRenewals();
        app.MapGrossProfit();
        return app;
    }

    private static async Task<Results<Ok<MrrView>, ValidationProblem, ProblemHttpResult>> MrrAsync(string? from, string? to, Guid? legalEntityId, string? by,
        string? convertTo, string? rates, MrrReport report, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MrrReport.MaxMonths);
        var grouping = Grouping(by, errors);
        var (stated, rateErrors) = MrrConversion.Parse(convertTo, rates);
        foreach (var (field, messages) in rateErrors) errors[field] = messages;
        if (range is null || errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var view = await report.MonthsAsync(range.From, range.To, legalEntityId, grouping, cancellationToken);
        if (stated is null) return TypedResults.Ok(view);
        var unrated = MrrConversion.Unrated(view, stated);
        if (unrated.Count > 0)
            return TypedResults.Problem($"No rate to {stated.Target.Code} was stated for {string.Join(", ", unrated)}, which these months have: add {unrated[0]}:RATE to rates.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "A currency of the report has no rate.",
                extensions: new Dictionary<string, object?> { ["code"] = "missingRate", ["currencies"] = unrated });
        return TypedResults.Ok(MrrConversion.Apply(view, stated));
    }

    private static async Task<IResult> MrrCsvAsync(string? from, string? to, Guid? legalEntityId, string? by, MrrReport report, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MrrReport.MaxMonths);
        var grouping = Grouping(by, errors);
        if (range is null || errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var view = await report.MonthsAsync(range.From, range.To, legalEntityId, grouping, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, $"mrr{(grouping == MrrGrouping.Customer ? "" : "-by-" + view.By)}-{range.From:yyyy-MM}-{range.To:yyyy-MM}.csv",
            MrrCsv.Header(grouping), MrrCsv.Rows(view, grouping).Select(r => r.Cells), cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The <c>by</c> of the MRR report (customer when not given); a value it does not know is an error of the field.</summary>
    private static MrrGrouping Grouping(string? by, Dictionary<string, string[]> errors)
    {
        var problems = new ValidationErrors();
        var grouping = EnumText.Parse(by, MrrGrouping.Customer, "by", problems);
        foreach (var (field, messages) in problems.ToDictionary()) errors[field] = messages;
        return grouping;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeferredRevenueRow>>, ValidationProblem>> DeferredRevenueAsync(string? from, string? to, Guid? legalEntityId,
        DeferredRevenueReport report, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), DeferredRevenueReport.MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await report.MonthsAsync(range.From, range.To, legalEntityId, cancellationToken));
    }

    private static async Task<IResult> DeferredRevenueCsvAsync(string? from, string? to, Guid? legalEntityId, DeferredRevenueReport report, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), DeferredRevenueReport.MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        var rows = await report.MonthsAsync(range.From, range.To, legalEntityId, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, $"deferred-revenue-{range.From:yyyy-MM}-{range.To:yyyy-MM}.csv",
            ["LegalEntity", "Currency", "Month", "Opening", "Billed", "Recognised", "Closing"],
            rows.Select(r => (IReadOnlyList<object?>)[r.LegalEntityName, r.Currency, r.Month, r.Opening, r.Billed, r.Recognised, r.Closing]), cancellationToken);
        return TypedResults.Empty;
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
