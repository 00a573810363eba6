using System.ComponentModel.DataAnnotations;

namespace Prorata.Application.PartnerCenter;

/// <summary>Configuration section "PartnerCenter:Sync"; the connection itself is "PartnerCenter" (PartnerCenterOptions).</summary>
public sealed class PartnerCenterSyncOptions
{
    public const string Section = "PartnerCenter:Sync";

    /// <summary>Minutes between two scheduled incremental syncs; 0 turns the schedule off ("Sync now" still works).</summary>
    [Range(0, 1440)]
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Customers read at once; Partner Center allows 500 requests a minute per tenant (microsoft-csp §4).</summary>
    [Range(1, 16)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Change-log entries written per transaction, each transaction with the cursor that covers them.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Hours between two reads of the tenants' licenses (seats assigned, for the renewals ahead); 0 turns the schedule off.
    /// Daily is enough: assignments change slowly, and each read costs a request per tenant of Partner Center's budget.
    /// </summary>
    [Range(0, 168)]
    public int LicenseReadHours { get; set; } = 24;

    /// <summary>The country whose Partner Center catalog purchases are placed from (the partner's market).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Market { get; set; } = "US";
}
