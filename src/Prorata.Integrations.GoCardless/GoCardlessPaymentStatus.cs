namespace Prorata.Integrations.GoCardless;

/// <summary>GoCardless's payment statuses (pending_submission…); <see cref="Unknown"/> for one this version does not know yet.</summary>
public enum GoCardlessPaymentStatus
{
    Unknown,
    PendingCustomerApproval,
    PendingSubmission,
    Submitted,
    Confirmed,
    PaidOut,
    Cancelled,
    CustomerApprovalDenied,
    Failed,
    ChargedBack,
}
