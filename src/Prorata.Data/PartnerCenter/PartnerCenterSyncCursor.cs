namespace Prorata.Data.PartnerCenter;

/// <summary>
/// How far the activity log has been applied: the one row (<see cref="SingletonId"/>) written in the same transaction
/// as the changes it covers, so a crash never leaves changes without the cursor or the cursor without its changes.
/// </summary>
public sealed class PartnerCenterSyncCursor
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public DateTimeOffset? LastOperationDate { get; set; }

    /// <summary>Ids of the activity-log records applied inside the overlap window, one per line.</summary>
    public required string RecentRecordIds { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
