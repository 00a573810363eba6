namespace Prorata.Web.Features.Account;

/// <summary>
/// Failed sign-ins per client address (<c>Prorata:SignIn</c>): after <see cref="FreeFailures"/> in a row, each further
/// failure doubles the wait before the next attempt from that address, from <see cref="FirstDelaySeconds"/> up to
/// <see cref="MaxDelaySeconds"/>. Accounts themselves are never locked by failures, so no one can lock the Owner out.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Prorata:SignIn";

    public int FreeFailures { get; set; } = 5;

    public int FirstDelaySeconds { get; set; } = 1;

    public int MaxDelaySeconds { get; set; } = 900;
}
