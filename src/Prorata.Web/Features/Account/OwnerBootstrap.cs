using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data.Identity;

namespace Prorata.Web.Features.Account;

/// <summary>At start: makes sure the staff roles exist and that there is a way to the first Owner.</summary>
public sealed class OwnerBootstrap(
    IServiceScopeFactory scopes,
    IOptions<OwnerOptions> owner,
    OwnerSetup setup,
    ILogger<OwnerBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (PasswordOnCommandLine(Environment.GetCommandLineArgs()))
        {
            logger.LogWarning("{Section}:Password was given on the command line, where every user of this machine can read it (ps, /proc). "
                + "Set it as the environment variable Prorata__Owner__Password instead, and remove it once the Owner exists", OwnerOptions.Section);
        }
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        if (owner.Value.IsConfigured)
        {
            var errors = await CreateOwnerAsync(users, owner.Value.Email!, owner.Value.Password!);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"{OwnerOptions.Section} could not create the first Owner: {string.Join(" ", errors)}");
            }
            logger.LogInformation("Created the first Owner {Email} from configuration", owner.Value.Email);
            return;
        }
        setup.Open();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static bool PasswordOnCommandLine(IEnumerable<string> args) =>
        args.Any(a => a.Contains($"{OwnerOptions.Section}:Password", StringComparison.OrdinalIgnoreCase)
            || a.Contains("Prorata__Owner__Password", StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates an Owner; returns Identity's reasons when it refuses (weak password, taken email).</summary>
    public static async Task<IReadOnlyList<string>> CreateOwnerAsync(UserManager<StaffUser> users, string email, string password)
    {
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }
        var added = await users.AddToRoleAsync(user, StaffRoles.Owner);
        return added.Succeeded ? [] : added.Errors.Select(e => e.Description).ToList();
    }
}
