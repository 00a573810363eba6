using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Insight;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Insight;

/// <summary>The metrics every staff role reads: the deferred revenue schedule per legal entity and currency, as JSON or CSV.</summary>
public static class InsightEndpoints
{
    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/metrics").WithTags("Insight").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/deferred-revenue", DeferredRevenueAsync).ProducesValidationProblem();
        api.MapGet("/deferred-revenue.csv", DeferredRevenueCsvAsync).ProducesValidationProblem();
        app.MapRenewals();
        return app;
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
