using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data;

namespace Prorata.Web.Features.Demo;

/// <summary>Seeds <see cref="DemoData"/> at start into a database that has no customer yet (Prorata:SeedDemoData, on by default).</summary>
public sealed class DemoSeeding(IServiceScopeFactory scopes, TimeProvider time, IOptions<DemoOptions> options, ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoData)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return;
        }
        await DemoData.SeedAsync(db, time, cancellationToken);
        logger.LogInformation("Seeded the demo partner into an empty database");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
