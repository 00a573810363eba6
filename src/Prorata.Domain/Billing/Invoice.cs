namespace Prorata.Domain.Billing;

/// <summary>
/// A customer invoice of one billing contract for one billing date, due <see cref="Due"/> (the date plus the contract's
/// payment terms); its total is the sum of its rounded lines.
/// </summary>
public sealed record Invoice(string ContractId, DateOnly Date, DateOnly Due, string Currency, IReadOnlyList<InvoiceLine> Lines)
{
    public decimal Total
    {
        get
        {
            var total = 0m;
            foreach (var line in Lines) total += line.Amount;
            return total;
        }
    }
}
