using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application;
using Prorata.Application.Insight;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Insight;

/// <summary>
/// Gross profit per invoice line, customer, product, contract or month (every staff role reads it, as JSON or CSV), and
/// the margin floors the billing run holds lines to, which the roles that bill may set.
/// </summary>
public static class GrossProfitEndpoints
{
    public static IEndpointRouteBuilder MapGrossProfit(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Insight").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/metrics/gross-profit", ReadAsync).ProducesValidationProblem();
        api.MapGet("/metrics/gross-profit.csv", CsvAsync).ProducesValidationProblem();
        api.MapGet("/margin-floors", FloorsAsync);
        api.MapPut("/margin-floors/{productId}", SetFloorAsync).RequireAuthorization(Policies.BillingWrite).ProducesValidationProblem();
        api.MapDelete("/margin-floors/{productId}", RemoveFloorAsync).RequireAuthorization(Policies.BillingWrite).ProducesProblem(StatusCodes.Status404NotFound);

        // The page's forms post here and are sent back to the page with the outcome in the query string.
        app.MapPost("/insight/margin-floors", SetFloorFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        app.MapPost("/insight/margin-floors/remove", RemoveFloorFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<GrossProfitView>, ValidationProblem>> ReadAsync(string? from, string? to, string? by, Guid? legalEntityId, Guid? customerId,
        Guid? contractId, string? productId, GrossProfitReport report, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, errors) = GrossProfitQuery.Parse(from, to, by, Today(time));
        if (query is null) return TypedResults.ValidationProblem(errors);
        var (range, grouping) = (query.Range, query.By);
        return TypedResults.Ok(await report.ReadAsync(range.From, range.To, grouping, new GrossProfitFilter(legalEntityId, customerId, contractId, productId), cancellationToken));
    }

    private static async Task<IResult> CsvAsync(string? from, string? to, string? by, Guid? legalEntityId, Guid? customerId, Guid? contractId, string? productId,
        GrossProfitReport report, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (query, errors) = GrossProfitQuery.Parse(from, to, by, Today(time));
        if (query is null) return TypedResults.ValidationProblem(errors);
        var (range, grouping) = (query.Range, query.By);
        var view = await report.ReadAsync(range.From, range.To, grouping, new GrossProfitFilter(legalEntityId, customerId, contractId, productId), cancellationToken);
        var name = $"gross-profit-by-{view.By}-{range.From:yyyy-MM}-{range.To:yyyy-MM}.csv";
        if (grouping == GrossProfitGrouping.Line)
            await ReceivablesCsv.WriteAsync(http, name, GrossProfitCsv.LineHeader, view.Lines.Select(GrossProfitCsv.LineCells), cancellationToken);
        else
            await ReceivablesCsv.WriteAsync(http, name, GrossProfitCsv.GroupHeader, view.Groups.Select(GrossProfitCsv.GroupCells), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Ok<IReadOnlyList<MarginFloorResponse>>> FloorsAsync(MarginFloorSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<MarginFloorResponse>>((await settings.ListAsync(cancellationToken)).Select(MarginFloorResponse.From).ToList());

    private static async Task<Results<Ok<MarginFloorResponse>, ValidationProblem>> SetFloorAsync(string productId, MarginFloorRequest request, MarginFloorSettings settings,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var saved = await settings.SetAsync(productId, request.Percent, user.Identity?.Name ?? "staff", cancellationToken);
        return saved.Outcome == SaveOutcome.Saved ? TypedResults.Ok(MarginFloorResponse.From(saved.Entity!)) : saved.ToValidationProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFloorAsync(string productId, MarginFloorSettings settings, CancellationToken cancellationToken) =>
        await settings.RemoveAsync(productId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"No margin floor is set for '{productId}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<RedirectHttpResult> SetFloorFormAsync([FromForm] MarginFloorForm? form, MarginFloorSettings settings, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        form ??= new MarginFloorForm();
        decimal? percent = decimal.TryParse(form.Percent?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
        if (percent is null && !string.IsNullOrWhiteSpace(form.Percent))
            return Back($"error={Uri.EscapeDataString($"percent must be a number such as 5 or 7.5; got '{form.Percent}'.")}");
        var saved = await settings.SetAsync(form.ProductId, percent, user.Identity?.Name ?? "staff", cancellationToken);
        return saved.Outcome == SaveOutcome.Saved
            ? Back($"message={Uri.EscapeDataString(FormattableString.Invariant($"Margin floor of {saved.Entity!.ProductId} set to {saved.Entity.Percent:0.##} %."))}")
            : Back($"error={Uri.EscapeDataString(saved.Errors.First().Value[0])}");
    }

    private static async Task<RedirectHttpResult> RemoveFloorFormAsync([FromForm] MarginFloorForm? form, MarginFloorSettings settings, CancellationToken cancellationToken)
    {
        var product = form?.ProductId ?? "";
        return await settings.RemoveAsync(product, cancellationToken)
            ? Back($"message={Uri.EscapeDataString($"Margin floor of {product} removed.")}")
            : Back($"error={Uri.EscapeDataString($"No margin floor is set for '{product}'.")}");
    }

    private static RedirectHttpResult Back(string outcome) => TypedResults.LocalRedirect($"/insight/gross-profit?{outcome}");

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
