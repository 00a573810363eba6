namespace Prorata.Web.Features.Catalog;

/// <summary>
/// An imported price list: the version, rows skipped as not license offers, the count of each kind of change, and what
/// the checks found (also kept with the version).
/// </summary>
public sealed record ImportResultResponse(PriceListVersionResponse Version, int Skipped, int Added, int Repriced, int Removed, int AffectedSubscriptions,
    IReadOnlyList<PriceListWarningResponse> Warnings);
