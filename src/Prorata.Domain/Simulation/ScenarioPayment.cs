namespace Prorata.Domain.Simulation;

/// <summary>
/// A scenario's <c>payment</c> event (docs/scenarios.md, "Payments"): money the customer paid at <see cref="At"/>, naming
/// the invoice of (<see cref="InvoiceContract"/>, <see cref="InvoiceDate"/>) when the file does.
/// </summary>
public sealed record ScenarioPayment(int Index, DateTimeOffset At, string Customer, decimal Amount, string Currency, string? Reference)
{
    public string? InvoiceContract { get; init; }
    public DateOnly? InvoiceDate { get; init; }
}
