namespace Prorata.Data.Portal;

/// <summary>Where a portal change that needs approval is. Stored as text: never rename one.</summary>
public enum PortalRequestState
{
    /// <summary>Waiting for staff.</summary>
    Pending,

    /// <summary>Claimed by the staff member approving it while the change is applied.</summary>
    Approving,

    /// <summary>Approved and applied.</summary>
    Approved,

    /// <summary>Declined by staff, with their reason.</summary>
    Declined,

    /// <summary>Approved, but the rules refused the change when it was applied (the reason is kept).</summary>
    Refused,

    /// <summary>Withdrawn by the customer before staff decided.</summary>
    Withdrawn,
}
