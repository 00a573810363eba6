namespace Prorata.Data.Reconciliation;

/// <summary>
/// What importing a usage file did: stored it (<see cref="Import"/>), recognised it as a file stored before
/// (<see cref="Duplicate"/>, the earlier import), or refused it with the row, column and value named and nothing stored.
/// </summary>
public sealed record UsageImportOutcome(UsageImport? Import, bool Duplicate, UsageFileRefusal? Refusal)
{
    public static UsageImportOutcome Stored(UsageImport import) => new(import, false, null);

    public static UsageImportOutcome Again(UsageImport earlier) => new(earlier, true, null);

    public static UsageImportOutcome Refused(UsageFileRefusal refusal) => new(null, false, refusal);
}
