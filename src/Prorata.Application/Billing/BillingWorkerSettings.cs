namespace Prorata.Application.Billing;

/// <summary>
/// How a billing worker takes part in a run: its name in the chunks it claims (host and process id), the contracts per
/// chunk when it is the one that plans the run, and the lease: a chunk whose holder has not renewed it for that long is
/// free again. Worker clocks must agree to well within the lease (NTP does).
/// </summary>
public sealed record BillingWorkerSettings(string Name, int ChunkSize, TimeSpan Lease)
{
    public const int DefaultChunkSize = 1000;

    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);

    /// <summary>How often a worker with nothing left to claim looks again while others finish: a tenth of the lease, 0.1–2 s.</summary>
    public TimeSpan PollInterval => TimeSpan.FromTicks(Math.Clamp(Lease.Ticks / 10, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(2).Ticks));
}
