using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Prorata.Data.Identity;

namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// Refuses passwords that are long but guessable (NIST SP 800-63B §5.1.1.2: compare against commonly used values,
/// repetitive or sequential characters, context-specific words): the 10,000 most common passwords (CommonPasswords.txt,
/// from zxcvbn's frequency list, MIT), a few characters repeated (<c>aaaaaaaaaaaa</c>, <c>abcabcabcabc</c>), a run
/// (<c>abcdefghijkl</c>, <c>123456789012</c>) and the user's own email or its name part.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MinDistinctCharacters = 5;

    private static readonly FrozenSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var errors = Problems(password ?? "", user.Email).Select(p => new IdentityError { Code = "WeakPassword", Description = p }).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IEnumerable<string> Problems(string password, string? email)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Contains(lower) || Common.Contains(lower.TrimEnd("0123456789!.?".ToCharArray())))
        {
            yield return "This password is one of the most common passwords; choose a passphrase of your own.";
            yield break;
        }
        var distinct = lower.Distinct().Count();
        if (distinct < MinDistinctCharacters)
        {
            yield return $"This password uses only {distinct} different characters; use at least {MinDistinctCharacters}.";
        }
        else if (IsRepetition(lower))
        {
            yield return "This password repeats the same few characters; choose a passphrase.";
        }
        else if (IsRun(lower))
        {
            yield return "This password is a run of sequential characters (like abcdef or 123456); choose a passphrase.";
        }
        if (email is { Length: > 0 })
        {
            var address = email.Trim().ToLowerInvariant();
            var name = address.Split('@')[0];
            if (lower.Contains(address, StringComparison.Ordinal) || (name.Length >= 3 && lower.Contains(name, StringComparison.Ordinal)))
            {
                yield return "The password must not contain your email address or its name part.";
            }
        }
    }

    // "passpasspass": the whole password is one shorter piece repeated.
    private static bool IsRepetition(string text)
    {
        for (var period = 1; period <= text.Length / 2; period++)
        {
            if (text.Length % period == 0 && text.AsSpan(period).SequenceEqual(text.AsSpan(0, text.Length - period)))
            {
                return true;
            }
        }
        return false;
    }

    // Three quarters of the neighbours one apart ("abcdefghijkl", "123456789012", "zyxwvutsrqpo") is a run.
    private static bool IsRun(string text)
    {
        var steps = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (Math.Abs(text[i] - text[i - 1]) <= 1)
            {
                steps++;
            }
        }
        return text.Length > 1 && steps * 4 >= (text.Length - 1) * 3;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream($"{typeof(CommonPasswordValidator).Namespace}.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
