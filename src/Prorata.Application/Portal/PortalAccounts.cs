using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Prorata.Data;
using Prorata.Data.Portal;

namespace Prorata.Application.Portal;

/// <summary>
/// Customer users' accounts: joining from an invitation, passwords (ASP.NET Core Identity's PBKDF2 hasher), TOTP codes
/// (RFC 6238, 30-second steps, one step of drift either way, a code used once), Microsoft Entra ID sign-in matched to the
/// customer's own tenant, and the customer admin's list of colleagues.
/// </summary>
public sealed class PortalAccounts(ProrataDbContext db, TimeProvider time, IDataProtectionProvider protection)
{
    public const int MinPasswordLength = 12;
    private const string TotpPurpose = "Prorata.Portal.Totp";
    public const string Issuer = "Prorata";

    private readonly PasswordHasher<CustomerUser> hasher = new();
    private readonly IDataProtector totpProtector = protection.CreateProtector(TotpPurpose);

    // The TOTP steps already used per user: a code proves a sign-in once (RFC 6238 §5.2). Per process: a replay on another
    // instance within the same 90 seconds would still need the password.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> LastStep = new();

    private static string? DummyHash;

    public async Task<SaveResult<CustomerUser>> AcceptAsync(string? token, string? password, string? displayName, PortalInvitations invitations,
        CancellationToken cancellationToken)
    {
        var user = await invitations.FindOpenAsync(token, cancellationToken);
        if (user is null) return SaveResult<CustomerUser>.NotFound("This invitation link is not valid any more: it was used, replaced or is older than 7 days. Ask for a new one.");
        if (CheckPassword(password) is { } problem) return SaveResult<CustomerUser>.Invalid(new Dictionary<string, string[]> { ["password"] = [problem] });
        var now = time.GetUtcNow();
        user.PasswordHash = hasher.HashPassword(user, password!);
        user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? user.DisplayName : displayName.Trim()[..Math.Min(displayName.Trim().Length, 200)];
        Join(user, now);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<CustomerUser>.Saved(user);
    }

    public static string? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"The password must have at least {MinPasswordLength} characters; a passphrase of a few words is best."
        : password.Length > 256 ? "The password must have at most 256 characters."
        : null;

    public async Task<PortalSignInResult> CheckPasswordAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToUpperInvariant() ?? "";
        var user = normalized.Length is 0 or > 256 ? null : await db.CustomerUsers.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is not { Disabled: false, PasswordHash: not null })
        {
            // As long as a real check: the answer's time must not tell whether the address has an account.
            var dummy = new CustomerUser { Email = "", NormalizedEmail = "", InvitedBy = "", SecurityStamp = "" };
            hasher.VerifyHashedPassword(dummy, DummyHash ??= hasher.HashPassword(dummy, PortalInvitations.NewStamp()), password ?? "");
            return PortalSignInResult.Refused(PortalSignInResult.WrongPassword);
        }
        if (password is null || hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
            return PortalSignInResult.Refused(PortalSignInResult.WrongPassword);
        if (user.TotpEnabled) return new PortalSignInResult(user, NeedsCode: true, null);
        await SignedInAsync(user, cancellationToken);
        return new PortalSignInResult(user, false, null);
    }

    /// <summary>The second factor after <see cref="CheckPasswordAsync"/> answered <see cref="PortalSignInResult.NeedsCode"/>.</summary>
    public async Task<PortalSignInResult> CheckCodeAsync(Guid userId, string? code, CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not { Disabled: false, TotpEnabled: true }) return PortalSignInResult.Refused(PortalSignInResult.WrongPassword);
        if (!VerifyCode(user, code)) return PortalSignInResult.Refused(PortalSignInResult.WrongCode);
        await SignedInAsync(user, cancellationToken);
        return new PortalSignInResult(user, false, null);
    }

    /// <summary>Starts MFA: a new key, kept encrypted and not yet required; the otpauth:// link for the authenticator app.</summary>
    public async Task<(string Secret, string Link)?> BeginTotpAsync(PortalCaller caller, CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.Id == caller.UserId && u.CustomerId == caller.CustomerId, cancellationToken);
        if (user is null) return null;
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.ProtectedTotpSecret = totpProtector.Protect(secret);
        user.TotpEnabled = false;
        await db.SaveChangesAsync(cancellationToken);
        return (secret, new OtpUri(OtpType.Totp, secret, user.Email, Issuer).ToString());
    }

    /// <summary>MFA as the account page shows it: on, or being set up (the key and its otpauth:// link, to show again), or off.</summary>
    public async Task<(bool Enabled, string? Secret, string? Link)> TotpStateAsync(PortalCaller caller, CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == caller.UserId && u.CustomerId == caller.CustomerId, cancellationToken);
        if (user is null || user.TotpEnabled || user.ProtectedTotpSecret is null) return (user?.TotpEnabled ?? false, null, null);
        var secret = totpProtector.Unprotect(user.ProtectedTotpSecret);
        return (false, secret, new OtpUri(OtpType.Totp, secret, user.Email, Issuer).ToString());
    }

    /// <summary>Turns MFA on once the user shows a code from the new key; the stamp changes, so other sessions sign in again.</summary>
    public async Task<string?> ConfirmTotpAsync(PortalCaller caller, string? code, CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.Id == caller.UserId && u.CustomerId == caller.CustomerId, cancellationToken);
        if (user?.ProtectedTotpSecret is null) return "Start the set-up first: no key is waiting for a code.";
        if (!VerifyCode(user, code)) return PortalSignInResult.WrongCode;
        user.TotpEnabled = true;
        user.SecurityStamp = PortalInvitations.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> DisableTotpAsync(PortalCaller caller, string? code, CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.Id == caller.UserId && u.CustomerId == caller.CustomerId, cancellationToken);
        if (user is not { TotpEnabled: true }) return "MFA is not on.";
        if (!VerifyCode(user, code)) return PortalSignInResult.WrongCode;
        user.TotpEnabled = false;
        user.ProtectedTotpSecret = null;
        user.SecurityStamp = PortalInvitations.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private bool VerifyCode(CustomerUser user, string? code)
    {
        if (user.ProtectedTotpSecret is null || code is null) return false;
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(totpProtector.Unprotect(user.ProtectedTotpSecret)));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        var used = LastStep.GetValueOrDefault(user.Id);
        if (step <= used) return false;
        LastStep[user.Id] = step;
        return true;
    }

    /// <summary>
    /// Which customer user a Microsoft Entra ID sign-in is: by the token's tenant and object id once linked; the first time,
    /// by an invited or joined user's e-mail, and only when the token's tenant is the customer's own Microsoft tenant
    /// (its Partner Center link), so a look-alike address in another tenant never gets in.
    /// </summary>
    public async Task<(CustomerUser? User, string? Error)> ResolveEntraAsync(ClaimsPrincipal external, CancellationToken cancellationToken)
    {
        var objectId = external.FindFirstValue("oid");
        var tenantId = external.FindFirstValue("tid");
        if (string.IsNullOrEmpty(objectId) || string.IsNullOrEmpty(tenantId)) return (null, "Microsoft sign-in did not complete; try again.");
        var linked = await db.CustomerUsers.FirstOrDefaultAsync(u => u.EntraTenantId == tenantId && u.EntraObjectId == objectId, cancellationToken);
        if (linked is not null)
        {
            if (linked.Disabled) return (null, "This portal user is disabled; ask your administrator.");
            await SignedInAsync(linked, cancellationToken);
            return (linked, null);
        }
        var email = (external.FindFirstValue("email") ?? external.FindFirstValue("preferred_username"))?.Trim().ToUpperInvariant();
        var user = string.IsNullOrEmpty(email) ? null : await db.CustomerUsers.FirstOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken);
        if (user is not { Disabled: false }) return (null, "That Microsoft account has not been invited to the portal; ask your administrator or your partner.");
        if (user.EntraObjectId is not null) return (null, "This portal user signs in with another Microsoft account.");
        var tenantsOfCustomer = await db.PartnerCenterCustomers.AsNoTracking().Where(l => l.CustomerId == user.CustomerId)
            .Select(l => l.PartnerCenterCustomerId).ToListAsync(cancellationToken);
        if (!tenantsOfCustomer.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
            return (null, "That Microsoft account belongs to another organisation than the customer you were invited to.");
        user.EntraTenantId = tenantId;
        user.EntraObjectId = objectId;
        if (!user.HasJoined) Join(user, time.GetUtcNow());
        await SignedInAsync(user, cancellationToken);
        return (user, null);
    }

    private static void Join(CustomerUser user, DateTimeOffset now)
    {
        user.JoinedAt ??= now;
        user.InvitationHash = null;
        user.InvitationExpiresAt = null;
        user.SecurityStamp = PortalInvitations.NewStamp();
    }

    private async Task SignedInAsync(CustomerUser user, CancellationToken cancellationToken)
    {
        user.LastSignInAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a cookie issued with <paramref name="stamp"/> still stands: the user exists, is enabled and nothing changed since.</summary>
    public async Task<bool> StillValidAsync(Guid userId, Guid customerId, string? stamp, CancellationToken cancellationToken) =>
        await db.CustomerUsers.AsNoTracking().AnyAsync(u => u.Id == userId && u.CustomerId == customerId && !u.Disabled && u.SecurityStamp == stamp, cancellationToken);

    public async Task<IReadOnlyList<CustomerUser>> UsersOfAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await db.CustomerUsers.AsNoTracking().Where(u => u.CustomerId == customerId).ToListAsync(cancellationToken)).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A new role or a disable, by staff or by an admin of the same customer; an admin cannot demote or disable themself.</summary>
    public async Task<SaveResult<CustomerUser>> UpdateAsync(Guid customerId, Guid userId, string? role, bool? disabled, Guid? actingUserId,
        CancellationToken cancellationToken)
    {
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.Id == userId && u.CustomerId == customerId, cancellationToken);
        if (user is null) return SaveResult<CustomerUser>.NotFound($"The customer has no portal user '{userId}'.");
        var errors = new Dictionary<string, string[]>();
        var parsed = role is null ? user.Role : PortalInvitations.ParseRole(role, errors);
        if (errors.Count > 0) return SaveResult<CustomerUser>.Invalid(errors);
        if (actingUserId == userId && (parsed != CustomerUserRole.Admin || disabled == true))
            return SaveResult<CustomerUser>.Conflict("You cannot take away your own admin role or disable yourself; ask another admin.");
        if (parsed == user.Role && (disabled ?? user.Disabled) == user.Disabled) return SaveResult<CustomerUser>.Saved(user);
        user.Role = parsed!.Value;
        user.Disabled = disabled ?? user.Disabled;
        user.SecurityStamp = PortalInvitations.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<CustomerUser>.Saved(user);
    }
}
