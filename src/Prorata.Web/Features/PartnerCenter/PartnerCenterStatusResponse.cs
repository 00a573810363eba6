namespace Prorata.Web.Features.PartnerCenter;

/// <summary>The area's settings status: configured, consented, how old the refresh token is, the last run, open exceptions.</summary>
public sealed record PartnerCenterStatusResponse(
    bool Configured,
    bool Consented,
    DateTimeOffset? CredentialIssuedAt,
    DateTimeOffset? CredentialExpiresAt,
    int? CredentialAgeDays,
    bool CredentialExpiringSoon,
    bool CredentialExpired,
    SyncRunResponse? LastRun,
    int OpenIssues);
