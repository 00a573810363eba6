namespace Prorata.Web.Features.Catalog;

/// <summary>An imported price list: the version, rows skipped as not license offers, and the count of each kind of change.</summary>
public sealed record ImportResultResponse(PriceListVersionResponse Version, int Skipped, int Added, int Repriced, int Removed, int AffectedSubscriptions);
