using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Search;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Search;

/// <summary>/api/v1/search: the search box over customers, subscriptions and invoices.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync).WithTags("Search").WithName("Search").RequireAuthorization(Policies.StaffRead)
            .WithSummary("Customers (name, e-mail, tenant id or domain), subscriptions (title, product, Microsoft id) and invoices (number, customer) matching the words")
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="q">The words: a name, a tenant id or domain, a Microsoft subscription id, an invoice number such as INV-000042.</param>
    /// <param name="search">The search.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(string? q, GlobalSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length > ListQuery.MaxTextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"q must be 1 to {ListQuery.MaxTextLength} characters; got '{q}'."],
            }, title: "One or more query parameters are invalid.");
        var text = q.Trim();
        var groups = await search.FindAsync(text, cancellationToken);
        return TypedResults.Ok(new SearchResponse(text, [.. groups.Select(g =>
            new SearchGroupResponse(g.Kind, g.Total, SearchLinks.List(g.Kind, text), [.. g.Hits.Select(SearchHitResponse.From)]))]));
    }
}
