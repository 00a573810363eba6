using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Insight;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Insight;

/// <summary>
/// The metrics every staff role reads, as JSON or CSV: MRR per currency and per customer with its movements, and the
/// deferred revenue schedule per legal entity and currency.
/// </summary>
public static class InsightEndpoints
{
    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/metrics").WithTags("Insight").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/mrr", MrrAsync).ProducesValidationProblem();
        api.MapGet("/mrr.csv", MrrCsvAsync).ProducesValidationProblem();
        api.MapGet("/deferred-revenue", DeferredRevenueAsync).ProducesValidationProblem();
        api.MapGet("/deferred-revenue.csv", DeferredRevenueCsvAsync).ProducesValidationProblem();
        app.MapRenewals();
        app.MapGrossProfit();
        return app;
    }

    private static async Task<Results<Ok<MrrView>, ValidationProblem>> MrrAsync(string? from, string? to, Guid? legalEntityId, MrrReport report, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MrrReport.MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await report.MonthsAsync(range.From, range.To, legalEntityId, cancellationToken));
    }

    private static async Task<IResult> MrrCsvAsync(string? from, string? to, Guid? legalEntityId, MrrReport report, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (range, errors) = ReportMonths.Parse(from, to, Today(time), MrrReport.MaxMonths);
        if (range is null) return TypedResults.ValidationProblem(errors);
        var view = await report.MonthsAsync(range.From, range.To, legalEntityId, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, $"mrr-{range.From:yyyy-MM}-{range.To:yyyy-MM}.csv",
            ["Month", "Customer", "Currency", "Mrr", "MrrCost", "Arr", "Margin", "Movement"],
            view.Customers.Select(c => (IReadOnlyList<object?>)[c.Month, c.CustomerName, c.Currency, c.Mrr, c.MrrCost, c.Arr, c.Margin, c.Movement]), cancellationToken);
        return TypedResults.Empty;
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
