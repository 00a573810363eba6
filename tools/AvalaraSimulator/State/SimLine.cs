using AvalaraSimulator.Tax;

namespace AvalaraSimulator.State;

/// <summary>A recorded line: what was sent and the tax computed for it where it was located.</summary>
public sealed record SimLine(
    long Id, string Number, string? Description, string? ItemCode, string? TaxCode, decimal Quantity, decimal Amount,
    LineTax Tax, string Country, string? Region);
