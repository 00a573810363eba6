using System.Globalization;
using Prorata.Application;
using Prorata.Application.ApiKeys;
using Prorata.Cli.Receivables;
using KeyStore = Prorata.Application.ApiKeys.ApiKeys;

namespace Prorata.Cli.ApiKeys;

/// <summary>
/// `api-keys create|list|revoke …`: the Owner's API keys from the command line, by the same rules as the API and the Settings
/// page. `create` prints the key alone on standard output (shown this once; `KEY=$(prorata api-keys create …)`) and what
/// it is on standard error. Exit 0 when done, 1 when there is no such key, 2 on bad arguments; nothing is written then.
/// </summary>
public static class ApiKeysCommand
{
    private const string Usage = """
        usage: prorata api-keys create --name NAME --role Owner|BillingAdmin|Finance|Sales|ReadOnly [--expires yyyy-MM-dd|INSTANT]
               prorata api-keys list
               prorata api-keys revoke ID|prk_…
               (each also takes --connection STRING; create and revoke take --as NAME, who the record names; default: $USER;
               --expires yyyy-MM-dd: the key stops working at 00:00 UTC that day)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        (string[] Options, int Values) shape = args.FirstOrDefault() switch
        {
            "create" => (["name", "role", "expires", "as"], 0),
            "list" => ([], 0),
            "revoke" => (["as"], 1),
            _ => ([], -1),
        };
        if (shape.Values < 0)
        {
            error.WriteLine(args.Length == 0 ? "api-keys needs create, list or revoke" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], shape.Options, [], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count != shape.Values)
        {
            error.WriteLine(arguments.Values.Count > shape.Values ? $"unknown argument '{arguments.Values[shape.Values]}'" : "revoke needs the key's id or its prk_ prefix");
            error.WriteLine(Usage);
            return 2;
        }
        DateTimeOffset? expires = null;
        if (arguments["expires"] is { } text)
        {
            if (Expiry(text) is not { } parsed)
            {
                error.WriteLine($"--expires must be a date yyyy-MM-dd or an instant such as 2026-06-30T00:00:00Z; got '{text}'.");
                return 2;
            }
            expires = parsed;
        }
        Guid id = Guid.Empty;
        if (args[0] == "revoke" && !TryKeyId(arguments.Values[0], out id))
        {
            error.WriteLine($"revoke needs the key's id (a GUID) or its prefix prk_<32 hex digits>; got '{arguments.Values[0]}'.");
            return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata api-keys …", error, cancellationToken, time);
        if (db is null) return 2;
        var keys = new KeyStore(db, time);
        switch (args[0])
        {
            case "create":
                var made = await keys.CreateAsync(new ApiKeyDraft(arguments["name"], arguments["role"], expires), arguments.Actor, cancellationToken);
                if (made.Outcome != SaveOutcome.Saved)
                {
                    foreach (var (field, messages) in made.Errors)
                        foreach (var message in messages) error.WriteLine($"--{(field == "expiresAt" ? "expires" : field)}: {message}");
                    return 2;
                }
                var key = made.Entity!.Key;
                output.WriteLine(made.Entity.Secret);
                error.WriteLine($"made API key {key.Name} ({key.Role}), {key.Prefix}, expires {At(key.ExpiresAt)}.");
                error.WriteLine("The key above is shown only this once: store it now. Prorata keeps only its hash.");
                return 0;
            case "list":
                var all = await keys.ListAsync(cancellationToken);
                output.WriteLine($"API keys{(all.Count == 0 ? ": none" : "")}");
                foreach (var k in all)
                {
                    var state = k.RevokedAt is { } revoked ? $"revoked {At(revoked)} by {k.RevokedBy}" : k.State;
                    output.WriteLine($"{k.Prefix} {k.Name} ({k.Role}): {state}; created {At(k.CreatedAt)} by {k.CreatedBy}, last used {At(k.LastUsedAt)}, expires {At(k.ExpiresAt)}");
                }
                return 0;
            default:
                var result = await keys.RevokeAsync(id, arguments.Actor, cancellationToken);
                if (result.Outcome != SaveOutcome.Saved)
                {
                    error.WriteLine(result.Message);
                    return 1;
                }
                output.WriteLine($"{result.Entity!.Prefix} {result.Entity.Name} ({result.Entity.Role}): revoked {At(result.Entity.RevokedAt)} by {result.Entity.RevokedBy}");
                return 0;
        }
    }

    private static DateTimeOffset? Expiry(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static bool TryKeyId(string text, out Guid id)
    {
        if (text.StartsWith(ApiKeyToken.Start, StringComparison.Ordinal))
        {
            var hex = text[ApiKeyToken.Start.Length..];
            return Guid.TryParseExact(hex.Length > 32 ? hex[..32] : hex, "N", out id);
        }
        return Guid.TryParse(text, out id);
    }

    private static string At(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}
