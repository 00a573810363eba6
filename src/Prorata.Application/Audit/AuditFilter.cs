using System.Globalization;
using Prorata.Data.Audit;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Audit;

/// <summary>
/// Which audit entries to list: of one entity type and id, by one actor, from and to a day (both inclusive, UTC), with a
/// text in the label or actor; a page of them, newest first.
/// </summary>
public sealed record AuditFilter
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int MaxTextLength = 200;

    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Actor { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads the filter as the API, the page and the command line take it; null, with each refusal in <paramref name="errors"/>, when invalid.</summary>
    public static AuditFilter? Parse(string? entityType, string? entityId, string? actor, string? from, string? to, string? q, int? page, int? pageSize,
        ValidationErrors errors)
    {
        string? type = null;
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            type = AuditedTypes.Names.FirstOrDefault(n => string.Equals(n, entityType.Trim(), StringComparison.OrdinalIgnoreCase));
            if (type is null) errors.Add("entityType", $"entityType must be one of {string.Join(", ", AuditedTypes.Names)}; got '{entityType}'.");
        }
        if (entityId is { Length: > AuditEntry.MaxEntityIdLength }) errors.Add("entityId", $"entityId must be at most {AuditEntry.MaxEntityIdLength} characters; got {entityId.Length}.");
        if (actor is { Length: > AuditEntry.MaxActorLength }) errors.Add("actor", $"actor must be at most {AuditEntry.MaxActorLength} characters; got {actor.Length}.");
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay > toDay) errors.Add("to", $"to must be on or after from ({from}); got '{to}'.");
        if (q is { Length: > MaxTextLength }) errors.Add("q", $"q must be at most {MaxTextLength} characters; got {q.Length}.");
        if (page is < 1) errors.Add("page", $"page must be 1 or more; got {page}.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}; got {pageSize}.");
        if (!errors.IsValid) return null;
        return new AuditFilter
        {
            EntityType = type, EntityId = Blank(entityId), Actor = Blank(actor), From = fromDay, To = toDay, Text = Blank(q),
            Page = page ?? 1, PageSize = pageSize ?? DefaultPageSize,
        };
    }

    private static DateOnly? Day(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"{field} must be a date (yyyy-MM-dd); got '{text}'.");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
