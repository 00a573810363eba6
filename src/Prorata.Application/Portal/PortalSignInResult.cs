using Prorata.Data.Portal;

namespace Prorata.Application.Portal;

/// <summary>
/// A portal sign-in step's answer: the user once every factor is proven, or <see cref="NeedsCode"/> when the password was
/// right and a TOTP code must follow, or the error to show (never saying which of e-mail or password was wrong).
/// </summary>
public sealed record PortalSignInResult(CustomerUser? User, bool NeedsCode, string? Error)
{
    public const string WrongPassword = "That e-mail and password do not match a portal user.";
    public const string WrongCode = "That code is not the one your authenticator app shows now; try the current one.";

    public static PortalSignInResult Refused(string error) => new(null, false, error);
}
