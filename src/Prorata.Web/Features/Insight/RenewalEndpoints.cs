using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application.Insight;
using Prorata.Application.Subscriptions;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Features.Subscriptions;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Insight;

/// <summary>
/// The renewals ahead (every staff role reads them, as JSON or CSV) and accepting a suggestion, for the roles that change
/// subscriptions: accepting schedules the renewal's seats through <see cref="SubscriptionChanges"/>, so a refusal is 422 with
/// the rule's code (RenewalPassed, SuggestionChanged, or any refusal of a scheduled change) and nothing is written.
/// </summary>
public static class RenewalEndpoints
{
    public static IEndpointRouteBuilder MapRenewals(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/metrics").WithTags("Insight").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/renewals", ListAsync).ProducesValidationProblem();
        api.MapGet("/renewals.csv", CsvAsync).ProducesValidationProblem();
        api.MapPost("/renewals/{subscriptionId:guid}/accept", AcceptAsync).RequireAuthorization(Policies.SubscriptionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        // The page's Accept buttons post here and are sent back to the page with the outcome in the query string.
        app.MapPost("/insight/renewals/{subscriptionId:guid}/accept", AcceptFormAsync).RequireAuthorization(Policies.SubscriptionsWrite).ExcludeFromDescription();
        return app;
    }

    /// <param name="within">30, 60 or 90 days after today (UTC); 30 when not given.</param>
    private static async Task<Results<Ok<IReadOnlyList<RenewalAheadRow>>, ValidationProblem>> ListAsync(string? within, Guid? customerId, Guid? contractId,
        RenewalsAhead renewals, TimeProvider time, CancellationToken cancellationToken)
    {
        var (days, errors) = RenewalWindow.Parse(within);
        if (days is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await renewals.ListAsync(time.GetUtcNow(), days.Value, customerId, contractId, cancellationToken));
    }

    private static async Task<IResult> CsvAsync(string? within, Guid? customerId, Guid? contractId, RenewalsAhead renewals, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (days, errors) = RenewalWindow.Parse(within);
        if (days is null) return TypedResults.ValidationProblem(errors);
        var now = time.GetUtcNow();
        var rows = await renewals.ListAsync(now, days.Value, customerId, contractId, cancellationToken);
        await ReceivablesCsv.WriteAsync(http, $"renewals-{now:yyyy-MM-dd}-within-{days}.csv", RenewalAheadCsv.Header, rows.Select(RenewalAheadCsv.Cells), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<ChangeAcceptedResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(Guid subscriptionId, RenewalAcceptRequest request,
        RenewalSuggestionAcceptance acceptance, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Parse(errors) is not { } accepted)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more fields are invalid; nothing was saved.");
        var outcome = await acceptance.AcceptAsync(subscriptionId, accepted.RenewsOn, accepted.Seats, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        return outcome.Subscription is { } s
            ? TypedResults.Ok(new ChangeAcceptedResponse(SubscriptionResponse.From(s), ChangeLogEntryResponse.From(outcome.Entry!)))
            : outcome.ToProblem();
    }

    private static async Task<RedirectHttpResult> AcceptFormAsync(Guid subscriptionId, [FromForm] RenewalAcceptForm? form, RenewalSuggestionAcceptance acceptance,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        form ??= new RenewalAcceptForm();
        var back = $"/insight/renewals?within={RenewalWindow.Parse(form.Within).Days ?? RenewalWindow.Default}";
        var errors = new ValidationErrors();
        if (new RenewalAcceptRequest(form.RenewsOn, form.Seats).Parse(errors) is not { } accepted)
            return TypedResults.LocalRedirect($"{back}&error={Uri.EscapeDataString(errors.ToDictionary().First().Value[0])}");
        var outcome = await acceptance.AcceptAsync(subscriptionId, accepted.RenewsOn, accepted.Seats, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        var text = outcome switch
        {
            { Subscription: { } s } => $"message={Uri.EscapeDataString($"Scheduled {accepted.Seats} seats of {s.Title} at its renewal on {accepted.RenewsOn:yyyy-MM-dd}.")}",
            { Refusal: { } refusal } => $"error={Uri.EscapeDataString($"{refusal.Code}: {refusal.Message}")}",
            { NotFound: { } missing } => $"error={Uri.EscapeDataString(missing)}",
            _ => $"error={Uri.EscapeDataString("Another change of this subscription was recorded at the same moment; try again.")}",
        };
        return TypedResults.LocalRedirect($"{back}&{text}");
    }
}
