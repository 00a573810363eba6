using Prorata.Domain.Catalog;

namespace Prorata.Data.Catalog;

/// <summary>
/// An import's outcome: the version stored with its warnings, or no version when a warning needs confirming
/// (<see cref="PriceListWarning.NeedsConfirmation"/>) and the import did not confirm it; then nothing was written.
/// </summary>
public sealed record PriceListImportOutcome(PriceListVersion? Version, IReadOnlyList<PriceListWarning> Warnings)
{
    public IReadOnlyList<PriceListWarning> Unconfirmed => Version is null ? [.. Warnings.Where(w => w.NeedsConfirmation)] : [];
}
