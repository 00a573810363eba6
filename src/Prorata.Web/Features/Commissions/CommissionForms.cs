using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Commissions;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Commissions;

/// <summary>
/// The posts of the commissions page's and the contract page's forms: the same commands as the API, each sent back to its
/// page with the outcome in the query string. Owner and Finance only, like the API's writes.
/// </summary>
public static class CommissionForms
{
    public static IEndpointRouteBuilder MapCommissionForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/commissions").RequireAuthorization(Policies.CommissionsWrite).ExcludeFromDescription();
        forms.MapPost("/salespeople", CreateAsync);
        forms.MapPost("/salespeople/{id:guid}", UpdateAsync);
        forms.MapPost("/salespeople/{id:guid}/plans", AddPlanAsync);
        forms.MapPost("/salespeople/{id:guid}/plans/{planId:guid}/end", EndPlanAsync);
        forms.MapPost("/salespeople/{id:guid}/plans/{planId:guid}/delete", DeletePlanAsync);
        forms.MapPost("/statements/{salespersonId:guid}/{month}/approve", ApproveAsync);
        forms.MapPost("/statements/{salespersonId:guid}/{month}/paid", PaidAsync);
        app.MapPost("/contracts/{id:guid}/salesperson", AssignAsync).RequireAuthorization(Policies.CommissionsWrite).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> CreateAsync(IFormCollection form, Salespeople people, CancellationToken cancellationToken)
    {
        var result = await people.CreateAsync(new SalespersonDraft(form["name"], form["email"], true), cancellationToken);
        return Back(result, p => $"Added salesperson {p.Name}.");
    }

    private static async Task<RedirectHttpResult> UpdateAsync(Guid id, IFormCollection form, Salespeople people, CancellationToken cancellationToken)
    {
        // A checkbox sends nothing when it is off.
        var result = await people.UpdateAsync(id, new SalespersonDraft(form["name"], form["email"], form["active"].Count > 0), cancellationToken);
        return Back(result, p => $"Saved salesperson {p.Name} ({(p.Active ? "active" : "inactive")}).");
    }

    private static async Task<RedirectHttpResult> AddPlanAsync(Guid id, IFormCollection form, SalespersonPlans plans, CancellationToken cancellationToken)
    {
        var rateText = form["rate"].ToString().Trim();
        if (!decimal.TryParse(rateText, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate))
            return Page(error: $"rate must be a percent from 0 to 100 such as 10 or 12.5; got '{rateText}'.");
        var draft = new PlanDraft(form["productId"], form["skuId"], form["basis"], rate, form["payout"], form["effectiveFrom"], form["effectiveTo"]);
        var result = await plans.AddAsync(id, draft, cancellationToken);
        return Back(result, p => $"Added the plan for {p.ProductId}{(p.SkuId is null ? "" : $" / {p.SkuId}")} from {p.EffectiveFrom:yyyy-MM-dd}.");
    }

    private static async Task<RedirectHttpResult> EndPlanAsync(Guid id, Guid planId, IFormCollection form, SalespersonPlans plans, CancellationToken cancellationToken)
    {
        var result = await plans.EndAsync(id, planId, form["effectiveTo"], cancellationToken);
        return Back(result, p => $"The plan for {p.ProductId}{(p.SkuId is null ? "" : $" / {p.SkuId}")} ends on {p.EffectiveTo:yyyy-MM-dd}.");
    }

    private static async Task<RedirectHttpResult> DeletePlanAsync(Guid id, Guid planId, IFormCollection form, SalespersonPlans plans,
        CancellationToken cancellationToken)
    {
        // Bound so that the post's antiforgery token is checked; the step takes no field.
        _ = form;
        var result = await plans.DeleteAsync(id, planId, cancellationToken);
        return Back(result, p => $"Deleted the plan for {p.ProductId}{(p.SkuId is null ? "" : $" / {p.SkuId}")} from {p.EffectiveFrom:yyyy-MM-dd}.");
    }

    private static async Task<RedirectHttpResult> ApproveAsync(Guid salespersonId, string month, IFormCollection form, CommissionStatements statements,
        HttpContext http, CancellationToken cancellationToken)
    {
        _ = form;
        var (day, errors) = CommissionEndpoints.Month(month, "month");
        if (day is null) return Page(error: errors["month"][0]);
        var result = await statements.ApproveAsync(salespersonId, day.Value, CommissionEndpoints.Actor(http), cancellationToken);
        return Back(result, s => $"Approved the statement of {s.SalespersonName} for {s.Month:yyyy-MM}.");
    }

    private static async Task<RedirectHttpResult> PaidAsync(Guid salespersonId, string month, IFormCollection form, CommissionStatements statements,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (day, errors) = CommissionEndpoints.Month(month, "month");
        if (day is null) return Page(error: errors["month"][0]);
        var result = await statements.PayAsync(salespersonId, day.Value, form["reference"], CommissionEndpoints.Actor(http), cancellationToken);
        return Back(result, s => $"Marked the statement of {s.SalespersonName} for {s.Month:yyyy-MM} paid ({s.PaidReference}).");
    }

    private static async Task<RedirectHttpResult> AssignAsync(Guid id, IFormCollection form, ContractSalespeople assignments, HttpContext http,
        CancellationToken cancellationToken)
    {
        var chosen = form["salespersonId"].ToString();
        Guid? salespersonId = Guid.TryParse(chosen, out var parsed) ? parsed : null;
        var result = await assignments.AssignAsync(id, salespersonId, form["from"], CommissionEndpoints.Actor(http), cancellationToken);
        var text = result.Value is { } history
            ? $"message={Uri.EscapeDataString(history[^1].SalespersonId is null ? $"Nobody sells this contract from {history[^1].From:yyyy-MM-dd}." : $"Salesperson set from {history[^1].From:yyyy-MM-dd}.")}"
            : $"error={Uri.EscapeDataString(result.Explanation)}";
        return TypedResults.LocalRedirect($"/contracts/{id}?{text}#salesperson");
    }

    private static RedirectHttpResult Back<T>(CommissionResult<T> result, Func<T, string> done) where T : class =>
        result.Value is { } value ? Page(message: done(value)) : Page(error: result.Code is null ? result.Explanation : $"{result.Code}: {result.Explanation}");

    private static RedirectHttpResult Page(string? message = null, string? error = null) =>
        TypedResults.LocalRedirect(error is null ? $"/commissions?message={Uri.EscapeDataString(message ?? "")}" : $"/commissions?error={Uri.EscapeDataString(error)}");
}
