namespace Prorata.Domain.Renewals;

/// <summary>What a renewal's licenses suggest. Stored nowhere; written as text (camelCase) by the API and the export.</summary>
public enum RenewalSuggestionKind
{
    /// <summary>Partner Center has not reported the subscription's license SKU: nothing is suggested from a guess.</summary>
    NoLicenseData,

    /// <summary>Every seat is assigned (or more): renew with the seats purchased.</summary>
    RenewAsIs,

    /// <summary>Schedule <see cref="RenewalSuggestion.Seats"/> seats at renewal: fewer than will renew now.</summary>
    Schedule,

    /// <summary>The renewal is already scheduled at the seats the licenses suggest.</summary>
    Scheduled,
}
