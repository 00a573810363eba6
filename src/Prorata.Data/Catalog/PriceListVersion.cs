using Prorata.Domain.Catalog;

namespace Prorata.Data.Catalog;

/// <summary>
/// One imported price list, kept forever: the rows of every version stay, so that any past invoice can be recomputed
/// from the prices in force then, and the next import can be compared with this one.
/// </summary>
public sealed class PriceListVersion
{
    public Guid Id { get; set; }

    /// <summary>The file name or label the partner gave it.</summary>
    public required string Name { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    /// <summary>The earliest EffectiveStartDate among its rows.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public int RowCount { get; set; }

    public PriceRollout Rollout { get; set; }

    /// <summary>The date customer prices follow from, for <see cref="PriceRollout.OnDate"/> and <see cref="PriceRollout.Immediately"/>.</summary>
    public DateOnly? RolloutDate { get; set; }

    /// <summary>What the checks found when it was imported (<see cref="PriceListChecks"/>), kept so its page shows them later.</summary>
    public List<PriceListWarning> Warnings { get; set; } = [];

    public List<PriceListEntry> Entries { get; set; } = [];
}
