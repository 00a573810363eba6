using Prorata.Application.PartnerCenter;
using Prorata.Web.Features.Billing;
using Prorata.Web.Features.PartnerCenter;
using Prorata.Web.Features.Receivables;
using Quartz;

namespace Prorata.Web.Features.Jobs;

/// <summary>One of Prorata's scheduled jobs: its key, what it does, its schedule in words, and whether the settings turn it on.</summary>
public sealed record ScheduledJob(string Key, string Title, string Description, string Schedule, bool Enabled);

/// <summary>
/// Prorata's scheduled jobs and when they run. The settings that turned the old in-process loops on and off decide
/// whether a job has triggers; every job is stored, so one turned off is still listed and can be run by hand.
/// </summary>
public static class ProrataJobs
{
    public const string Group = "prorata";
    public const string DailyBilling = "daily-billing";
    public const string Dunning = "dunning";
    public const string PartnerCenterSync = "partner-center-sync";
    public const string LicenseRead = "license-read";

    public static IReadOnlyList<ScheduledJob> All(IConfiguration configuration)
    {
        var billing = configuration.GetSection(DailyBillingOptions.Section).Get<DailyBillingOptions>() ?? new DailyBillingOptions();
        var dunning = configuration.GetSection(DunningOptions.Section).Get<DunningOptions>() ?? new DunningOptions();
        var sync = configuration.GetSection(PartnerCenterSyncOptions.Section).Get<PartnerCenterSyncOptions>() ?? new PartnerCenterSyncOptions();
        var partnerCenter = PartnerCenterConnection.From(configuration).Configured;
        return
        [
            new(DailyBilling, "Daily billing", "Bills every contract due today and issues its invoices.",
                $"at start, then {Words(CronOf(configuration, DailyBilling, "0 0 0 * * ?"))}", billing.DailyRun),
            new(Dunning, "Dunning", "Sends payment reminders and puts or lifts dunning's credit hold.",
                $"at start, then {Words(CronOf(configuration, Dunning, "0 30 0 * * ?"))}", dunning.DailyRun),
            new(PartnerCenterSync, "Partner Center sync", "Reads customers, subscriptions and their changes from Partner Center.",
                $"every {sync.IntervalMinutes} minutes", partnerCenter && sync.IntervalMinutes > 0),
            new(LicenseRead, "License read", "Reads the seats each linked tenant has assigned, for the renewal suggestions.",
                $"every {sync.LicenseReadHours} hours", partnerCenter && sync.LicenseReadHours > 0),
        ];
    }

    public static JobKey KeyOf(string job) => new(job, Group);

    /// <summary>Prorata:Jobs:{job}:Cron (a Quartz cron expression, UTC) overrides a daily job's hour; a wrong one stops the start, naming it.</summary>
    public static string CronOf(IConfiguration configuration, string job, string fallback)
    {
        var cron = configuration[$"{Section}:{job}:Cron"];
        if (string.IsNullOrWhiteSpace(cron)) return fallback;
        return CronExpression.TryParse(cron, out _) ? cron : throw new InvalidOperationException($"{Section}:{job}:Cron is not a Quartz cron expression: '{cron}'.");
    }

    public const string Section = "Prorata:Jobs";

    private static string Words(string cron) => cron switch
    {
        "0 0 0 * * ?" => "every day at 00:00 UTC",
        "0 30 0 * * ?" => "every day at 00:30 UTC",
        _ => $"on cron '{cron}' (UTC)",
    };

    public static void Configure(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var enabled = All(configuration).ToDictionary(j => j.Key, j => j.Enabled);
        var sync = configuration.GetSection(PartnerCenterSyncOptions.Section).Get<PartnerCenterSyncOptions>() ?? new PartnerCenterSyncOptions();
        quartz.AddJob<DailyBillingJob>(j => j.WithIdentity(KeyOf(DailyBilling)).StoreDurably());
        quartz.AddJob<DailyDunningJob>(j => j.WithIdentity(KeyOf(Dunning)).StoreDurably());
        quartz.AddJob<PartnerCenterSyncJob>(j => j.WithIdentity(KeyOf(PartnerCenterSync)).StoreDurably());
        quartz.AddJob<LicenseReadJob>(j => j.WithIdentity(KeyOf(LicenseRead)).StoreDurably());
        if (enabled[DailyBilling]) Daily(quartz, DailyBilling, CronOf(configuration, DailyBilling, "0 0 0 * * ?"));
        if (enabled[Dunning]) Daily(quartz, Dunning, CronOf(configuration, Dunning, "0 30 0 * * ?"));
        if (enabled[PartnerCenterSync]) Every(quartz, PartnerCenterSync, TimeSpan.FromMinutes(sync.IntervalMinutes));
        if (enabled[LicenseRead]) Every(quartz, LicenseRead, TimeSpan.FromHours(sync.LicenseReadHours));
    }

    /// <summary>
    /// At start (the app may have been down at its hour) and then daily; both jobs are idempotent per day. A missed due time
    /// of the stored trigger (every instance down at 00:00) fires once as soon as one is back.
    /// </summary>
    private static void Daily(IQuartzBuilder quartz, string job, string cron)
    {
        quartz.AddTrigger<IJob>(t => t.WithIdentity($"{job}-daily", Group).ForJob(KeyOf(job)).WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
        quartz.AddTrigger<IJob>(t => t.WithIdentity($"{job}-at-start", Group).ForJob(KeyOf(job)).StartNow());
    }

    private static void Every(IQuartzBuilder quartz, string job, TimeSpan interval) =>
        quartz.AddTrigger<IJob>((services, t) => t.WithIdentity($"{job}-every", Group).ForJob(KeyOf(job))
            .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + interval).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
}
