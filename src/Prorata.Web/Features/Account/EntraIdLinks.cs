using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Prorata.Data.Identity;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Account;

/// <summary>
/// Which staff account a Microsoft Entra ID sign-in is. The account is found by the token's object id in its tenant
/// (<c>oid</c>, <c>tid</c>: stable and issued by Entra ID, unlike <c>email</c> or <c>preferred_username</c>, which a tenant
/// administrator or the user can set). Only the first sign-in of a staff user is matched by email, and links that object
/// id; from then on another Entra ID object with the same email is refused.
/// </summary>
public sealed class EntraIdLinks(UserManager<StaffUser> users)
{
    public const string UnknownUser = "unknown-user";
    public const string OtherAccount = "other-account";
    public const string Incomplete = "external";

    /// <returns>The staff user, or the sign-in page's error code.</returns>
    public async Task<(StaffUser? User, string? Error)> ResolveAsync(ClaimsPrincipal external)
    {
        var objectId = external.FindFirstValue("oid");
        var tenantId = external.FindFirstValue("tid");
        if (string.IsNullOrEmpty(objectId) || string.IsNullOrEmpty(tenantId))
        {
            return (null, Incomplete);
        }
        var key = $"{tenantId}:{objectId}";
        if (await users.FindByLoginAsync(EntraIdOptions.Scheme, key) is { } linked)
        {
            return (linked, null);
        }
        var email = external.FindFirstValue("email") ?? external.FindFirstValue("preferred_username");
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return (null, UnknownUser);
        }
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == EntraIdOptions.Scheme))
        {
            return (null, OtherAccount);
        }
        var added = await users.AddLoginAsync(user, new UserLoginInfo(EntraIdOptions.Scheme, key, "Microsoft Entra ID"));
        return added.Succeeded ? (user, null) : (null, UnknownUser);
    }
}
