using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// One recon file matched and stored with all its lines. The SHA-256 of the file's bytes is unique, so the same file
/// imported twice is recognised; a refused file is never stored (rolled back, or on SQLite removed batch by batch).
/// </summary>
public sealed class ReconImport
{
    /// <summary>
    /// <see cref="Rows"/> while SQLite takes the lines in short batches (so other writers are not locked out for the whole
    /// file): readers skip such an import, and one left by a crash is removed at the next start.
    /// </summary>
    public const long Unfinished = -1;

    public Guid Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; set; }

    public string? ScenarioName { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public long Rows { get; set; }

    public int Matched { get; set; }

    public int AmountMismatch { get; set; }

    public int QuantityMismatch { get; set; }

    public int PriceMismatch { get; set; }

    public int UnexpectedCharge { get; set; }

    public int UnknownSubscription { get; set; }

    public int MissingCharge { get; set; }

    public decimal MoneyAtStake { get; set; }

    public decimal ActualTotal { get; set; }

    public decimal ExpectedTotal { get; set; }

    public decimal UnbilledTotal { get; set; }

    /// <summary>The totals of each currency of the file; the amounts above add currencies and are read only for a one-currency file.</summary>
    public List<ReconCurrencyTotals> Currencies { get; set; } = [];

    /// <summary>
    /// When a person withdrew the import (a wrong file, another partner's): it stays listed for audit, but no result,
    /// report or work item counts it any more.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }

    /// <summary>The names of the file's columns without a typed field, packed once for all its lines (<see cref="ReconImportLine.OtherColumns"/>).</summary>
    public string? OtherColumnNames { get; set; }
}
