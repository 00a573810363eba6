namespace Prorata.Data.Subscriptions;

/// <summary>
/// Where a license change came from: a staff member in Prorata, the customer portal, a Partner Center sync, or an
/// imported daily-rated usage file (an Azure plan's usage).
/// </summary>
public enum ChangeSource
{
    Staff,
    Portal,
    Sync,
    UsageFile,
}
