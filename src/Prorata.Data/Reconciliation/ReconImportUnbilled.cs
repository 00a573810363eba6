namespace Prorata.Data.Reconciliation;

/// <summary>
/// A line of a stored import that no customer invoice line covers (fully or in part); the line itself is its
/// <see cref="ReconImportLine"/> of the same row.
/// </summary>
public sealed class ReconImportUnbilled
{
    public Guid ImportId { get; set; }

    public long Row { get; set; }

    public int UncoveredDays { get; set; }

    public decimal Amount { get; set; }
}
