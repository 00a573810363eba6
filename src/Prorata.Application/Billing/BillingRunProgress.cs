namespace Prorata.Application.Billing;

/// <summary>
/// How far a billing run is: contracts due, done so far, invoices written, and contracts another run or an earlier
/// attempt had already billed; <see cref="Failed"/> contracts could not be billed at all and <see cref="Problems"/> work
/// items were raised or seen again (alerts, log entries the engine could not apply, failures).
/// </summary>
public sealed record BillingRunProgress(DateOnly Date, int Due, int Done, int Invoiced, int AlreadyBilled, bool Finished)
{
    public int Failed { get; init; }

    public int Problems { get; init; }
}
