namespace Prorata.Integrations.PartnerCenter;

/// <summary>Prorata's stable refusal codes for Partner Center answers; the API returns them in 422 ProblemDetails (502 for the two that are Partner Center's failures, not its rules).</summary>
public static class RefusalCodes
{
    public const string SeatReductionWindowClosed = "SeatReductionWindowClosed";
    public const string CancellationWindowClosed = "CancellationWindowClosed";
    public const string SubscriptionSuspended = "SubscriptionSuspended";
    public const string ChangedInPartnerCenter = "ChangedInPartnerCenter";
    public const string RenewalInProgress = "RenewalInProgress";
    public const string NotFound = "NotFound";
    public const string PartnerCenterRefused = "PartnerCenterRefused";
    public const string NotInPartnerCenterCatalog = "NotInPartnerCenterCatalog";

    /// <summary>Partner Center could not be reached or answered unexpectedly, after retries: not a rule, so the API answers 502.</summary>
    public const string PartnerCenterUnavailable = "PartnerCenterUnavailable";

    /// <summary>The stored consent lacks MFA (error 900421): an Admin Agent must consent again; the API answers 502.</summary>
    public const string PartnerCenterMfaRequired = "PartnerCenterMfaRequired";

    /// <summary>Microsoft's error codes (developer/error-codes.md, microsoft-csp.md §1.3) → ours.</summary>
    public static string FromMicrosoft(int? microsoftCode) => microsoftCode switch
    {
        900257 or 900214 or 800090 => SeatReductionWindowClosed,
        900117 or 900213 => CancellationWindowClosed,
        2001 => SubscriptionSuspended,
        _ => PartnerCenterRefused,
    };
}
