using Prorata.Data.Billing;

namespace Prorata.Web.Features.Billing;

/// <summary>Prorata:Billing:DailyRun — whether the app bills each day's due contracts by itself.</summary>
public sealed class DailyBillingOptions
{
    public bool DailyRun { get; set; } = true;

    public static string Section => BillingOptions.Section;
}
