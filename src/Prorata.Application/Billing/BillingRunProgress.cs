namespace Prorata.Application.Billing;

/// <summary>How far a billing run is: contracts due, done so far, invoices written, and contracts another run or an earlier attempt had already billed.</summary>
public sealed record BillingRunProgress(DateOnly Date, int Due, int Done, int Invoiced, int AlreadyBilled, bool Finished);
