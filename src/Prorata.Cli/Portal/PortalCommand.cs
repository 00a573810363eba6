using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Prorata.Application;
using Prorata.Application.Portal;
using Prorata.Cli.Receivables;
using Prorata.Data.Portal;

namespace Prorata.Cli.Portal;

/// <summary>
/// `portal invite|users|offers --customer ID|NAME`: a customer's portal from the command line, by the same rules as the
/// customer page and the API. `invite` prints the one-time link alone on standard output (it is also e-mailed through the
/// outbox, which the app sends) and what it did on standard error. The link is made on the app's public address and its
/// e-mail copy is encrypted with the app's key ring, read (never written) from its folder: a ring encrypted at rest opens
/// in the app only, so invite from the page or the API then. Exit 0 when done, 1 when refused, 2 on bad arguments.
/// </summary>
public static class PortalCommand
{
    public const string PublicUrlVariable = "Prorata__PublicBaseUrl";
    public const string KeysVariable = "Prorata__DataProtection__KeysDirectory";

    private const string Usage = """
        usage: prorata portal invite --customer ID|NAME --email ADDRESS --role admin|billing|readOnly [--public-url URL] [--keys DIR] [--as NAME]
               prorata portal users --customer ID|NAME
               prorata portal offers --customer ID|NAME
               (each also takes --connection STRING; --public-url: the app's Prorata:PublicBaseUrl, else env Prorata__PublicBaseUrl;
               --keys: the app's key ring folder, else env Prorata__DataProtection__KeysDirectory, else ./keys; --as: who invited, default $USER)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        string[]? options = args.FirstOrDefault() switch
        {
            "invite" => ["customer", "email", "role", "public-url", "keys", "as"],
            "users" or "offers" => ["customer"],
            _ => null,
        };
        if (options is null)
        {
            error.WriteLine(args.Length == 0 ? "portal needs invite, users or offers" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], options, [], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0 || arguments["customer"] is null)
        {
            error.WriteLine(arguments.Values.Count > 0 ? $"unknown argument '{arguments.Values[0]}'" : $"{args[0]} needs --customer");
            error.WriteLine(Usage);
            return 2;
        }
        Uri? publicUrl = null;
        IDataProtectionProvider? protection = null;
        if (args[0] == "invite")
        {
            publicUrl = PublicUrl(arguments["public-url"] ?? Environment.GetEnvironmentVariable(PublicUrlVariable), error);
            if (publicUrl is null) return 2;
            protection = KeyRing(arguments["keys"] ?? Environment.GetEnvironmentVariable(KeysVariable) ?? "keys", error);
            if (protection is null) return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata portal …", error, cancellationToken, time);
        if (db is null) return 2;
        var customer = await CustomerLookup.FindAsync(db, arguments["customer"]!, error, cancellationToken);
        if (customer is null) return 1;
        switch (args[0])
        {
            case "invite":
                var root = publicUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/');
                var made = await new PortalInvitations(db, time, protection!).InviteAsync(customer.Id, arguments["email"], arguments["role"], arguments.Actor,
                    token => new Uri($"{root}{PortalInvitations.InvitePath}{token}"), cancellationToken);
                switch (made.Outcome)
                {
                    case SaveOutcome.Saved:
                        var user = made.Entity!.User;
                        output.WriteLine(made.Entity.Link);
                        error.WriteLine($"invited {user.Email} ({Role(user.Role)}) to the portal of {customer.Name}; the link works once, until {At(user.InvitationExpiresAt)}, "
                            + "and is e-mailed to them by the app.");
                        return 0;
                    case SaveOutcome.Invalid:
                        foreach (var (field, messages) in made.Errors)
                            foreach (var message in messages) error.WriteLine($"--{field}: {message}");
                        return 2;
                    default:
                        error.WriteLine(made.Message);
                        return 1;
                }
            case "users":
                // Listing opens no secret: a throwaway key ring will do.
                var users = await new PortalAccounts(db, time, new EphemeralDataProtectionProvider()).UsersOfAsync(customer.Id, cancellationToken);
                output.WriteLine($"{users.Count} portal user(s) of {customer.Name}");
                foreach (var u in users)
                {
                    var joined = u.JoinedAt is { } at ? $"joined {At(at)}" : u.InvitationExpiresAt > time.GetUtcNow() ? $"invited until {At(u.InvitationExpiresAt)}" : "invitation expired";
                    output.WriteLine($"{u.Id} {u.Email} {Role(u.Role)}: {joined}, MFA {(u.TotpEnabled ? "on" : "off")}, last sign-in {At(u.LastSignInAt)}"
                        + (u.Disabled ? ", disabled" : ""));
                }
                return 0;
            default:
                var offers = await new PortalCatalog(db, time).OffersAsync(customer.Id, cancellationToken);
                output.WriteLine($"{offers.Count} portal offer(s) of {customer.Name}");
                foreach (var v in offers)
                {
                    var o = v.Offer;
                    var price = v.PricePerCycle is { } p ? $"{Prorata.Domain.Money.Currency.Format(p, v.Currency)} {v.Currency} per seat and {v.CycleMonths}-month cycle" : "not priced today";
                    output.WriteLine($"{o.Id} {v.Title} ({o.ProductId}/{o.SkuId} {o.Term} {o.BillingPlan.ToString().ToLowerInvariant()}): seats {o.MinSeats}–{o.MaxSeats?.ToString(CultureInfo.InvariantCulture) ?? "any"}, "
                        + $"{price}{(o.RequiresApproval ? ", always needs approval" : "")}");
                }
                return 0;
        }
    }

    private static Uri? PublicUrl(string? text, TextWriter error)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0)
            return uri;
        error.WriteLine(text is null
            ? $"invite needs the app's public address for the link: pass --public-url or set {PublicUrlVariable} (the app's Prorata:PublicBaseUrl)."
            : $"--public-url must be an absolute http or https URL such as https://billing.example.com; got '{text}'.");
        return null;
    }

    /// <summary>
    /// The app's key ring, read only: with automatic key generation off the command never adds a key beside the app's. Null,
    /// with why, when it has no key this process can use (none yet, or encrypted at rest with the app's certificate or key).
    /// </summary>
    private static IDataProtectionProvider? KeyRing(string folder, TextWriter error)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(folder));
        if (!directory.Exists)
        {
            error.WriteLine($"--keys: no key ring at {directory.FullName}; pass the app's Prorata:DataProtection:KeysDirectory.");
            return null;
        }
        var provider = DataProtectionProvider.Create(directory, builder => builder.SetApplicationName("Prorata").DisableAutomaticKeyGeneration());
        try
        {
            provider.CreateProtector("Prorata.Cli.KeyRingCheck").Protect([1]);
            return provider;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine($"--keys: the key ring at {directory.FullName} has no key this command can use ({e.Message}). A ring encrypted at rest "
                + "(Prorata:DataProtection:Key or CertificatePath) opens in the app only: invite on the customer page or with POST /api/v1/customers/{id}/portal/invitations.");
            return null;
        }
    }

    private static string Role(CustomerUserRole role) => role switch
    {
        CustomerUserRole.Admin => "admin",
        CustomerUserRole.Billing => "billing",
        _ => "readOnly",
    };

    private static string At(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}
