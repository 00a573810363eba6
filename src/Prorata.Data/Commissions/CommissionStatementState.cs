namespace Prorata.Data.Commissions;

/// <summary>Where a salesperson's statement of a month stands. Stored as text: never rename one.</summary>
public enum CommissionStatementState
{
    /// <summary>Still computed from the ledger each time it is read; never stored.</summary>
    Open,

    /// <summary>Owner or Finance approved it: its entries are frozen.</summary>
    Approved,

    /// <summary>Paid out to the salesperson.</summary>
    Paid,
}
