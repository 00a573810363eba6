namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>Where a pull is, for the web app's progress bar.</summary>
public sealed record SyncProgress(string Stage, int Done, int Total);
