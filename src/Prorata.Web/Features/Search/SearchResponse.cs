using Prorata.Application.Search;

namespace Prorata.Web.Features.Search;

/// <summary>What the search box found, per kind (customer, subscription, invoice): the first hits, the count, and the list with the rest.</summary>
public sealed record SearchResponse(string Q, IReadOnlyList<SearchGroupResponse> Groups);

public sealed record SearchGroupResponse(string Kind, int Total, string ListUrl, IReadOnlyList<SearchHitResponse> Hits);

public sealed record SearchHitResponse(Guid Id, string Title, string Detail, string Url)
{
    public static SearchHitResponse From(SearchHit hit) => new(hit.Id, hit.Title, hit.Detail, SearchLinks.Page(hit.Kind, hit.Id));
}

/// <summary>Where each kind of thing lives in the staff app.</summary>
public static class SearchLinks
{
    public static string Page(string kind, Guid id) => $"{List(kind)}/{id}";

    public static string List(string kind) => kind switch
    {
        "customer" => "/customers",
        "subscription" => "/subscriptions",
        "invoice" => "/invoices",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No list for this kind."),
    };

    public static string List(string kind, string q) => $"{List(kind)}?q={Uri.EscapeDataString(q)}";
}
