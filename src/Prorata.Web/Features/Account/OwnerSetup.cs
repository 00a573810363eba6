using System.Security.Cryptography;
using System.Text;

namespace Prorata.Web.Features.Account;

/// <summary>
/// The one-time token of the setup URL that creates the first Owner. It lives in memory only: a restart before
/// setup prints a new one, and it is gone once an Owner exists.
/// </summary>
public sealed class OwnerSetup
{
    public const string Path = "/setup";
    private readonly Lock _gate = new();
    private string? _token;

    public bool IsOpen => Token is not null;

    /// <summary>The token while setup is open, for the start-up banner; null once an Owner exists.</summary>
    public string? Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    public string Open()
    {
        lock (_gate)
        {
            _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            return _token;
        }
    }

    /// <summary>True once, for the right token; a wrong token leaves setup open.</summary>
    public bool TryClose(string? token)
    {
        lock (_gate)
        {
            if (_token is null || token is null
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token)))
            {
                return false;
            }
            _token = null;
            return true;
        }
    }

    /// <summary>Puts a token back when creating the Owner failed after <see cref="TryClose"/>, so the same URL can be retried.</summary>
    public void Reopen(string token)
    {
        lock (_gate)
        {
            _token ??= token;
        }
    }
}
