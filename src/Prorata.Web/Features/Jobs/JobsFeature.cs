using Prorata.Data;
using Prorata.Web.Infrastructure.Database;
using Quartz;

namespace Prorata.Web.Features.Jobs;

/// <summary>
/// Scheduled jobs on Quartz.NET. On PostgreSQL the schedule is in the database (Quartz's clustered job store): any number
/// of app instances share it and each due time fires on one of them; Quartz creates its tables there at first start. SQLite keeps it in memory: one process by definition.
/// </summary>
public static class JobsFeature
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ProrataDatabaseSetup.ConnectionStringName)!;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceName = "Prorata");
            if (ProrataDatabase.IsSqlite(connectionString))
            {
                quartz.UseInMemoryStore();
            }
            else
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    // Quartz creates its own tables (qrtz_*, exactly its version's) when they are missing and checks them at every
                    // start; it never alters a table that exists, so a Quartz upgrade that changes them comes with its scripts.
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = TimeSpan.FromSeconds(10);
                        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                    });
                });
            }
            ProrataJobs.Configure(quartz, configuration);
        });
        // Registered after the database's migration (hosted services start in order): the job store's tables exist by then.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddScoped<JobViews>();
        return services;
    }
}
