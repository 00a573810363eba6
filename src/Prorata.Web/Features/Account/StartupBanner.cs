using Microsoft.Extensions.Options;
using Prorata.Web.Infrastructure.Http;

namespace Prorata.Web.Features.Account;

/// <summary>
/// Tells the person who ran `dotnet run` where the app is and how to get in. Written as plain text on stdout, not as a
/// log event, because it is addressed to a person at a terminal (and carries the one-time setup link).
/// </summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    PublicAddress address,
    OwnerSetup setup,
    IOptions<OwnerOptions> owner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var lines = new List<string> { "", $"Prorata is running at {address.Link("/")}" };
        if (setup.Token is { } token)
        {
            lines.Add("No staff user exists yet. Create the first Owner (this link works once):");
            lines.Add($"  {address.Link($"{OwnerSetup.Path}?token={token}")}");
        }
        else if (owner.Value.IsConfigured)
        {
            lines.Add($"Sign in at {address.Link("/signin")} as {owner.Value.Email} (the password from Prorata:Owner:Password).");
        }
        else
        {
            lines.Add($"Sign in at {address.Link("/signin")} with your staff account.");
        }
        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
