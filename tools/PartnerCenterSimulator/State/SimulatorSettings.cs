using PartnerCenterSimulator.Rules;

namespace PartnerCenterSimulator.State;

/// <summary>Knobs of the simulated Microsoft; all can be changed at run time through <c>PUT /_sim/settings</c>.</summary>
public sealed class SimulatorSettings
{
    public WindowPolicy WindowPolicy { get; set; } = WindowPolicy.Days;

    /// <summary>How long updates answer 409 after a renewal starts (Microsoft: up to 24 h from 00:00 UTC).</summary>
    public TimeSpan RenewalProcessing { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many order polls report "pending" before provisioning completes.</summary>
    public int OrderPendingPolls { get; set; } = 1;

    /// <summary>Requests a minute the partner may send (Microsoft: 500, §4); 0 lifts the limit.</summary>
    public int RequestsPerMinute { get; set; } = 500;

    /// <summary>Whether the Admin Agent consents with MFA; without it Partner Center refuses every App+User call (§4.8).</summary>
    public bool ConsentWithMfa { get; set; } = true;

    public string PartnerId { get; set; } = "3b33e682-00c3-41ee-9dd2-a548adf56438";

    public string MpnId { get; set; } = "4847383";
}
