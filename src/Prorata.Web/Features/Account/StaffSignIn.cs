using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Prorata.Data.Identity;

namespace Prorata.Web.Features.Account;

/// <summary>
/// Password sign-in that tells nothing about accounts: an unknown email, an invited user without a password, a disabled
/// user and a wrong password all cost one password hash and get the same message, so neither the answer nor its time
/// says whether an account exists. Failures slow the client's address down (<see cref="SignInThrottle"/>); no account is
/// ever locked by them.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, SignInThrottle throttle, ILogger<StaffSignIn> logger)
{
    public const string Refused = "Email or password is wrong.";

    // Hashed once with the app's own hasher (same algorithm and iteration count as real hashes), for the accounts that
    // have none: verifying against it takes as long as verifying a real password.
    private static string? dummyHash;

    /// <returns>Null when signed in, otherwise the message to show.</returns>
    public async Task<string?> SignInAsync(string? email, string? password, IPAddress? client)
    {
        if (throttle.Wait(client) is { } wait)
        {
            return $"Too many failed sign-ins from your address; try again in {Math.Ceiling(wait.TotalSeconds):0} seconds.";
        }
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email.Trim());
        bool verified;
        if (user?.PasswordHash is null)
        {
            var dummy = new StaffUser();
            hasher.VerifyHashedPassword(dummy, dummyHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), password ?? "");
            verified = false;
        }
        else
        {
            verified = await users.CheckPasswordAsync(user, password ?? "");
        }
        if (!verified || await users.IsLockedOutAsync(user!) || !await signIn.CanSignInAsync(user!))
        {
            throttle.Failed(client);
            logger.LogInformation("Failed sign-in from {Client}", client);
            return Refused;
        }
        throttle.Succeeded(client);
        await signIn.SignInAsync(user!, isPersistent: false);
        return null;
    }
}
