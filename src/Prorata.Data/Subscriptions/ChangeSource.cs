namespace Prorata.Data.Subscriptions;

/// <summary>Where a license change came from: a staff member in Prorata, the customer portal, or a Partner Center sync.</summary>
public enum ChangeSource
{
    Staff,
    Portal,
    Sync,
}
