using Prorata.Data;
using Prorata.Data.Audit;
using Prorata.Web.Features.Audit;

namespace Prorata.Web.Infrastructure.Database;

/// <summary>Registers <see cref="ProrataDbContext"/> on the provider the connection string names, and migrates at start.</summary>
public static class ProrataDatabaseSetup
{
    public const string ConnectionStringName = "Prorata";

    public static IServiceCollection AddProrataDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        ProrataDatabase.EnsureSqliteFolder(connectionString);
        services.AddHttpContextAccessor();
        // Every save records the audit log under the request's user (AuditActorName), or "system" for background work.
        services.AddDbContext<ProrataDbContext>((provider, options) => ProrataDatabase.Use(options, connectionString, new AuditRecorder(
            AuditActorName.From(provider.GetRequiredService<IHttpContextAccessor>()), provider.GetRequiredService<TimeProvider>())));
        services.AddHealthChecks().AddDbContextCheck<ProrataDbContext>("database");
        // Hosted services start in registration order and before Kestrel: every later start-up step sees a migrated database.
        services.AddHostedService<DatabaseMigration>();
        return services;
    }
}
