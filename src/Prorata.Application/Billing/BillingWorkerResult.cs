namespace Prorata.Application.Billing;

/// <summary>
/// What one worker did in a run: chunks it billed (<see cref="TakenOver"/> of them from a worker that stopped), their due
/// contracts, the invoices it wrote, and contracts found invoiced already (by an earlier holder of a chunk, or another run).
/// </summary>
public sealed record BillingWorkerResult(DateOnly Date, int Chunks, int ChunksBilled, int TakenOver, int Contracts, int Invoiced, int AlreadyBilled)
{
    public int Failed { get; init; }

    public int Problems { get; init; }
}
