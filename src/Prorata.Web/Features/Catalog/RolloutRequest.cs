namespace Prorata.Web.Features.Catalog;

/// <summary>Body of PUT /api/v1/price-lists/{id}/rollout: atRenewal (default), immediately or onDate, with a date (yyyy-MM-dd) for the latter two.</summary>
public sealed record RolloutRequest(string? Rollout, string? Date);
