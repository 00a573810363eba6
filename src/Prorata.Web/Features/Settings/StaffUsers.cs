using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Application;

namespace Prorata.Web.Features.Settings;

/// <summary>
/// The Owner's management of staff users: add one with a role (no password is ever chosen for them: they get a one-time
/// link to set their own), change the role, disable or enable, make a new link. Prorata always keeps an Owner who can
/// sign in, and no one disables themselves. Each change is one transaction.
/// </summary>
public sealed class StaffUsers(UserManager<StaffUser> users, ProrataDbContext db)
{
    public const string SetPasswordPage = "/account/set-password";

    // Disabling is a lockout without end; failed sign-ins never lock an account (StaffSignIn slows the address instead).
    private static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<StaffUserResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await RolesAsync(cancellationToken);
        return [.. all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => Response(u, roles.GetValueOrDefault(u.Id, "")))];
    }

    public async Task<SaveResult<StaffUserInvitation>> AddAsync(string? email, string? role, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var address = email?.Trim() ?? "";
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
            errors["email"] = [$"email must be an email address; got '{email}'."];
        var known = KnownRole(role);
        if (known is null) errors["role"] = [RoleError(role)];
        if (errors.Count > 0) return SaveResult<StaffUserInvitation>.Invalid(errors);
        if (await users.FindByEmailAsync(address) is not null)
            return SaveResult<StaffUserInvitation>.Conflict($"A staff user with email '{address}' exists already.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new StaffUser { UserName = address, Email = address, EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return Refused(created);
        var added = await users.AddToRoleAsync(user, known!);
        if (!added.Succeeded) return Refused(added);
        var path = await LinkAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult<StaffUserInvitation>.Saved(new StaffUserInvitation(Response(user, known!), path));
    }

    public async Task<SaveResult<StaffUserResponse>> ChangeRoleAsync(string id, string? role, CancellationToken cancellationToken)
    {
        var known = KnownRole(role);
        if (known is null) return SaveResult<StaffUserResponse>.Invalid(new Dictionary<string, string[]> { ["role"] = [RoleError(role)] });
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveResult<StaffUserResponse>.NotFound($"There is no staff user '{id}'.");
        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (current == known) return SaveResult<StaffUserResponse>.Saved(Response(user, known));
        if (current == StaffRoles.Owner && await ActiveOwnersAsync(cancellationToken) <= 1 && !await users.IsLockedOutAsync(user))
            return SaveResult<StaffUserResponse>.Conflict($"{user.Email} is the only Owner who can sign in: make another Owner first.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (current.Length > 0)
        {
            var removed = await users.RemoveFromRoleAsync(user, current);
            if (!removed.Succeeded) return Refused<StaffUserResponse>(removed);
        }
        var added = await users.AddToRoleAsync(user, known);
        if (!added.Succeeded) return Refused<StaffUserResponse>(added);
        // A new security stamp signs them out everywhere, so the old role's cookie stops working.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult<StaffUserResponse>.Saved(Response(user, known));
    }

    public async Task<SaveResult<StaffUserResponse>> SetDisabledAsync(string id, bool disabled, string actingUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveResult<StaffUserResponse>.NotFound($"There is no staff user '{id}'.");
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (disabled && user.Id == actingUserId)
            return SaveResult<StaffUserResponse>.Conflict("You cannot disable yourself: another Owner can.");
        if (disabled && role == StaffRoles.Owner && !await users.IsLockedOutAsync(user) && await ActiveOwnersAsync(cancellationToken) <= 1)
            return SaveResult<StaffUserResponse>.Conflict($"{user.Email} is the only Owner who can sign in: make another Owner first.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enabled = await users.SetLockoutEnabledAsync(user, true);
        if (!enabled.Succeeded) return Refused<StaffUserResponse>(enabled);
        var locked = await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
        if (!locked.Succeeded) return Refused<StaffUserResponse>(locked);
        // A new security stamp signs a disabled user out everywhere.
        if (disabled) await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult<StaffUserResponse>.Saved(Response(user, role));
    }

    /// <summary>A new one-time link; the ones made before stop working.</summary>
    public async Task<SaveResult<StaffUserInvitation>> NewLinkAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveResult<StaffUserInvitation>.NotFound($"There is no staff user '{id}'.");
        await users.UpdateSecurityStampAsync(user);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        return SaveResult<StaffUserInvitation>.Saved(new StaffUserInvitation(Response(user, role), await LinkAsync(user)));
    }

    /// <summary>Sets the password with the link's token; Identity's reasons when it refuses (weak password, used or old link).</summary>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(string? id, string? token, string? password)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null || string.IsNullOrEmpty(token)) return ["This link is not valid: ask the Owner for a new one."];
        if (string.IsNullOrEmpty(password)) return ["Choose a password."];
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (reset.Succeeded) return [];
        return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? ["This link has been used, replaced by a newer one, or is more than a day old: ask the Owner for a new one."]
            : [.. reset.Errors.Select(e => e.Description)];
    }

    private async Task<string> LinkAsync(StaffUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{SetPasswordPage}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    private async Task<int> ActiveOwnersAsync(CancellationToken cancellationToken)
    {
        var active = 0;
        foreach (var owner in await users.GetUsersInRoleAsync(StaffRoles.Owner))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await users.IsLockedOutAsync(owner)) active++;
        }
        return active;
    }

    private async Task<Dictionary<string, string>> RolesAsync(CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles.AsNoTracking()
               join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
               select new { userRole.UserId, role.Name })
            .ToDictionaryAsync(r => r.UserId, r => r.Name!, cancellationToken);

    private static StaffUserResponse Response(StaffUser user, string role) =>
        new(user.Id, user.Email ?? "", role, user.LockoutEnd >= DisabledUntil, user.PasswordHash is not null);

    private static string? KnownRole(string? role) => StaffRoles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string RoleError(string? role) => $"role must be one of {string.Join(", ", StaffRoles.All)}; got '{role}'.";

    private static SaveResult<StaffUserInvitation> Refused(IdentityResult result) => Refused<StaffUserInvitation>(result);

    private static SaveResult<T> Refused<T>(IdentityResult result) where T : class =>
        SaveResult<T>.Invalid(new Dictionary<string, string[]> { ["email"] = [.. result.Errors.Select(e => e.Description)] });
}
