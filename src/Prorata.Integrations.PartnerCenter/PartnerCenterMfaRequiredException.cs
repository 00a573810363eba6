namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// Partner Center refused the App+User token because its consent was given without multi-factor authentication (error
/// 900421, §4.8). Retrying cannot help — every token refreshed from that consent lacks the claim — so it is never retried:
/// an Admin Agent must consent again, signing in with MFA.
/// </summary>
public sealed class PartnerCenterMfaRequiredException(int statusCode)
    : PartnerCenterException(
        "Partner Center requires multi-factor authentication (error 900421): the stored consent was given without MFA. "
        + "An Admin Agent must consent again on the Partner Center page, signing in with MFA.", statusCode)
{
    public const int MicrosoftCode = 900421;
}
